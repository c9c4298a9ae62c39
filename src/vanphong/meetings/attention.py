"""Dashboard cards of the meetings area. Each kind of work is one query (`work`), used both for
the card's figure and by the list the card opens (`?viec=<key>`), so the figure is the list's
length. A card is shown only to whoever does that work."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core import access
from vanphong.documents.models import OutgoingStatus
from vanphong.meetings import absences
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import (
    Meeting,
    MinutesStatus,
    Presentation,
    PresentationStatus,
    Status,
)

UPCOMING_DAYS = 7
NOTICE_WINDOW_DAYS = 60


@dataclass(frozen=True)
class Work:
    key: str
    label: object


WORK = (
    Work("tai_lieu", gettext_lazy("Meetings in the next 7 days without their documents")),
    Work("tham_luan", gettext_lazy("Presentations waiting for review")),
    Work("bien_ban", gettext_lazy("Meetings held whose minutes are not signed")),
    Work(
        "ket_luan",
        gettext_lazy("Meetings of the last 60 days whose conclusion notice is not issued"),
    ),
)
BY_KEY = {w.key: w for w in WORK}


def work(user, key: str) -> QuerySet:
    """The meetings that are work `key` for `user`, among those they may run."""
    meetings = access.visible(user, Meeting.objects.all(), MeetingAction.MANAGE)
    now = timezone.now()
    if key == "tai_lieu":
        return meetings.filter(
            status__in=(Status.PLANNED, Status.AGREED, Status.ANNOUNCED),
            starts_at__gte=now,
            starts_at__lt=now + datetime.timedelta(days=UPCOMING_DAYS),
            documents_published_at__isnull=True,
        )
    if key == "tham_luan":
        waiting = Presentation.objects.filter(status=PresentationStatus.SUBMITTED)
        return meetings.filter(pk__in=waiting.values("meeting_id"))
    if key == "bien_ban":
        signed = Q(minutes_set__status=MinutesStatus.SIGNED, minutes_set__corrected_by=None)
        return meetings.filter(status=Status.HELD).exclude(
            pk__in=Meeting.objects.filter(signed).values("pk")
        )
    if key == "ket_luan":
        return meetings.filter(
            status=Status.HELD, ended_at__gte=now - datetime.timedelta(days=NOTICE_WINDOW_DAYS)
        ).exclude(conclusion_notice__status=OutgoingStatus.ISSUED)
    return meetings.none()


def cards_for(user) -> list[dict]:
    cards = []
    if access.can(user, MeetingAction.MANAGE):
        for item in WORK:
            figure = work(user, item.key).count()
            url = f"{reverse('meetings:list')}?{urlencode({'viec': item.key})}"
            cards.append({"label": str(item.label), "figure": figure, "url": url})
        year = timezone.localdate().year
        cards.append(
            {
                "label": _("Members absent without reason from %(n)s meetings this year")
                % {"n": absences.threshold(year) or "…"},
                "figure": absences.flagged_count(user, year),
                "url": reverse("meetings:absences"),
            }
        )
    if getattr(user, "member_id", None):
        mine = my_upcoming(user).count()
        cards.append(
            {
                "label": _("Your meetings in the next 7 days"),
                "figure": mine,
                "url": reverse("meetings:mine") + "?tuan=1",
            }
        )
    return cards


def my_upcoming(user) -> QuerySet:
    """The meetings the user's member is called to in the coming week (what "Cuộc họp của tôi"
    lists first)."""
    now = timezone.now()
    return (
        access.visible(user, Meeting.objects.all(), MeetingAction.VIEW)
        .filter(
            attendance__member_id=user.member_id,
            starts_at__gte=now,
            starts_at__lt=now + datetime.timedelta(days=UPCOMING_DAYS),
        )
        .exclude(status=Status.CANCELLED)
    )
