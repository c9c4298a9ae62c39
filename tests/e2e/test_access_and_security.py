"""Access and security as a user meets them in a real Chromium: chuyenvien (cleared Mật) cannot
raise a draft to Tuyệt mật — the page says so at the field and keeps what was typed, nothing is
saved; a classified document's page is sent no-store; the administration site has no login of its
own, and five wrong passwords lock the account at every way in."""

import pytest
from django.core.management import call_command

from vanphong.core.models import Clearance
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.organizations.models import Organization

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]


DEMO_PASSWORD = "vanphong"  # noqa: S105 - the demo accounts' documented password


def _login(page, base, username, password=DEMO_PASSWORD):
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")


def test_a_draft_above_ones_clearance_is_refused_at_the_field(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    province = Organization.objects.get(name="Đảng bộ tỉnh Phú Thọ")
    before = OutgoingDocument.objects.count()
    summary = "V/v phương án bảo vệ Hội nghị Ban Chấp hành"

    _login(page, base, "chuyenvien")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/van-ban/di/du-thao/")
    page.select_option("#id_organization", value=str(province.pk))
    page.fill("#id_summary", summary)
    page.fill("#id_body", "Kính gửi: Văn phòng Tỉnh ủy.")
    page.fill("#id_place", "Phú Thọ")
    page.select_option("#id_confidentiality", value=str(Clearance.ABSOLUTE_SECRET))
    page.click("#outgoing-form button[type=submit]")
    page.wait_for_load_state()

    error = page.locator("#id_confidentiality ~ .invalid-feedback").inner_text()
    assert "Tuyệt mật" in error and "độ mật" in error.lower(), error
    assert page.input_value("#id_summary") == summary
    assert OutgoingDocument.objects.count() == before


def test_a_classified_page_is_not_kept_by_the_browser(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    classified = IncomingDocument.objects.filter(confidentiality__gt=Clearance.NONE).first()
    assert classified is not None, "the demo registers classified incoming documents"

    _login(page, base, "vanthu")
    page.wait_for_url(f"{base}/")
    response = page.goto(f"{base}/van-ban/den/{classified.pk}/")
    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]


def test_the_admin_site_uses_the_one_login_and_its_lock(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page

    page.goto(f"{base}/quan-tri/")
    assert "/dang-nhap/" in page.url  # no login form of its own to try passwords on

    for _ in range(5):
        _login(page, base, "admin", password="sai-mat-khau")
    _login(page, base, "admin")
    page.wait_for_load_state()
    assert "/dang-nhap/" in page.url
    assert "Đăng nhập sai quá nhiều lần" in page.locator("main").inner_text()
    page.goto(f"{base}/quan-tri/")
    assert "/dang-nhap/" in page.url
