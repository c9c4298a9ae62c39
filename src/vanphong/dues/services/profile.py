"""A member's dues category over time, the monthly bases, and the exemptions and reductions
decided for them (docs/rules/dues.md)."""

import datetime

from django.db import transaction

from vanphong.core import audit, rules
from vanphong.dues.errors import DuesError
from vanphong.dues.models import (
    Basis,
    Category,
    MemberCategory,
    Region,
    Relief,
    ReliefKind,
    ReliefReason,
)
from vanphong.dues.rates import month_of, months_between
from vanphong.dues.rule_tables import RuleTable
from vanphong.dues.services.common import amount, ensure_record
from vanphong.organizations.models import Member


def set_category(
    *,
    acting_user,
    member: Member,
    category: str,
    starts_on: datetime.date,
    region: str = "",
    note: str = "",
) -> MemberCategory:
    """The member's category from the month of `starts_on` on (a new row; the earlier stay)."""
    ensure_record(acting_user, member.organization)
    if category not in Category.values:
        raise DuesError(DuesError.UNKNOWN_CATEGORY)
    if region and region not in Region.values:
        raise DuesError(DuesError.REGION_NEEDED)
    if category == Category.OTHER and not region:
        raise DuesError(DuesError.REGION_NEEDED)
    month = month_of(starts_on)
    with transaction.atomic():
        row = MemberCategory.objects.select_for_update().filter(member=member, starts_on=month)
        existing = row.first()
        with audit.change(
            acting_user, existing, "dues.category", organization=member.organization
        ) as rec:
            target = existing or MemberCategory(member=member, starts_on=month)
            target.category, target.region, target.note = category, region, note
            target.save()
            rec.target = target
    return target


def set_basis(*, acting_user, member: Member, month: datetime.date, value) -> Basis:
    """The amount of `month` (the salary that was the social-insurance base, the benefit or the
    pension of that month) for the member."""
    ensure_record(acting_user, member.organization)
    number = amount(value)
    month = month_of(month)
    with transaction.atomic():
        existing = Basis.objects.select_for_update().filter(member=member, month=month).first()
        with audit.change(
            acting_user,
            existing,
            "dues.basis",
            organization=member.organization,
            only_if_changed=existing is not None,
        ) as rec:
            target = existing or Basis(member=member, month=month)
            target.amount = number
            target.save()
            rec.target = target
    return target


def add_relief(
    *,
    acting_user,
    member: Member,
    kind: str,
    reason: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    decision: str,
    decided_on: datetime.date,
    percent: int = 0,
    note: str = "",
) -> Relief:
    """An exemption or a reduction decided for the member, over whole months; checked against
    the rules in force in its first month (reasons, percentages, at most so many months)."""
    ensure_record(acting_user, member.organization)
    if reason not in ReliefReason.values or kind not in ReliefKind.values:
        raise DuesError(DuesError.UNKNOWN_REASON)
    if not decision.strip():
        raise DuesError(DuesError.DECISION_NEEDED)
    first = month_of(starts_on)
    last = month_of(ends_on) if ends_on else None
    if last is not None and last < first:
        raise DuesError(DuesError.END_BEFORE_START)
    label = first.strftime("%m/%Y")
    if kind == ReliefKind.EXEMPT:
        rule = rules.value_as_of(RuleTable.EXEMPTION, reason, first)
        percent = 0
    else:
        if reason != ReliefReason.HARDSHIP:
            raise DuesError(DuesError.REDUCTION_FOR_HARDSHIP)
        rule = rules.value_as_of(RuleTable.REDUCTION, reason, first)
        if rule is not None and percent not in rule["percents"]:
            raise DuesError(
                DuesError.PERCENT_NOT_ALLOWED,
                percents=", ".join(str(p) for p in rule["percents"]),
            )
    if rule is None:
        raise DuesError(DuesError.NOT_ALLOWED_REASON, month=label)
    limit = rule.get("max_months", 0)
    if limit:
        if last is None:
            raise DuesError(DuesError.END_NEEDED)
        given = months_between(first, last)
        if given > limit:
            raise DuesError(DuesError.TOO_LONG, months=limit, given=given)
    with transaction.atomic():
        Member.objects.select_for_update().filter(pk=member.pk).first()  # one relief at a time
        for other in Relief.objects.filter(member=member):
            if other.starts_on <= (last or datetime.date.max) and (
                other.ends_on is None or first <= other.ends_on
            ):
                start = max(first, other.starts_on)
                raise DuesError(DuesError.OVERLAP, month=start.strftime("%m/%Y"))
        with audit.change(
            acting_user, None, "dues.relief", organization=member.organization
        ) as rec:
            rec.target = Relief.objects.create(
                member=member,
                kind=kind,
                reason=reason,
                percent=percent,
                starts_on=first,
                ends_on=last,
                decision=decision.strip(),
                decided_on=decided_on,
                note=note,
            )
    return rec.target
