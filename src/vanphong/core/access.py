"""THE one place that decides who may see and do what (DESIGN.md invariant 1).

A user holds roles at organizations (RoleAssignment). A role grants a set of actions, and reaches the
organization where it is held and its whole subtree, never a sibling or a parent. A Django superuser
may do everything. A party member may always see their own profile.

Views and API endpoints ask `can(user, action, obj)`, filter every list with
`visible(user, queryset, action)`, and fetch single records with `get_<thing>_for(user, id)`, which
answers 404 alike for "missing" and "forbidden" so that ids cannot be probed.
"""

from enum import StrEnum

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from vanphong.core.models import AuditEntry, Clearance, Role, RoleAssignment
from vanphong.organizations.models import BRANCH_LENGTH, Member, Organization, branch_of


class Action(StrEnum):
    ORG_VIEW = "organization.view"
    ORG_CHANGE = "organization.change"
    MEMBER_VIEW = "member.view"
    MEMBER_CHANGE = "member.change"
    MEMBER_PROCEDURE = "member.procedure"
    MEMBER_IMPORT = "member.import"
    MEMBER_EXPORT = "member.export"
    AUDIT_VIEW = "audit.view"
    RULES_CHANGE = "rules.change"
    USERS_MANAGE = "users.manage"
    DOCUMENT_VIEW = "document.view"
    DOCUMENT_REGISTER = "document.register"
    DOCUMENT_ROUTE = "document.route"
    DOCUMENT_HANDLE = "document.handle"
    DOCUMENT_DRAFT = "document.draft"
    DOCUMENT_APPRAISE = "document.appraise"
    DOCUMENT_SIGN = "document.sign"
    DOCUMENT_ISSUE = "document.issue"


_OFFICE_READ = {Action.ORG_VIEW, Action.MEMBER_VIEW, Action.MEMBER_EXPORT, Action.AUDIT_VIEW}
_MEMBER_WORK = {
    Action.MEMBER_CHANGE,
    Action.MEMBER_PROCEDURE,
    Action.MEMBER_IMPORT,
}

# Documents (issue 3): the clerk registers and issues, the office head routes and appraises, the
# specialist handles and drafts, the leader directs and signs; a cell secretary runs a cell's
# small office alone.
_DOCS_OFFICE_HEAD = {
    Action.DOCUMENT_VIEW,
    Action.DOCUMENT_REGISTER,
    Action.DOCUMENT_ROUTE,
    Action.DOCUMENT_HANDLE,
    Action.DOCUMENT_DRAFT,
    Action.DOCUMENT_APPRAISE,
}
_DOCS_SPECIALIST = {Action.DOCUMENT_VIEW, Action.DOCUMENT_HANDLE, Action.DOCUMENT_DRAFT}
_DOCS_CLERK = {Action.DOCUMENT_VIEW, Action.DOCUMENT_REGISTER, Action.DOCUMENT_ISSUE}
_DOCS_LEADER = {Action.DOCUMENT_VIEW, Action.DOCUMENT_ROUTE, Action.DOCUMENT_SIGN}
_DOCS_CELL = {
    Action.DOCUMENT_VIEW,
    Action.DOCUMENT_REGISTER,
    Action.DOCUMENT_DRAFT,
    Action.DOCUMENT_SIGN,
    Action.DOCUMENT_ISSUE,
}

ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.OFFICE_HEAD: frozenset(
        _OFFICE_READ | _MEMBER_WORK | {Action.ORG_CHANGE} | _DOCS_OFFICE_HEAD
    ),
    Role.SPECIALIST: frozenset(_OFFICE_READ | _MEMBER_WORK | _DOCS_SPECIALIST),
    Role.CLERK: frozenset({Action.ORG_VIEW, Action.MEMBER_VIEW} | _DOCS_CLERK),
    Role.ARCHIVIST: frozenset({Action.ORG_VIEW, Action.DOCUMENT_VIEW}),
    Role.ACCOUNTANT: frozenset({Action.ORG_VIEW, Action.MEMBER_VIEW, Action.MEMBER_EXPORT}),
    Role.LEADER: frozenset(_OFFICE_READ | _DOCS_LEADER),
    Role.CELL_SECRETARY: frozenset(
        {Action.ORG_VIEW, Action.MEMBER_VIEW, Action.MEMBER_EXPORT, Action.AUDIT_VIEW} | _DOCS_CELL
    ),
    Role.MEMBER: frozenset({Action.ORG_VIEW}),
}


