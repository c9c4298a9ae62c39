"""Dashboard cards of the documents area: the work waiting on the user's desk.

Each kind of work is one query (`work`), used both for the card's figure and by the list the card
opens (`?viec=<key>` on the incoming or outgoing list), so the figure is always the length of the
list. A card is shown only to whoever may do that work.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core import access
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import (
    Dispatch,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
)
from vanphong.documents.models import OutgoingStatus as Out
from vanphong.documents.registers import dashboard


@dataclass(frozen=True)
class Work:
    key: str  # the list's ?viec= value
    label: object
    action: DocumentAction
    incoming: bool  # which list shows it


WORK = (
    Work(
        "phan_cong",
        gettext_lazy("Incoming documents waiting to be assigned"),
        DocumentAction.ROUTE,
        True,
    ),
    Work("tra_lai", gettext_lazy("Your drafts sent back to revise"), DocumentAction.DRAFT, False),
    Work("tham_dinh", gettext_lazy("Drafts to appraise"), DocumentAction.APPRAISE, False),
    Work("ky", gettext_lazy("Documents for you to sign"), DocumentAction.SIGN, False),
    Work("phat_hanh", gettext_lazy("Signed documents to issue"), DocumentAction.ISSUE, False),
    Work("gui", gettext_lazy("Issued documents not yet sent"), DocumentAction.ISSUE, False),
)
BY_KEY = {w.key: w for w in WORK}


def narrow(documents: QuerySet, user, key: str) -> QuerySet:
    """The documents among `documents` that are work `key` for `user`."""
    if key == "phan_cong":
        return documents.filter(status=IncomingStatus.REGISTERED)
    if key == "tra_lai":
        # sent back by the appraiser or the signer, and not yet revised
        return documents.filter(status=Out.RETURNED, drafted_by=user)
    if key == "tham_dinh":
        return documents.filter(status=Out.APPRAISAL)
    if key == "ky":
        return documents.filter(status=Out.SUBMITTED, signer=user)
    if key == "phat_hanh":
        return documents.filter(status=Out.SIGNED)
    if key == "gui":
        return documents.filter(status=Out.ISSUED).exclude(
            Exists(Dispatch.objects.filter(document=OuterRef("pk")))
        )
    raise KeyError(key)


def work(user, key: str) -> QuerySet:
    """Work `key` waiting for `user`, among the documents they may do it on."""
    item = BY_KEY[key]
    model = IncomingDocument if item.incoming else OutgoingDocument
    return narrow(access.visible(user, model.objects.all(), item.action), user, key)


def _url(name: str, **params) -> str:
    return reverse(name) + ("?" + urlencode(params) if params else "")


def cards_for(user) -> list[dict]:
    if not access.can(user, DocumentAction.VIEW):
        return []
    cards = []
    if access.can(user, DocumentAction.HANDLE):  # a clerk registers and issues; she handles none
        mine = dashboard.open_assignments(user).filter(user=user)
        cards += [
            {
                "label": _("Documents assigned to you"),
                "figure": mine.count(),
                "url": _url("documents:deadline_assignments", nguoi=user.pk),
            },
            {
                "label": _("Of them overdue"),
                "figure": dashboard.narrow(mine, dashboard.OVERDUE).count(),
                "url": _url(
                    "documents:deadline_assignments", nguoi=user.pk, loai=dashboard.OVERDUE
                ),
            },
        ]
    for item in WORK:
        if not access.can(user, item.action):
            continue
        name = "documents:incoming_list" if item.incoming else "documents:outgoing_list"
        cards.append(
            {
                "label": str(item.label),
                "figure": work(user, item.key).count(),
                "url": _url(name, viec=item.key),
            }
        )
    return cards
