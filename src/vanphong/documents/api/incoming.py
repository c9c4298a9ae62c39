"""Incoming documents through the API: the register (list, detail, registration with the
duplicate check) and the handling steps, the same action per step as the pages
(views_incoming)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from vanphong.core import access
from vanphong.core.api import invalid, page
from vanphong.documents import search
from vanphong.documents.access import DocumentAction
from vanphong.documents.api.files import incoming_files
from vanphong.documents.api.lookups import incoming_for, users_among
from vanphong.documents.models import ConfidentialAccess, IncomingDocument
from vanphong.documents.schemas import (
    AssignIn,
    DuplicatesOut,
    IncomingDetailOut,
    IncomingFilters,
    IncomingIn,
    IncomingPage,
    TextIn,
)
from vanphong.documents.services import files, incoming
from vanphong.documents.views_common import departments_of, people_for

router = Router(tags=["incoming"])


def detail(user, document: IncomingDocument) -> IncomingDocument:
    """The document with the replies the user may see."""
    document.visible_reply_ids = list(
        access.visible(user, document.replies.all(), DocumentAction.VIEW)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return document


@router.get("", response=IncomingPage, summary="Sổ văn bản đến")
def list_incoming(request, filters: Query[IncomingFilters]):
    documents = access.visible(
        request.auth, IncomingDocument.objects.select_related("organization"), DocumentAction.VIEW
    )
    q = filters.q
    if q:
        documents = search.matching(documents, q)
    if filters.status:
        documents = documents.filter(status=filters.status)
    if filters.year is not None:
        documents = documents.filter(year=filters.year)
    return page(documents.order_by("-received_at", "-number"), filters)


@router.get("/{int:document_id}", response=IncomingDetailOut, summary="Một văn bản đến")
def get_incoming(request, document_id: int):
    """Reading a classified document is logged (who, when, what)."""
    document = incoming_for(request.auth, document_id)
    files.log_access(request.auth, document, ConfidentialAccess.Kind.VIEW)
    return detail(request.auth, document)


@router.post(
    "",
    response={201: IncomingDetailOut, 409: DuplicatesOut},
    summary="Vào sổ văn bản đến",
)
def register_incoming(request, payload: IncomingIn):
    """Takes the next number of the organization's register for the year. If a document with the
    same issuer, number and symbol and date is already registered (among those the user may see),
    answers 409 with them and registers nothing, unless `confirm_duplicate` is true."""
    user = request.auth
    organization = access.get_organization_for(user, payload.organization, DocumentAction.REGISTER)
    duplicates = list(
        access.visible(
            user,
            incoming.find_duplicates(
                organization,
                issuer=payload.issuer,
                original_number=payload.original_number,
                document_date=payload.document_date,
            ).select_related("organization"),
            DocumentAction.VIEW,
        )
    )
    if duplicates and not payload.confirm_duplicate:
        return Status(
            409,
            {
                "code": "duplicate",
                "message": _(
                    "A document with the same issuer, number and date is already registered."
                ),
                "duplicates": duplicates,
            },
        )
    received_at = payload.received_at
    if timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    document = incoming.register_incoming(
        acting_user=user,
        organization=organization,
        received_at=received_at,
        channel=payload.channel,
        issuer=payload.issuer,
        original_number=payload.original_number,
        document_date=payload.document_date,
        doc_type=payload.doc_type,
        summary=payload.summary,
        pages=payload.pages,
        urgency=payload.urgency,
        confidentiality=payload.confidentiality,
    )
    return Status(201, detail(user, incoming_for(user, document.pk)))


@router.post("/{int:document_id}/assign", response=IncomingDetailOut, summary="Giao xử lý")
def assign_incoming(request, document_id: int, payload: AssignIn):
    """Replaces the routing: one lead handler, co-handlers and readers, among the people with the
    clearance who work with the organization's documents."""
    user = request.auth
    document = incoming_for(user, document_id, "assign")
    people = people_for(document.organization, DocumentAction.VIEW, document.confidentiality)
    (lead,) = users_among("lead", [payload.lead], people)
    incoming.assign(
        acting_user=user,
        document=document,
        lead=lead,
        co_handlers=users_among("co_handlers", payload.co_handlers, people),
        readers=users_among("readers", payload.readers, people),
        deadline=payload.deadline,
        direction=payload.direction,
        department=_department(document, payload.department),
    )
    return detail(user, incoming_for(user, document_id))


def _department(document, department_id: int | None):
    if department_id is None:
        return None
    found = departments_of(document).filter(pk=department_id).first()
    if found is None:
        raise invalid("department", _("Choose a department of this organization."))
    return found


@router.post("/{int:document_id}/direction", response=IncomingDetailOut, summary="Ý kiến chỉ đạo")
def direct_incoming(request, document_id: int, payload: TextIn):
    user = request.auth
    document = incoming_for(user, document_id, "direction")
    incoming.record_direction(acting_user=user, document=document, direction=payload.text)
    return detail(user, incoming_for(user, document_id))


@router.post("/{int:document_id}/progress", response=IncomingDetailOut, summary="Ghi tiến độ xử lý")
def progress_incoming(request, document_id: int, payload: TextIn):
    """Only a lead or co-handler (or someone who routes documents) may record progress."""
    user = request.auth
    document = incoming_for(user, document_id, "progress")
    incoming.add_progress(acting_user=user, document=document, text=payload.text)
    return detail(user, incoming_for(user, document_id))


@router.post("/{int:document_id}/close", response=IncomingDetailOut, summary="Kết thúc xử lý")
def close_incoming(request, document_id: int, payload: TextIn):
    user = request.auth
    document = incoming_for(user, document_id, "close")
    incoming.close(acting_user=user, document=document, result=payload.text)
    return detail(user, incoming_for(user, document_id))


router.add_router("", incoming_files)
