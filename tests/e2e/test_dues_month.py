"""The cell secretary's month of party dues, in a real Chromium: compute the month with its
preview, record a cash payment, see the unpaid flag; dangvien sees own history."""

import pytest
from django.core.management import call_command

from vanphong.dues.models import LedgerLine

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]


def _login(page, url, username):
    page.goto(f"{url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


def test_the_secretary_computes_the_month_records_cash_and_sees_the_flag(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    page = browser_page
    _login(page, live_server.url, "bithuchibo")
    page.click("#nav-dues")
    page.click("text=Đảng phí các chi bộ")
    page.click("text=Chi bộ Kinh tế - Ngân sách")
    assert page.locator("h1").inner_text().startswith("Đảng phí Chi bộ Kinh tế - Ngân sách")
    assert "Phạm Văn Thắng" in page.locator("#dues-flag-card").inner_text()

    page.click("#compute-month")
    assert "Không có gì thay đổi." in page.locator("#dues-preview").inner_text()
    page.click("#confirm-compute")
    assert "0 dòng thay đổi" in page.locator(".alert-success").inner_text()

    rows = page.locator("#dues-lines tbody tr")
    assert rows.count() >= 6
    form = page.locator(".vp-pay-form").first
    form.locator("input[name=amount]").fill("-5000")
    form.locator("button").click()
    assert "Số tiền không được âm." in page.locator(".alert-danger").inner_text()
    form = page.locator(".vp-pay-form").first
    form.locator("button").click()
    assert "Biên lai số" in page.locator(".alert-success").inner_text()
    assert (
        LedgerLine.objects.filter(
            paid__gt=0, month__gte=LedgerLine.objects.latest("month").month
        ).count()
        == 1
    )

    page.click("#previous-month")
    page.goto(f"{live_server.url}/dang-phi/chua-dong/")
    assert page.locator("table[id^=flagged-] tbody tr", has_text="Phạm Văn Thắng").count() == 1


def test_a_member_sees_own_history(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    page = browser_page
    _login(page, live_server.url, "dangvien")
    page.click("nav >> text=Đảng phí của tôi")
    assert page.locator("h1").inner_text() == "Đảng phí của tôi"
    assert page.locator("#my-dues tbody tr").count() >= 12
    assert "Không nợ đảng phí các tháng trước." in page.locator("#dues-owed").inner_text()
    response = page.goto(f"{live_server.url}/dang-phi/tong-hop/")
    assert response.status == 404
