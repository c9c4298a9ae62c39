"""API schemas for organizations and members. Field names in English, descriptions in Vietnamese,
dates as ISO yyyy-mm-dd.

Optional fields of the PATCH schemas default to None without accepting null: a field left out is
not changed, and null is refused where the database would refuse it.
"""

import datetime
from typing import Literal

from ninja import Field, Schema

from vanphong.core.api import Id, Input, Page, Paging, choice, text
from vanphong.organizations.filters import AGE_GROUPS
from vanphong.organizations.models import (
    Education,
    Gender,
    MemberStatus,
    OrgKind,
    OrgStatus,
    PositionTitle,
    ProfessionalLevel,
    TheoryLevel,
    TransferKind,
)

# Organizations


class OrganizationOut(Schema):
    id: int
    name: str = Field(description="Tên tổ chức")
    code: str = Field(description="Tên viết tắt dùng trong ký hiệu văn bản")
    kind: choice(OrgKind) = Field(description="Loại tổ chức")
    status: choice(OrgStatus) = Field(description="Tình trạng")
    parent_id: int | None = Field(description="Tổ chức cấp trên")
    depth: int = Field(description="Cấp trong cây (1 = gốc)")
    child_count: int = Field(description="Số tổ chức trực thuộc")
    established_on: datetime.date | None = Field(description="Ngày thành lập")
    ended_on: datetime.date | None = Field(description="Ngày kết thúc (hợp nhất, giải thể)")
    merged_into_id: int | None = Field(description="Hợp nhất vào")

    @staticmethod
    def resolve_child_count(org) -> int:
        return org.numchild


class OrganizationFilters(Paging):
    parent: Id | None = Field(None, description="Chỉ các tổ chức trực thuộc tổ chức này")
    q: text(200) = Field("", description="Tìm theo tên (không phân biệt dấu)")


class OrganizationPage(Page):
    items: list[OrganizationOut]


class OrganizationIn(Input):
    parent: Id = Field(description="Tổ chức cấp trên")
    name: text(255, required=True) = Field(description="Tên tổ chức")
    code: text(32, required=True) = Field(description="Tên viết tắt")
    kind: choice(OrgKind) = Field(description="Loại tổ chức")
    established_on: datetime.date | None = Field(None, description="Ngày thành lập")


class OrganizationPatch(Input):
    name: text(255, required=True) = None
    code: text(32, required=True) = None
    kind: choice(OrgKind) = None
    established_on: datetime.date | None = None


class MergeIn(Input):
    into: Id = Field(description="Tổ chức nhận hợp nhất (đảng viên, tổ chức trực thuộc chuyển về)")
    on: datetime.date = Field(description="Ngày hợp nhất")


class DissolveIn(Input):
    on: datetime.date = Field(description="Ngày giải thể")


# Committee terms


class TermOut(Schema):
    id: int
    organization_id: int
    name: str = Field(description="Tên nhiệm kỳ, ví dụ 2025–2030")
    starts_on: datetime.date = Field(description="Ngày bắt đầu")
    ends_on: datetime.date | None = Field(description="Ngày kết thúc (trống: đang diễn ra)")


class TermIn(Input):
    name: text(100, required=True) = Field(description="Tên nhiệm kỳ, ví dụ 2025–2030")
    starts_on: datetime.date = Field(
        description="Ngày bắt đầu (nhiệm kỳ đang mở kết thúc hôm trước)"
    )
    ends_on: datetime.date | None = Field(None, description="Ngày kết thúc")


class TermEndIn(Input):
    on: datetime.date = Field(description="Ngày kết thúc nhiệm kỳ")


# Members


class MemberOut(Schema):
    id: int
    full_name: str = Field(description="Họ và tên")
    gender: choice(Gender) = Field(description="Giới tính")
    birth_date: datetime.date = Field(description="Ngày sinh")
    status: choice(MemberStatus) = Field(description="Tình trạng đảng viên")
    organization_id: int = Field(description="Chi bộ đang sinh hoạt")
    organization_name: str
    card_number: str | None = Field(description="Số thẻ đảng viên")
    admitted_on: datetime.date = Field(description="Ngày vào Đảng")
    official_on: datetime.date | None = Field(description="Ngày chính thức")

    @staticmethod
    def resolve_organization_name(member) -> str:
        return member.organization.name


class MemberFilters(Paging):
    organization: Id | None = Field(None, description="Tổ chức (cả các tổ chức trực thuộc)")
    status: choice(MemberStatus) | None = Field(None, description="Tình trạng")
    gender: choice(Gender) | None = Field(None, description="Giới tính")
    position: choice(PositionTitle) | None = Field(None, description="Chức vụ hiện giữ")
    age_group: Literal[tuple(AGE_GROUPS)] | None = Field(None, description="Nhóm tuổi")
    q: text(200) = Field("", description="Tìm theo tên (không phân biệt dấu)")


class MemberPage(Page):
    items: list[MemberOut]


class PositionOut(Schema):
    id: int
    title: str = Field(description="Chức vụ")
    title_label: str
    organization_id: int
    organization_name: str
    starts_on: datetime.date
    ends_on: datetime.date | None


