"""A member's calendar in a real Chromium: on "Cuộc họp của tôi" the member makes the secret
address, a calendar application (no session) reads the feed from it, and once revoked it is
gone — without a single Content-Security-Policy violation."""

import pytest
from django.core.management import call_command
from django.test import Client
from icalendar import Calendar

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]


def test_a_member_makes_reads_and_revokes_the_calendar_address(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append((page.url, message.text[:200]))
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", "dangvien")
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.goto(f"{base}/hop/cua-toi/")
    assert page.locator("#my-calendar h2").inner_text() == "Lịch họp của tôi"
    page.click("#calendar-make")
    address = page.locator("#calendar-address").input_value()
    assert "/hop/lich/" in address and address.endswith(".ics")

    answer = Client().get(address.removeprefix(base))  # a calendar application: no session
    assert answer.status_code == 200 and "no-store" in answer["Cache-Control"]
    assert Calendar.from_ical(answer.content).get("x-wr-calname")

    page.goto(f"{base}/hop/cua-toi/")
    assert page.locator("#calendar-state").count() == 1
    page.click("#calendar-revoke")
    page.wait_for_url(f"{base}/hop/cua-toi/")
    assert page.locator("#calendar-revoke").count() == 0
    assert Client().get(address.removeprefix(base)).status_code == 404
    assert violations == []
