"""The Content-Security-Policy breaks nothing the office uses: in a real Chromium the pages, the
menu (Bootstrap) and an htmx reload run without a single policy violation."""

import pytest
from django.core.management import call_command

from vanphong.documents.models import OutgoingDocument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_menus_and_htmx_run_without_a_policy_violation(live_server, browser_page):
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
    page.fill("#id_username", "chuyenvien")
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.click("#nav-documents")  # Bootstrap's dropdown
    page.wait_for_selector(".dropdown-menu.show")
    page.goto(f"{base}/van-ban/di/du-thao/")
    page.select_option("#id_doc_type", value="to_trinh")  # htmx reloads the form
    page.wait_for_load_state("networkidle")
    draft = OutgoingDocument.objects.filter(body__gt="").first()
    for path in ("/", "/to-chuc/", "/dang-vien/", "/van-ban/den/", f"/van-ban/di/{draft.pk}/"):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")

    assert violations == []
