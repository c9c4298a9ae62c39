"""API for the organization tree and members. HTTP only: access through core/access.py, changes
through the services; a record out of the user's scope answers 404 like a missing one."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import ValidationError

from vanphong.core import access, vntext
from vanphong.core.access import Action
from vanphong.organizations import filters as member_filters
from vanphong.organizations.models import Member, Organization
from vanphong.organizations.schemas import (
    MemberAdmitIn,
    MemberDetailOut,
    MemberFilters,
    MemberPage,
    MemberPatch,
    OfficialIn,
    OrganizationFilters,
    OrganizationIn,
    OrganizationOut,
    OrganizationPage,
    OrganizationPatch,
    Paging,
    TransferIn,
    TransferOut,
)
from vanphong.organizations.services import members as member_services
from vanphong.organizations.services import orgs as org_services
from vanphong.organizations.services import procedures

organizations_router = Router(tags=["organizations"])
members_router = Router(tags=["members"])


def invalid(field: str, message: str) -> ValidationError:
    """A 422 for a rule the schema cannot express, in the same shape as schema errors."""
    return ValidationError(
        [{"loc": ("body", "payload", field), "type": "vanphong", "msg": message}]
    )


def page(queryset: QuerySet, paging: Paging) -> dict:
    start, end = paging.offset, paging.offset + paging.limit
    return {
        "count": queryset.count(),
        "limit": paging.limit,
        "offset": paging.offset,
        "items": list(queryset[start:end]),
    }


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
    orgs = access.visible(request.auth, Organization.objects.all(), Action.ORG_VIEW)
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
    children = access.visible(request.auth, Organization.objects.get_children(org), Action.ORG_VIEW)
    result = page(children.order_by("path"), paging)
    with_parent_ids(result["items"])
    return result


@organizations_router.post("", response={201: OrganizationOut}, summary="Thêm tổ chức trực thuộc")
def create_organization(request, payload: OrganizationIn):
    parent = access.get_organization_for(request.auth, payload.parent, Action.ORG_CHANGE)
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
    org = access.get_organization_for(request.auth, org_id, Action.ORG_CHANGE)
    org = org_services.update_organization(
        acting_user=request.auth, organization=org, **payload.dict(exclude_unset=True)
    )
    return with_parent_ids([org])[0]


# Members


@members_router.get("", response=MemberPage, summary="Danh sách đảng viên")
def list_members(request, filters: Query[MemberFilters]):
    members = access.visible(
        request.auth, Member.objects.select_related("organization"), Action.MEMBER_VIEW
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
    return access.get_member_for(request.auth, member_id)


@members_router.post("", response={201: MemberDetailOut}, summary="Kết nạp đảng viên")
def admit_member(request, payload: MemberAdmitIn):
    values = payload.dict()
    cell = access.get_organization_for(
        request.auth, values.pop("organization"), Action.MEMBER_PROCEDURE
    )
    member = procedures.admit_member(acting_user=request.auth, organization=cell, **values)
    return Status(201, member)


@members_router.patch("/{int:member_id}", response=MemberDetailOut, summary="Sửa hồ sơ")
def update_member(request, member_id: int, payload: MemberPatch):
    member = access.get_member_for(request.auth, member_id, Action.MEMBER_CHANGE)
    return member_services.update_member(
        acting_user=request.auth, member=member, **payload.dict(exclude_unset=True)
    )


@members_router.post(
    "/{int:member_id}/official", response=MemberDetailOut, summary="Công nhận chính thức"
)
def recognize_official(request, member_id: int, payload: OfficialIn):
    member = access.get_member_for(request.auth, member_id, Action.MEMBER_PROCEDURE)
    return procedures.recognize_official(
        acting_user=request.auth, member=member, on=payload.on, decision=payload.decision
    )


@members_router.post(
    "/{int:member_id}/transfers", response={201: TransferOut}, summary="Chuyển sinh hoạt đảng"
)
def transfer_member(request, member_id: int, payload: TransferIn):
    member = access.get_member_for(request.auth, member_id, Action.MEMBER_PROCEDURE)
    values = payload.dict()
    target_id = values.pop("to_organization")
    target = None
    if target_id is not None:
        # Any organization of the tree may receive a member: the tree is the party's directory,
        # and a transfer usually leaves the sender's scope.
        target = Organization.objects.filter(pk=target_id).first()
        if target is None:
            raise invalid("to_organization", _("There is no such organization."))
    elif not values["to_organization_name"]:
        raise invalid("to_organization_name", _("Name the receiving organization."))
    transfer = procedures.transfer_member(
        acting_user=request.auth, member=member, to_organization=target, **values
    )
    return Status(201, transfer)
