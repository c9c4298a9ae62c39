"""Outgoing documents through the API: drafting (versions, templates), appraisal, signing,
issuing, cancelling and recalling, dispatch and the seal log, the same action per step as the
pages (views_outgoing)."""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from vanphong.core import access, vntext
from vanphong.core.api import Id, invalid, page
from vanphong.documents.access import DocumentAction
from vanphong.documents.api.files import outgoing_files
from vanphong.documents.api.lookups import outgoing_for, users_among
from vanphong.documents.drafting import initial_from, template_initial
from vanphong.documents.models import (
    ConfidentialAccess,
    Congress,
    Dispatch,
    IncomingDocument,
    OutgoingDocument,
)
from vanphong.documents.schemas import (
    AppraisalOut,
    AppraiseIn,
    DeliveryIn,
    DispatchIn,
    DispatchOut,
    DraftTemplateOut,
    IssueIn,
    OutgoingDetailOut,
    OutgoingFilters,
    OutgoingIn,
    OutgoingPage,
    OutgoingPatch,
    SealIn,
    SealUseOut,
    SubmitIn,
    TextIn,
)
from vanphong.documents.services import dispatch, files, outgoing
from vanphong.documents.types import type_rule
from vanphong.documents.views_common import people_for

router = Router(tags=["outgoing"])


@router.get("", response=OutgoingPage, summary="Văn bản đi")
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


@router.get("/templates/{doc_type}", response=DraftTemplateOut, summary="Mẫu khởi đầu của dự thảo")
def draft_template(request, doc_type: str, organization: Id):
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


@router.get("/{int:document_id}", response=OutgoingDetailOut, summary="Một văn bản đi")
def get_outgoing(request, document_id: int):
    """Reading a classified document is logged (who, when, what)."""
    document = outgoing_for(request.auth, document_id)
    files.log_access(request.auth, document, ConfidentialAccess.Kind.VIEW)
    return document


@router.post("", response={201: OutgoingDetailOut}, summary="Soạn dự thảo")
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
    return Status(201, outgoing_for(user, document.pk))


@router.patch(
    "/{int:document_id}", response=OutgoingDetailOut, summary="Sửa dự thảo (phiên bản mới)"
)
def update_outgoing(request, document_id: int, payload: OutgoingPatch):
    """Only a draft changes; each change saves a new version."""
    user = request.auth
    document = outgoing_for(user, document_id, "draft")
    changes = payload.dict(exclude_unset=True)
    note = changes.pop("note", "")
    outgoing.update_draft(acting_user=user, document=document, note=note, **changes)
    return outgoing_for(user, document_id)


@router.post(
    "/{int:document_id}/to-appraisal", response=OutgoingDetailOut, summary="Chuyển thẩm định"
)
def to_appraisal(request, document_id: int):
    user = request.auth
    outgoing.send_to_appraisal(
        acting_user=user, document=outgoing_for(user, document_id, "to_appraisal")
    )
    return outgoing_for(user, document_id)


@router.post(
    "/{int:document_id}/appraisals", response={201: AppraisalOut}, summary="Ý kiến thẩm định"
)
def appraise(request, document_id: int, payload: AppraiseIn):
    """ "revise" (with comments) sends the draft back to its author."""
    user = request.auth
    comment = outgoing.appraise(
        acting_user=user,
        document=outgoing_for(user, document_id, "appraise"),
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


@router.post("/{int:document_id}/submit", response=OutgoingDetailOut, summary="Trình ký")
def submit(request, document_id: int, payload: SubmitIn):
    user = request.auth
    document = outgoing_for(user, document_id, "submit")
    signers = people_for(document.organization, DocumentAction.SIGN, document.confidentiality)
    (signer,) = users_among("signer", [payload.signer], signers)
    outgoing.submit_for_signature(acting_user=user, document=document, signer=signer)
    return outgoing_for(user, document_id)


@router.post("/{int:document_id}/sign", response=OutgoingDetailOut, summary="Ký duyệt")
def sign(request, document_id: int):
    """Only the designated signer signs."""
    user = request.auth
    outgoing.sign(acting_user=user, document=outgoing_for(user, document_id, "sign"))
    return outgoing_for(user, document_id)


@router.post("/{int:document_id}/return", response=OutgoingDetailOut, summary="Trả lại, không ký")
def return_unsigned(request, document_id: int, payload: TextIn):
    user = request.auth
    outgoing.return_unsigned(
        acting_user=user, document=outgoing_for(user, document_id, "return"), reason=payload.text
    )
    return outgoing_for(user, document_id)


@router.post("/{int:document_id}/issue", response=OutgoingDetailOut, summary="Phát hành (cấp số)")
def issue(request, document_id: int, payload: IssueIn):
    """Allocates the number of the type's register for the committee term: `number` and `symbol`
    (e.g. 01-CV/TU) in the answer. Issuing a reply closes the incoming document it answers."""
    user = request.auth
    outgoing.issue(
        acting_user=user, document=outgoing_for(user, document_id, "issue"), on=payload.issued_on
    )
    return outgoing_for(user, document_id)


@router.post("/{int:document_id}/cancel", response=OutgoingDetailOut, summary="Hủy")
def cancel(request, document_id: int, payload: TextIn):
    """A draft is cancelled by its drafters; a signed or issued one by whoever issues (an issued
    number is recorded as cancelled and never reused)."""
    user = request.auth
    outgoing.cancel(
        acting_user=user, document=outgoing_for(user, document_id, "cancel"), reason=payload.text
    )
    return outgoing_for(user, document_id)


@router.post("/{int:document_id}/recall", response=OutgoingDetailOut, summary="Thu hồi")
def recall(request, document_id: int, payload: TextIn):
    user = request.auth
    outgoing.recall(
        acting_user=user, document=outgoing_for(user, document_id, "recall"), reason=payload.text
    )
    return outgoing_for(user, document_id)


@router.post(
    "/{int:document_id}/dispatches", response={201: list[DispatchOut]}, summary="Gửi văn bản"
)
def send(request, document_id: int, payload: DispatchIn):
    """One row per recipient; no recipients sent = the document's Nơi nhận."""
    user = request.auth
    rows = dispatch.send(
        acting_user=user,
        document=outgoing_for(user, document_id, "dispatch"),
        recipients=payload.recipients,
        channel=payload.channel,
        sent_on=payload.sent_on,
    )
    return Status(201, rows)


@router.patch(
    "/{int:document_id}/dispatches/{int:dispatch_id}",
    response=DispatchOut,
    summary="Tình trạng chuyển",
)
def set_delivery(request, document_id: int, dispatch_id: int, payload: DeliveryIn):
    user = request.auth
    document = outgoing_for(user, document_id, "delivery")
    row = (
        Dispatch.objects.select_related("document")
        .filter(pk=dispatch_id, document=document)
        .first()
    )
    if row is None:
        raise Http404
    return dispatch.set_delivery(acting_user=user, dispatch=row, status=payload.status)


@router.post(
    "/{int:document_id}/seal", response={201: SealUseOut}, summary="Đóng dấu (sổ sử dụng con dấu)"
)
def seal(request, document_id: int, payload: SealIn):
    user = request.auth
    row = dispatch.apply_seal(
        acting_user=user,
        document=outgoing_for(user, document_id, "seal"),
        copies=payload.copies,
        note=payload.note,
    )
    return Status(201, row)


router.add_router("", outgoing_files)
