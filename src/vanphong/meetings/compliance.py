"""The overseeing committee's view: for each cell of its subtree, whether it held its meeting
this month and its thematic meeting this quarter (docs/rules/meetings.md §1): the subtree's totals in one query, each cell's figures
for a page of cells."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

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


NARROW_BELOW_DEPTH = 2  # the Centre and the provinces read the whole month's or quarter's index


def _subtree_cells(root: Organization) -> QuerySet:
    return Organization.objects.filter(
        path__startswith=root.path, kind__in=CELL_KINDS, status=OrgStatus.ACTIVE
    )


def _held(root: Organization, day: datetime.date) -> dict[str, QuerySet]:
    """The held cell meetings that count for the month of `day` and for its quarter. The quarter
    is bounded by local midnights, so that its index (migration 0007) serves it."""
    month_start, _month_end = month_of(day)
    quarter_start, quarter_end = quarter_of(day)
    zone = timezone.get_current_timezone()
    held = Meeting.objects.filter(body=Body.CELL, status=Status.HELD).order_by()
    return {
        "month": held.filter(kind__in=MONTHLY_KINDS, month=month_start),
        "quarter": held.filter(
            kind__in=THEMATIC_KINDS,
            starts_at__gte=datetime.datetime.combine(quarter_start, datetime.time(0), zone),
            starts_at__lt=datetime.datetime.combine(quarter_end, datetime.time(0), zone),
        ),
    }


def cells_with_compliance(root: Organization, day: datetime.date) -> QuerySet:
    """The active cells under `root` (itself included), each annotated `held_month` (its monthly
    meetings held in the month of `day`) and `thematic_quarter` (thematic meetings held in the
    quarter). Held means the session was recorded (status held). Counted cell by cell: for a
    page of cells or an export; the subtree's totals are `summary`."""
    held = _held(root, day)
    return (
        _subtree_cells(root)
        .annotate(
            held_month=_count(held["month"].filter(organization=OuterRef("pk"))),
            thematic_quarter=_count(held["quarter"].filter(organization=OuterRef("pk"))),
        )
        .order_by("path")
    )


def _enough(meetings: QuerySet, root: Organization, needed: int) -> QuerySet:
    """The ids of the subtree's cells with at least `needed` of these meetings: one grouped
    pass over the month's or the quarter's meetings through their index (migration 0007),
    hashed once by PostgreSQL, instead of a count per cell."""
    if root.depth > NARROW_BELOW_DEPTH:  # a small subtree: its cells' meetings only
        meetings = meetings.filter(organization__in=_subtree_cells(root).values("pk"))
    # Above, every cell's meetings of the month or the quarter, read from the index alone: the
    # outer query keeps the subtree's cells, so the extra ids change nothing, and joining them
    # to the tree cost more than they do.
    return (
        meetings.values("organization")
        .annotate(n=Count("organization"))  # a column of the index: no row is read
        .filter(n__gte=needed)
        .values("organization")
    )


def behind(root: Organization, day: datetime.date, needs: Requirements) -> dict[str, QuerySet]:
    """The subtree's cells short of each requirement (a requirement without a rule in force:
    none), as querysets of cells."""
    cells, held = _subtree_cells(root).order_by("path"), _held(root, day)
    return {
        "not_met": cells.exclude(pk__in=_enough(held["month"], root, needs.per_month))
        if needs.per_month
        else cells.none(),
        "no_thematic": cells.exclude(
            pk__in=_enough(held["quarter"], root, needs.thematic_per_quarter)
        )
        if needs.thematic_per_quarter
        else cells.none(),
    }


def summary(root: Organization, day: datetime.date, needs: Requirements) -> dict[str, int]:
    """The subtree's active cells, and how many are short of each requirement, in one query."""
    held = _held(root, day)
    figures = {"total": Count("pk")}
    if needs.per_month:
        met = _enough(held["month"], root, needs.per_month)
        figures["not_met"] = Count("pk", filter=~Q(pk__in=met))
    if needs.thematic_per_quarter:
        thematic = _enough(held["quarter"], root, needs.thematic_per_quarter)
        figures["no_thematic"] = Count("pk", filter=~Q(pk__in=thematic))
    return {"not_met": 0, "no_thematic": 0} | _subtree_cells(root).aggregate(**figures)
