"""Services of the core: users, roles, e-mail preferences, API tokens.

Users and roles are changed only by someone holding USERS_MANAGE (at the organization, for a
role); `acting_user=None` is the system itself (a command, a data loader).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from vanphong.core import access, audit
from vanphong.core.access import Action
from vanphong.core.models import ApiToken, EmailPreference, RoleAssignment
from vanphong.core.notifications import KINDS
from vanphong.core.roles import ROLES

USER_AUDIT_EXCLUDE = ("password", "last_login")


@transaction.atomic
def create_user(
    *, acting_user, username: str, password: str, member=None, clearance: int = 0, **fields
):
    access.ensure_allowed(acting_user, Action.USERS_MANAGE)
    user = get_user_model().objects.create_user(
        username=username, password=password, member=member, clearance=clearance, **fields
    )
    audit.record(
        actor=acting_user,
        action="user.create",
        target=user,
        organization=member.organization if member else None,
        after=audit.snapshot(user, exclude=USER_AUDIT_EXCLUDE),
    )
    return user


def _ensure_may_edit(acting_user, user) -> None:
    access.ensure_allowed(acting_user, Action.USERS_MANAGE)
    # a superuser's account is changed by a superuser only: no one raises themselves by it
    if acting_user is not None and user.is_superuser and not acting_user.is_superuser:
        raise PermissionDenied


@transaction.atomic
def save_user(*, acting_user, user, form_save=None):
    """Create or change a user as edited in the admin: `user` holds the new values (unsaved);
    `form_save`, when given, saves it (with its many-to-many fields) instead of `user.save()`."""
    stored = type(user).objects.filter(pk=user.pk).first() if user.pk else None
    _ensure_may_edit(acting_user, stored or user)
    if stored is not None and user.is_superuser and not stored.is_superuser:
        _ensure_may_edit(acting_user, user)
    before = audit.snapshot(stored, exclude=USER_AUDIT_EXCLUDE) if stored else None
    if form_save is not None:
        form_save()
    else:
        user.save()
    audit.record(
        actor=acting_user,
        action="user.update" if stored else "user.create",
        target=user,
        organization=user.member.organization if user.member_id else None,
        before=before,
        after=audit.snapshot(user, exclude=USER_AUDIT_EXCLUDE),
    )
    return user


@transaction.atomic
def set_password(*, acting_user, user, password: str | None):
    """Set a user's password (None: no password login at all). The history says it changed,
    never what it is."""
    _ensure_may_edit(acting_user, user)
    before = {"password_usable": user.has_usable_password()}
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(
        actor=acting_user,
        action="user.password",
        target=user,
        before=before,
        after={"password_usable": user.has_usable_password(), "password_changed": True},
    )
    return user


@transaction.atomic
def grant_role(*, acting_user, user, organization, role: str) -> RoleAssignment:
    ROLES.validator(role)
    access.ensure_allowed(acting_user, Action.USERS_MANAGE, organization)
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user, organization=organization, role=role
    )
    audit.record(
        actor=acting_user,
        action="role.grant",
        target=assignment,
        organization=organization,
        after=audit.snapshot(assignment),
    )
    return assignment


@transaction.atomic
def revoke_role(*, acting_user, assignment: RoleAssignment) -> None:
    access.ensure_allowed(acting_user, Action.USERS_MANAGE, assignment.organization)
    before = audit.snapshot(assignment)
    audit.record(
        actor=acting_user,
        action="role.revoke",
        target=assignment,
        organization=assignment.organization,
        before=before,
    )
    assignment.delete()


@transaction.atomic
def set_email_preferences(*, acting_user, kinds: list[str]) -> None:
    for kind in kinds:
        KINDS.validator(kind)
    before = sorted(acting_user.email_preferences.values_list("kind", flat=True))
    acting_user.email_preferences.exclude(kind__in=kinds).delete()
    EmailPreference.objects.bulk_create(
        [EmailPreference(user=acting_user, kind=k) for k in kinds], ignore_conflicts=True
    )
    audit.record(
        actor=acting_user,
        action="user.email_preferences",
        target=acting_user,
        before={"email_kinds": before},
        after={"email_kinds": sorted(kinds)},
    )


@transaction.atomic
def issue_api_token(*, user) -> str:
    """Create an API token for `user` and return its secret (shown once, stored hashed)."""
    secret = ApiToken.new_secret()
    token = ApiToken.objects.create(
        user=user,
        digest=ApiToken.digest_of(secret),
        expires_at=timezone.now() + datetime.timedelta(days=settings.API_TOKEN_DAYS),
    )
    audit.record(
        actor=user,
        action="api_token.issue",
        target=token,
        after={"expires_at": token.expires_at.isoformat()},
    )
    return secret


def user_for_api_token(secret: str):
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(secret), expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    return token.user


def active_api_tokens(user):
    """The user's tokens that still open the API, newest first."""
    return ApiToken.objects.filter(user=user, expires_at__gt=timezone.now()).order_by(
        "-created_at", "-pk"
    )


@transaction.atomic
def revoke_api_token(*, acting_user, token: ApiToken) -> ApiToken:
    """Revoke a token now: it expires at this moment, so it answers 401 from the next request on.
    The row stays (the audit entry points at it); only the owner revokes their own tokens."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    before = {"expires_at": token.expires_at.isoformat()}
    token.expires_at = min(token.expires_at, timezone.now())
    token.save(update_fields=["expires_at"])
    audit.record(
        actor=acting_user,
        action="api_token.revoke",
        target=token,
        before=before,
        after={"expires_at": token.expires_at.isoformat()},
    )
    return token
