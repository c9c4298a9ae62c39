"""Finding documents and the error pages, in a real Chromium (issue walk §5 and §6): the clerk
finds the flash documents by typing their mark, narrows by urgency with the filter, keeps the
filtered list in its address, is told when a year is not a year; with DEBUG on, as `bin/run`
runs, a refused address shows the Vietnamese page, never Django's technical one."""

import pytest
from django.core.management import call_command

from vanphong.core import access
from vanphong.core.models import User
from vanphong.documents.models import IncomingDocument, Urgency

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _total(page) -> str:
    return page.locator("#document-total").inner_text()


def test_the_clerk_finds_flash_documents_and_bookmarks_the_list(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    clerk = User.objects.get(username="vanthu")
    flash = access.visible(clerk, IncomingDocument.objects.filter(urgency=Urgency.FLASH))
    flash_count = flash.count()
    assert flash_count >= 1  # the demo has flash documents in the clerk's register

    _login(page, base, "vanthu")
    page.goto(f"{base}/van-ban/den/")
    page.fill("#q", "hoả tốc")
    page.press("#q", "Enter")
    page.wait_for_url("**q=ho*")
    rows = page.locator("#incoming-table tbody tr")
    assert rows.count() >= 1
    shown = {f.summary for f in flash}
    for n in range(rows.count()):
        assert any(summary[:40] in rows.nth(n).inner_text() for summary in shown)

    page.goto(f"{base}/van-ban/den/?do_khan=flash")
    assert page.locator("#do_khan").input_value() == "flash"
    bookmarked = page.url
    first = _total(page)
    page.goto(bookmarked)  # the filtered list is its address
    assert _total(page) == first and str(flash_count) in first.split()[0]

    page.goto(f"{base}/van-ban/den/?nam=abcd")
    assert "abcd" in page.content() and "năm" in page.locator("#list-filters").inner_text().lower()


def test_a_refused_address_shows_the_vietnamese_page_with_debug_on(
    live_server, browser_page, settings
):
    call_command("load_demo", verbosity=0)
    settings.DEBUG = True  # as `bin/run` runs
    base, page = live_server.url, browser_page
    _login(page, base, "dangvien")
    response = page.goto(f"{base}/van-ban/den/999999/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert "URLconf" not in page.content() and "urlpatterns" not in page.content()
