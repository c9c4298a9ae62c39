"""Dated rules (invariant 6): rule tables whose rows take effect on a date and are looked up "as of".

A row for (table, key) is in force from its `effective_from` until the next row of the same key.
Old rows stay, so old records are judged by the rule of their own date.

Each app registers its tables (`TABLES.register(key, label, validate=...)`, from its
`AppConfig.ready`); `validate(value)` raises a ValidationError when a row's value does not fit.
"""

import datetime
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from vanphong.core import access, audit
from vanphong.core.errors import ServiceError
from vanphong.core.models import DatedRule
from vanphong.core.registry import Vocabulary

TABLES = Vocabulary("rule table")


def load_rows(model, rows) -> None:
    """Insert an area's first rows where missing (a row already there, perhaps changed by an
    administrator, is left as it is). `model` is DatedRule or its migration-time version; each
    row is a dict with table, key, effective_from, value and source."""
    for row in rows:
        model.objects.get_or_create(
            table=row["table"],
            key=row["key"],
            effective_from=row["effective_from"],
            defaults={"value": row["value"], "source": row["source"]},
        )


def validate(table: str, value) -> None:
    """Raise a ValidationError unless `table` is registered and `value` fits it."""
    TABLES.validator(table)
    check = TABLES.get(table).extra.get("validate")
    if check is not None:
        check(value)


class RuleError(ServiceError):
    DUPLICATE_VERSION = (
        "duplicate_version",
        _("A version of this rule already takes effect on that date."),
    )


# Rule tables are read on hot paths (every registration checks its document type) and change a few
# times a year, with effective dates: each process keeps a table for RULES_CACHE_SECONDS; a change
# made here clears it at once, one made by another process is seen within that time.
_cache: dict[str, tuple[float, list[tuple[str, datetime.date, object]]]] = {}


def _rows(table: str) -> list[tuple[str, datetime.date, object]]:
    seconds = getattr(settings, "RULES_CACHE_SECONDS", 0)
    cached = _cache.get(table)
    if cached and time.monotonic() - cached[0] < seconds:
        return cached[1]
    rows = list(DatedRule.objects.filter(table=table).values_list("key", "effective_from", "value"))
    if seconds > 0:
        _cache[table] = (time.monotonic(), rows)
    return rows


def clear_cache() -> None:
    _cache.clear()


def value_as_of(table: str, key: str, as_of: datetime.date, default=None):
    """The value of (table, key) in force on `as_of`, or `default`."""
    found = None
    for row_key, effective_from, value in _rows(table):
        if (
            row_key == key
            and effective_from <= as_of
            and (found is None or effective_from > found[0])
        ):
            found = (effective_from, value)
    return found[1] if found else default


def table_as_of(table: str, as_of: datetime.date) -> dict[str, object]:
    """Every key of `table` with the value in force on `as_of` (keys not yet in force left out)."""
    result: dict[str, tuple[datetime.date, object]] = {}
    for key, effective_from, value in _rows(table):
        current = result.get(key)
        if effective_from <= as_of and (current is None or effective_from > current[0]):
            result[key] = (effective_from, value)
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
    access.ensure_allowed(acting_user, access.Action.RULES_CHANGE)
    validate(table, value)
    try:
        with transaction.atomic():
            row = DatedRule.objects.create(
                table=table, key=key, effective_from=effective_from, value=value, source=source
            )
            audit.record(
                actor=acting_user, action="rule.set", target=row, after=audit.snapshot(row)
            )
            transaction.on_commit(clear_cache)
        clear_cache()
    except IntegrityError:
        raise RuleError(RuleError.DUPLICATE_VERSION) from None
    return row
