"""The rows of each register, from what the user may see (core.access.visible) and nothing else:
a document above the reader's clearance or outside the reader's scope has no row at all."""

import datetime

from django.db.models import Prefetch
from django.urls import reverse

from vanphong.core import access
from vanphong.core.models import CancelledNumber
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import (
    CONFIDENTIALITY_MARKS,
    URGENCY_MARKS,
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
    SealUse,
)
from vanphong.documents.registers.model import Column, Register, Row, local
from vanphong.documents.registers.period import Period
from vanphong.documents.types import type_name

INCOMING_TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
OUTGOING_TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
SEAL_TITLE = "SỔ THEO DÕI SỬ DỤNG CON DẤU"

INCOMING_COLUMNS = [
    Column("Số đến", 8, wrap=False),
    Column("Ngày đến", 13, wrap=False),
    Column("Nơi gửi", 22),
    Column("Số và ký hiệu", 16),
    Column("Ngày văn bản", 13, wrap=False),
    Column("Loại", 12),
    Column("Trích yếu", 40),
    Column("Độ mật, khẩn", 11),
    Column("Người xử lý", 18),
    Column("Hạn xử lý", 13, wrap=False),
    Column("Kết quả", 22),
]
OUTGOING_COLUMNS = [
    Column("Số và ký hiệu", 16),
    Column("Ngày ban hành", 13, wrap=False),
    Column("Loại", 12),
    Column("Trích yếu", 40),
    Column("Người ký", 18),
    Column("Nơi nhận", 26),
    Column("Số bản, đóng dấu", 14),
    Column("Ghi chú", 22),
]
SEAL_COLUMNS = [
    Column("STT", 6, wrap=False),
    Column("Thời gian", 17, wrap=False),
    Column("Văn bản", 16),
    Column("Trích yếu", 44),
    Column("Người đóng dấu", 20),
    Column("Số bản", 8, wrap=False),
    Column("Ghi chú", 28),
]

INCOMING_RESULT = {
    IncomingStatus.REGISTERED: "Chưa phân công",
    IncomingStatus.ASSIGNED: "Đã phân công",
    IncomingStatus.IN_PROGRESS: "Đang xử lý",
    IncomingStatus.DONE: "Đã xong",
}
RECALLED = "Đã thu hồi"
CANCELLED = "Số đã hủy"


def marks(document) -> str:
    parts = [
        CONFIDENTIALITY_MARKS.get(document.confidentiality, ""),
        URGENCY_MARKS.get(document.urgency, ""),
    ]
    return ", ".join(p for p in parts if p)


class _TypeNames:
    """Type names as of each document's date, read once per (type, date)."""

    def __init__(self):
        self._memo: dict[tuple[str, datetime.date], str] = {}

    def __call__(self, doc_type: str, day: datetime.date | None) -> str:
        if day is None:
            return doc_type
        key = (doc_type, day)
        if key not in self._memo:
            self._memo[key] = type_name(doc_type, day)
        return self._memo[key]


def incoming_documents(user, organization, period: Period):
    first, after = period.bounds()
    handlers = Assignment.objects.filter(
        role__in=[AssignmentRole.LEAD, AssignmentRole.CO]
    ).select_related("user")
    documents = IncomingDocument.objects.filter(
        organization=organization, received_at__gte=first, received_at__lt=after
    ).prefetch_related(Prefetch("assignments", queryset=handlers, to_attr="handlers"))
    return access.visible(user, documents, DocumentAction.VIEW).order_by("received_at", "number")


def _handler_text(document) -> str:
    leads = [str(a.user) for a in document.handlers if a.role == AssignmentRole.LEAD]
    cos = [str(a.user) for a in document.handlers if a.role == AssignmentRole.CO]
    text = ", ".join(leads)
    if cos:
        text += f" (phối hợp: {', '.join(cos)})"
    return text.strip()


def incoming_register(user, organization, period: Period) -> Register:
    names = _TypeNames()
    register = Register("incoming", INCOMING_TITLE, organization.name, period, INCOMING_COLUMNS)
    for d in incoming_documents(user, organization, period):
        result = (
            d.result
            if d.status == IncomingStatus.DONE and d.result
            else INCOMING_RESULT.get(d.status, "")
        )
        register.rows.append(
            Row(
                [
                    d.number,
                    local(d.received_at).date(),
                    d.issuer,
                    d.original_number,
                    d.document_date,
                    names(d.doc_type, d.document_date),
                    d.summary,
                    marks(d),
                    _handler_text(d),
                    d.deadline,
                    result,
                ],
                url=reverse("documents:incoming_detail", args=[d.pk]),
            )
        )
    return register


