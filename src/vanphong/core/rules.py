"""Dated rules (invariant 6): rule tables whose rows take effect on a date and are looked up "as of".

A row for (table, key) is in force from its `effective_from` until the next row of the same key.
Old rows stay, so old records are judged by the rule of their own date.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from vanphong.core import audit
from vanphong.core.errors import ServiceError
from vanphong.core.models import DatedRule


class RuleError(ServiceError):
    DUPLICATE_VERSION = (
        "duplicate_version",
        _("A version of this rule already takes effect on that date."),
    )
    NOT_FOUND = "not_found", _("No rule is in force on that date.")


def rule_as_of(table: str, key: str, as_of: datetime.date) -> DatedRule:
    row = (
        DatedRule.objects.filter(table=table, key=key, effective_from__lte=as_of)
        .order_by("-effective_from")
        .first()
    )
    if row is None:
        raise RuleError(RuleError.NOT_FOUND)
    return row


def value_as_of(table: str, key: str, as_of: datetime.date, default=None):
    try:
        return rule_as_of(table, key, as_of).value
    except RuleError:
        return default


def table_as_of(table: str, as_of: datetime.date) -> dict[str, object]:
    """Every key of `table` with the value in force on `as_of` (keys not yet in force left out)."""
    result: dict[str, tuple[datetime.date, object]] = {}
    for row in DatedRule.objects.filter(table=table, effective_from__lte=as_of):
        current = result.get(row.key)
        if current is None or row.effective_from > current[0]:
            result[row.key] = (row.effective_from, row.value)
    return {key: value for key, (_d, value) in sorted(result.items())}


def set_rule(
    *,
    acting_user,
    table: str,
    key: str,
    effective_from: datetime.date,
    value,
    source: str = "",
) -> DatedRule:
    """Add a new version of a rule. Earlier versions stay for the records of their time."""
    try:
        with transaction.atomic():
            row = DatedRule.objects.create(
                table=table, key=key, effective_from=effective_from, value=value, source=source
            )
            audit.record(
                actor=acting_user, action="rule.set", target=row, after=audit.snapshot(row)
            )
    except IntegrityError:
        raise RuleError(RuleError.DUPLICATE_VERSION) from None
    return row
