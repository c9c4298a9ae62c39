"""Helpers of the API tests: tokens, a party tree with a user at each place around a record, and
a snapshot of everything the API could change."""

import pytest

from tests import factories
from vanphong.core.models import AuditEntry, Notification
from vanphong.core.services import issue_api_token
from vanphong.organizations.models import Member, MemberEvent, Organization, OrgKind, Transfer


def bearer(user) -> dict:
    """Request headers carrying a fresh token of `user` (none for an anonymous request)."""
    if user is None:
        return {}
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user=user)}"}


def state() -> dict:
    """Every row the organization and member endpoints could write, to prove a refusal changed
    nothing (counts and field values)."""
    return {
        "organizations": list(Organization.objects.order_by("pk").values()),
        "members": list(Member.objects.order_by("pk").values()),
        "transfers": list(Transfer.objects.order_by("pk").values()),
        "events": MemberEvent.objects.count(),
        # the token issued for the request itself is audited; nothing else may be
        "audit": AuditEntry.objects.exclude(action="api_token.issue").count(),
        "notifications": Notification.objects.count(),
    }


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
    """Where a user may hold a role, seen from a record's organization."""

    RECORD, PARENT, SIBLING, CHILD = "record", "parent", "sibling", "child"

    def __init__(self, record, parent, sibling, child):
        self.orgs = {"record": record, "parent": parent, "sibling": sibling, "child": child}

    def user(self, place: str | None, role: str | None):
        """A user holding `role` at `place`; place None = anonymous; role None = no role at all."""
        if place is None:
            return None
        name = f"{place}-{role or 'none'}"
        roles = [(role, self.orgs[place])] if role else []
        return factories.user(name, roles=roles)


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
    the role reaches the record's organization and its subtree only; without a token, 401;
    a refusal is a 404 like a missing record."""
    return [
        pytest.param("record", True, allowed_status, id="role-at-record"),
        pytest.param("parent", True, allowed_status, id="role-at-parent"),
        pytest.param("sibling", True, 404, id="role-at-sibling"),
        pytest.param("child", True, 404, id="role-at-child"),
        pytest.param("record", False, 404, id="without-the-role"),
        pytest.param(None, False, 401, id="no-token"),
    ]
