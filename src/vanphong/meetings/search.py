"""What the common search finds among meetings: title and thematic topic, folded (invariant 5),
among the meetings the user may see."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core import access, vntext
from vanphong.core import search as core_search
from vanphong.core.search import SearchHit
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import Meeting


def find(user, q: str, limit: int) -> list[SearchHit]:
    folded = vntext.fold(vntext.canonical(q))
    meetings = access.visible(user, Meeting.objects.all(), MeetingAction.VIEW)
    rows = meetings.filter(search_folded__contains=folded).select_related("organization")
    return [
        SearchHit(
            title=m.title,
            url=reverse("meetings:detail", args=[m.pk]),
            detail=f"{m.organization.name} — {timezone.localtime(m.starts_at):%d/%m/%Y}",
        )
        for m in rows.order_by("-starts_at", "-pk")[:limit]
    ]


def register_kinds() -> None:
    # Those who read meetings by their role; a member reaches their own from "Cuộc họp của tôi".
    core_search.register(
        core_search.SearchKind("meetings", _("Meetings"), MeetingAction.VIEW, find, order=300)
    )
