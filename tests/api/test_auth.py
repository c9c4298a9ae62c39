"""API token login, bearer authentication, the current user and the OpenAPI schema."""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import bearer
from tests.factories import user
from vanphong.core.models import ApiToken, LoginFailure
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db


def login(client, username, password, **extra):
    return client.post(
        "/api/v1/auth/token",
        {"username": username, "password": password},
        content_type="application/json",
        **extra,
    )


def test_right_password_gives_a_token_that_works(client, tree):
    """GIVEN a clerk of commune A
    WHEN she asks for a token with her password and calls /me with it
    THEN she gets a 30-day token, stored only as its SHA-256, and /me answers as her."""
    clerk = user("vanthu", roles=[(Role.CLERK, tree.commune_a)], first_name="Lan")

    response = login(client, "vanthu", "vanphong")

    assert response.status_code == 200
    body = response.json()
    token = ApiToken.objects.get(user=clerk)
    assert token.digest == ApiToken.digest_of(body["token"])
    assert body["token"] not in token.digest
    expires = datetime.datetime.fromisoformat(body["expires_at"])
    assert expires == token.expires_at.replace(microsecond=expires.microsecond)  # JSON keeps ms
    assert abs(expires - timezone.now() - datetime.timedelta(days=30)) < datetime.timedelta(
        minutes=1
    )
    me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert me.status_code == 200
    assert me.json() == {
        "id": clerk.pk,
        "username": "vanthu",
        "full_name": "Lan",
        "member_id": None,
        "clearance": 0,
        "is_superuser": False,
        "roles": [
            {
                "role": "clerk",
                "role_label": "Văn thư",
                "organization_id": tree.commune_a.pk,
                "organization_name": "Đảng bộ xã Bảo Thắng",
            }
        ],
    }


def test_wrong_password_is_401_and_counted(client, tree):
    """GIVEN a user
    WHEN a token is asked with a wrong password
    THEN 401 with a Vietnamese message, no token, and one failure recorded for the username."""
    user("vanthu")

    response = login(client, "VanThu", "sai-mat-khau")

    assert response.status_code == 401
    assert response.json() == {
        "code": "invalid_login",
        "message": "Tên đăng nhập hoặc mật khẩu không đúng.",
    }
    assert ApiToken.objects.count() == 0
    assert list(LoginFailure.objects.values_list("username", "address")) == [
        ("vanthu", "127.0.0.1")
    ]


def test_lockout_is_429_even_with_the_right_password(client, settings, tree):
    """GIVEN as many recent failures for a username as the limit allows
    WHEN the right password is sent
    THEN 429 with the Vietnamese lock message, and no token."""
    settings.LOGIN_MAX_FAILURES = 3
    user("vanthu")
    for _ in range(3):
        assert login(client, "vanthu", "sai").status_code == 401

    response = login(client, "vanthu", "vanphong")

    assert response.status_code == 429
    assert response.json() == {
        "code": "locked",
        "message": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
    }
    assert ApiToken.objects.count() == 0
    assert LoginFailure.objects.count() == 3


def test_success_clears_earlier_failures(client, tree):
    """GIVEN two failures below the limit
    WHEN the right password is sent
    THEN a token is issued and the failures are forgotten."""
    user("vanthu")
    login(client, "vanthu", "sai")
    login(client, "vanthu", "sai")

    assert login(client, "vanthu", "vanphong").status_code == 200
    assert LoginFailure.objects.count() == 0


def test_inactive_user_gets_no_token(client, tree):
    """GIVEN a disabled account
    WHEN it asks for a token with its right password
    THEN 401, as for a wrong password."""
    user("cu", is_active=False)

    response = login(client, "cu", "vanphong")

    assert response.status_code == 401
    assert ApiToken.objects.count() == 0


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(None, id="no-header"),
        pytest.param("Bearer khong-phai-token", id="unknown-token"),
        pytest.param("Token {token}", id="wrong-scheme"),
    ],
)
def test_requests_without_a_valid_token_are_401(client, tree, header):
    """GIVEN a user with a valid token
    WHEN /me is called without it, with an unknown token or with another scheme
    THEN 401 with the Vietnamese message."""
    u = user("vanthu", roles=[(Role.CLERK, tree.province)])
    token = bearer(u)["HTTP_AUTHORIZATION"].removeprefix("Bearer ")
    extra = {"HTTP_AUTHORIZATION": header.format(token=token)} if header else {}

    response = client.get("/api/v1/me", **extra)

    assert response.status_code == 401
    assert response.json() == {
        "code": "not_authenticated",
        "message": "Cần gửi kèm token API hợp lệ: Authorization: Bearer …",
    }


