"""Token revocation: the token of the request (POST /auth/token/revoke), the list of one's own
tokens (GET /auth/tokens) and one of them by id (DELETE /auth/tokens/{id}); a revoked token
answers 401 from then on."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from vanphong.core.models import ApiToken, AuditEntry, Role
from vanphong.core.services import issue_api_token

pytestmark = pytest.mark.django_db

NOT_AUTHENTICATED = {
    "code": "not_authenticated",
    "message": "Cần gửi kèm token API hợp lệ: Authorization: Bearer …",
}


def auth(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def token_of(secret: str) -> ApiToken:
    return ApiToken.objects.get(digest=ApiToken.digest_of(secret))


@pytest.fixture
def clerk(tree):
    return factories.user("vanthu", roles=[(Role.CLERK, tree.commune_a)])


@pytest.fixture
def other(tree):
    return factories.user("ketoan", roles=[(Role.ACCOUNTANT, tree.commune_a)])


def test_revoking_the_token_of_the_request(client, clerk):
    """GIVEN a clerk with two tokens (laptop and script)
    WHEN the script revokes its own token
    THEN 204; that token answers 401 from the next request on, the laptop's still works, and one
    audit entry records who revoked which token and when it stopped working."""
    laptop, script = issue_api_token(user=clerk), issue_api_token(user=clerk)
    planned_expiry = token_of(script).expires_at

    response = client.post("/api/v1/auth/token/revoke", **auth(script))

    assert (response.status_code, response.content) == (204, b"")
    after = client.get("/api/v1/me", **auth(script))
    assert (after.status_code, after.json()) == (401, NOT_AUTHENTICATED)
    assert client.get("/api/v1/me", **auth(laptop)).json()["username"] == "vanthu"
    revoked = token_of(script)
    assert revoked.expires_at <= timezone.now() < planned_expiry
    entry = AuditEntry.objects.get(action="api_token.revoke")
    assert (entry.actor, entry.target_type, entry.target_id) == (
        clerk,
        "core.apitoken",
        str(revoked.pk),
    )
    assert entry.before == {"expires_at": planned_expiry.isoformat()}
    assert entry.after == {"expires_at": revoked.expires_at.isoformat()}


def test_a_revoked_token_cannot_revoke_or_list_again(client, clerk):
    """GIVEN a token already revoked WHEN it revokes itself again or lists tokens
    THEN 401 both times, and no second audit entry."""
    secret = issue_api_token(user=clerk)
    client.post("/api/v1/auth/token/revoke", **auth(secret))

    again = client.post("/api/v1/auth/token/revoke", **auth(secret))
    listing = client.get("/api/v1/auth/tokens", **auth(secret))

    assert (again.status_code, again.json()) == (401, NOT_AUTHENTICATED)
    assert listing.status_code == 401
    assert AuditEntry.objects.filter(action="api_token.revoke").count() == 1


def test_without_a_token_nothing_is_revoked(client, clerk):
    """GIVEN a clerk's token WHEN anonymous requests (and a made-up token) try to revoke or list
    THEN 401, and the clerk's token still works."""
    secret = issue_api_token(user=clerk)
    token = token_of(secret)

    assert client.post("/api/v1/auth/token/revoke").status_code == 401
    assert client.post("/api/v1/auth/token/revoke", **auth("gia-mao")).status_code == 401
    assert client.get("/api/v1/auth/tokens").status_code == 401
    assert client.delete(f"/api/v1/auth/tokens/{token.pk}").status_code == 401

    assert client.get("/api/v1/me", **auth(secret)).status_code == 200
    assert not AuditEntry.objects.filter(action="api_token.revoke").exists()


def test_listing_shows_only_own_valid_tokens(client, clerk, other):
    """GIVEN the clerk's current token, an older one, a revoked one and an expired one, and a
    token of another user
    WHEN the clerk lists her tokens
    THEN the two valid ones of hers, newest first, the one of this request marked current."""
    older = token_of(issue_api_token(user=clerk))
    revoked = issue_api_token(user=clerk)
    client.post("/api/v1/auth/token/revoke", **auth(revoked))
    expired = token_of(issue_api_token(user=clerk))
    ApiToken.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    issue_api_token(user=other)
    current_secret = issue_api_token(user=clerk)
    current = token_of(current_secret)

    response = client.get("/api/v1/auth/tokens", **auth(current_secret))

    assert response.status_code == 200
    assert [(t["id"], t["current"]) for t in response.json()] == [
        (current.pk, True),
        (older.pk, False),
    ]
    listed = response.json()[0]
    assert datetime.datetime.fromisoformat(listed["expires_at"]) == current.expires_at.replace(
        microsecond=datetime.datetime.fromisoformat(listed["expires_at"]).microsecond
    )


def test_revoking_another_of_ones_own_tokens(client, clerk):
    """GIVEN a clerk whose old laptop's token leaked
    WHEN she revokes it by id from her current token
    THEN 204; the leaked token answers 401, the current one still works, the revocation is
    audited with her as the actor."""
    leaked = issue_api_token(user=clerk)
    current = issue_api_token(user=clerk)

    response = client.delete(f"/api/v1/auth/tokens/{token_of(leaked).pk}", **auth(current))

    assert response.status_code == 204
    assert client.get("/api/v1/me", **auth(leaked)).status_code == 401
    assert client.get("/api/v1/me", **auth(current)).status_code == 200
    entry = AuditEntry.objects.get(action="api_token.revoke")
    assert (entry.actor, entry.target_id) == (clerk, str(token_of(leaked).pk))


@pytest.mark.parametrize("whose", ["another-user", "missing", "already-revoked"])
def test_a_token_one_may_not_revoke_answers_404(client, clerk, other, whose):
    """GIVEN a clerk WHEN she tries to revoke another user's token, a missing id, or a token of
    hers already revoked
    THEN the same 404 in Vietnamese; the other user's token still works and nothing is audited."""
    secret = issue_api_token(user=clerk)
    others_secret = issue_api_token(user=other)
    target = {
        "another-user": token_of(others_secret).pk,
        "missing": 999999,
        "already-revoked": token_of(issue_api_token(user=clerk)).pk,
    }[whose]
    if whose == "already-revoked":
        ApiToken.objects.filter(pk=target).update(expires_at=timezone.now())

    response = client.delete(f"/api/v1/auth/tokens/{target}", **auth(secret))

    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "Không có bản ghi này, hoặc đồng chí không được phép mở.",
    }
    assert client.get("/api/v1/me", **auth(others_secret)).status_code == 200
    assert not AuditEntry.objects.filter(action="api_token.revoke").exists()


def test_revocation_endpoints_are_in_the_schema(client):
    """GIVEN the OpenAPI schema THEN it lists the three revocation operations, each requiring the
    bearer token, while token login stays open."""
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]

    assert "post" in paths["/api/v1/auth/token/revoke"]
    assert "get" in paths["/api/v1/auth/tokens"]
    assert "delete" in paths["/api/v1/auth/tokens/{token_id}"]
    assert paths["/api/v1/auth/token/revoke"]["post"]["security"] == [{"BearerToken": []}]
    assert "security" not in paths["/api/v1/auth/token"]["post"]
