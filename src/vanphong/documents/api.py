"""API for incoming and outgoing documents. HTTP only: access through core/access.py, changes
through documents/services, the same action per step as the pages (views_incoming/views_outgoing).

A document out of the user's scope or above their clearance answers 404 like a missing one; a
step the user may not take on a document they may read answers 404 too (access.require), as the
organization endpoints do.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.urls import resolve
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from vanphong.core import access, vntext
from vanphong.core.models import User
from vanphong.documents import search
from vanphong.documents.access import DocumentAction
from vanphong.documents.drafting import initial_from, template_initial
from vanphong.documents.models import (
    ConfidentialAccess,
    Congress,
    Dispatch,
    DocumentFile,
    FileRole,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.documents.registers import build, dashboard, downloads
from vanphong.documents.registers import period as periods
from vanphong.documents.registers.model import Register, local
from vanphong.documents.rendering import docx_file_name, docx_for
from vanphong.documents.schemas import (
    REGISTER_FORMATS,
    REGISTER_KINDS,
    AppraisalOut,
    AppraiseIn,
    AssignIn,
    AssignmentFilters,
    DeadlineDashboardOut,
    DeadlineFilters,
    DeliveryIn,
    DispatchIn,
    DispatchOut,
    DraftTemplateOut,
    DuplicatesOut,
    FileOut,
    IncomingDetailOut,
    IncomingFilters,
    IncomingIn,
    IncomingPage,
    IssueIn,
    OpenAssignmentPage,
    OutgoingDetailOut,
    OutgoingFilters,
    OutgoingIn,
    OutgoingPage,
    OutgoingPatch,
    RegisterFilters,
    RegisterOut,
    SealIn,
    SealUseOut,
    SignatureCheckOut,
    SignPdfIn,
    SubmitIn,
    TextIn,
)
from vanphong.documents.services import dispatch, files, incoming, outgoing
from vanphong.documents.types import type_rule
from vanphong.documents.views_common import departments_of, people_for
from vanphong.organizations.api import invalid, page

incoming_router = Router(tags=["incoming"])
outgoing_router = Router(tags=["outgoing"])
registers_router = Router(tags=["registers"])

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _file_response(row_or_name, data: bytes, content_type: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(attachment, row_or_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _download(user, document, file_id: int) -> HttpResponse:
    """One file of a document already fetched with DOCUMENT_VIEW; a classified read is logged
    and its PDF watermarked (files.read_file)."""
    row = document.files.filter(pk=file_id).first()
    if row is None:
        raise Http404
    try:
        data = files.read_file(user, row)
    except (FileNotFoundError, PermissionDenied):
        raise Http404 from None
    return _file_response(row.name, data, row.content_type, row.kind != "pdf")


def _upload(user, document, file: UploadedFile, role: str) -> DocumentFile:
    return files.add_upload(user, document, file, role=role)


def _users(field: str, ids: list[int], people) -> list[User]:
    """The users `ids` among `people` (those the page would offer); 422 for any other id."""
    found = {u.pk: u for u in people.filter(pk__in=ids)}
    for pk in ids:
        if pk not in found:
            raise invalid(
                field, _("Select a valid choice. That choice is not one of the available choices.")
            )
    return [found[pk] for pk in ids]


# Incoming documents

INCOMING_STEPS = {
    "assign": DocumentAction.ROUTE,
    "direction": DocumentAction.ROUTE,
    "progress": DocumentAction.VIEW,  # the service checks that the user handles it
    "close": DocumentAction.VIEW,  # likewise
    "upload": DocumentAction.REGISTER,
    "verify": DocumentAction.VIEW,
}


def _incoming(user, pk: int, step: str | None = None) -> IncomingDocument:
    document = access.get_for(
        user,
        IncomingDocument.objects.select_related("organization", "registered_by", "directed_by"),
        pk,
        DocumentAction.VIEW,
    )
    if step is not None:
        access.require(user, INCOMING_STEPS[step], document)
    return document


def _incoming_detail(user, document: IncomingDocument) -> IncomingDocument:
    document.visible_reply_ids = list(
        access.visible(user, document.replies.all(), DocumentAction.VIEW)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return document


@incoming_router.get("", response=IncomingPage, summary="Sổ văn bản đến")
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


@incoming_router.get("/{int:document_id}", response=IncomingDetailOut, summary="Một văn bản đến")
def get_incoming(request, document_id: int):
    """Reading a classified document is logged (who, when, what)."""
    document = _incoming(request.auth, document_id)
    files.log_access(request.auth, document, ConfidentialAccess.Kind.VIEW)
    return _incoming_detail(request.auth, document)


@incoming_router.post(
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
    return Status(201, _incoming_detail(user, _incoming(user, document.pk)))


@incoming_router.post("/{int:document_id}/assign", response=IncomingDetailOut, summary="Giao xử lý")
def assign_incoming(request, document_id: int, payload: AssignIn):
    """Replaces the routing: one lead handler, co-handlers and readers, among the people with the
    clearance who work with the organization's documents."""
    user = request.auth
    document = _incoming(user, document_id, "assign")
    people = people_for(document.organization, DocumentAction.VIEW, document.confidentiality)
    (lead,) = _users("lead", [payload.lead], people)
    incoming.assign(
        acting_user=user,
        document=document,
        lead=lead,
        co_handlers=_users("co_handlers", payload.co_handlers, people),
        readers=_users("readers", payload.readers, people),
        deadline=payload.deadline,
        direction=payload.direction,
        department=_department(document, payload.department),
    )
    return _incoming_detail(user, _incoming(user, document_id))


