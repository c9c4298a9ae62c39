"""One throttle and one lock for every way in (the login page, the administration site, the API's
token login), and the second factor (TOTP) for the roles that must use it."""

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import user
from tests.pending_po import security_translations  # noqa: F401
from vanphong.core.models import AuditEntry, LoginFailure
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

LOCKED = "Đăng nhập sai quá nhiều lần"


@pytest.fixture(autouse=True)
def _otp(settings):
    settings.LOGIN_MAX_FAILURES = 5
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own delay would hide ours


def _page_login(client, username, password, code=""):
    return client.post(
        reverse("core:login"), {"username": username, "password": password, "otp_token": code}
    )


def _token(client, username, password, code=""):
    return client.post(
        "/api/v1/auth/token",
        {"username": username, "password": password, "otp_token": code},
        content_type="application/json",
    )


def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _device(u) -> TOTPDevice:
    return TOTPDevice.objects.create(user=u, name="VanPhong", confirmed=True)


def test_the_admin_site_has_no_login_of_its_own(client):
    admin_user = user("admin", is_staff=True, is_superuser=True)
    page = client.get("/quan-tri/login/?next=/quan-tri/")
    posted = client.post("/quan-tri/login/", {"username": "admin", "password": "vanphong"})
    assert page.status_code == 302 and page.url.startswith(reverse("core:login"))
    assert "next=/quan-tri/" in page.url
    assert posted.status_code == 302 and "_auth_user_id" not in client.session
    client.force_login(admin_user)
    assert client.get("/quan-tri/login/").url == "/quan-tri/"


def test_a_user_locked_at_the_login_page_is_locked_for_the_api_and_the_admin(client):
    user("admin", is_staff=True, is_superuser=True)
    for _ in range(5):
        _page_login(client, "admin", "sai")

    token = _token(client, "admin", "vanphong")
    page = _page_login(client, "admin", "vanphong")

    assert token.status_code == 429 and token.json()["code"] == "locked"
    assert LOCKED in page.content.decode() and "_auth_user_id" not in client.session
    # whatever form or view asks Django to authenticate meets the same lock
    assert authenticate(None, username="admin", password="vanphong") is None


def test_failures_through_the_api_lock_the_login_page(client):
    user("vanthu")
    for _ in range(5):
        assert _token(client, "vanthu", "sai").status_code == 401
    assert LoginFailure.objects.filter(username="vanthu").count() == 5
    page = _page_login(client, "vanthu", "vanphong")
    assert LOCKED in page.content.decode()


def test_a_user_with_a_second_factor_needs_the_code_and_wrong_codes_count(client):
    u = user("bithu", roles=[])
    device = _device(u)

    without = _page_login(client, "bithu", "vanphong")
    assert "Mã xác thực còn thiếu hoặc không đúng." in without.content.decode()
    assert "_auth_user_id" not in client.session
    for _ in range(4):  # the right password with wrong codes: the count still rises
        _page_login(client, "bithu", "vanphong", "000000")
    locked = _page_login(client, "bithu", "vanphong", _code(device))
    assert LOCKED in locked.content.decode()

    LoginFailure.objects.all().delete()
    ok = _page_login(client, "bithu", "vanphong", _code(device))
    assert ok.status_code == 302
    assert client.session["otp_device_id"] == device.persistent_id


def test_the_api_token_asks_for_the_code_too(client):
    u = user("bithu")
    device = _device(u)
    assert _token(client, "bithu", "vanphong").json()["code"] == "otp_invalid"
    assert _token(client, "bithu", "vanphong", _code(device)).status_code == 200


def test_required_roles_must_set_it_up_before_any_page(client, settings, tree):
    settings.SECOND_FACTOR_REQUIRED = True
    leader = user("bithu", roles=[(Role.LEADER, tree.province)])
    user("chuyenvien", roles=[(Role.SPECIALIST, tree.province)])

    assert _token(client, "bithu", "vanphong").json()["code"] == "otp_setup_required"
    _page_login(client, "chuyenvien", "vanphong")
    assert client.get(reverse("core:dashboard")).status_code == 200  # not a required role
    client.logout()

    assert _page_login(client, "bithu", "vanphong").status_code == 302
    dashboard = client.get(reverse("core:dashboard"))
    assert dashboard.status_code == 302 and dashboard.url.startswith(reverse("core:second_factor"))
    admin_page = client.get("/van-ban/den/")
    assert admin_page.url.startswith(reverse("core:second_factor"))
    setup = client.get(dashboard.url)
    assert "data:image/svg+xml" in setup.content.decode()
    device = TOTPDevice.objects.get(user=leader, confirmed=False)

    wrong = client.post(dashboard.url, {"otp_token": "123"})
    assert "Mã xác thực còn thiếu hoặc không đúng." in wrong.content.decode()
    confirmed = client.post(dashboard.url, {"otp_token": _code(device)})
    device.refresh_from_db()
    assert confirmed.status_code == 302 and device.confirmed
    assert AuditEntry.objects.filter(action="second_factor.enable", actor=leader).exists()
    assert client.get(reverse("core:dashboard")).status_code == 200