def _is_superuser(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def scope_paths(user, action: Action | str) -> list[str]:
    """Tree paths of the organizations where the user holds a role granting `action`.

    Cached on the user object for the request; a path inside another one is dropped.
    """
    if not (user.is_authenticated and user.is_active):
        return []
    cache = user.__dict__.setdefault("_vanphong_scopes", None)
    if cache is None:
        cache = {}
        rows = RoleAssignment.objects.filter(user=user).values_list("role", "organization__path")
        for role, path in rows:
            for granted in ROLE_ACTIONS.get(role, ()):
                cache.setdefault(granted, set()).add(path)
        user.__dict__["_vanphong_scopes"] = cache
    paths = sorted(cache.get(Action(action), ()))
    return [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]


def _within(path: str, scopes: list[str]) -> bool:
    return any(path.startswith(scope) for scope in scopes)


def _org_path_field(model: type[Model]) -> str:
    """The lookup from a model to its owning organization's tree path."""
    if model is Organization:
        return "path"
    if model is Member:
        return "organization__path"
    if model is AuditEntry:
        return "organization__path"
    owner = getattr(model, "access_org_path", None)
    if owner is None:
        raise TypeError(f"{model.__name__} has no owning organization for access checks")
    return owner


def _owning_org(obj: Model) -> Organization | None:
    if isinstance(obj, Organization):
        return obj
    return getattr(obj, "organization", None)


def can(user, action: Action | str, obj: Model | None = None) -> bool:
    """May `user` do `action` on `obj` (or anywhere, when `obj` is None)?"""
    if not (user.is_authenticated and user.is_active):
        return False
    if _is_superuser(user):
        return True
    action = Action(action)
    if isinstance(obj, Member) and action == Action.MEMBER_VIEW and user.member_id == obj.pk:
        return True
    scopes = scope_paths(user, action)
    if obj is None:
        return bool(scopes)
    org = _owning_org(obj)
    if org is None:
        return False
    if getattr(obj, "confidentiality", Clearance.NONE) > user.clearance:
        return False
    return _within(org.path, scopes)


def visible(user, queryset: QuerySet, action: Action | str | None = None) -> QuerySet:
    """Narrow `queryset` to what the user may see (or do `action` on)."""
    model = queryset.model
    if action is None:
        action = Action.MEMBER_VIEW if model is Member else _default_view_action(model)
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    if _is_superuser(user):
        return queryset
    field = _org_path_field(model)
    branch_field = getattr(model, "access_branch_field", None)
    condition = Q(pk__in=[])
    for path in scope_paths(user, action):
        condition |= _under(path, field, branch_field)
    if model is Member and Action(action) == Action.MEMBER_VIEW and user.member_id:
        condition |= Q(pk=user.member_id)
    if hasattr(model, "confidentiality"):
        condition &= Q(confidentiality__lte=user.clearance)
    return queryset.filter(condition)


def _under(path: str, field: str, branch_field: str | None) -> Q:
    """Records of the subtree at `path`. A model that keeps its organization's branch
    (organizations.models.branch_of) is narrowed by that column first: a province's records are
    then read from an index of their own, in their order, instead of joining every organization
    of the tree (bench/README.md, documents); a province's own path is its branch."""
    within = Q(**{f"{field}__startswith": path})
    if branch_field is None or len(path) < BRANCH_LENGTH:
        return within
    if len(path) == BRANCH_LENGTH:
        return Q(**{branch_field: path})
    return Q(**{branch_field: branch_of(path)}) & within


def _default_view_action(model: type[Model]) -> Action:
    if model is AuditEntry:
        return Action.AUDIT_VIEW
    return Action(getattr(model, "access_view_action", Action.ORG_VIEW))


def _get_for(user, queryset: QuerySet, pk, action: Action | str) -> Model:
    try:
        obj = queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can(user, action, obj):
        raise Http404
    return obj


def get_for(user, queryset: QuerySet, pk, action: Action | str | None = None) -> Model:
    """Fetch one record of any model that declares its owning organization; 404 alike."""
    return _get_for(user, queryset, pk, action or _default_view_action(queryset.model))


def get_organization_for(user, pk, action: Action | str = Action.ORG_VIEW) -> Organization:
    return _get_for(user, Organization.objects.all(), pk, action)


def get_member_for(user, pk, action: Action | str = Action.MEMBER_VIEW) -> Member:
    return _get_for(user, Member.objects.select_related("organization"), pk, action)


def require(user, action: Action | str, obj: Model | None = None) -> None:
    """Raise 404 unless `can(user, action, obj)`: a refused request reveals nothing."""
    if not can(user, action, obj):
        raise Http404


def roots_for(user, action: Action | str = Action.ORG_VIEW) -> QuerySet:
    """The top organizations of the user's scope (the whole tree's roots for a superuser)."""
    if _is_superuser(user):
        return Organization.objects.get_root_nodes()
    return Organization.objects.filter(path__in=scope_paths(user, action)).order_by("path")


def holders(action: Action | str, organization: Organization, clearance: int = 0) -> QuerySet:
    """Active users who may do `action` at `organization` (a role granting it held there or above)
    and whose clearance reaches `clearance` — in one query, for pickers and notifications."""
    from vanphong.core.models import User

    roles = [role for role, actions in ROLE_ACTIONS.items() if Action(action) in actions]
    step = Organization.steplen
    paths = [organization.path[:i] for i in range(step, len(organization.path) + 1, step)]
    assigned = RoleAssignment.objects.filter(organization__path__in=paths, role__in=roles)
    return User.objects.filter(
        Q(clearance__gte=clearance) | Q(is_superuser=True),
        pk__in=assigned.values("user"),
        is_active=True,
    )


def clearance_allows(user, level: int) -> bool:
    return _is_superuser(user) or (user.is_authenticated and user.clearance >= level)
