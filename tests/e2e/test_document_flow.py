"""The office's core day in a real Chromium: vanthu registers an incoming document →
chanhvanphong assigns it → chuyenvien drafts the reply → it is appraised → bithu signs → vanthu
issues it and downloads the DOCX, whose number is right."""

import io

import pytest
from django.core.management import call_command
from docx import Document as Docx

from vanphong.core.models import User
from vanphong.documents.models import IncomingDocument, OutgoingDocument
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


def test_register_assign_draft_sign_issue(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    specialist = User.objects.get(username="chuyenvien")
    bithu = User.objects.get(username="bithu")

    _login(page, base, "vanthu")
    page.click("#nav-documents")
    page.click("nav >> text=Văn bản đến")
    page.click("#register-incoming")
    province = Organization.objects.get(name="Đảng bộ tỉnh Phú Thọ")
    page.select_option("#id_organization", value=str(province.pk))
    page.fill("#id_issuer", "Ban Tổ chức Trung ương")
    page.fill("#id_original_number", "Số 42-HD/BTCTW")
    page.fill("#id_document_date", "28/10/2025")
    page.select_option("#id_doc_type", value="huong_dan")
    page.fill("#id_summary", "Hướng dẫn một số vấn đề về tổ chức sinh hoạt chi bộ")
    page.click("#incoming-form button[type=submit]")
    page.wait_for_selector("#incoming-summary")
    incoming = IncomingDocument.objects.filter(original_number="42-HD/BTCTW").latest("pk")
    assert f"{incoming.number}/{incoming.year}" in page.locator("h1").inner_text()

    _login(page, base, "chanhvanphong")
    page.goto(f"{base}/van-ban/den/{incoming.pk}/")
    page.select_option("#form-assign select[name=lead]", value=str(specialist.pk))
    page.click("#form-assign button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert specialist.get_full_name() in page.locator("#assignments").inner_text()

    _login(page, base, "chuyenvien")
    page.goto(f"{base}/van-ban/den/{incoming.pk}/")
    page.click("#draft-reply")
    page.fill("#id_summary", "Về việc triển khai Hướng dẫn 42-HD/BTCTW")
    page.fill("#id_body", "Thực hiện Hướng dẫn số 42-HD/BTCTW, Ban Thường vụ Tỉnh ủy chỉ đạo.")
    page.fill("#id_signer_position", "Bí thư")
    page.fill("#id_place", "Phú Thọ")
    page.click("#outgoing-form button[type=submit]")
    page.wait_for_selector("#outgoing-status")
    draft = OutgoingDocument.objects.get(in_reply_to=incoming)
    page.click("#send-appraisal")
    page.wait_for_selector(".alert-success")

    _login(page, base, "chanhvanphong")
    page.goto(f"{base}/van-ban/di/{draft.pk}/")
    page.select_option("#form-appraise select[name=verdict]", value="agree")
    page.click("#form-appraise button[type=submit]")
    page.wait_for_selector(".alert-success")
    page.select_option("#form-submit select[name=signer]", value=str(bithu.pk))
    page.click("#form-submit button[type=submit]")
    page.wait_for_selector(".alert-success")

    _login(page, base, "bithu")
    # the PDF shown in the page is rendered first (LibreOffice): tick only once it is there
    with page.expect_response(lambda r: r.url.endswith(f"/van-ban/di/{draft.pk}/xem-pdf/")):
        page.goto(f"{base}/van-ban/di/{draft.pk}/")
    page.wait_for_load_state("networkidle")  # the frame's PDF viewer too
    page.focus("#id_confirm")
    page.keyboard.press("Space")
    assert page.locator("#id_confirm").is_checked()  # read the PDF shown in the page, then sign
    page.click("#sign")
    page.wait_for_selector(".alert-success")

    _login(page, base, "vanthu")
    page.goto(f"{base}/van-ban/di/{draft.pk}/")
    page.click("#form-issue button[type=submit]")
    page.wait_for_selector("#outgoing-symbol")
    draft.refresh_from_db()
    symbol = page.locator("#outgoing-symbol").inner_text()
    assert symbol == draft.symbol and symbol.endswith("-CV/TU")
    with page.expect_download() as info:
        page.click("#download-docx")
    data = info.value.path().read_bytes()
    cells = [c.text for t in Docx(io.BytesIO(data)).tables for r in t.rows for c in r.cells]
    assert f"Số {symbol}" in "\n".join(cells)
