"""THE one place that decides who may see and do what (docs/decisions/0004-access-and-audit.md).

A user holds roles at organizations (RoleAssignment). A role grants a set of actions, and reaches the
organization where it is held and its whole subtree, never a sibling or a parent. A Django superuser
may do everything. A party member may always see their own profile.

Core knows no area: the roles are a registry the apps fill (`core.roles`; core keeps the
administrator, who holds every action, and the party member); each app declares its actions and
which roles hold them in its own `access` module and registers them here from its `AppConfig.ready` (`register_actions`); the organization
tree registers itself (`register_tree`), and a model that a user may reach as its own subject (a
member's own profile) registers that rule (`register_self_rule`); a record a member may reach
because they take part in it (a meeting they are called to) registers a participant rule
(`register_participant_rule`). This module stays the authority:
views and API endpoints ask `can(user, action, obj)`, filter every list with
`visible(user, queryset, action)`, and fetch single records with `get_for(user, queryset, id)`,
which answers 404 alike for "missing" and "forbidden" so that ids cannot be probed.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from vanphong.core.models import AuditEntry, Clearance, RoleAssignment
from vanphong.core.roles import ROLES, CoreRole


class Action(StrEnum):
    """The actions of the core itself; each area declares its own enum in `<app>/access.py`."""

    AUDIT_VIEW = "audit.view"
    RULES_CHANGE = "rules.change"
    USERS_MANAGE = "users.manage"


# Filled by the apps' `ready`: every known action by its value, and the actions each role holds.
_ACTIONS: dict[str, StrEnum] = {a.value: a for a in Action}
_GRANTS: dict[str, set[str]] = {}


def register_actions(actions: type[StrEnum], grants: Mapping[str, Iterable[str]]) -> None:
    """Declare an app's actions and which roles hold them (called from `AppConfig.ready`)."""
    for action in actions:
        known = _ACTIONS.setdefault(action.value, action)
        if known is not action:
            raise ValueError(f"action {action.value!r} is declared twice")
    for role, granted in grants.items():
        _GRANTS.setdefault(str(role), set()).update(str(a) for a in granted)


def role_actions(role: str) -> frozenset[str]:
    """The actions a role holds; the administrator holds every registered action."""
    if role == CoreRole.ADMIN:
        return frozenset(_ACTIONS)
    return frozenset(_GRANTS.get(str(role), ()))


def known_action(action: StrEnum | str) -> str:
    value = str(action)
    if value not in _ACTIONS:
        raise ValueError(f"unknown action {value!r}: is its app's access module registered?")
    return value


# Rules and users are changed by the administrator only (who holds every action); an area may
# grant the history (AUDIT_VIEW) to its own roles.
register_actions(Action, {})


@dataclass(frozen=True)
class _Tree:
    model: type[Model]
    view_action: str
    branch_length: int
    branch_of: Callable[[str], str]


_tree: _Tree | None = None
_self_rules: dict[type[Model], tuple[str, Callable]] = {}
_participant_rules: dict[type[Model], tuple[str, str]] = {}
_path_fields: dict[type[Model], str] = {AuditEntry: "organization__path"}
_view_actions: dict[type[Model], str] = {AuditEntry: Action.AUDIT_VIEW}


def register_tree(
    *, model: type[Model], view_action, branch_length: int, branch_of: Callable[[str], str]
) -> None:
    """The organization tree every record belongs to (materialized paths: a subtree is a prefix)."""
    global _tree
    _tree = _Tree(model, known_action(view_action), branch_length, branch_of)
    _path_fields[model] = "path"


def register_model(model: type[Model], *, path_field: str, view_action=None) -> None:
    """A model of an area that reaches its organization's path by `path_field`, seen with
    `view_action` (the same as declaring `access_org_path` and `access_view_action` on it)."""
    _path_fields[model] = path_field
    if view_action is not None:
        _view_actions[model] = known_action(view_action)


def register_self_rule(model: type[Model], *, action, user_field: str) -> None:
    """A record the user may do `action` on because it is their own: `user.<user_field>` is its
    primary key (a member's own profile)."""
    _self_rules[model] = (known_action(action), lambda user: getattr(user, user_field, None))


def register_participant_rule(model: type[Model], *, action, member_lookup: str) -> None:
    """Records the user may do `action` on because their party member takes part in them:
    `model.objects.filter(<member_lookup>=user.member_id)` (a meeting whose roster holds them).
    The record's confidentiality still applies."""
    _participant_rules[model] = (known_action(action), member_lookup)


def _participations(user, model: type[Model], action: str) -> QuerySet | None:
    rule = _participant_rules.get(model)
    member_id = getattr(user, "member_id", None)
    if rule is None or rule[0] != action or member_id is None:
        return None
    return model._default_manager.filter(**{rule[1]: member_id}).values("pk")


def tree() -> _Tree:
    if _tree is None:
        raise RuntimeError("no organization tree registered (organizations app not installed?)")
    return _tree


