"""The day-before reminders of the meetings (docs/rules/meetings.md §12), sent by the daily job:
the members on the roster of a meeting that starts tomorrow, a member whose presentation is due
tomorrow and not yet submitted, a member asked for comment on a draft whose deadline falls
tomorrow who has not commented. Each is sent once (its row keeps the day it was reminded); no
classified title reaches an inbox."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import notifications
from vanphong.meetings.models import (
    DraftComment,
    DraftRecipient,
    DraftStatus,
    Meeting,
    Presentation,
    PresentationStatus,
    Status,
)
from vanphong.meetings.notices import NoticeKind
from vanphong.meetings.services.common import users_of

ANNOUNCED = (Status.AGREED, Status.ANNOUNCED)


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def _meeting_title(meeting: Meeting) -> str:
    when = timezone.localtime(meeting.starts_at).strftime("%H:%M %d/%m/%Y")
    if meeting.confidentiality:
        return _("Tomorrow: meeting at %(when)s, %(place)s") % {
            "when": when,
            "place": meeting.place,
        }
    return _("Tomorrow: %(title)s — %(when)s, %(place)s") % {
        "title": meeting.title,
        "when": when,
        "place": meeting.place,
    }


def _meetings(today: datetime.date, tomorrow: tuple) -> int:
    sent = 0
    due = Meeting.objects.filter(
        status__in=ANNOUNCED,
        starts_at__gte=tomorrow[0],
        starts_at__lt=tomorrow[1],
        reminded_on=None,
    )
    for meeting in due:
        with transaction.atomic():
            members = meeting.attendance.values_list("member_id", flat=True)
            notifications.notify(
                users_of(members),
                kind=NoticeKind.REMINDER,
                title=_meeting_title(meeting),
                url=f"/hop/{meeting.pk}/",
            )
            Meeting.objects.filter(pk=meeting.pk).update(reminded_on=today)
        sent += 1
    return sent


def _presentations(today: datetime.date) -> int:
    sent = 0
    due = Presentation.objects.filter(
        status__in=(PresentationStatus.ASSIGNED, PresentationStatus.RETURNED),
        due_on=today + datetime.timedelta(days=1),
        reminded_on=None,
    ).exclude(meeting__status=Status.CANCELLED)
    for presentation in due.select_related("meeting"):
        with transaction.atomic():
            notifications.notify(
                users_of([presentation.member_id]),
                kind=NoticeKind.REMINDER,
                title=_("Tomorrow: comrade's presentation is due"),
                url=f"/hop/tham-luan/{presentation.pk}/",
            )
            Presentation.objects.filter(pk=presentation.pk).update(reminded_on=today)
        sent += 1
    return sent


def _comments(today: datetime.date, tomorrow: tuple) -> int:
    sent = 0
    commented = DraftComment.objects.filter(
        draft_id=OuterRef("draft_id"), member_id=OuterRef("member_id")
    )
    due = (
        DraftRecipient.objects.filter(
            draft__status=DraftStatus.OPEN,
            draft__deadline__gte=tomorrow[0],
            draft__deadline__lt=tomorrow[1],
            reminded_on=None,
        )
        .exclude(Exists(commented))
        .select_related("draft")
    )
    for recipient in due:
        with transaction.atomic():
            deadline = timezone.localtime(recipient.draft.deadline).strftime("%H:%M %d/%m/%Y")
            notifications.notify(
                users_of([recipient.member_id]),
                kind=NoticeKind.REMINDER,
                title=_("Comments on a draft close at %(when)s") % {"when": deadline},
                url=f"/hop/du-thao/{recipient.draft_id}/",
            )
            DraftRecipient.objects.filter(pk=recipient.pk).update(reminded_on=today)
        sent += 1
    return sent


def send_reminders(today: datetime.date) -> int:
    """Send what is due tomorrow; returns how many meetings, presentations and comments were
    reminded."""
    tomorrow = _day_bounds(today + datetime.timedelta(days=1))
    return _meetings(today, tomorrow) + _presentations(today) + _comments(today, tomorrow)
