"""What the common search finds among files: code and title, folded (invariant 5), among the
files the user may see (a classified file only by a reader cleared for it)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vanphong.core import access, vntext
from vanphong.core import search as core_search
from vanphong.core.search import SearchHit
from vanphong.records.access import RecordAction
from vanphong.records.models import RecordFile


def find(user, q: str, limit: int) -> list[SearchHit]:
    folded = vntext.fold(vntext.canonical(q))
    files = access.visible(user, RecordFile.objects.all(), RecordAction.VIEW)
    rows = files.filter(search_folded__contains=folded).select_related("organization")
    return [
        SearchHit(
            title=f"{f.code} {f.title}",
            url=reverse("records:file", args=[f.pk]),
            detail=f"{f.organization.name} — {f.year} — {f.get_status_display()}",
        )
        for f in rows.order_by("-year", "code", "pk")[:limit]
    ]


def register_kinds() -> None:
    core_search.register(
        core_search.SearchKind("records", _("Record files"), RecordAction.VIEW, find, order=400)
    )