def _is_superuser(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def scope_paths(user, action: StrEnum | str) -> list[str]:
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
            for granted in role_actions(role):
                cache.setdefault(granted, set()).add(path)
        user.__dict__["_vanphong_scopes"] = cache
    paths = sorted(cache.get(known_action(action), ()))
    return [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]


def _within(path: str, scopes: list[str]) -> bool:
    return any(path.startswith(scope) for scope in scopes)


def _org_path_field(model: type[Model]) -> str:
    """The lookup from a model to its owning organization's tree path."""
    field = _path_fields.get(model) or getattr(model, "access_org_path", None)
    if field is None:
        raise TypeError(f"{model.__name__} has no owning organization for access checks")
    return field


def _owning_org(obj: Model):
    if isinstance(obj, tree().model):
        return obj
    return getattr(obj, "organization", None)


def _is_own(user, obj: Model, action: str) -> bool:
    rule = _self_rules.get(type(obj))
    return rule is not None and rule[0] == action and rule[1](user) == obj.pk


def can(user, action: StrEnum | str, obj: Model | None = None) -> bool:
    """May `user` do `action` on `obj` (or anywhere, when `obj` is None)?"""
    if not (user.is_authenticated and user.is_active):
        return False
    action = known_action(action)
    if _is_superuser(user):
        return True
    if obj is not None and _is_own(user, obj, action):
        return True
    taking_part = None if obj is None else _participations(user, type(obj), action)
    if taking_part is not None and _clears(user, obj) and taking_part.filter(pk=obj.pk).exists():
        return True
    scopes = scope_paths(user, action)
    if obj is None:
        return bool(scopes)
    org = _owning_org(obj)
    if org is None:
        return False
    if not _clears(user, obj):
        return False
    return _within(org.path, scopes)


def _clears(user, obj: Model) -> bool:
    return getattr(obj, "confidentiality", Clearance.NONE) <= user.clearance


def visible(user, queryset: QuerySet, action: StrEnum | str | None = None) -> QuerySet:
    """Narrow `queryset` to what the user may see (or do `action` on)."""
    model = queryset.model
    action = known_action(action or default_view_action(model))
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    if _is_superuser(user):
        return queryset
    field = _org_path_field(model)
    branch_field = getattr(model, "access_branch_field", None)
    condition = Q(pk__in=[])
    for path in scope_paths(user, action):
        condition |= _under(path, field, branch_field)
    rule = _self_rules.get(model)
    if rule is not None and rule[0] == action and rule[1](user) is not None:
        condition |= Q(pk=rule[1](user))
    if (taking_part := _participations(user, model, action)) is not None:
        condition |= Q(pk__in=taking_part)
    if hasattr(model, "confidentiality"):
        condition &= Q(confidentiality__lte=user.clearance)
    return queryset.filter(condition)


def _under(path: str, field: str, branch_field: str | None) -> Q:
    """Records of the subtree at `path`. A model that keeps its organization's branch (the
    province, see docs/decisions/0011) is narrowed by that column first: a province's records are
    then read from an index of their own, in their order, instead of joining every organization
    of the tree; a province's own path is its branch."""
    within = Q(**{f"{field}__startswith": path})
    length = tree().branch_length
    if branch_field is None or len(path) < length:
        return within
    if len(path) == length:
        return Q(**{branch_field: path})
    return Q(**{branch_field: tree().branch_of(path)}) & within


def default_view_action(model: type[Model]) -> str:
    """The action that lets a user see a model's records: declared by the model
    (`access_view_action`), or else seeing its organization."""
    declared = _view_actions.get(model) or getattr(model, "access_view_action", None)
    return known_action(declared) if declared else tree().view_action


def _get_for(user, queryset: QuerySet, pk, action: StrEnum | str) -> Model:
    try:
        obj = queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can(user, action, obj):
        raise Http404
    return obj


def get_for(user, queryset: QuerySet, pk, action: StrEnum | str | None = None) -> Model:
    """Fetch one record of any model that declares its owning organization; 404 alike."""
    return _get_for(user, queryset, pk, action or default_view_action(queryset.model))


def get_organization_for(user, pk, action: StrEnum | str | None = None):
    model = tree().model
    return _get_for(user, model.objects.all(), pk, action or tree().view_action)


def require(user, action: StrEnum | str, obj: Model | None = None) -> None:
    """Raise 404 unless `can(user, action, obj)`: a refused request reveals nothing."""
    if not can(user, action, obj):
        raise Http404


def ensure_allowed(user, action: StrEnum | str, obj: Model | None = None) -> None:
    """For services that change the system's own data (rules, users, roles): refuse, with
    PermissionDenied, an acting user who may not do `action`. `None` is the system itself: a
    migration, a management command, a data loader."""
    if user is not None and not can(user, action, obj):
        raise PermissionDenied


def roots_for(user, action: StrEnum | str | None = None) -> QuerySet:
    """The top organizations of the user's scope (the whole tree's roots for a superuser)."""
    model = tree().model
    if _is_superuser(user):
        return model.objects.get_root_nodes()
    paths = scope_paths(user, action or tree().view_action)
    return model.objects.filter(path__in=paths).order_by("path")


def holders(action: StrEnum | str, organization, clearance: int = 0) -> QuerySet:
    """Active users who may do `action` at `organization` (a role granting it held there or above)
    and whose clearance reaches `clearance` — in one query, for pickers and notifications."""
    from vanphong.core.models import User

    action = known_action(action)
    roles = [role for role in ROLES.values() if action in role_actions(role)]
    step = tree().model.steplen
    paths = [organization.path[:i] for i in range(step, len(organization.path) + 1, step)]
    assigned = RoleAssignment.objects.filter(organization__path__in=paths, role__in=roles)
    return User.objects.filter(
        Q(clearance__gte=clearance) | Q(is_superuser=True),
        pk__in=assigned.values("user"),
        is_active=True,
    )


def clearance_allows(user, level: int) -> bool:
    return _is_superuser(user) or (user.is_authenticated and user.clearance >= level)
