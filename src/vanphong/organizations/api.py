"""API for the organization tree and members. HTTP only: access through core/access.py, changes
through the services; a record out of the user's scope answers 404 like a missing one."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from vanphong.core import access, vntext
from vanphong.core.access import Action
from vanphong.core.api import Paging, invalid, page
from vanphong.organizations import access as org_access
from vanphong.organizations import filters as member_filters
from vanphong.organizations.access import OrgAction
from vanphong.organizations.models import (
    CommitteeTerm,
    Member,
    Organization,
    OrgStatus,
    Position,
)
from vanphong.organizations.schemas import (
    DissolveIn,
    ExemptIn,
    ExemptionOut,
    MemberAdmitIn,
    MemberDetailOut,
    MemberFilters,
    MemberPage,
    MemberPatch,
    MergeIn,
    OfficialIn,
    OnDayIn,
    OrganizationFilters,
    OrganizationIn,
    OrganizationOut,
    OrganizationPage,
    OrganizationPatch,
    PositionDetailOut,
    PositionIn,
    RemoveIn,
    TermEndIn,
    TermIn,
    TermOut,
    TransferIn,
    TransferOut,
)
from vanphong.organizations.services import members as member_services
from vanphong.organizations.services import orgs as org_services
from vanphong.organizations.services import procedures
from vanphong.organizations.services.errors import OrganizationError

organizations_router = Router(tags=["organizations"])
members_router = Router(tags=["members"])


def with_parent_ids(orgs: list[Organization]) -> list[Organization]:
    """Set `parent_id` on each organization with one query (treebeard keeps only the path)."""
    steplen = Organization.steplen
    parent_paths = {o.path[:-steplen] for o in orgs if o.depth > 1}
    ids = dict(
        Organization.objects.filter(path__in=parent_paths).values_list("path", "pk")
        if parent_paths
        else ()
    )
    for o in orgs:
        o.parent_id = ids.get(o.path[:-steplen])
    return orgs


# Organizations


@organizations_router.get("", response=OrganizationPage, summary="Danh sách tổ chức")
def list_organizations(request, filters: Query[OrganizationFilters]):
    orgs = access.visible(request.auth, Organization.objects.all(), OrgAction.ORG_VIEW)
    if filters.parent is not None:
        # Narrows the visible list only: an unknown or hidden parent simply matches nothing new.
        node = Organization.objects.filter(pk=filters.parent).only("path", "depth").first()
        if node is None:
            orgs = orgs.none()
        else:
            orgs = orgs.filter(path__startswith=node.path, depth=node.depth + 1)
    folded = vntext.fold(vntext.canonical(filters.q))
    if folded:
        orgs = orgs.filter(name_folded__contains=folded)
    result = page(orgs.order_by("path"), filters)
    with_parent_ids(result["items"])
    return result


@organizations_router.get("/{int:org_id}", response=OrganizationOut, summary="Một tổ chức")
def get_organization(request, org_id: int):
    return with_parent_ids([access.get_organization_for(request.auth, org_id)])[0]


@organizations_router.get(
    "/{int:org_id}/children", response=OrganizationPage, summary="Tổ chức trực thuộc"
)
def list_children(request, org_id: int, paging: Query[Paging]):
    org = access.get_organization_for(request.auth, org_id)
    children = access.visible(
        request.auth, Organization.objects.get_children(org), OrgAction.ORG_VIEW
    )
    result = page(children.order_by("path"), paging)
    with_parent_ids(result["items"])
    return result


@organizations_router.post("", response={201: OrganizationOut}, summary="Thêm tổ chức trực thuộc")
def create_organization(request, payload: OrganizationIn):
    parent = access.get_organization_for(request.auth, payload.parent, OrgAction.ORG_CHANGE)
    org = org_services.create_organization(
        acting_user=request.auth,
        parent=parent,
        name=payload.name,
        code=payload.code,
        kind=payload.kind,
        established_on=payload.established_on,
    )
    return Status(201, with_parent_ids([org])[0])


@organizations_router.patch("/{int:org_id}", response=OrganizationOut, summary="Sửa tổ chức")
def update_organization(request, org_id: int, payload: OrganizationPatch):
    org = access.get_organization_for(request.auth, org_id, OrgAction.ORG_CHANGE)
    org = org_services.update_organization(
        acting_user=request.auth, organization=org, **payload.dict(exclude_unset=True)
    )
    return with_parent_ids([org])[0]


@organizations_router.post(
    "/{int:org_id}/merge", response=OrganizationOut, summary="Hợp nhất vào tổ chức khác"
)
def merge_organization(request, org_id: int, payload: MergeIn):
    """The organization closes; its active members and subordinate organizations move to `into`.
    Both organizations must be within the user's scope for changing organizations."""
    org = access.get_organization_for(request.auth, org_id, OrgAction.ORG_CHANGE)
    into = access.get_organization_for(request.auth, payload.into, OrgAction.ORG_CHANGE)
    org = org_services.merge_organization(
        acting_user=request.auth, organization=org, into=into, on=payload.on
    )
    return with_parent_ids([org])[0]


