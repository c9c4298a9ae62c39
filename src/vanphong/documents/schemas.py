"""API schemas for incoming and outgoing documents. Field names in English, descriptions in
Vietnamese, dates as ISO yyyy-mm-dd.

Lists and details carry a document's summary: they only ever hold documents the reader may see,
clearance included (access.visible / access.get_for), so a classified summary never reaches a
reader without the clearance.
"""

import datetime
from typing import Literal

from ninja import Field, Schema

from vanphong.core.api import Id, Input, Page, Paging, choice
from vanphong.core.api import text as string
from vanphong.core.models import Clearance
from vanphong.documents.models import (
    BODY_MAX,
    NOTE_MAX,
    RECIPIENTS_MAX,
    SUMMARY_MAX,
    AssignmentRole,
    Channel,
    DeliveryStatus,
    FileRole,
    IncomingStatus,
    OutgoingStatus,
    Urgency,
    Verdict,
)

CONFIDENTIALITY = Literal[tuple(Clearance.values)]  # type: ignore[valid-type]
CONFIDENTIALITY_HELP = "Độ mật: 0 thường, 1 Mật, 2 Tối mật, 3 Tuyệt mật"
URGENCY_HELP = "Độ khẩn: trống (thường), urgent Khẩn, very_urgent Thượng khẩn, flash Hỏa tốc"


def person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or user.get_username()}


class PersonOut(Schema):
    id: int
    name: str = Field(description="Họ tên (hoặc tên đăng nhập)")


class FileOut(Schema):
    id: int
    role: choice(FileRole) = Field(description="Loại tệp: bản nhận, đính kèm, bản phát hành…")
    name: str = Field(description="Tên tệp (đã làm sạch)")
    kind: str = Field(description="pdf, docx, png, jpeg, tiff")
    content_type: str
    size: int = Field(description="Kích thước (byte)")
    sha256: str = Field(description="Mã băm SHA-256 của nội dung")
    signatures: list[dict] | None = Field(
        description="Kết quả kiểm tra chữ ký số (nếu đã kiểm tra)"
    )
    uploaded_at: datetime.datetime


class SignatureCheckOut(Schema):
    status: str = Field(description="valid, invalid, untrusted…")
    signer: str | None = Field(description="Người ký")
    signed_at: str | None = Field(description="Thời điểm ký (ISO)")
    message: str


class TextIn(Input):
    text: string(NOTE_MAX, required=True) = Field(
        description="Nội dung (ý kiến, tiến độ, kết quả, lý do)"
    )


# Incoming documents


class IncomingFilters(Paging):
    status: choice(IncomingStatus) | None = Field(None, description="Tình trạng xử lý")
    year: int | None = Field(None, ge=1900, le=2999, description="Năm của sổ văn bản đến")
    q: string(200) = Field(
        "", description="Tìm theo trích yếu, cơ quan ban hành (không phân biệt dấu), số ký hiệu"
    )


class IncomingOut(Schema):
    id: int
    organization_id: int = Field(description="Tổ chức giữ sổ")
    organization_name: str
    year: int = Field(description="Năm của sổ")
    number: int = Field(description="Số đến")
    received_at: datetime.datetime = Field(description="Thời điểm nhận")
    channel: choice(Channel) = Field(description="Kênh nhận: giấy, điện tử")
    issuer: str = Field(description="Cơ quan ban hành")
    original_number: str = Field(description="Số, ký hiệu của văn bản")
    document_date: datetime.date = Field(description="Ngày văn bản")
    doc_type: str = Field(description="Loại văn bản (mã)")
    summary: str = Field(description="Trích yếu")
    pages: int = Field(description="Số trang")
    urgency: choice(Urgency) = Field(description=URGENCY_HELP)
    confidentiality: CONFIDENTIALITY = Field(description=CONFIDENTIALITY_HELP)
    status: choice(IncomingStatus) = Field(description="Tình trạng xử lý")
    deadline: datetime.date | None = Field(description="Hạn xử lý")

    @staticmethod
    def resolve_organization_name(document) -> str:
        return document.organization.name


