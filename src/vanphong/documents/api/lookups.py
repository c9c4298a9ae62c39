"""How the document endpoints find what a request names: the document (404 outside the user's
scope or clearance, and for a step the user may not take on a document they may read, as the
organization endpoints do) and the people it may be routed to."""

from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.core.api import invalid
from vanphong.core.models import User
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import IncomingDocument, OutgoingDocument, OutgoingStatus

INCOMING_STEPS = {
    "assign": DocumentAction.ROUTE,
    "direction": DocumentAction.ROUTE,
    "progress": DocumentAction.VIEW,  # the service checks that the user handles it
    "close": DocumentAction.VIEW,  # likewise
    "upload": DocumentAction.REGISTER,
    "verify": DocumentAction.VIEW,
}

OUTGOING_STEPS = {
    "draft": DocumentAction.DRAFT,
    "to_appraisal": DocumentAction.DRAFT,
    "appraise": DocumentAction.APPRAISE,
    "submit": DocumentAction.DRAFT,
    "sign": DocumentAction.SIGN,
    "return": DocumentAction.SIGN,
    "issue": DocumentAction.ISSUE,
    "recall": DocumentAction.ISSUE,
    "dispatch": DocumentAction.ISSUE,
    "delivery": DocumentAction.ISSUE,
    "seal": DocumentAction.ISSUE,
    "upload": DocumentAction.DRAFT,
    "pdf": DocumentAction.ISSUE,
    "sign_pdf": DocumentAction.ISSUE,
}


def incoming_for(user, pk: int, step: str | None = None) -> IncomingDocument:
    document = access.get_for(
        user,
        IncomingDocument.objects.select_related("organization", "registered_by", "directed_by"),
        pk,
        DocumentAction.VIEW,
    )
    if step is not None:
        access.require(user, INCOMING_STEPS[step], document)
    return document


def outgoing_for(user, pk: int, step: str | None = None) -> OutgoingDocument:
    document = access.get_for(
        user,
        OutgoingDocument.objects.select_related("organization", "signer", "drafted_by"),
        pk,
        DocumentAction.VIEW,
    )
    if step == "cancel":
        # as the page: a signed or issued document is cancelled by whoever issues, else the drafter
        issued = document.status in (OutgoingStatus.SIGNED, OutgoingStatus.ISSUED)
        access.require(user, DocumentAction.ISSUE if issued else DocumentAction.DRAFT, document)
    elif step is not None:
        access.require(user, OUTGOING_STEPS[step], document)
    return document


def users_among(field: str, ids: list[int], people) -> list[User]:
    """The users `ids` among `people` (those the page would offer); 400 for any other id."""
    found = {u.pk: u for u in people.filter(pk__in=ids)}
    for pk in ids:
        if pk not in found:
            raise invalid(
                field, _("Select a valid choice. That choice is not one of the available choices.")
            )
    return [found[pk] for pk in ids]