def _department(document, department_id: int | None):
    if department_id is None:
        return None
    found = departments_of(document).filter(pk=department_id).first()
    if found is None:
        raise invalid("department", _("Choose a department of this organization."))
    return found


@incoming_router.post(
    "/{int:document_id}/direction", response=IncomingDetailOut, summary="Ý kiến chỉ đạo"
)
def direct_incoming(request, document_id: int, payload: TextIn):
    user = request.auth
    document = _incoming(user, document_id, "direction")
    incoming.record_direction(acting_user=user, document=document, direction=payload.text)
    return _incoming_detail(user, _incoming(user, document_id))


@incoming_router.post(
    "/{int:document_id}/progress", response=IncomingDetailOut, summary="Ghi tiến độ xử lý"
)
def progress_incoming(request, document_id: int, payload: TextIn):
    """Only a lead or co-handler (or someone who routes documents) may record progress."""
    user = request.auth
    document = _incoming(user, document_id, "progress")
    incoming.add_progress(acting_user=user, document=document, text=payload.text)
    return _incoming_detail(user, _incoming(user, document_id))


@incoming_router.post(
    "/{int:document_id}/close", response=IncomingDetailOut, summary="Kết thúc xử lý"
)
def close_incoming(request, document_id: int, payload: TextIn):
    user = request.auth
    document = _incoming(user, document_id, "close")
    incoming.close(acting_user=user, document=document, result=payload.text)
    return _incoming_detail(user, _incoming(user, document_id))


@incoming_router.post(
    "/{int:document_id}/files", response={201: FileOut}, summary="Thêm tệp (PDF, DOCX, ảnh)"
)
def upload_incoming_file(request, document_id: int, file: File[UploadedFile]):
    """multipart/form-data, field `file`. The type is checked by content; a refused file leaves
    nothing behind."""
    document = _incoming(request.auth, document_id, "upload")
    return Status(201, _upload(request.auth, document, file, FileRole.SCAN))


@incoming_router.get("/{int:document_id}/files/{int:file_id}", summary="Tải tệp")
def download_incoming_file(request, document_id: int, file_id: int):
    """The file's bytes; a classified document's download is logged and its PDF carries the
    reader's name as a watermark."""
    document = _incoming(request.auth, document_id)
    return _download(request.auth, document, file_id)


@incoming_router.post(
    "/{int:document_id}/files/{int:file_id}/verify",
    response=list[SignatureCheckOut],
    summary="Kiểm tra chữ ký số",
)
def verify_incoming_file(request, document_id: int, file_id: int):
    document = _incoming(request.auth, document_id, "verify")
    row = document.files.filter(pk=file_id).first()
    if row is None:
        raise Http404
    return files.verify_signatures(row)