class IncomingPage(Page):
    items: list[IncomingOut]


class AssignmentOut(Schema):
    user: PersonOut
    role: choice(AssignmentRole) = Field(description="lead chủ trì, co phối hợp, reader để biết")
    deadline: datetime.date | None
    done_at: datetime.datetime | None


class NoteOut(Schema):
    author: PersonOut
    text: str
    at: datetime.datetime


class IncomingDetailOut(IncomingOut):
    direction: str = Field(description="Ý kiến chỉ đạo")
    directed_by: PersonOut | None
    directed_at: datetime.datetime | None
    result: str = Field(description="Kết quả xử lý")
    closed_at: datetime.datetime | None
    registered_by: PersonOut
    assignments: list[AssignmentOut]
    notes: list[NoteOut] = Field(description="Tiến độ xử lý")
    files: list[FileOut]
    reply_ids: list[int] = Field(description="Văn bản đi trả lời (chỉ những văn bản được xem)")

    @staticmethod
    def resolve_directed_by(document):
        return person(document.directed_by)

    @staticmethod
    def resolve_registered_by(document):
        return person(document.registered_by)

    @staticmethod
    def resolve_assignments(document) -> list[dict]:
        rows = document.assignments.select_related("user").order_by("role", "pk")
        return [
            {"user": person(a.user), "role": a.role, "deadline": a.deadline, "done_at": a.done_at}
            for a in rows
        ]

    @staticmethod
    def resolve_notes(document) -> list[dict]:
        return [
            {"author": person(n.author), "text": n.text, "at": n.at}
            for n in document.notes.select_related("author")
        ]

    @staticmethod
    def resolve_files(document) -> list:
        return list(document.files.all())

    @staticmethod
    def resolve_reply_ids(document) -> list[int]:
        return getattr(document, "visible_reply_ids", [])


class IncomingIn(Input):
    organization: Id = Field(description="Tổ chức giữ sổ văn bản đến")
    received_at: datetime.datetime = Field(
        description="Thời điểm nhận (giờ Việt Nam nếu không ghi múi giờ)"
    )
    channel: choice(Channel) = Field(description="Kênh nhận: paper, electronic")
    issuer: string(255, required=True) = Field(description="Cơ quan ban hành")
    original_number: string(64, required=True) = Field(description="Số, ký hiệu, ví dụ 42-HD/BTCTW")
    document_date: datetime.date = Field(description="Ngày văn bản")
    doc_type: string(64, required=True) = Field(description="Loại văn bản (mã), ví dụ huong_dan")
    summary: string(SUMMARY_MAX, required=True) = Field(description="Trích yếu")
    pages: int = Field(1, ge=1, le=9999, description="Số trang")
    urgency: choice(Urgency) = Field("", description=URGENCY_HELP)
    confidentiality: CONFIDENTIALITY = Field(0, description=CONFIDENTIALITY_HELP)
    confirm_duplicate: bool = Field(
        False, description="Vẫn vào sổ dù đã có văn bản cùng cơ quan, số ký hiệu và ngày"
    )


class DuplicatesOut(Schema):
    code: str = Field(description="duplicate")
    message: str
    duplicates: list[IncomingOut] = Field(description="Văn bản đã vào sổ trùng cơ quan, số, ngày")


class AssignIn(Input):
    lead: Id = Field(description="Người chủ trì xử lý")
    co_handlers: list[Id] = Field([], description="Người phối hợp")
    readers: list[Id] = Field([], description="Người nhận để biết")
    deadline: datetime.date | None = Field(None, description="Hạn xử lý")
    direction: string(NOTE_MAX) = Field("", description="Ý kiến chỉ đạo")
    department: Id | None = Field(None, description="Đơn vị (vụ, phòng) chủ trì xử lý")


# Outgoing documents


class OutgoingFilters(Paging):
    status: choice(OutgoingStatus) | None = Field(None, description="Tình trạng")
    q: string(200) = Field("", description="Tìm theo trích yếu (không phân biệt dấu), số ký hiệu")


