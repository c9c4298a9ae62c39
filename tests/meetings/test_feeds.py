"""The member's calendar: which meetings the feed holds, what a classified one shows, the times
read back by a calendar library, and the secret address made, revoked and audited."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests import factories
from tests.meetings.conftest import at
from vanphong.core.models import AuditEntry, Clearance
from vanphong.meetings.feed_models import CalendarFeed
from vanphong.meetings.models import Kind
from vanphong.meetings.services import feeds, planning

pytestmark = pytest.mark.django_db
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def _events(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def _uid(meeting) -> str:
    return f"meeting-{meeting.pk}@testserver"


def _meeting(cell, day, hour=14, **extra):
    extra.setdefault("kind", Kind.THEMATIC)
    extra.setdefault("theme", "Chuyển đổi số")
    return planning.plan_meeting(
        acting_user=None,
        organization=extra.pop("organization", cell.tree.cell_a1),
        body="cell",
        starts_at=at(day, hour),
        place="Nhà văn hóa thôn",
        agenda=[{"title": "Học tập nghị quyết", "minutes": 30}],
        **extra,
    )


def _feed(user) -> bytes:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("meetings:my_calendar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def test_the_feed_holds_the_members_own_meetings_in_its_window(cell, tree):
    today = datetime.date(2026, 11, 25)
    own = _meeting(cell, datetime.date(2026, 12, 3))
    old_enough = _meeting(cell, today - datetime.timedelta(days=59))
    too_old = _meeting(cell, today - datetime.timedelta(days=61))
    too_far = _meeting(cell, today + datetime.timedelta(days=366))
    cancelled = _meeting(cell, datetime.date(2026, 12, 10))
    planning.cancel(acting_user=None, meeting=cancelled)
    other_cell = _meeting(cell, datetime.date(2026, 12, 4), organization=tree.cell_a2)

    events = _events(_feed(cell.member_user))

    assert set(events) == {_uid(own), _uid(old_enough)}
    assert {_uid(too_old), _uid(too_far), _uid(cancelled), _uid(other_cell)}.isdisjoint(events)
    event = events[_uid(own)]
    assert str(event["summary"]) == own.title
    assert str(event["location"]) == "Nhà văn hóa thôn"
    assert "Học tập nghị quyết" in str(event["description"])


def test_times_are_in_ho_chi_minh_with_its_timezone(cell):
    meeting = _meeting(cell, datetime.date(2026, 12, 3), hour=7)
    body = _feed(cell.member_user)
    calendar = Calendar.from_ical(body)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    event = _events(body)[_uid(meeting)]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == datetime.datetime(2026, 12, 3, 7, 0, tzinfo=HCM)
    assert start.utcoffset() == datetime.timedelta(hours=7)
    assert (start.hour, start.minute) == (7, 0)
    assert end - start == datetime.timedelta(minutes=meeting.planned_minutes)
    assert event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"


def test_a_classified_meeting_says_only_party_cell_meeting_and_above_clearance_never_appears(
    cell,
):
    cell.member_user.clearance = Clearance.SECRET
    cell.member_user.save(update_fields=["clearance"])
    secret = _meeting(
        cell, datetime.date(2026, 12, 3), confidentiality=Clearance.SECRET, theme="Nhân sự khóa mới"
    )
    top_secret = _meeting(
        cell, datetime.date(2026, 12, 5), confidentiality=Clearance.TOP_SECRET, theme="Kỷ luật"
    )

    body = _feed(cell.member_user)
    events = _events(body)

    assert _uid(top_secret) not in events
    event = events[_uid(secret)]
    assert str(event["summary"]) == "Họp chi bộ"
    assert "location" not in event and "description" not in event
    text = body.decode()
    for hidden in ("Nhân sự khóa mới", "Kỷ luật", "Nhà văn hóa", secret.title, "Học tập"):
        assert hidden not in text


def test_a_member_makes_an_address_a_calendar_reads_without_login_and_revokes_it(cell):
    client = Client()
    client.force_login(cell.member_user)
    page = client.get(reverse("meetings:mine"))
    assert b'id="calendar-make"' in page.content and b'id="calendar-revoke"' not in page.content

    made = client.post(reverse("meetings:calendar_make"))
    assert made.status_code == 200
    address = made.context["address"]
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    # Only the digest is kept.
    feed = CalendarFeed.objects.get(user=cell.member_user)
    assert feed.digest == CalendarFeed.digest_of(token) and token not in feed.digest
    entry = AuditEntry.objects.get(action="meeting.calendar_make")
    assert entry.actor == cell.member_user and token not in str(entry.after)

    meeting = _meeting(cell, datetime.date(2026, 12, 3))
    calendar_app = Client()  # no session
    answer = calendar_app.get(address)
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    assert _uid(meeting) in _events(answer.content)

    assert b'id="calendar-revoke"' in client.get(reverse("meetings:mine")).content
    revoked = client.post(reverse("meetings:calendar_revoke"))
    assert revoked.status_code == 302
    gone = calendar_app.get(address)
    assert gone.status_code == 404 and "no-store" in gone["Cache-Control"]
    assert b"Nh\xc3\xa0 v\xc4\x83n h\xc3\xb3a" not in gone.content
    entry = AuditEntry.objects.get(action="meeting.calendar_revoke")
    assert entry.actor == cell.member_user and entry.target_id == str(feed.pk)


def test_a_new_address_ends_the_old_one_and_an_unknown_token_is_404(cell):
    first = feeds.make_feed(user=cell.member_user)
    second = feeds.make_feed(user=cell.member_user)
    client = Client()
    old = client.get(reverse("meetings:calendar_feed", args=[first]))
    assert old.status_code == 404 and "no-store" in old["Cache-Control"]
    assert client.get(reverse("meetings:calendar_feed", args=[second])).status_code == 200
    assert CalendarFeed.objects.filter(user=cell.member_user, revoked_at=None).count() == 1
    unknown = client.get(reverse("meetings:calendar_feed", args=["x" * 43]))
    assert unknown.status_code == 404 and "no-store" in unknown["Cache-Control"]


def test_an_inactive_users_address_stops_working(cell):
    token = feeds.make_feed(user=cell.member_user)
    cell.member_user.is_active = False
    cell.member_user.save(update_fields=["is_active"])
    assert Client().get(reverse("meetings:calendar_feed", args=[token])).status_code == 404


def test_an_account_without_a_member_gets_no_address(tree):
    officer = factories.user("chuyenvien")
    client = Client()
    client.force_login(officer)
    response = client.post(reverse("meetings:calendar_make"), follow=True)
    assert "chưa được liên kết với hồ sơ đảng viên" in response.content.decode()
    assert not CalendarFeed.objects.exists()
