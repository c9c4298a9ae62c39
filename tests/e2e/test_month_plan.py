"""The cell secretary's month in a real Chromium, on the real clock: `bithuchibo` opens Sinh hoạt
trong tháng for next month, opens the cell's standing plan, types a wrong day (refused at the field, what
was typed kept), saves the plan, makes next month's meeting from it in one click, and the month
then shows it planned; the page works at a phone's width."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from vanphong.meetings.models import Meeting
from vanphong.organizations.models import Organization

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


def test_the_secretary_plans_next_months_meeting_from_the_standing_plan(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    cell = Organization.objects.get(name="Chi bộ Kinh tế - Ngân sách")
    today = timezone.localdate()
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    key = f"{cell.pk}-cell"

    _login(page, base, "bithuchibo")
    page.goto(f"{base}/hop/thang/?thang={following:%m/%Y}")
    assert f"Sinh hoạt tháng {following:%m/%Y}" in page.locator("h1").inner_text()
    assert "chưa lên lịch" in page.locator(f"#state-{key}").inner_text()
    summary = page.locator(f"#body-{key} summary")
    assert "ngày 5 hằng tháng, 14:00" in summary.inner_text()  # the demo's standing plan
    summary.click()  # open it to change it

    page.fill(f"#id_{key}-day", "31")
    page.fill(f"#id_{key}-time", "14:00")
    page.fill(f"#id_{key}-place", "Phòng họp tầng 2")
    page.click(f"#plan-{key} button[type=submit]")
    page.wait_for_load_state()
    error = page.locator(f"#plan-{key} .invalid-feedback").first.inner_text()
    assert "28" in error, error
    assert page.input_value(f"#id_{key}-place") == "Phòng họp tầng 2"

    page.fill(f"#id_{key}-day", "6")
    page.click(f"#plan-{key} button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert "ngày 6 hằng tháng, 14:00" in page.locator(f"#body-{key} summary").inner_text()

    page.click(f"#make-{key}")
    page.wait_for_selector(".alert-success")
    meeting = Meeting.objects.get(organization=cell, month=following, kind="regular")
    assert page.url.endswith(f"/hop/{meeting.pk}/")
    assert timezone.localtime(meeting.starts_at).day == 6

    page.goto(f"{base}/hop/thang/?thang={following:%m/%Y}")
    assert "đã lên lịch, chưa tổ chức" in page.locator(f"#state-{key}").inner_text()
    assert page.locator(f"#make-{key}").count() == 0  # one meeting a month: no second button
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"