class OutgoingOut(Schema):
    id: int
    organization_id: int = Field(description="Tổ chức ban hành")
    organization_name: str
    doc_type: str = Field(description="Loại văn bản (mã)")
    status: choice(OutgoingStatus) = Field(description="Tình trạng")
    summary: str = Field(description="Trích yếu")
    urgency: choice(Urgency) = Field(description=URGENCY_HELP)
    confidentiality: CONFIDENTIALITY = Field(description=CONFIDENTIALITY_HELP)
    number: int | None = Field(description="Số (cấp khi phát hành)")
    symbol: str = Field(description="Số, ký hiệu, ví dụ 01-CV/TU")
    issued_on: datetime.date | None = Field(description="Ngày phát hành")
    created_at: datetime.datetime

    @staticmethod
    def resolve_organization_name(document) -> str:
        return document.organization.name


class OutgoingPage(Page):
    items: list[OutgoingOut]


class VersionOut(Schema):
    version: int
    summary: str
    body: str
    note: str
    author: PersonOut
    created_at: datetime.datetime


class AppraisalOut(Schema):
    author: PersonOut
    verdict: choice(Verdict) = Field(description="agree đồng ý, revise cần sửa")
    text: str
    at: datetime.datetime


class DispatchOut(Schema):
    id: int
    recipient: str = Field(description="Nơi nhận")
    channel: choice(Channel)
    sent_on: datetime.date
    status: choice(DeliveryStatus) = Field(description="Tình trạng chuyển")


class SealUseOut(Schema):
    id: int
    used_by: PersonOut
    used_at: datetime.datetime
    copies: int = Field(description="Số bản đóng dấu")
    note: str

    @staticmethod
    def resolve_used_by(row):
        return person(row.used_by)


class OutgoingDetailOut(OutgoingOut):
    body: str = Field(description="Nội dung, mỗi dòng một đoạn")
    superior_body: str = Field(description="Cơ quan cấp trên")
    issuing_body: str = Field(description="Cơ quan ban hành")
    place: str = Field(description="Địa danh")
    authority_line: str = Field(description="Thẩm quyền ký, ví dụ T/M Ban Thường vụ")
    signer_position: str = Field(description="Chức vụ người ký")
    recipients: list[str] = Field(description="Nơi nhận")
    signer: PersonOut | None
    drafted_by: PersonOut
    signed_at: datetime.datetime | None
    issued_at: datetime.datetime | None
    in_reply_to_id: int | None = Field(description="Văn bản đến được trả lời")
    congress_id: int | None = Field(description="Đại hội (dãy số chung)")
    ended_reason: str = Field(description="Lý do hủy, thu hồi")
    ended_at: datetime.datetime | None
    versions: list[VersionOut]
    appraisals: list[AppraisalOut]
    dispatches: list[DispatchOut]
    seal_uses: list[SealUseOut]
    files: list[FileOut]

    @staticmethod
    def resolve_recipients(document) -> list[str]:
        return document.recipient_list()

    @staticmethod
    def resolve_signer(document):
        return person(document.signer)

    @staticmethod
    def resolve_drafted_by(document):
        return person(document.drafted_by)

    @staticmethod
    def resolve_versions(document) -> list[dict]:
        return [
            {
                "version": v.version,
                "summary": v.summary,
                "body": v.body,
                "note": v.note,
                "author": person(v.author),
                "created_at": v.created_at,
            }
            for v in document.versions.select_related("author").order_by("version")
        ]

    @staticmethod
    def resolve_appraisals(document) -> list[dict]:
        return [
            {"author": person(a.author), "verdict": a.verdict, "text": a.text, "at": a.at}
            for a in document.appraisals.select_related("author")
        ]

    @staticmethod
    def resolve_dispatches(document) -> list:
        return list(document.dispatches.all())

    @staticmethod
    def resolve_seal_uses(document) -> list:
        return list(document.seal_uses.select_related("used_by"))

    @staticmethod
    def resolve_files(document) -> list:
        return list(document.files.all())