@organizations_router.post("/{int:org_id}/dissolve", response=OrganizationOut, summary="Giải thể")
def dissolve_organization(request, org_id: int, payload: DissolveIn):
    org = access.get_organization_for(request.auth, org_id, OrgAction.ORG_CHANGE)
    org = org_services.dissolve_organization(
        acting_user=request.auth, organization=org, on=payload.on
    )
    return with_parent_ids([org])[0]


# Committee terms


def get_term_for(user, org_id: int, term_id: int, action: Action) -> CommitteeTerm:
    """A term of an organization the user may `action`; 404 alike for missing and forbidden."""
    org = access.get_organization_for(user, org_id, action)
    term = CommitteeTerm.objects.filter(pk=term_id, organization=org).first()
    if term is None:
        raise Http404
    return term


@organizations_router.get(
    "/{int:org_id}/terms", response=list[TermOut], summary="Các nhiệm kỳ của cấp ủy"
)
def list_terms(request, org_id: int):
    org = access.get_organization_for(request.auth, org_id)
    return list(CommitteeTerm.objects.filter(organization=org).order_by("-starts_on"))


@organizations_router.post(
    "/{int:org_id}/terms", response={201: TermOut}, summary="Mở nhiệm kỳ mới"
)
def create_term(request, org_id: int, payload: TermIn):
    """The term still open, if it started earlier, ends the day before the new one starts."""
    org = access.get_organization_for(request.auth, org_id, OrgAction.ORG_CHANGE)
    if org.status != OrgStatus.ACTIVE:
        raise OrganizationError(OrganizationError.NOT_ACTIVE)
    term = org_services.add_term(acting_user=request.auth, organization=org, **payload.dict())
    return Status(201, term)


@organizations_router.post(
    "/{int:org_id}/terms/{int:term_id}/end", response=TermOut, summary="Kết thúc nhiệm kỳ"
)
def end_term(request, org_id: int, term_id: int, payload: TermEndIn):
    term = get_term_for(request.auth, org_id, term_id, OrgAction.ORG_CHANGE)
    return org_services.change_term_end(acting_user=request.auth, term=term, ends_on=payload.on)


# Members


@members_router.get("", response=MemberPage, summary="Danh sách đảng viên")
def list_members(request, filters: Query[MemberFilters]):
    members = access.visible(
        request.auth, Member.objects.select_related("organization"), OrgAction.MEMBER_VIEW
    )
    # filters.py speaks the list page's (Vietnamese) parameter names.
    params = {
        "to_chuc": filters.organization,
        "trang_thai": filters.status,
        "gioi_tinh": filters.gender,
        "chuc_vu": filters.position,
        "nhom_tuoi": filters.age_group,
        "q": filters.q,
    }
    members = member_filters.filter_members(members, params, member_services.today())
    return page(members, filters)


@members_router.get("/{int:member_id}", response=MemberDetailOut, summary="Hồ sơ đảng viên")
def get_member(request, member_id: int):
    return org_access.get_member_for(request.auth, member_id)


@members_router.post("", response={201: MemberDetailOut}, summary="Kết nạp đảng viên")
def admit_member(request, payload: MemberAdmitIn):
    values = payload.dict()
    cell = access.get_organization_for(
        request.auth, values.pop("organization"), OrgAction.MEMBER_PROCEDURE
    )
    member = procedures.admit_member(acting_user=request.auth, organization=cell, **values)
    return Status(201, member)