# Outgoing documents

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


def _outgoing(user, pk: int, step: str | None = None) -> OutgoingDocument:
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


@outgoing_router.get("", response=OutgoingPage, summary="Văn bản đi")
def list_outgoing(request, filters: Query[OutgoingFilters]):
    documents = access.visible(
        request.auth, OutgoingDocument.objects.select_related("organization"), DocumentAction.VIEW
    )
    if filters.q:
        folded = vntext.fold(vntext.canonical(filters.q))
        documents = documents.filter(
            Q(summary_folded__contains=folded) | Q(symbol__icontains=filters.q)
        )
    if filters.status:
        documents = documents.filter(status=filters.status)
    return page(documents.order_by("-created_at", "-pk"), filters)


@outgoing_router.get(
    "/templates/{doc_type}", response=DraftTemplateOut, summary="Mẫu khởi đầu của dự thảo"
)
def draft_template(request, doc_type: str, organization: int):
    """The values a new draft of `doc_type` for `organization` starts with, as on the drafting
    page: the organization's usual issuing body, place and signature block, then the type's
    template. A type not in force today answers 400 unknown_type."""
    user = request.auth
    found = access.get_organization_for(user, organization, DocumentAction.DRAFT)
    today = timezone.localdate()
    type_rule(doc_type, today)
    values = initial_from(found)
    values.update(template_initial(doc_type, today, values.get("issuing_body", "")))
    return {**values, "organization": found.pk, "doc_type": doc_type}


@outgoing_router.get("/{int:document_id}", response=OutgoingDetailOut, summary="Một văn bản đi")
def get_outgoing(request, document_id: int):
    """Reading a classified document is logged (who, when, what)."""
    document = _outgoing(request.auth, document_id)
    files.log_access(request.auth, document, ConfidentialAccess.Kind.VIEW)
    return document


@outgoing_router.post("", response={201: OutgoingDetailOut}, summary="Soạn dự thảo")
def create_outgoing(request, payload: OutgoingIn):
    user = request.auth
    values = payload.dict()
    organization = access.get_organization_for(
        user, values.pop("organization"), DocumentAction.DRAFT
    )
    reply_id, congress_id = values.pop("in_reply_to"), values.pop("congress")
    reply_to = None
    if reply_id is not None:
        reply_to = access.get_for(
            user, IncomingDocument.objects.all(), reply_id, DocumentAction.VIEW
        )
    congress = None
    if congress_id is not None:
        congress = Congress.objects.filter(pk=congress_id, organization=organization).first()
        if congress is None:
            raise invalid("congress", _("There is no such congress of this organization."))
    document = outgoing.create_draft(
        acting_user=user,
        organization=organization,
        in_reply_to=reply_to,
        congress=congress,
        **values,
    )
    return Status(201, _outgoing(user, document.pk))


@outgoing_router.patch(
    "/{int:document_id}", response=OutgoingDetailOut, summary="Sửa dự thảo (phiên bản mới)"
)
def update_outgoing(request, document_id: int, payload: OutgoingPatch):
    """Only a draft changes; each change saves a new version."""
    user = request.auth
    document = _outgoing(user, document_id, "draft")
    changes = payload.dict(exclude_unset=True)
    note = changes.pop("note", "")
    outgoing.update_draft(acting_user=user, document=document, note=note, **changes)
    return _outgoing(user, document_id)


@outgoing_router.post(
    "/{int:document_id}/to-appraisal", response=OutgoingDetailOut, summary="Chuyển thẩm định"
)
def to_appraisal(request, document_id: int):
    user = request.auth
    outgoing.send_to_appraisal(
        acting_user=user, document=_outgoing(user, document_id, "to_appraisal")
    )
    return _outgoing(user, document_id)