class _DraftFields(Input):
    body: string(BODY_MAX) = Field("", description="Nội dung, mỗi dòng một đoạn")
    superior_body: string(255) = Field("", description="Cơ quan cấp trên")
    authority_line: string(100) = Field("", description="Thẩm quyền ký, ví dụ T/M Ban Thường vụ")
    recipients: string(RECIPIENTS_MAX) = Field("", description="Nơi nhận, mỗi dòng một nơi")
    urgency: choice(Urgency) = Field("", description=URGENCY_HELP)
    confidentiality: CONFIDENTIALITY = Field(0, description=CONFIDENTIALITY_HELP)


class OutgoingIn(_DraftFields):
    organization: Id = Field(description="Tổ chức ban hành")
    doc_type: string(64, required=True) = Field(description="Loại văn bản (mã), ví dụ cong_van")
    summary: string(SUMMARY_MAX, required=True) = Field(description="Trích yếu")
    issuing_body: string(255, required=True) = Field(description="Cơ quan ban hành")
    place: string(100, required=True) = Field(description="Địa danh")
    signer_position: string(100, required=True) = Field(description="Chức vụ người ký")
    in_reply_to: Id | None = Field(None, description="Văn bản đến được trả lời")
    congress: Id | None = Field(None, description="Đại hội (văn bản đại hội dùng chung dãy số)")


class OutgoingPatch(Input):
    """A new version of a draft: fields left out do not change."""

    doc_type: string(64, required=True) = None
    summary: string(SUMMARY_MAX, required=True) = None
    body: string(BODY_MAX) = None
    issuing_body: string(255, required=True) = None
    superior_body: string(255) = None
    place: string(100, required=True) = None
    signer_position: string(100, required=True) = None
    authority_line: string(100) = None
    recipients: string(RECIPIENTS_MAX) = None
    urgency: choice(Urgency) = None
    confidentiality: CONFIDENTIALITY = None
    note: string(300) = Field("", description="Ghi chú của phiên bản")


class AppraiseIn(Input):
    verdict: choice(Verdict) = Field(description="agree đồng ý, revise cần sửa")
    text: string(NOTE_MAX) = Field("", description="Ý kiến thẩm định (bắt buộc khi cần sửa)")


class SubmitIn(Input):
    signer: Id = Field(description="Người ký (có thẩm quyền ký văn bản của tổ chức)")


class IssueIn(Input):
    issued_on: datetime.date | None = Field(None, description="Ngày phát hành (trống: hôm nay)")


class DispatchIn(Input):
    recipients: list[string(255)] = Field(
        [], description="Nơi nhận (trống: danh sách nơi nhận của văn bản)"
    )
    channel: choice(Channel) = Field(description="paper, electronic")
    sent_on: datetime.date | None = Field(None, description="Ngày gửi (trống: hôm nay)")


class DeliveryIn(Input):
    status: Literal["sent", "delivered", "returned"] = Field(description="Tình trạng chuyển")


class SealIn(Input):
    copies: int = Field(1, ge=1, le=9999, description="Số bản đóng dấu")
    note: string(300) = Field("", description="Ghi chú")


# Issued PDF, digital signature, drafting templates


class SignPdfIn(Input):
    passphrase: str = Field(
        min_length=1,
        max_length=1000,
        description="Mật khẩu của chứng thư số của tổ chức (không được lưu, không ghi nhật ký)",
    )


class DraftTemplateOut(Schema):
    """What a new draft of the type starts with: the organization's usual issuing body, place and
    signature block (from its last document), then the type's template."""

    organization: int = Field(description="Tổ chức ban hành")
    doc_type: str = Field(description="Loại văn bản (mã)")
    summary: str = Field("", description="Trích yếu (mở đầu theo mẫu)")
    body: str = Field("", description="Nội dung theo mẫu, mỗi dòng một đoạn")
    issuing_body: str = Field("", description="Cơ quan ban hành")
    superior_body: str = Field("", description="Cơ quan cấp trên")
    place: str = Field("", description="Địa danh")
    authority_line: str = Field("", description="Thẩm quyền ký, ví dụ T/M Ban Thường vụ")
    signer_position: str = Field("", description="Chức vụ người ký")
    recipients: str = Field("", description="Nơi nhận, mỗi dòng một nơi")


