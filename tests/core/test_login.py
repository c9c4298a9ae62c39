import pytest
from django.urls import reverse

from tests.factories import user
from vanphong.core.models import LoginFailure

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post(reverse("core:login"), {"username": username, "password": password})


def test_login_page_and_errors_are_in_vietnamese(client):
    user("vanthu")

    page = client.get(reverse("core:login"))
    wrong = _login(client, "vanthu", "sai")

    assert "Đăng nhập VanPhong" in page.content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in wrong.content.decode()
    assert LoginFailure.objects.filter(username="vanthu").count() == 1


def test_right_password_logs_in_and_clears_failures(client):
    user("vanthu")
    _login(client, "vanthu", "sai")

    response = _login(client, "vanthu", "vanphong")

    assert response.status_code == 302 and response.url == reverse("core:dashboard")
    assert not LoginFailure.objects.filter(username="vanthu").exists()


def test_five_failures_lock_the_username_even_with_the_right_password(client, settings):
    """GIVEN five wrong passwords for one username
    WHEN the right password is then given THEN the login is still refused, with the lock message."""
    settings.LOGIN_MAX_FAILURES = 5
    user("vanthu")
    for _ in range(5):
        _login(client, "vanthu", "sai")

    response = _login(client, "vanthu", "vanphong")

    assert "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_pages_need_login(client):
    for name in ("core:dashboard", "core:inbox", "core:email_preferences", "core:password_change"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("core:login"))


def test_password_change_checks_the_validators(client):
    u = user("chuyenvien")
    client.force_login(u)

    weak = client.post(
        reverse("core:password_change"),
        {"old_password": "vanphong", "new_password1": "123", "new_password2": "123"},
    )
    u.refresh_from_db()

    assert weak.status_code == 200
    assert "Mật khẩu quá ngắn" in weak.content.decode()
    assert u.check_password("vanphong")

    good = client.post(
        reverse("core:password_change"),
        {
            "old_password": "vanphong",
            "new_password1": "Ngay-3-thang-2-1930",
            "new_password2": "Ngay-3-thang-2-1930",
        },
    )
    u.refresh_from_db()
    assert good.status_code == 302
    assert u.check_password("Ngay-3-thang-2-1930")


def test_email_preferences_are_saved_for_the_user_only(client):
    u, other = user("a"), user("b")
    client.force_login(u)

    client.post(reverse("core:email_preferences"), {"kinds": ["member_procedure", "system"]})

    assert set(u.email_preferences.values_list("kind", flat=True)) == {"member_procedure", "system"}
    assert not other.email_preferences.exists()


def test_sessions_expire(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert 0 < settings.SESSION_COOKIE_AGE <= 12 * 3600
