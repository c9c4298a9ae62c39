"""A member's meetings as an iCalendar feed (RFC 5545; docs/rules/meetings.md §5).

The meetings are those whose roster holds the member, not cancelled, from 60 days back to a year
ahead, and only what `core.access` lets the user see: a meeting above their clearance never
appears. A classified meeting the user may see shows only "Họp chi bộ" — no title, theme, place
or agenda — since a calendar application keeps and syncs what it is given. Times are in
Asia/Ho_Chi_Minh with its VTIMEZONE.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from vanphong.core import access
from vanphong.core.models import Clearance
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import Meeting, Status

DAYS_BACK = 60
DAYS_AHEAD = 365
PRODID = "-//VanPhong//Lich hop//VI"
STATUSES = {
    Status.PLANNED: "TENTATIVE",
    Status.AGREED: "TENTATIVE",
}


def feed_meetings(user, now: datetime.datetime | None = None):
    """The user's own meetings in the feed's window, as `core.access` lets them see them."""
    if not user.member_id:
        return Meeting.objects.none()
    now = now or timezone.now()
    return (
        access.visible(user, Meeting.objects.all(), MeetingAction.VIEW)
        .filter(
            attendance__member_id=user.member_id,
            starts_at__gte=now - datetime.timedelta(days=DAYS_BACK),
            starts_at__lte=now + datetime.timedelta(days=DAYS_AHEAD),
        )
        .exclude(status=Status.CANCELLED)
        .select_related("organization")
        .prefetch_related("agenda")
        .distinct()
        .order_by("starts_at", "pk")
    )


def _event(meeting: Meeting, zone, stamp: datetime.datetime, host: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", stamp)
    start = meeting.started_at or meeting.starts_at
    end = meeting.ended_at or start + datetime.timedelta(minutes=meeting.planned_minutes)
    event.add("dtstart", start.astimezone(zone))
    event.add("dtend", end.astimezone(zone))
    event.add("status", STATUSES.get(meeting.status, "CONFIRMED"))
    if meeting.confidentiality > Clearance.NONE:
        event.add("summary", _("Party cell meeting"))
        event.add("class", "CONFIDENTIAL")
        return event
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    lines = [meeting.organization.name]
    if meeting.theme:
        lines.append(_("Thematic topic: %(theme)s") % {"theme": meeting.theme})
    lines += [f"{n}. {item.title}" for n, item in enumerate(meeting.agenda.all(), start=1)]
    event.add("description", "\n".join(lines))
    return event


def render(user, meetings, host: str = "vanphong") -> bytes:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Meetings of comrade %(name)s") % {"name": _name(user)})
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(datetime.UTC)
    for meeting in meetings:
        calendar.add_component(_event(meeting, zone, stamp, host))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _name(user) -> str:
    member = getattr(user, "member", None)
    return member.full_name if member is not None else user.get_username()
