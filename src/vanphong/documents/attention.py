"""Dashboard cards of the documents area: the user's own work, counted only over what they may see."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import IncomingDocument, IncomingStatus, OutgoingDocument
from vanphong.documents.models import OutgoingStatus as Out
from vanphong.documents.registers import dashboard


def _url(name: str, **params) -> str:
    return reverse(name) + ("?" + urlencode(params) if params else "")


def cards_for(user) -> list[dict]:
    if not access.can(user, DocumentAction.VIEW):
        return []
    cards = []
    mine = dashboard.open_assignments(user).filter(user=user)
    cards.append(
        {
            "label": _("Documents assigned to you"),
            "figure": mine.count(),
            "url": _url("documents:deadline_assignments", nguoi=user.pk),
        }
    )
    cards.append(
        {
            "label": _("Of them overdue"),
            "figure": dashboard.narrow(mine, dashboard.OVERDUE).count(),
            "url": _url("documents:deadline_assignments", nguoi=user.pk, loai=dashboard.OVERDUE),
        }
    )
    outgoing = OutgoingDocument.objects.all()
    if access.can(user, DocumentAction.ROUTE):
        waiting = access.visible(
            user,
            IncomingDocument.objects.filter(status=IncomingStatus.REGISTERED),
            DocumentAction.ROUTE,
        )
        cards.append(
            {
                "label": _("Incoming documents waiting to be assigned"),
                "figure": waiting.count(),
                "url": _url("documents:incoming_list", trang_thai=IncomingStatus.REGISTERED),
            }
        )
    steps = [
        (DocumentAction.APPRAISE, Out.APPRAISAL, _("Drafts to appraise"), {}),
        (DocumentAction.SIGN, Out.SUBMITTED, _("Documents for you to sign"), {"signer": user}),
        (DocumentAction.ISSUE, Out.SIGNED, _("Signed documents to issue"), {}),
    ]
    for action, status, label, extra in steps:
        if access.can(user, action):
            rows = access.visible(user, outgoing.filter(status=status, **extra), action)
            cards.append(
                {
                    "label": label,
                    "figure": rows.count(),
                    "url": _url("documents:outgoing_list", trang_thai=status),
                }
            )
    return cards
