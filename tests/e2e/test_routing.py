"""Registering and routing in a real Chromium, with a mistake at each step: vanthu registers an
incoming document with a scan and a date the register refuses — the scan is still chosen when
she corrects the date; chanhvanphong routes it, picking the handler through the search box, with
a deadline already past — the error stands at the deadline and the handler and the instruction
stay; the handler finds the assignment in the notifications. No policy violation on the way."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from vanphong.core import vntext
from vanphong.core.models import User
from vanphong.documents.models import IncomingDocument
from vanphong.organizations.models import Organization

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]

SUMMARY = "Hướng dẫn kiểm tra việc chấp hành Điều lệ Đảng năm 2027"
DIRECTION = "Giao đồng chí chủ trì, báo cáo Thường trực trước hạn."


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(100, 750, "Huong dan 77-HD/UBKTTW")
    c.save()
    return buffer.getvalue()


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _error_at(page, field_id: str) -> str:
    return (
        page.locator(f"#{field_id}").locator("xpath=..").locator(".invalid-feedback").inner_text()
    )


def test_register_with_a_kept_scan_then_route_through_the_search_box(live_server, browser_page):
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
    specialist = User.objects.get(username="chuyenvien")
    today = timezone.localdate()

    # 1. the clerk registers; the document date is after the receipt: refused at its field
    _login(page, base, "vanthu")
    page.goto(f"{base}/van-ban/den/vao-so/")
    province = Organization.objects.get(name="Đảng bộ tỉnh Phú Thọ")
    page.select_option("#id_organization", value=str(province.pk))
    page.fill("#id_issuer", "Ủy ban Kiểm tra Trung ương")
    page.fill("#id_original_number", "77-HD/UBKTTW")
    page.fill("#id_document_date", (today + datetime.timedelta(days=2)).strftime("%d/%m/%Y"))
    page.select_option("#id_doc_type", value="huong_dan")
    page.fill("#id_summary", SUMMARY)
    page.set_input_files(
        "#id_file", files=[{"name": "hd77.pdf", "mimeType": "application/pdf", "buffer": _pdf()}]
    )
    page.click("#incoming-form button[type=submit]")
    page.wait_for_selector("#held-file")
    assert "Tệp đã chọn: hd77.pdf" in page.locator("#held-file").inner_text()
    assert _error_at(page, "id_document_date")
    assert page.input_value("#id_summary") == SUMMARY
    assert not IncomingDocument.objects.filter(original_number="77-HD/UBKTTW").exists()

    page.fill("#id_document_date", today.strftime("%d/%m/%Y"))  # no file chosen again
    page.click("#incoming-form button[type=submit]")
    page.wait_for_selector("#incoming-summary")
    document = IncomingDocument.objects.get(original_number="77-HD/UBKTTW")
    assert document.files.get().name == "hd77.pdf"
    assert "hd77.pdf" in page.locator("#document-files").inner_text()

    # 2. the office head routes it: the handler picked by typing, without tone marks
    _login(page, base, "chanhvanphong")
    page.goto(f"{base}/van-ban/den/{document.pk}/")
    page.fill("#id_lead_search", vntext.fold(specialist.get_full_name()))
    assert page.input_value("#id_lead") == str(specialist.pk)
    yesterday = (today - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    page.fill("#form-assign #id_deadline", yesterday)
    page.fill("#form-assign #id_direction", DIRECTION)
    page.click("#form-assign button[type=submit]")
    page.wait_for_selector("#form-assign .invalid-feedback")
    assert "Hạn xử lý trước ngày giao việc" in _error_at(page, "id_deadline")
    assert page.input_value("#id_lead") == str(specialist.pk)
    assert page.input_value("#form-assign #id_direction") == DIRECTION
    assert not document.assignments.exists()

    due = (today + datetime.timedelta(days=10)).strftime("%d/%m/%Y")
    page.fill("#form-assign #id_deadline", due)
    page.click("#form-assign button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert specialist.get_full_name() in page.locator("#assignments").inner_text()

    # 3. the handler is told
    _login(page, base, "chuyenvien")
    page.goto(f"{base}/thong-bao/")
    assert f"Được giao xử lý: {document.number}/{document.year}" in page.content()
    assert SUMMARY in page.content()
    assert violations == []
