"""Helpers of the API tests: tokens, a party tree with a user at each place around a record, the
access matrix, and a snapshot of everything the API could change."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from vanphong.core.models import ApiToken, AuditEntry, Notification
from vanphong.core.services import issue_api_token, revoke_api_token
from vanphong.organizations.models import (
    CommitteeTerm,
    Exemption,
    Member,
    MemberEvent,
    Organization,
    OrgKind,
    Position,
    Transfer,
)

TOKEN_ACTIONS = ("api_token.issue", "api_token.revoke")


def today() -> datetime.date:
    return timezone.localdate()


def days_ago(n: int) -> str:
    """An ISO date `n` days before today (negative: in the future)."""
    return (today() - datetime.timedelta(days=n)).isoformat()


def bearer(user) -> dict:
    """Request headers carrying a fresh token of `user` (none for an anonymous request). A user
    made for the "revoked" place gets a token revoked before the request."""
    if user is None:
        return {}
    secret = issue_api_token(user=user)
    if getattr(user, "token_revoked", False):
        token = ApiToken.objects.get(digest=ApiToken.digest_of(secret))
        revoke_api_token(acting_user=user, token=token)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def state() -> dict:
    """Every row the organization and member endpoints could write, to prove a refusal changed
    nothing (counts and field values)."""
    return {
        "organizations": list(Organization.objects.order_by("pk").values()),
        "members": list(Member.objects.order_by("pk").values()),
        "transfers": list(Transfer.objects.order_by("pk").values()),
        "terms": list(CommitteeTerm.objects.order_by("pk").values()),
        "positions": list(Position.objects.order_by("pk").values()),
        "exemptions": list(Exemption.objects.order_by("pk").values()),
        "events": MemberEvent.objects.count(),
        # the token issued (and maybe revoked) for the request itself is audited; nothing else may be
        "audit": AuditEntry.objects.exclude(action__in=TOKEN_ACTIONS).count(),
        "notifications": Notification.objects.count(),
    }


def refused(response, expected: int, before: dict) -> bool:
    """Check the status; when it is a refusal, check that nothing changed. True if refused."""
    assert response.status_code == expected, response.content
    if expected < 400:
        return False
    assert state() == before
    return True


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]


def errors(response) -> list[tuple[str, str]]:
    """(field, Vietnamese message) of each error of a 400."""
    return [(e["field"], e["message"]) for e in response.json()["errors"]]


def service_error(response) -> tuple[int, str, str]:
    """(status, code, message) of a refusal by a service."""
    return (response.status_code, response.json()["code"], response.json()["message"])


@pytest.fixture
def api(client):
    """Call the API as a user (or anonymously, with user=None): api("get", url, user, json=...)."""

    def call(method: str, url: str, user=None, json=None):
        kwargs = bearer(user)
        if json is not None:
            kwargs |= {"data": json, "content_type": "application/json"}
        return getattr(client, method)(f"/api/v1{url}", **kwargs)

    return call


class Places:
    """Where a user may hold a role, seen from a record's organization. "revoked" is the record's
    organization again, for a user whose token was revoked before the request."""

    RECORD, PARENT, SIBLING, CHILD, REVOKED = "record", "parent", "sibling", "child", "revoked"

    def __init__(self, record, parent, sibling, child):
        self.orgs = {
            "record": record,
            "parent": parent,
            "sibling": sibling,
            "child": child,
            "revoked": record,
        }

    def user(self, place: str | None, role: str | None):
        """A user holding `role` at `place`; place None = anonymous; role None = no role at all."""
        if place is None:
            return None
        name = f"{place}-{role or 'none'}"
        roles = [(role, self.orgs[place])] if role else []
        user = factories.user(name, roles=roles)
        user.token_revoked = place == self.REVOKED
        return user

    def caller(self, place: str | None, holds_role: bool, role: str, lacking: str | None = None):
        """The user of one row of `matrix`: `role` when the row holds it, else `lacking` (a role
        that reaches the record but does not grant the action, or None for no role)."""
        return self.user(place, role if holds_role else lacking)


@pytest.fixture
def org_places(tree):
    """Around commune A: the province above, commune B beside, cell A1 below."""
    return Places(tree.commune_a, tree.province, tree.commune_b, tree.cell_a1)


@pytest.fixture
def member_places(tree):
    """Around cell A1 (member A1's cell): commune A above, cell A2 beside, a party group below."""
    group = factories.org(tree.cell_a1, "Tổ đảng số 1", "TĐ", OrgKind.PARTY_GROUP)
    return Places(tree.cell_a1, tree.commune_a, tree.cell_a2, group)


def matrix(allowed_status: int) -> list:
    """(place, holds the needed role, expected status) for every place around a record:
    the role reaches the record's organization and its subtree only; without a token or with a
    revoked one, 401; a refusal is a 404 like a missing record."""
    return [
        pytest.param("record", True, allowed_status, id="role-at-record"),
        pytest.param("parent", True, allowed_status, id="role-at-parent"),
        pytest.param("sibling", True, 404, id="role-at-sibling"),
        pytest.param("child", True, 404, id="role-at-child"),
        pytest.param("record", False, 404, id="without-the-role"),
        pytest.param(None, False, 401, id="no-token"),
        pytest.param("revoked", True, 401, id="revoked-token"),
    ]
