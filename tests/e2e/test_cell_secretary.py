"""A cell secretary's day, in a real Chromium: log in, open the own cell, a member
and the member's history; a member of a sibling cell is refused."""

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _

from vanphong.organizations.models import Member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]


def test_cell_secretary_sees_the_own_cell_and_not_a_sibling(live_server, browser_page):
    """GIVEN the demo data: bithuchibo is secretary of Chi bộ Kinh tế - Ngân sách, and
    dangvien a member of it
    WHEN bithuchibo logs in, opens the own cell from the tree, opens dangvien's profile and its
    history, then types the address of a member of Chi bộ Pháp chế
    THEN every page is in Vietnamese, the own pages open, the sibling's member is refused, and the
    member list is usable on a phone."""
    call_command("load_demo", verbosity=0)
    colleague = Member.objects.get(user__username="dangvien")
    stranger = Member.objects.filter(organization__name="Chi bộ Pháp chế").first()
    page = browser_page

    page.goto(f"{live_server.url}/dang-nhap/")
    assert page.locator("h1").inner_text() == "Đăng nhập VanPhong"
    page.fill("#id_username", "bithuchibo")
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.click("nav >> text=Tổ chức đảng")
    assert page.locator("h1").inner_text() == "Tổ chức đảng"
    page.click("text=Chi bộ Kinh tế - Ngân sách")
    assert page.locator("h1").inner_text() == "Chi bộ Kinh tế - Ngân sách"
    assert page.locator("#cell-members tbody tr").count() == 7
    assert "Pháp chế" not in page.content()

    page.click(f"#cell-members a[href='/dang-vien/{colleague.pk}/']")
    assert colleague.full_name in page.locator("h1").inner_text()
    assert page.locator("dt", has_text="Ngày vào Đảng").count() == 1
    assert colleague.admitted_on.strftime("%d/%m/%Y") in page.locator(".vp-profile").inner_text()
    page.click("text=Lịch sử")
    assert page.locator("h1").inner_text() == f"Lịch sử của {colleague.full_name}"
    assert page.get_by_role("cell", name="Kết nạp vào Đảng").count() == 1  # the event
    assert page.get_by_role("cell", name="Kết nạp đảng viên").count() == 1  # the audit entry

    response = page.goto(f"{live_server.url}/dang-vien/{stranger.pk}/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == _("Page not found")
    assert stranger.full_name not in page.content()

    # On a phone the menu folds behind its button and the list scrolls inside its own box.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/dang-vien/")
    assert page.locator(".navbar-toggler").is_visible()
    assert not page.locator("#vp-nav").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.click(".navbar-toggler")
    page.locator("#vp-nav >> text=Tổ chức đảng").wait_for(state="visible")
