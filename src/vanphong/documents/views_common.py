"""Helpers shared by the document pages: scoped querysets, people to pick, errors as messages."""

from django.contrib import messages
from django.core.paginator import Paginator

from vanphong.core import access, vntext
from vanphong.core.access import Action
from vanphong.core.models import RoleAssignment, User
from vanphong.organizations.models import Organization, OrgStatus

PAGE_SIZE = 50


def organizations_for(user, action: Action):
    """The organizations where the user may do `action`, for a form's picker."""
    return access.visible(user, Organization.objects.all(), action).order_by("path")


def people_for(organization, action: Action, clearance: int = 0):
    """Active users who may do `action` at `organization` (role held there or above)."""
    paths = [organization.path[:i] for i in range(4, len(organization.path) + 1, 4)]
    ids = RoleAssignment.objects.filter(organization__path__in=paths).values_list("user", flat=True)
    users = User.objects.filter(pk__in=ids, is_active=True).order_by("last_name", "first_name")
    allowed = [
        u.pk
        for u in users
        if access.can(u, action, organization) and access.clearance_allows(u, clearance)
    ]
    return User.objects.filter(pk__in=allowed).order_by("last_name", "first_name")


def search(queryset, q: str, fields: tuple[str, ...]):
    from django.db.models import Q

    folded = vntext.fold(vntext.canonical(q or "")).strip()
    if not folded:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__contains": folded})
    return queryset.filter(condition)


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("trang"))


def error_message(request, exc) -> None:
    messages.error(request, str(exc))


def departments_of(document):
    """The office's units (Vụ, phòng) of the organization that received the document."""
    from vanphong.documents.services.incoming import UNIT_KINDS, is_unit_of

    candidates = Organization.objects.filter(
        path__startswith=document.organization.path, kind__in=UNIT_KINDS, status=OrgStatus.ACTIVE
    )
    ids = [o.pk for o in candidates if is_unit_of(o, document.organization)]
    return Organization.objects.filter(pk__in=ids).order_by("path")
