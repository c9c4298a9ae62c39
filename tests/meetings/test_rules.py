"""The rules of docs/rules/meetings.md at their boundaries: the vote threshold (V1), the least
duration (M1), the documents a day ahead (M2, read as 24 hours), the compliance counts."""

import datetime

import pytest

from tests.meetings.conftest import at
from vanphong.core import rules as core_rules
from vanphong.meetings import checks, compliance, rules
from vanphong.meetings.models import Kind, Status
from vanphong.meetings.services import planning, session

DAY = datetime.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("counted", "needed"), [(17, 9), (16, 9), (3, 2), (1, 1), (0, 1), (30, 16)]
)
def test_a_resolution_needs_more_than_half_of_the_counted_members(db, counted, needed):
    assert rules.threshold(counted, DAY) == needed


@pytest.mark.parametrize(
    ("kind", "minutes", "ok"),
    [
        (Kind.REGULAR, 85, False),
        (Kind.REGULAR, 89, False),
        (Kind.REGULAR, 90, True),
        (Kind.REGULAR, 95, True),
        (Kind.COMBINED, 110, False),
        (Kind.COMBINED, 119, False),
        (Kind.COMBINED, 120, True),
    ],
)
def test_the_least_duration_is_checked_from_the_recorded_times(cell, kind, minutes, ok):
    meeting = cell.open(cell.plan(kind))
    cell.all_present(meeting)
    meeting = session.close_session(
        acting_user=cell.secretary,
        meeting=meeting,
        ended_at=at(DAY, 14) + datetime.timedelta(minutes=minutes),
    )
    check = checks.duration_check(meeting)
    assert (check.minutes, check.ok) == (minutes, ok)


def test_a_committee_may_set_its_own_duration_for_small_cells(cell, tree):
    core_rules.set_rule(
        acting_user=None,
        table="meeting_duration",
        key=f"regular@{tree.commune_a.path}",
        effective_from=datetime.date(2026, 1, 1),
        value={"minutes": 60, "cells_below": 8},
    )
    small = rules.duration_rule("regular", tree.cell_a1.path, 7, DAY)
    large = rules.duration_rule("regular", tree.cell_a1.path, 8, DAY)
    elsewhere = rules.duration_rule("regular", tree.cell_b1.path, 7, DAY)
    assert (small.minutes, large.minutes, elsewhere.minutes) == (60, 90, 90)


@pytest.mark.parametrize(("hours", "ok"), [(23, False), (24, True), (48, True)])
def test_documents_must_reach_members_24_hours_ahead(cell, hours, ok):
    meeting = cell.plan()
    meeting = planning.publish_documents(
        acting_user=cell.secretary,
        meeting=meeting,
        at=meeting.starts_at - datetime.timedelta(hours=hours),
    )
    assert checks.notice_check(meeting).ok is ok


def test_unpublished_documents_fail_the_notice_rule(cell):
    assert checks.notice_check(cell.plan()).ok is False


def _hold(cell, kind, day):
    cell.day = day
    meeting = cell.open(cell.plan(kind))
    cell.all_present(meeting)
    return session.close_session(acting_user=cell.secretary, meeting=meeting, ended_at=at(day, 16))


def test_compliance_counts_the_month_and_the_quarter(cell, tree):
    _hold(cell, Kind.REGULAR, datetime.date(2026, 11, 5))
    _hold(cell, Kind.THEMATIC, datetime.date(2026, 9, 30))  # last quarter: not counted
    cells = compliance.cells_with_compliance(tree.province, datetime.date(2026, 11, 25))
    rows = {c.pk: (c.held_month, c.thematic_quarter) for c in cells}
    assert rows[tree.cell_a1.pk] == (1, 0)
    assert rows[tree.cell_a2.pk] == (0, 0)
    day = datetime.date(2026, 11, 25)
    needs = compliance.requirements(day)
    behind = compliance.behind(tree.province, day, needs)
    assert tree.cell_a1 not in behind["not_met"] and tree.cell_a2 in behind["not_met"]
    assert tree.cell_a1 in behind["no_thematic"]
    total = len(rows)
    assert compliance.summary(tree.province, day, needs) == {
        "total": total,
        "not_met": total - 1,
        "no_thematic": total,
    }
    _hold(cell, Kind.THEMATIC, datetime.date(2026, 10, 1))  # first day of the quarter
    cells = compliance.cells_with_compliance(tree.province, datetime.date(2026, 11, 25))
    assert {c.pk: c.thematic_quarter for c in cells}[tree.cell_a1.pk] == 1


def test_a_planned_meeting_is_not_a_meeting_held(cell, tree):
    cell.plan()
    cells = compliance.cells_with_compliance(tree.cell_a1, DAY)
    assert [c.held_month for c in cells] == [0]
    assert Status.HELD not in set(tree.cell_a1.meetings.values_list("status", flat=True))
