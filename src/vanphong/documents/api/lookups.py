"""How the document endpoints find what a request names: the document (404 outside the user's
scope or clearance, and for a step the user may not take on a document they may read, as the
organization endpoints do) and the people it may be routed to."""

from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.core.api import invalid
from vanphong.core.models import User
from vanphong.documents import workflow
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import IncomingDocument, OutgoingDocument

INCOMING_STEPS = {
    "assign": DocumentAction.ROUTE,
    "direction": DocumentAction.ROUTE,
    "progress": DocumentAction.VIEW,  # the service checks that the user handles it
    "close": DocumentAction.VIEW,  # likewise
    "upload": DocumentAction.REGISTER,
    "verify": DocumentAction.VIEW,
}

# The API's step names that differ from the workflow's (documents.workflow)
OUTGOING_ALIASES = {"draft": "edit"}


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
    if step is not None:
        # the action the workflow table asks of this step from the document's state; a step the
        # state does not allow is the service's refusal to give, with its reason
        name = OUTGOING_ALIASES.get(step, step)
        row = workflow.step_for(name, document.status) or next(
            row for row in workflow.STEPS if row.name == name
        )
        access.require(user, row.action, document)
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