@outgoing_router.post(
    "/{int:document_id}/appraisals", response={201: AppraisalOut}, summary="Ý kiến thẩm định"
)
def appraise(request, document_id: int, payload: AppraiseIn):
    """ "revise" (with comments) sends the draft back to its author."""
    user = request.auth
    comment = outgoing.appraise(
        acting_user=user,
        document=_outgoing(user, document_id, "appraise"),
        verdict=payload.verdict,
        text=payload.text,
    )
    return Status(
        201,
        {
            "author": {"id": user.pk, "name": user.get_full_name() or user.get_username()},
            "verdict": comment.verdict,
            "text": comment.text,
            "at": comment.at,
        },
    )


@outgoing_router.post("/{int:document_id}/submit", response=OutgoingDetailOut, summary="Trình ký")
def submit(request, document_id: int, payload: SubmitIn):
    user = request.auth
    document = _outgoing(user, document_id, "submit")
    signers = people_for(document.organization, DocumentAction.SIGN, document.confidentiality)
    (signer,) = _users("signer", [payload.signer], signers)
    outgoing.submit_for_signature(acting_user=user, document=document, signer=signer)
    return _outgoing(user, document_id)


@outgoing_router.post("/{int:document_id}/sign", response=OutgoingDetailOut, summary="Ký duyệt")
def sign(request, document_id: int):
    """Only the designated signer signs."""
    user = request.auth
    outgoing.sign(acting_user=user, document=_outgoing(user, document_id, "sign"))
    return _outgoing(user, document_id)


@outgoing_router.post(
    "/{int:document_id}/return", response=OutgoingDetailOut, summary="Trả lại, không ký"
)
def return_unsigned(request, document_id: int, payload: TextIn):
    user = request.auth
    outgoing.return_unsigned(
        acting_user=user, document=_outgoing(user, document_id, "return"), reason=payload.text
    )
    return _outgoing(user, document_id)


@outgoing_router.post(
    "/{int:document_id}/issue", response=OutgoingDetailOut, summary="Phát hành (cấp số)"
)
def issue(request, document_id: int, payload: IssueIn):
    """Allocates the number of the type's register for the committee term: `number` and `symbol`
    (e.g. 01-CV/TU) in the answer. Issuing a reply closes the incoming document it answers."""
    user = request.auth
    outgoing.issue(
        acting_user=user, document=_outgoing(user, document_id, "issue"), on=payload.issued_on
    )
    return _outgoing(user, document_id)


@outgoing_router.post("/{int:document_id}/cancel", response=OutgoingDetailOut, summary="Hủy")
def cancel(request, document_id: int, payload: TextIn):
    """A draft is cancelled by its drafters; a signed or issued one by whoever issues (an issued
    number is recorded as cancelled and never reused)."""
    user = request.auth
    outgoing.cancel(
        acting_user=user, document=_outgoing(user, document_id, "cancel"), reason=payload.text
    )
    return _outgoing(user, document_id)


@outgoing_router.post("/{int:document_id}/recall", response=OutgoingDetailOut, summary="Thu hồi")
def recall(request, document_id: int, payload: TextIn):
    user = request.auth
    outgoing.recall(
        acting_user=user, document=_outgoing(user, document_id, "recall"), reason=payload.text
    )
    return _outgoing(user, document_id)


@outgoing_router.post(
    "/{int:document_id}/dispatches", response={201: list[DispatchOut]}, summary="Gửi văn bản"
)
def send(request, document_id: int, payload: DispatchIn):
    """One row per recipient; no recipients sent = the document's Nơi nhận."""
    user = request.auth
    rows = dispatch.send(
        acting_user=user,
        document=_outgoing(user, document_id, "dispatch"),
        recipients=payload.recipients,
        channel=payload.channel,
        sent_on=payload.sent_on,
    )
    return Status(201, rows)


@outgoing_router.patch(
    "/{int:document_id}/dispatches/{int:dispatch_id}",
    response=DispatchOut,
    summary="Tình trạng chuyển",
)
def set_delivery(request, document_id: int, dispatch_id: int, payload: DeliveryIn):
    user = request.auth
    document = _outgoing(user, document_id, "delivery")
    row = (
        Dispatch.objects.select_related("document")
        .filter(pk=dispatch_id, document=document)
        .first()
    )
    if row is None:
        raise Http404
    return dispatch.set_delivery(acting_user=user, dispatch=row, status=payload.status)


