"""The meetings part of the national data generator, at a tiny scale: what it made is what the
compliance view and the roster would say."""

import datetime
from collections import Counter

from django.utils import timezone

from tests.clock import TODAY, TZ
from tests.reports.conftest import generate
from vanphong.meetings import compliance
from vanphong.meetings.generator import months_up_to
from vanphong.meetings.models import (
    MONTHLY_KINDS,
    THEMATIC_KINDS,
    Attendance,
    Body,
    Kind,
    Meeting,
    MeetingPlan,
    Presence,
    Status,
)
from vanphong.meetings.roster import roster
from vanphong.organizations.models import Member, Organization, OrgKind

MONTHS = months_up_to(TODAY, 12)


def test_months_up_to_counts_back_across_the_year():
    assert months_up_to(datetime.date(2026, 2, 17), 3) == [
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
    ]


def test_generated_meetings_cover_every_cell_and_month(db):
    """GIVEN a tiny national tree with its meetings part (the suite's day, 25/11/2026)
    WHEN the meetings are read back
    THEN every cell has its plan and a meeting in almost every one of the twelve months (never two
    monthly meetings), those before today are held and the later ones planned, every quarter's
    thematic meetings are there, and the summary says what was made."""
    output = generate(members=600)
    cells = list(Organization.objects.filter(kind=OrgKind.CELL))
    assert cells
    assert MeetingPlan.objects.filter(body=Body.CELL).count() == len(cells)
    meetings = list(Meeting.objects.filter(body=Body.CELL))
    assert {m.organization_id for m in meetings} == {c.pk for c in cells}
    monthly = Counter((m.organization_id, m.month) for m in meetings if m.kind in MONTHLY_KINDS)
    assert max(monthly.values()) == 1
    assert {month for _cell, month in monthly} == set(MONTHS)
    # ~3 % of cell-months have no meeting: some, not many.
    missing = len(cells) * len(MONTHS) - len(monthly)
    assert 0 < missing < len(cells) * len(MONTHS) * 0.1
    now = datetime.datetime.combine(TODAY, datetime.time(0), TZ)
    for m in meetings:
        assert timezone.localtime(m.starts_at).date() >= MONTHS[0]
        if m.kind in MONTHLY_KINDS:
            assert timezone.localtime(m.starts_at).date().replace(day=1) == m.month
        else:
            assert m.kind == Kind.THEMATIC and m.month is None
        if m.starts_at < now:
            assert m.status in (Status.HELD, Status.CANCELLED), m
        else:
            assert m.status == Status.PLANNED, m
        if m.status == Status.HELD:
            assert m.ended_at > m.started_at and m.chair_id and m.secretary_id
            assert m.roster_on == timezone.localtime(m.starts_at).date()
        assert m.title and m.search_folded
    kinds = Counter(m.kind for m in meetings)
    assert kinds[Kind.COMBINED] > kinds[Kind.THEMATIC] > 0
    assert f"{len(meetings):,}" in output


def test_generated_attendance_matches_the_members(db):
    """GIVEN the tiny tree with its meetings
    WHEN each meeting's attendance rows are compared with the cell's roster of the day
    THEN they are the same members (one row each), held meetings have every presence recorded with
    the reasons of those excused, and planned ones nothing recorded yet."""
    generate(members=600)
    rows: dict[int, list] = {}
    for a in Attendance.objects.all():
        rows.setdefault(a.meeting_id, []).append(a)
    members = {m.pk: m for m in Member.objects.all()}
    for meeting in Meeting.objects.filter(body=Body.CELL).select_related("organization"):
        day = timezone.localtime(meeting.starts_at).date()
        own = rows.get(meeting.pk, [])
        assert len({a.member_id for a in own}) == len(own)
        assert all(members[a.member_id].organization_id == meeting.organization_id for a in own)
        if meeting.pk % 7 == 0 or meeting.status == Status.PLANNED:  # the roster query is slow
            expected = {s.member.pk for s in roster(meeting.organization, Body.CELL, day)}
            assert {a.member_id for a in own} == expected, meeting
        presences = {a.presence for a in own}
        if meeting.status == Status.HELD:
            assert Presence.UNRECORDED not in presences
            assert meeting.chair_id in {a.member_id for a in own}
        else:
            assert presences <= {Presence.UNRECORDED}
        assert all(a.reason for a in own if a.presence == Presence.EXCUSED)
    held = Attendance.objects.filter(meeting__status=Status.HELD)
    shares = Counter(held.values_list("presence", flat=True))
    assert shares[Presence.PRESENT] > 0.7 * sum(shares.values())
    assert shares[Presence.EXCUSED] and shares[Presence.UNEXCUSED]


def test_generated_meetings_feed_the_compliance_view(db):
    """GIVEN the tiny tree with its meetings
    WHEN the Centre's compliance view of the suite's day is computed
    THEN its totals (one query), its lists and each cell's figures are those counted one cell at a
    time from the meetings made, and so are a commune's."""
    generate(members=600)
    centre = Organization.objects.get(depth=1)
    cells = compliance.cells_with_compliance(centre, TODAY)
    needs = compliance.requirements(TODAY)
    behind = compliance.behind(centre, TODAY, needs)
    month = TODAY.replace(day=1)
    quarter = compliance.quarter_of(TODAY)
    held = Meeting.objects.filter(body=Body.CELL, status=Status.HELD)
    met = set(
        held.filter(kind__in=MONTHLY_KINDS, month=month).values_list("organization_id", flat=True)
    )
    thematic = {
        m.organization_id
        for m in held.filter(kind__in=THEMATIC_KINDS)
        if quarter[0] <= timezone.localtime(m.starts_at).date() < quarter[1]
    }
    all_cells = set(Organization.objects.filter(kind=OrgKind.CELL).values_list("pk", flat=True))
    assert cells.count() == len(all_cells)
    assert set(behind["not_met"].values_list("pk", flat=True)) == all_cells - met
    assert set(behind["no_thematic"].values_list("pk", flat=True)) == all_cells - thematic
    assert {c.pk for c in cells if c.held_month < 1} == all_cells - met
    assert {c.pk for c in cells if c.thematic_quarter < 1} == all_cells - thematic
    assert compliance.summary(centre, TODAY, needs) == {
        "total": len(all_cells),
        "not_met": len(all_cells - met),
        "no_thematic": len(all_cells - thematic),
    }
    assert all_cells - met and all_cells - thematic
    # Below a province the totals are counted among the subtree's own meetings.
    commune = Organization.objects.filter(kind=OrgKind.COMMUNE).order_by("path").first()
    own = set(
        Organization.objects.filter(path__startswith=commune.path, kind=OrgKind.CELL).values_list(
            "pk", flat=True
        )
    )
    assert compliance.summary(commune, TODAY, needs) == {
        "total": len(own),
        "not_met": len(own - met),
        "no_thematic": len(own - thematic),
    }


def test_a_second_tree_gets_its_own_meetings_and_the_first_keeps_its(db):
    """GIVEN a tiny tree with its meetings
    WHEN the generator adds a second tree (--force)
    THEN the new cells get their meetings and the first tree's are left as they were."""
    generate(members=300)
    before = set(Meeting.objects.values_list("pk", "organization_id"))
    generate(members=120, force=True)
    after = set(Meeting.objects.values_list("pk", "organization_id"))
    assert before < after
    cells = set(Organization.objects.filter(kind=OrgKind.CELL).values_list("pk", flat=True))
    assert {org for _pk, org in after} == cells