def test_expired_token_is_401(client, tree):
    """GIVEN a token whose expiry has passed
    WHEN it is used
    THEN 401."""
    u = user("vanthu", roles=[(Role.CLERK, tree.province)])
    headers = bearer(u)
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert client.get("/api/v1/me", **headers).status_code == 401


def test_token_of_a_disabled_user_is_401(client, tree):
    """GIVEN a valid token WHEN its user is disabled THEN the token stops working."""
    u = user("vanthu", roles=[(Role.CLERK, tree.province)])
    headers = bearer(u)
    assert client.get("/api/v1/me", **headers).status_code == 200
    u.is_active = False
    u.save()

    assert client.get("/api/v1/me", **headers).status_code == 401


def test_a_session_login_does_not_open_the_api(client, tree):
    """GIVEN a user logged in to the pages (session cookie)
    WHEN the API is called without a token
    THEN 401: the API takes bearer tokens only."""
    u = user("vanthu", roles=[(Role.CLERK, tree.province)])
    client.force_login(u)

    assert client.get("/api/v1/me").status_code == 401


def test_malformed_json_is_400_in_vietnamese(client, tree):
    """GIVEN a body that is not JSON WHEN a token is asked THEN 400 with a Vietnamese message."""
    response = client.post("/api/v1/auth/token", "{user", content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_request",
        "message": "Nội dung yêu cầu không phải JSON hợp lệ.",
    }


def test_openapi_schema_lists_every_path(client):
    """GIVEN the API WHEN its OpenAPI schema is fetched THEN it lists every endpoint of the
    organizations, members and auth areas, and the Swagger page (which would need a CDN) is not
    served."""
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "VanPhong API"
    # The organizations, members and auth areas; other areas list their own paths in their tests.
    # Matched on the first segment: "/api/v1/me" is not "/api/v1/meetings".
    areas = {"auth", "me", "organizations", "members"}
    assert {
        path: sorted(ops) for path, ops in schema["paths"].items() if path.split("/")[3] in areas
    } == {
        "/api/v1/auth/token": ["post"],
        "/api/v1/auth/token/revoke": ["post"],
        "/api/v1/auth/tokens": ["get"],
        "/api/v1/auth/tokens/{token_id}": ["delete"],
        "/api/v1/me": ["get"],
        "/api/v1/organizations": ["get", "post"],
        "/api/v1/organizations/{org_id}": ["get", "patch"],
        "/api/v1/organizations/{org_id}/children": ["get"],
        "/api/v1/organizations/{org_id}/merge": ["post"],
        "/api/v1/organizations/{org_id}/dissolve": ["post"],
        "/api/v1/organizations/{org_id}/terms": ["get", "post"],
        "/api/v1/organizations/{org_id}/terms/{term_id}/end": ["post"],
        "/api/v1/members": ["get", "post"],
        "/api/v1/members/{member_id}": ["get", "patch"],
        "/api/v1/members/{member_id}/official": ["post"],
        "/api/v1/members/{member_id}/transfers": ["post"],
        "/api/v1/members/{member_id}/exemptions": ["post"],
        "/api/v1/members/{member_id}/exemptions/end": ["post"],
        "/api/v1/members/{member_id}/removal": ["post"],
        "/api/v1/members/{member_id}/death": ["post"],
        "/api/v1/members/{member_id}/positions": ["post"],
        "/api/v1/members/{member_id}/positions/{position_id}/end": ["post"],
    }
    assert client.get("/api/v1/docs").status_code == 404
