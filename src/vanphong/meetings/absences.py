"""Members absent without reason from too many meetings in a calendar year (rule
`unexcused_per_year`; the Charter's Article 8: the cell then considers removing them). The flag
goes to whoever runs the member's meetings and shows the meetings missed."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from vanphong.core import access
from vanphong.meetings import rules
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import Attendance, Meeting, Presence, Standing, Status
from vanphong.organizations.models import Member


@dataclass(frozen=True)
class Flag:
    member: Member
    meetings: list[Meeting]


def threshold(year: int) -> int | None:
    """The absences that flag a member in `year`, read on its last day; None: no rule."""
    return rules.compliance("unexcused_per_year", datetime.date(year, 12, 31))


def _absences(year: int) -> QuerySet:
    return Attendance.objects.filter(
        presence=Presence.UNEXCUSED,
        meeting__status=Status.HELD,
        meeting__starts_at__year=year,
    ).exclude(standing=Standing.VISITING)


def _flagged_counts(user, year: int, organization=None):
    """(absences of the year among the meetings `user` may run, the members at or over the
    threshold with their count) — one query each, shared by the card and the page."""
    limit = threshold(year)
    meetings = access.visible(user, Meeting.objects.all(), MeetingAction.MANAGE)
    if organization is not None:
        meetings = meetings.filter(organization__path__startswith=organization.path)
    rows = _absences(year).filter(meeting__in=meetings)
    counts = rows.values("member_id").annotate(n=Count("id")).filter(n__gte=limit or 1)
    return rows, (counts.order_by("-n") if limit else counts.none())


def flagged_count(user, year: int) -> int:
    """How many members `flagged` lists (the dashboard card's figure)."""
    return _flagged_counts(user, year)[1].count()


def flagged(user, year: int, organization=None) -> list[Flag]:
    """The flagged members of the meetings `user` may run (optionally of one organization's
    subtree), each with the meetings they missed, most absences first."""
    rows, counts = _flagged_counts(user, year, organization)
    ids = [row["member_id"] for row in counts]
    if not ids:
        return []
    members = Member.objects.select_related("organization").in_bulk(ids)
    missed: dict[int, list[Meeting]] = {pk: [] for pk in ids}
    for row in (
        rows.filter(member_id__in=ids).select_related("meeting").order_by("meeting__starts_at")
    ):
        missed[row.member_id].append(row.meeting)
    return [Flag(members[pk], missed[pk]) for pk in ids]


def reached(member_id: int, year: int) -> bool:
    """Whether this member's absences in `year` are exactly at the flag's threshold now (the
    moment to tell the secretary, once)."""
    limit = threshold(year)
    return bool(limit) and _absences(year).filter(member_id=member_id).count() == limit
