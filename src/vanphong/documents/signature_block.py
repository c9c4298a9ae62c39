"""The signature block (thể thức đề ký) from who signs and in what capacity.

The authority line and the title under it follow the signer, not the draft's template: the
secretary of a committee signs "T/M BAN THƯỜNG VỤ / BÍ THƯ", a deputy "T/M BAN THƯỜNG VỤ / PHÓ BÍ
THƯ", a cell's secretary "T/M CHI BỘ / BÍ THƯ", the office head "T/L BAN THƯỜNG VỤ / CHÁNH VĂN
PHÒNG" (docs/rules/party-documents.md §4a). The capacity is read from the positions the signer's
party member holds on the day in the committee of the document's organization (positions are
held per committee term), then from the office-head role; a signer with neither gets no block
from here (None) and the draft keeps the block typed on it, which the page says.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from vanphong.core.models import RoleAssignment
from vanphong.organizations.models import CELL_KINDS, Organization, OrgKind, Position, PositionTitle
from vanphong.organizations.roles import Role

ON_BEHALF = "T/M"  # thay mặt: the collective body signs, through its secretary or a deputy
BY_ORDER = "T/L"  # thừa lệnh: the office head signs by the standing committee's order
TITLES = {
    PositionTitle.SECRETARY: "BÍ THƯ",
    PositionTitle.DEPUTY_SECRETARY: "PHÓ BÍ THƯ",
}
OFFICE_HEAD_TITLE = "CHÁNH VĂN PHÒNG"
# The committee on whose behalf the secretary signs, by the kind of organization: a committee
# with a standing committee signs as "BAN THƯỜNG VỤ", a grassroots committee as "ĐẢNG ỦY", a cell
# as "CHI BỘ".
STANDING = "BAN THƯỜNG VỤ"
BODY_BY_KIND = {
    OrgKind.GRASSROOTS: "ĐẢNG ỦY",
    OrgKind.GRASSROOTS_CELL: "CHI BỘ",
    OrgKind.CELL: "CHI BỘ",
}


@dataclass(frozen=True)
class SignatureBlock:
    authority_line: str
    signer_position: str
    capacity: str  # the position title, or "office_head"

    def __str__(self) -> str:
        return f"{self.authority_line} / {self.signer_position}"


def applied(block: SignatureBlock, typed_authority: str) -> SignatureBlock:
    """The block to print over a draft whose authority line was typed `typed_authority`: a
    secretary or deputy signing on behalf ("T/M") of the body the draft names (the Executive
    Committee's resolution is "T/M BAN CHẤP HÀNH", the standing committee's "T/M BAN THƯỜNG VỤ")
    keeps that body; anything else (the office head's "T/L …" on a draft the secretary signs) takes
    the signer's block."""
    typed = " ".join(typed_authority.split()).upper()
    if block.capacity != "office_head" and typed.startswith(f"{ON_BEHALF} ") and len(typed) > 4:
        return SignatureBlock(typed, block.signer_position, block.capacity)
    return block


def committee_of(organization: Organization) -> Organization:
    """The organization whose committee the document speaks for: an office or a department
    speaks for the committee above it."""
    if organization.kind in (OrgKind.OFFICE, OrgKind.DEPARTMENT) and organization.depth > 1:
        return Organization.objects.get_parent(organization)
    return organization


def _holding(day: datetime.date) -> Q:
    return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))


def block_for(signer, organization: Organization, day: datetime.date) -> SignatureBlock | None:
    """The signature block of `signer` signing for `organization` on `day`, or None when their
    capacity is not on record."""
    if signer is None:
        return None
    committee = committee_of(organization)
    body = BODY_BY_KIND.get(committee.kind, STANDING)
    if signer.member_id:
        titles = set(
            Position.objects.filter(
                _holding(day), member_id=signer.member_id, organization=committee
            ).values_list("title", flat=True)
        )
        for title in (PositionTitle.SECRETARY, PositionTitle.DEPUTY_SECRETARY):
            if title in titles:
                return SignatureBlock(f"{ON_BEHALF} {body}", TITLES[title], str(title))
    if committee.kind not in CELL_KINDS:
        heads = RoleAssignment.objects.filter(
            user=signer, role=Role.OFFICE_HEAD, organization__in={organization, committee}
        )
        if heads.exists():
            return SignatureBlock(f"{BY_ORDER} {body}", OFFICE_HEAD_TITLE, "office_head")
    return None