def outgoing_documents(user, organization, period: Period):
    documents = (
        OutgoingDocument.objects.filter(
            organization=organization,
            number__isnull=False,
            issued_on__gte=period.start,
            issued_on__lte=period.end,
        )
        .select_related("signer")
        .prefetch_related("seal_uses")
    )
    return access.visible(user, documents, DocumentAction.VIEW).order_by(
        "issued_on", "issued_at", "number"
    )


def _seal_text(document) -> str:
    uses = list(document.seal_uses.all())
    if not uses:
        return ""
    copies = sum(u.copies for u in uses)
    first = local(uses[0].used_at)
    return f"{copies} bản, đóng dấu {first:%d/%m/%Y}"


def _outgoing_note(document, reasons: dict[int, str]) -> tuple[str, str]:
    parts = []
    css = ""
    if document.status == OutgoingStatus.CANCELLED:
        reason = reasons.get(document.pk) or document.ended_reason
        parts.append(f"{CANCELLED}: {reason}" if reason else CANCELLED)
        css = "cancelled"
    elif document.status == OutgoingStatus.RECALLED:
        reason = document.ended_reason
        parts.append(f"{RECALLED}: {reason}" if reason else RECALLED)
        css = "recalled"
    if marks(document):
        parts.insert(0, marks(document))
    return "; ".join(parts), css


def outgoing_register(user, organization, period: Period) -> Register:
    names = _TypeNames()
    register = Register("outgoing", OUTGOING_TITLE, organization.name, period, OUTGOING_COLUMNS)
    documents = list(outgoing_documents(user, organization, period))
    target_type = OutgoingDocument._meta.label_lower
    reasons = {
        int(target_id): reason
        for target_id, reason in CancelledNumber.objects.filter(
            target_type=target_type, target_id__in=[str(d.pk) for d in documents]
        ).values_list("target_id", "reason")
    }
    entries: list[tuple[tuple, Row]] = []
    for d in documents:
        note, css = _outgoing_note(d, reasons)
        signer = str(d.signer) if d.signer else ""
        if signer and d.signer_position:
            signer = f"{signer} ({d.signer_position})"
        row = Row(
            [
                d.symbol,
                d.issued_on,
                names(d.doc_type, d.issued_on),
                d.summary,
                signer,
                "; ".join(d.recipient_list()),
                _seal_text(d),
                note,
            ],
            url=reverse("documents:outgoing_detail", args=[d.pk]),
            note_class=css,
        )
        entries.append(((d.issued_on, d.issued_at or local(d.created_at), d.number or 0), row))
    # Numbers cancelled on their own (not a document's number): recorded, never reused.
    first, after = period.bounds()
    loose = (
        CancelledNumber.objects.filter(
            sequence__organization=organization, cancelled_at__gte=first, cancelled_at__lt=after
        )
        .exclude(target_type=target_type)
        .select_related("sequence")
    )
    for c in loose:
        day = local(c.cancelled_at).date()
        row = Row(
            [
                f"Số {c.number} ({c.sequence.label})",
                day,
                "",
                "",
                "",
                "",
                "",
                f"{CANCELLED}: {c.reason}",
            ],
            note_class="cancelled",
        )
        entries.append(((day, c.cancelled_at, c.number), row))
    entries.sort(key=lambda e: e[0])
    register.rows = [row for _key, row in entries]
    return register


def seal_uses(user, organization, period: Period):
    first, after = period.bounds()
    documents = access.visible(user, OutgoingDocument.objects.all(), DocumentAction.VIEW)
    uses = SealUse.objects.filter(
        organization=organization,
        used_at__gte=first,
        used_at__lt=after,
        document__in=documents.values("pk"),
    ).select_related("document", "used_by")
    return access.visible(user, uses, DocumentAction.VIEW).order_by("used_at", "pk")


def seal_log(user, organization, period: Period) -> Register:
    register = Register("seal", SEAL_TITLE, organization.name, period, SEAL_COLUMNS)
    for index, use in enumerate(seal_uses(user, organization, period), start=1):
        register.rows.append(
            Row(
                [
                    index,
                    use.used_at,
                    use.document.symbol,
                    use.document.summary,
                    str(use.used_by),
                    use.copies,
                    use.note,
                ],
                url=reverse("documents:outgoing_detail", args=[use.document_id]),
            )
        )
    return register


BUILDERS = {"incoming": incoming_register, "outgoing": outgoing_register, "seal": seal_log}