# Registers, the seal-use log, the deadline dashboard


REGISTER_KINDS = Literal["incoming", "outgoing", "seal"]
REGISTER_FORMATS = Literal["xlsx", "pdf"]


class RegisterFilters(Schema):
    organization: Id | None = Field(
        None, description="Tổ chức giữ sổ (trống: tổ chức cao nhất trong phạm vi của người dùng)"
    )
    from_: str = Field(
        "", alias="from", description="Từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd; trống: 01/01 năm nay)"
    )
    to: str = Field("", description="Đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd; trống: 31/12 năm nay)")


class OrganizationRef(Schema):
    id: int
    name: str


class PeriodOut(Schema):
    start: datetime.date = Field(description="Từ ngày")
    end: datetime.date = Field(description="Đến ngày")
    label: str = Field(description="Như in trên sổ, ví dụ Từ ngày 01/01/2026 đến ngày 31/12/2026")


class RegisterRowOut(Schema):
    cells: list[str | int | None] = Field(description="Giá trị từng cột (ngày, thời điểm theo ISO)")
    texts: list[str] = Field(description="Từng cột như in trên sổ (ngày dd/mm/yyyy)")
    document_id: int | None = Field(
        description="Văn bản của dòng (văn bản đến với sổ đến; văn bản đi với sổ đi, sổ con dấu)"
    )
    note_class: str = Field(description="cancelled (số đã hủy), recalled (đã thu hồi) hoặc trống")


class RegisterOut(Schema):
    kind: REGISTER_KINDS = Field(description="incoming sổ đến, outgoing sổ đi, seal sổ con dấu")
    title: str
    organization: OrganizationRef
    period: PeriodOut
    columns: list[str] = Field(description="Tên các cột")
    count: int = Field(description="Số dòng")
    rows: list[RegisterRowOut] = Field(
        description="Chỉ những văn bản người dùng được xem (kể cả độ mật)"
    )


class DeadlineFilters(Schema):
    organization: Id | None = Field(
        None, description="Chỉ văn bản của tổ chức này và các tổ chức trực thuộc (trống: tất cả)"
    )


class DeadlineLineOut(Schema):
    id: int = Field(description="Người (user) hoặc đơn vị (vụ, phòng); 0 ở dòng tổng")
    name: str
    assigned: int = Field(description="Đang giao xử lý")
    overdue: int = Field(description="Quá hạn")
    soon: int = Field(description="Đến hạn trong vài ngày tới")

    @staticmethod
    def resolve_id(line) -> int:
        return line.key


class DeadlineDashboardOut(Schema):
    organization: OrganizationRef | None
    today: datetime.date
    soon_days: int = Field(description="Số ngày tính là sắp đến hạn")
    total: DeadlineLineOut
    people: list[DeadlineLineOut] = Field(description="Theo người xử lý")
    departments: list[DeadlineLineOut] = Field(description="Theo đơn vị chủ trì")
    mine: int = Field(description="Việc đang giao cho chính người dùng")


class AssignmentFilters(Paging):
    organization: Id | None = Field(None, description="Tổ chức (trống: tất cả trong phạm vi)")
    person: Id | None = Field(None, description="Người xử lý")
    department: Id | None = Field(None, description="Đơn vị chủ trì")
    kind: Literal["all", "overdue", "soon"] = Field(
        "all", description="all tất cả, overdue quá hạn, soon sắp đến hạn"
    )


class OpenAssignmentOut(Schema):
    document_id: int
    number: int = Field(description="Số đến")
    summary: str = Field(description="Trích yếu")
    user: PersonOut
    role: choice(AssignmentRole) = Field(description="lead chủ trì, co phối hợp")
    department: OrganizationRef | None
    deadline: datetime.date | None

    @staticmethod
    def resolve_number(row) -> int:
        return row.document.number

    @staticmethod
    def resolve_summary(row) -> str:
        return row.document.summary

    @staticmethod
    def resolve_user(row):
        return person(row.user)


class OpenAssignmentPage(Page):
    items: list[OpenAssignmentOut]