@outgoing_router.post(
    "/{int:document_id}/seal", response={201: SealUseOut}, summary="Đóng dấu (sổ sử dụng con dấu)"
)
def seal(request, document_id: int, payload: SealIn):
    user = request.auth
    row = dispatch.apply_seal(
        acting_user=user,
        document=_outgoing(user, document_id, "seal"),
        copies=payload.copies,
        note=payload.note,
    )
    return Status(201, row)


@outgoing_router.get("/{int:document_id}/docx", summary="Tải DOCX")
def download_docx(request, document_id: int):
    """The stored DOCX of an issued document, a fresh rendering of a draft."""
    user = request.auth
    document = _outgoing(user, document_id)
    stored = document.files.filter(role=FileRole.ISSUED_DOCX).first()
    if stored is not None:
        data = files.read_file(user, stored)
    else:
        files.log_access(user, document, ConfidentialAccess.Kind.DOWNLOAD)
        data = docx_for(document)
    return _file_response(docx_file_name(document), data, DOCX, True)


@outgoing_router.post(
    "/{int:document_id}/files", response={201: FileOut}, summary="Thêm tệp đính kèm"
)
def upload_outgoing_file(request, document_id: int, file: File[UploadedFile]):
    document = _outgoing(request.auth, document_id, "upload")
    return Status(201, _upload(request.auth, document, file, FileRole.ATTACHMENT))


@outgoing_router.get("/{int:document_id}/files/{int:file_id}", summary="Tải tệp")
def download_outgoing_file(request, document_id: int, file_id: int):
    """The file's bytes (the issued PDF, the signed PDF, an attachment…); a classified document's
    download is logged and its PDF carries the reader's name as a watermark."""
    document = _outgoing(request.auth, document_id)
    return _download(request.auth, document, file_id)


@outgoing_router.post("/{int:document_id}/pdf", response=FileOut, summary="Tạo bản PDF phát hành")
def make_issued_pdf(request, document_id: int):
    """The issued document as PDF (LibreOffice from the issued DOCX), made once and kept: asking
    again answers the same file. Only an issued document has one. Download it through
    /files/{file_id}."""
    user = request.auth
    return files.issued_pdf(user, _outgoing(user, document_id, "pdf"))


@outgoing_router.post(
    "/{int:document_id}/sign-pdf", response={201: FileOut}, summary="Ký số bản PDF phát hành"
)
@sensitive_variables("payload")
def sign_issued_pdf(request, document_id: int, payload: SignPdfIn):
    """Signs the issued PDF with the organization's certificate (set by an administrator). The
    passphrase is used once and neither kept, logged nor sent back; a wrong one answers 400 and
    makes no file."""
    user = request.auth
    document = _outgoing(user, document_id, "sign_pdf")
    return Status(201, files.sign_issued(user, document, payload.passphrase))


# Registers, the seal-use log and the deadline dashboard (as views_registers.py)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope_organization(user, pk: int | None, required: bool = True):
    """The organization asked for, else the top of the user's scope; 404 if outside it."""
    access.require(user, DocumentAction.VIEW)
    if pk is not None:
        return access.get_organization_for(user, pk, DocumentAction.VIEW)
    if not required:
        return None
    organization = access.roots_for(user, DocumentAction.VIEW).first()
    if organization is None:
        raise Http404
    return organization


def _register(user, kind: str, filters: RegisterFilters, how: str):
    """The register `kind` of the organization for the period, what the user may see only; the
    classified documents it lists are logged as viewed (or downloaded) each."""
    organization = _scope_organization(user, filters.organization)
    period = periods.parse({"tu": filters.from_, "den": filters.to})  # PeriodError: 400
    register = build.BUILDERS[kind](user, organization, period)
    downloads.log_classified(user, kind, organization, period, how)
    return organization, register


