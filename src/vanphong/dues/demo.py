"""The dues' demo: the months of 2025 (the legacy 342-QĐ/TW rules, and January 2026) and the
twelve months up to the reference day (01-QĐ/TW from February 2026) for the cells of the Văn
phòng HĐND tỉnh party committee, computed and paid through the services, with the showcase
states a visitor should find on any day (decision 0013):

- every member has a category (social insurance with a salary each month; one pensioner in
  the second cell; one member outside social insurance without a pension, region III, in the
  third) and every month over is paid (cash with its receipt, or the portal), the month of the
  reference day left to collect;
- a member of the third cell is exempt for a serious illness from five months before the day
  (for a hardship, twelve months, when that month is before 01-QĐ/TW);
- a member of the fourth cell has a 50% reduction for hardship, twelve months from four months
  before the day;
- a member of `bithuchibo`'s cell left three months of one calendar year unpaid (this year's
  January to March from April on, otherwise last October to December): flagged.
Runs once, after the organizations' demo.
"""

import datetime

from django.db import transaction

from vanphong.core.models import DatedRule
from vanphong.dues import rule_seeds
from vanphong.dues.models import Category, Channel, LedgerLine, ReliefKind, ReliefReason
from vanphong.dues.rates import month_of, next_month, previous_month
from vanphong.dues.services import ledger, payments, profile
from vanphong.organizations.milestones import add_months
from vanphong.organizations.models import CELL_KINDS, Organization

COMMITTEE = "Đảng bộ Cơ quan Văn phòng HĐND tỉnh"


def demo_months(as_of: datetime.date) -> list[datetime.date]:
    """The months of 2025 and the twelve months up to `as_of`'s, in order."""
    current = month_of(as_of)
    months = {datetime.date(2025, m, 1) for m in range(1, 13)}
    months |= {add_months(current, -back) for back in range(12)}
    return sorted(m for m in months if m <= current)


def flagged_months(as_of: datetime.date) -> list[datetime.date]:
    if as_of.month >= 4:
        return [datetime.date(as_of.year, m, 1) for m in (1, 2, 3)]
    return [datetime.date(as_of.year - 1, m, 1) for m in (10, 11, 12)]


def load_dues(*, as_of: datetime.date | None = None, out=None) -> bool:
    from vanphong.organizations.services.members import today

    if LedgerLine.objects.exists():
        if out is not None:
            out.write("Demo dues already loaded.")
        return False
    rule_seeds.load(DatedRule)
    committee = Organization.objects.filter(name=COMMITTEE).first()
    if committee is None:
        return False
    with transaction.atomic():
        _load(committee, as_of or today())
    if out is not None:
        out.write("Demo dues loaded.")
    return True


def _salary(serial: int) -> int:
    return 6_000_000 + 350_000 * (serial % 9)


def _load(committee: Organization, as_of: datetime.date) -> None:
    cells = list(
        Organization.objects.get_children(committee).filter(kind__in=CELL_KINDS).order_by("path")
    )
    months = demo_months(as_of)
    current = month_of(as_of)
    amounts = sorted({*months, *(previous_month(m) for m in months)})
    special: dict[int, str] = {}
    members_by_cell = []
    serial = 0
    for index, cell in enumerate(cells):
        members = list(cell.members.order_by("pk"))
        members_by_cell.append(members)
        for position, member in enumerate(members):
            serial += 1
            if index == 1 and position == 1:
                kind, region = Category.PENSION, ""
            elif index == 2 and position == 1:
                kind, region = Category.OTHER, "III"
            else:
                kind, region = Category.SOCIAL_INSURANCE, ""
            special[member.pk] = kind
            profile.set_category(
                acting_user=None,
                member=member,
                category=kind,
                region=region,
                starts_on=rule_seeds.LEGACY,
            )
            if kind == Category.OTHER:
                continue
            base = 4_800_000 if kind == Category.PENSION else _salary(serial)
            for month in amounts:
                profile.set_basis(acting_user=None, member=member, month=month, value=base)
    if len(cells) > 2 and len(members_by_cell[2]) > 2:
        start = add_months(current, -5)
        # before 01-QĐ/TW only a hardship exempts, for twelve months at most
        legacy = start < rule_seeds.REGULATION_2026
        profile.add_relief(
            acting_user=None,
            member=members_by_cell[2][2],
            kind=ReliefKind.EXEMPT,
            reason=ReliefReason.HARDSHIP if legacy else ReliefReason.SERIOUS_ILLNESS,
            starts_on=start,
            ends_on=add_months(start, 11) if legacy else None,
            decision="05-QĐ/CB",
            decided_on=start,
            note="Điều trị dài ngày",
        )
    if len(cells) > 3 and len(members_by_cell[3]) > 1:
        start = add_months(current, -4)
        profile.add_relief(
            acting_user=None,
            member=members_by_cell[3][1],
            kind=ReliefKind.REDUCE,
            reason=ReliefReason.HARDSHIP,
            percent=50,
            starts_on=start,
            ends_on=add_months(start, 11),
            decision="07-QĐ/CB",
            decided_on=start,
            note="Gia đình gặp thiên tai",
        )
    late = members_by_cell[0][3] if members_by_cell and len(members_by_cell[0]) > 3 else None
    unpaid = set(flagged_months(as_of))
    for month in months:
        for cell in cells:
            ledger.compute_month(acting_user=None, organization=cell, month=month)
        if month == current:
            continue
        day = min(next_month(month) + datetime.timedelta(days=9), as_of)
        for line in LedgerLine.objects.filter(month=month, due__gt=0).select_related(
            "organization"
        ):
            if late is not None and line.member_id == late.pk and month in unpaid:
                continue
            portal = line.member_id % 3 == 0
            payments.record_payment(
                acting_user=None,
                line=line,
                value=line.due,
                paid_on=day,
                channel=Channel.PORTAL if portal else Channel.CASH,
                reference=f"DVC{month:%Y%m}{line.member_id:05d}" if portal else "",
            )
