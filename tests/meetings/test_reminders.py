"""The day-before reminders (docs/rules/meetings.md §12): on 25/11/2026 (the suite's clock) the
members of a meeting that starts on 26/11 are reminded once, a presentation due on 26/11 and not
submitted is, a member who has not commented on a draft whose round closes on 26/11 is; nothing
else is, and no classified title reaches an inbox."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.meetings.conftest import at
from tests.meetings.test_after import _draft
from vanphong.core.models import Clearance, Notification
from vanphong.meetings.services import drafts, planning
from vanphong.meetings.services.reminders import send_reminders

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)
TOMORROW = datetime.date(2026, 11, 26)


def _reminders():
    return Notification.objects.filter(kind="meeting_reminder")


def _announced(cell, day, **extra):
    cell.day = day
    meeting = cell.plan(**extra)
    planning.agree_content(acting_user=cell.secretary, meeting=meeting)
    return planning.announce(acting_user=cell.secretary, meeting=meeting)


def test_tomorrows_meeting_reminds_its_roster_once(cell):
    meeting = _announced(cell, TOMORROW)
    _announced(cell, TOMORROW + datetime.timedelta(days=1), kind="thematic")  # the day after
    assert send_reminders(TODAY) == 1
    reminded = _reminders()
    assert set(reminded.values_list("user", flat=True)) == {
        cell.secretary.pk,
        cell.member_user.pk,
    }
    assert reminded.first().title.startswith(f"Ngày mai: {meeting.title} — 14:00 26/11/2026")
    assert reminded.first().url == f"/hop/{meeting.pk}/"
    assert send_reminders(TODAY) == 0 and _reminders().count() == 2  # once


def test_a_cancelled_or_merely_planned_meeting_reminds_nobody(cell):
    cell.day = TOMORROW
    cell.plan()  # planned, not announced
    cancelled = _announced(cell, TOMORROW, kind="thematic")
    planning.cancel(acting_user=cell.secretary, meeting=cancelled)
    assert send_reminders(TODAY) == 0 and not _reminders().exists()


def test_a_classified_meetings_reminder_names_no_title(cell):
    cell.secretary.clearance = Clearance.SECRET
    cell.secretary.save(update_fields=["clearance"])
    _announced(cell, TOMORROW, confidentiality=Clearance.SECRET)
    send_reminders(TODAY)
    for title in _reminders().values_list("title", flat=True):
        assert title == "Ngày mai: cuộc họp lúc 14:00 26/11/2026, tại Nhà văn hóa thôn"


def test_a_presentation_due_tomorrow_and_not_submitted_is_reminded(cell):
    meeting = _announced(cell, TOMORROW + datetime.timedelta(days=3), kind="thematic")
    due = planning.assign_presentation(
        acting_user=cell.secretary,
        meeting=meeting,
        member=cell.members[0],
        topic="Kinh nghiệm chuyển đổi số",
        due_on=TOMORROW,
    )
    planning.assign_presentation(
        acting_user=cell.secretary,
        meeting=meeting,
        member=cell.members[0],
        topic="Một tham luận khác",
        due_on=TOMORROW + datetime.timedelta(days=1),
    )
    Notification.objects.all().delete()
    assert send_reminders(TODAY) == 1
    [row] = _reminders()
    assert (row.user, row.url) == (cell.member_user, f"/hop/tham-luan/{due.pk}/")
    assert row.title == "Ngày mai là hạn nộp tham luận của đồng chí"
    assert send_reminders(TODAY) == 0


def test_only_those_who_have_not_commented_are_reminded_of_the_deadline(cell):
    deadline = timezone.make_aware(datetime.datetime(2026, 11, 26, 17, 0))
    draft = drafts.send(
        acting_user=cell.secretary,
        draft=_draft(cell),
        members=[cell.members[0], cell.members[1]],
        organizations=[],
        deadline=deadline,
    )
    drafts.comment(user=cell.secretary, draft=draft, part=1, text="Đồng ý.")  # members[1]
    Notification.objects.all().delete()
    assert send_reminders(TODAY) == 1
    [row] = _reminders()
    assert row.user == cell.member_user
    assert row.title == "Hạn góp ý dự thảo kết thúc lúc 17:00 26/11/2026"
    assert send_reminders(TODAY) == 0


def test_the_daily_command_runs_the_reminders(cell):
    _announced(cell, TOMORROW)
    call_command("remind_meetings", stdout=io.StringIO())  # the tests' tasks run at once
    assert _reminders().count() == 2


def test_nothing_is_due_far_ahead(cell):
    cell.day = TOMORROW
    _announced(cell, TOMORROW)
    assert send_reminders(TODAY - datetime.timedelta(days=1)) == 0
    assert at(TOMORROW, 14) > timezone.now()