def _cell(value):
    if isinstance(value, datetime.datetime):
        return local(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _row_document(row) -> int | None:
    return resolve(row.url).kwargs.get("pk") if row.url else None


def _register_out(register: Register, organization) -> dict:
    return {
        "kind": register.kind,
        "title": register.title,
        "organization": {"id": organization.pk, "name": organization.name},
        "period": {
            "start": register.period.start,
            "end": register.period.end,
            "label": register.period.label(),
        },
        "columns": [c.label for c in register.columns],
        "count": len(register.rows),
        "rows": [
            {
                "cells": [_cell(v) for v in row.cells],
                "texts": row.texts,
                "document_id": _row_document(row),
                "note_class": row.note_class,
            }
            for row in register.rows
        ],
    }


@registers_router.get(
    "/deadlines", response=DeadlineDashboardOut, summary="Theo dõi hạn xử lý văn bản đến"
)
def deadline_dashboard(request, filters: Query[DeadlineFilters]):
    """Open assignments (lead and co-handlers) of the incoming documents the user may see, per
    person and per department: assigned, overdue, due within `soon_days` days."""
    user = request.auth
    organization = _scope_organization(user, filters.organization, required=False)
    today = timezone.localdate()
    assignments = dashboard.open_assignments(user, organization)
    people = dashboard.by_person(assignments, today)
    return {
        "organization": organization,
        "today": today,
        "soon_days": dashboard.SOON_DAYS,
        "total": dashboard.totals(people),
        "people": people,
        "departments": dashboard.by_department(assignments, today),
        "mine": assignments.filter(user=user).count(),
    }


ASSIGNMENT_KINDS = {"all": dashboard.ALL, "overdue": dashboard.OVERDUE, "soon": dashboard.SOON}


@registers_router.get(
    "/deadlines/assignments", response=OpenAssignmentPage, summary="Việc đang giao xử lý"
)
def deadline_assignments(request, filters: Query[AssignmentFilters]):
    """The list behind a dashboard count: open assignments of one person or department, all,
    overdue or due soon, the nearest deadline first."""
    user = request.auth
    organization = _scope_organization(user, filters.organization, required=False)
    assignments = dashboard.open_assignments(user, organization)
    if filters.person is not None:
        assignments = assignments.filter(user_id=filters.person)
    if filters.department is not None:
        assignments = assignments.filter(department_id=filters.department)
    assignments = dashboard.narrow(assignments, ASSIGNMENT_KINDS[filters.kind]).select_related(
        "document", "user", "department"
    )
    ordered = assignments.order_by(
        F("deadline").asc(nulls_last=True), "document__received_at", "pk"
    )
    return page(ordered, filters)


@registers_router.get(
    "/{kind}", response=RegisterOut, summary="Sổ văn bản đến, sổ văn bản đi, sổ sử dụng con dấu"
)
def get_register(request, kind: REGISTER_KINDS, filters: Query[RegisterFilters]):
    """The rows of the register for the period (this year by default), only the documents the
    user may see, clearance included. Listing a classified document is logged as a view of it."""
    user = request.auth
    organization, register = _register(user, kind, filters, ConfidentialAccess.Kind.VIEW)
    return _register_out(register, organization)


@registers_router.get(
    "/{kind}/{fmt}",
    summary="Tải sổ (XLSX, PDF)",
    openapi_extra={
        "responses": {
            200: {
                "description": "Tệp của sổ",
                "content": {
                    XLSX: {"schema": {"type": "string", "format": "binary"}},
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                },
            }
        }
    },
)
def download_register(
    request, kind: REGISTER_KINDS, fmt: REGISTER_FORMATS, filters: Query[RegisterFilters]
):
    """The register as the office prints it; each classified document listed is logged as
    downloaded."""
    user = request.auth
    organization, register = _register(user, kind, filters, ConfidentialAccess.Kind.DOWNLOAD)
    writer, content_type = downloads.FORMATS[fmt]
    name = downloads.file_name(kind, organization, register.period, fmt)
    return _file_response(name, writer(register), content_type, True)


__all__ = ["incoming_router", "outgoing_router", "registers_router"]