class ExemptionOut(Schema):
    id: int
    member_id: int
    starts_on: datetime.date = Field(description="Miễn sinh hoạt từ ngày")
    ends_on: datetime.date | None = Field(description="Đến ngày (trống: chưa xác định)")
    reason: str = Field(description="Lý do")


class MemberDetailOut(MemberOut):
    ethnicity: str = Field(description="Dân tộc")
    religion: str = Field(description="Tôn giáo")
    hometown: str = Field(description="Quê quán")
    citizen_id: str | None = Field(description="Số CCCD")
    status_changed_on: datetime.date | None
    education: str = Field(description="Giáo dục phổ thông")
    professional_level: str = Field(description="Chuyên môn")
    theory_level: str = Field(description="Lý luận chính trị")
    phone: str
    positions: list[PositionOut]
    exemptions: list[ExemptionOut] = Field(description="Các lần miễn sinh hoạt, mới nhất trước")

    @staticmethod
    def resolve_positions(member) -> list[dict]:
        return [
            {
                "id": p.pk,
                "title": p.title,
                "title_label": p.get_title_display(),
                "organization_id": p.organization_id,
                "organization_name": p.organization.name,
                "starts_on": p.starts_on,
                "ends_on": p.ends_on,
            }
            for p in member.positions.select_related("organization")
        ]

    @staticmethod
    def resolve_exemptions(member) -> list:
        return list(member.exemptions.all())


class MemberAdmitIn(Input):
    organization: Id = Field(description="Chi bộ kết nạp")
    admitted_on: datetime.date = Field(description="Ngày kết nạp")
    decision: text(100) = Field("", description="Số quyết định kết nạp")
    full_name: text(200, required=True) = Field(description="Họ và tên")
    gender: choice(Gender)
    birth_date: datetime.date
    ethnicity: text(64, required=True) = "Kinh"
    religion: text(64) = ""
    hometown: text(255) = ""
    citizen_id: text(12) | None = None
    card_number: text(20) | None = None
    education: choice(Education, blank=True) = ""
    professional_level: choice(ProfessionalLevel, blank=True) = ""
    theory_level: choice(TheoryLevel, blank=True) = ""
    phone: text(20) = ""


class MemberPatch(Input):
    full_name: text(200, required=True) = None
    gender: choice(Gender) = None
    birth_date: datetime.date = None
    ethnicity: text(64, required=True) = None
    religion: text(64) = None
    hometown: text(255) = None
    citizen_id: text(12) | None = None
    card_number: text(20) | None = None
    education: choice(Education, blank=True) = None
    professional_level: choice(ProfessionalLevel, blank=True) = None
    theory_level: choice(TheoryLevel, blank=True) = None
    phone: text(20) = None


class OfficialIn(Input):
    on: datetime.date = Field(description="Ngày công nhận chính thức")
    decision: text(100) = Field("", description="Số quyết định")


class TransferIn(Input):
    kind: choice(TransferKind) = Field(description="Tạm thời hoặc chính thức")
    on: datetime.date = Field(description="Ngày chuyển")
    to_organization: Id | None = Field(None, description="Chi bộ nhận (trong VanPhong)")
    to_organization_name: text(255) = Field("", description="Tổ chức nhận ngoài VanPhong")
    returns_on: datetime.date | None = Field(None, description="Ngày trở về (chuyển tạm thời)")
    reason: text(300) = ""
    letter_number: text(64) = Field("", description="Số giấy giới thiệu")


class TransferOut(Schema):
    id: int
    member_id: int
    kind: choice(TransferKind)
    from_organization_id: int
    to_organization_id: int | None
    to_organization_name: str
    transferred_on: datetime.date
    returns_on: datetime.date | None
    reason: str
    letter_number: str


# Member procedures


class ExemptIn(Input):
    starts_on: datetime.date = Field(description="Miễn sinh hoạt từ ngày")
    ends_on: datetime.date | None = Field(None, description="Đến ngày")
    reason: text(300, required=True) = Field(description="Lý do")
    decision: text(100) = Field("", description="Số quyết định")


class OnDayIn(Input):
    on: datetime.date = Field(description="Ngày")


class RemoveIn(Input):
    on: datetime.date = Field(description="Ngày xóa tên hoặc khai trừ")
    reason: text(300, required=True) = Field(description="Lý do, hình thức (xóa tên, khai trừ…)")
    decision: text(100) = Field("", description="Số quyết định")


class PositionIn(Input):
    organization: Id = Field(description="Cấp ủy: chi bộ của đảng viên hoặc tổ chức cấp trên")
    title: choice(PositionTitle) = Field(description="Chức vụ")
    starts_on: datetime.date = Field(description="Từ ngày")
    ends_on: datetime.date | None = Field(None, description="Đến ngày")
    term: Id | None = Field(
        None, description="Nhiệm kỳ của cấp ủy (trống: nhiệm kỳ đang có hiệu lực vào ngày bắt đầu)"
    )


class PositionDetailOut(PositionOut):
    member_id: int
    term_id: int | None = Field(description="Nhiệm kỳ")

    @staticmethod
    def resolve_title_label(position) -> str:
        return position.get_title_display()

    @staticmethod
    def resolve_organization_name(position) -> str:
        return position.organization.name
