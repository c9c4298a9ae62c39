"""The overseeing committee's view: for each cell of its subtree, whether it held its meeting
this month and its thematic meeting this quarter (docs/rules/meetings.md §1), in one query."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from vanphong.meetings import rules
from vanphong.meetings.models import MONTHLY_KINDS, THEMATIC_KINDS, Body, Meeting, Status
from vanphong.meetings.services.planning import CELL_KINDS
from vanphong.organizations.models import Organization, OrgStatus


def quarter_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    after = (
        first.replace(year=first.year + 1, month=1)
        if first.month == 10
        else first.replace(month=first.month + 3)
    )
    return first, after


def month_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = day.replace(day=1)
    after = (
        first.replace(year=first.year + 1, month=1)
        if first.month == 12
        else first.replace(month=first.month + 1)
    )
    return first, after


@dataclass(frozen=True)
class Requirements:
    per_month: int | None
    thematic_per_quarter: int | None


def requirements(day: datetime.date) -> Requirements:
    return Requirements(
        rules.compliance("per_month", day), rules.compliance("thematic_per_quarter", day)
    )


def _count(meetings: QuerySet) -> Coalesce:
    counted = meetings.values("organization").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def cells_with_compliance(root: Organization, day: datetime.date) -> QuerySet:
    """The active cells under `root` (itself included), each annotated `held_month` (its monthly
    meetings held in the month of `day`) and `thematic_quarter` (thematic meetings held in the
    quarter). Held means the session was recorded (status held)."""
    month_start, _month_end = month_of(day)
    quarter_start, quarter_end = quarter_of(day)
    held = Meeting.objects.filter(
        organization=OuterRef("pk"), body=Body.CELL, status=Status.HELD
    ).order_by()
    return (
        Organization.objects.filter(
            path__startswith=root.path, kind__in=CELL_KINDS, status=OrgStatus.ACTIVE
        )
        .annotate(
            held_month=_count(held.filter(kind__in=MONTHLY_KINDS, month=month_start)),
            thematic_quarter=_count(
                held.filter(
                    kind__in=THEMATIC_KINDS,
                    starts_at__date__gte=quarter_start,
                    starts_at__date__lt=quarter_end,
                )
            ),
        )
        .order_by("path")
    )


def behind(cells: QuerySet, needs: Requirements) -> dict[str, QuerySet]:
    """The cells short of each requirement (a requirement without a rule in force: none)."""
    return {
        "not_met": cells.filter(held_month__lt=needs.per_month)
        if needs.per_month
        else cells.none(),
        "no_thematic": cells.filter(thematic_quarter__lt=needs.thematic_per_quarter)
        if needs.thematic_per_quarter
        else cells.none(),
    }
