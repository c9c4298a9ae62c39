"""The registers and the member list on a phone: each row is a card whose values carry their
column's name; nothing is cut off and a summary is never one word a line."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, base, username):
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


@pytest.mark.parametrize(
    ("address", "table", "label"),
    [
        ("/van-ban/den/", "#incoming-table", "Ngày đến"),
        ("/van-ban/di/", "#outgoing-table", "Số, ký hiệu"),
    ],
)
def test_document_lists_fit_a_phone(live_server, browser_page, address, table, label):
    call_command("load_demo", verbosity=0)
    page = browser_page
    _login(page, live_server.url, "chanhvanphong")
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}{address}")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    rows = page.locator(f"{table} tbody tr")
    assert rows.count() > 3
    first = rows.first
    box = first.bounding_box()
    assert box["width"] > 330  # the row is a card across the screen
    summary = first.locator("td.vp-summary")
    assert summary.bounding_box()["width"] > 300  # never a column one word wide
    labels = first.evaluate(
        "row => [...row.querySelectorAll('td[data-label]')]"
        ".map(td => getComputedStyle(td, '::before').content)"
    )
    assert any(label in text for text in labels), labels

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{address}")
    assert page.locator(f"{table} thead").is_visible()  # a table again on a desktop