@members_router.patch("/{int:member_id}", response=MemberDetailOut, summary="Sửa hồ sơ")
def update_member(request, member_id: int, payload: MemberPatch):
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_CHANGE)
    return member_services.update_member(
        acting_user=request.auth, member=member, **payload.dict(exclude_unset=True)
    )


@members_router.post(
    "/{int:member_id}/official", response=MemberDetailOut, summary="Công nhận chính thức"
)
def recognize_official(request, member_id: int, payload: OfficialIn):
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    return procedures.recognize_official(
        acting_user=request.auth, member=member, on=payload.on, decision=payload.decision
    )


@members_router.post(
    "/{int:member_id}/transfers", response={201: TransferOut}, summary="Chuyển sinh hoạt đảng"
)
def transfer_member(request, member_id: int, payload: TransferIn):
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    values = payload.dict()
    target_id = values.pop("to_organization")
    target = None
    if target_id is not None:
        # Any organization of the tree may receive a member: the tree is the party's directory,
        # and a transfer usually leaves the sender's scope.
        # docs/decisions/0007-api-transfer-target.md
        target = Organization.objects.filter(pk=target_id).first()
        if target is None:
            raise invalid("to_organization", _("There is no such organization."))
        if target.status != OrgStatus.ACTIVE:
            raise invalid("to_organization", _("This organization is no longer active."))
    elif not values["to_organization_name"]:
        raise invalid("to_organization_name", _("Name the receiving organization."))
    transfer = procedures.transfer_member(
        acting_user=request.auth, member=member, to_organization=target, **values
    )
    return Status(201, transfer)


@members_router.post(
    "/{int:member_id}/exemptions", response={201: ExemptionOut}, summary="Miễn sinh hoạt đảng"
)
def exempt_member(request, member_id: int, payload: ExemptIn):
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    exemption = procedures.exempt_member(acting_user=request.auth, member=member, **payload.dict())
    return Status(201, exemption)


@members_router.post(
    "/{int:member_id}/exemptions/end", response=ExemptionOut, summary="Kết thúc miễn sinh hoạt"
)
def end_exemption(request, member_id: int, payload: OnDayIn):
    """Ends the exemption in force on `on`, that day."""
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    return procedures.end_exemption(acting_user=request.auth, member=member, on=payload.on)


@members_router.post(
    "/{int:member_id}/removal", response=MemberDetailOut, summary="Xóa tên, khai trừ khỏi Đảng"
)
def remove_member(request, member_id: int, payload: RemoveIn):
    """The member's status becomes "removed"; the profile and its history stay."""
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    return procedures.remove_member(acting_user=request.auth, member=member, **payload.dict())


@members_router.post("/{int:member_id}/death", response=MemberDetailOut, summary="Từ trần")
def record_death(request, member_id: int, payload: OnDayIn):
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    return procedures.record_death(acting_user=request.auth, member=member, on=payload.on)


@members_router.post(
    "/{int:member_id}/positions", response={201: PositionDetailOut}, summary="Giao chức vụ"
)
def grant_position(request, member_id: int, payload: PositionIn):
    """The committee must be the member's cell or one above it, within the user's scope."""
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    values = payload.dict()
    organization = access.get_organization_for(
        request.auth, values.pop("organization"), OrgAction.MEMBER_PROCEDURE
    )
    term_id = values.pop("term")
    term = None
    if term_id is not None:
        term = CommitteeTerm.objects.filter(pk=term_id).first()
        if term is None:
            raise invalid("term", _("There is no such committee term."))
    position = procedures.grant_position(
        acting_user=request.auth, member=member, organization=organization, term=term, **values
    )
    return Status(201, position)


@members_router.post(
    "/{int:member_id}/positions/{int:position_id}/end",
    response=PositionDetailOut,
    summary="Thôi giữ chức vụ",
)
def end_position(request, member_id: int, position_id: int, payload: OnDayIn):
    """Both the member and the position's committee must be within the user's scope."""
    member = org_access.get_member_for(request.auth, member_id, OrgAction.MEMBER_PROCEDURE)
    position = (
        Position.objects.select_related("organization")
        .filter(pk=position_id, member=member)
        .first()
    )
    if position is None:
        raise Http404
    access.require(request.auth, OrgAction.MEMBER_PROCEDURE, position)
    return procedures.end_position(acting_user=request.auth, position=position, on=payload.on)
