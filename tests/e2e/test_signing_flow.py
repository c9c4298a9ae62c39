"""Drafting to signing in a real Chromium: chuyenvien drafts (changing the type asks before
replacing what was typed, and keeps it when declined), sends it for appraisal; chanhvanphong
agrees and submits it to bithu, the province's secretary, who reads the PDF in the page under the
signature block "T/M BAN THƯỜNG VỤ / BÍ THƯ" and signs only once the reading is confirmed; a
draft bithu returns shows "Bị trả lại" to its drafter."""

import pytest
from django.core.management import call_command

from vanphong.core.models import User
from vanphong.documents.models import OutgoingDocument
from vanphong.organizations.models import Organization

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.tools("soffice"),
    pytest.mark.django_db(transaction=True),
]


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _secretary():
    """The demo's bithu: a party member holding the province's secretary position."""
    return User.objects.get(username="bithu")


def _draft(page, base, province, summary, body):
    page.goto(f"{base}/van-ban/di/du-thao/")
    page.select_option("#id_organization", value=str(province.pk))
    page.fill("#id_summary", summary)
    page.fill("#id_body", body)
    page.fill("#id_place", "Phú Thọ")


def _through_appraisal(page, base, document, bithu):
    page.goto(f"{base}/van-ban/di/{document.pk}/")
    page.click("#send-appraisal")
    page.wait_for_selector(".alert-success")
    _login(page, base, "chanhvanphong")
    page.goto(f"{base}/van-ban/di/{document.pk}/")
    page.select_option("#form-appraise select[name=verdict]", value="agree")
    page.click("#form-appraise button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert "T/M BAN THƯỜNG VỤ / BÍ THƯ" in page.locator("#form-submit select").inner_text()
    page.select_option("#form-submit select[name=signer]", value=str(bithu.pk))
    page.click("#form-submit button[type=submit]")
    page.wait_for_selector(".alert-success")


def test_draft_appraise_submit_read_the_pdf_and_sign(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    province = Organization.objects.get(name="Đảng bộ tỉnh Phú Thọ")
    bithu = _secretary()

    _login(page, base, "chuyenvien")
    summary = "V/v chuẩn bị Hội nghị Ban Thường vụ tháng 12"
    body = "Kính gửi: các đảng ủy trực thuộc.\nĐề nghị gửi báo cáo trước ngày 15/12/2026."
    _draft(page, base, province, summary, body)
    assert page.locator("#id_summary").get_attribute("placeholder") == "…"
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.select_option("#id_doc_type", value="to_trinh")
    page.wait_for_timeout(500)  # an htmx reload, had it been made, would have replaced the form
    assert questions and "đồng chí đã gõ" in questions[0]
    assert page.input_value("#id_summary") == summary
    assert page.input_value("#id_body") == body
    assert page.input_value("#id_doc_type") == "to_trinh"
    page.click("#outgoing-form button[type=submit]")
    page.wait_for_selector("#outgoing-status")
    document = OutgoingDocument.objects.filter(summary=summary).get()
    assert document.doc_type == "to_trinh" and document.body.startswith("Kính gửi: các đảng ủy")
    assert page.locator("#versions").inner_text().endswith("Dự thảo lần đầu")

    _through_appraisal(page, base, document, bithu)

    _login(page, base, "bithu")
    with page.expect_response(
        lambda r: r.url.endswith(f"/van-ban/di/{document.pk}/xem-pdf/")
    ) as pdf:
        page.goto(f"{base}/van-ban/di/{document.pk}/")
    assert pdf.value.status == 200 and pdf.value.headers["content-type"] == "application/pdf"
    assert page.locator("#pdf-preview").is_visible()
    assert page.locator("#sign-block").inner_text() == "T/M BAN THƯỜNG VỤ / BÍ THƯ"
    assert page.locator("#outgoing-holder").inner_text() == bithu.get_full_name()
    page.click("#sign")  # not confirmed: the browser keeps the form
    assert page.locator("#id_confirm:invalid").count() == 1
    document.refresh_from_db()
    assert document.status == "submitted"
    page.check("#id_confirm")
    page.click("#sign")
    page.wait_for_selector(".alert-success")
    assert page.locator("#outgoing-status").inner_text() == "Đã ký"
    document.refresh_from_db()
    assert (document.authority_line, document.signer_position) == ("T/M BAN THƯỜNG VỤ", "BÍ THƯ")


def test_a_returned_draft_shows_its_status(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    province = Organization.objects.get(name="Đảng bộ tỉnh Phú Thọ")
    bithu = _secretary()
    _login(page, base, "chuyenvien")
    summary = "V/v tổng kết công tác văn thư năm 2026"
    _draft(page, base, province, summary, "Kính gửi: Văn phòng Tỉnh ủy.")
    page.click("#outgoing-form button[type=submit]")
    page.wait_for_selector("#outgoing-status")
    document = OutgoingDocument.objects.filter(summary=summary).get()
    _through_appraisal(page, base, document, bithu)

    _login(page, base, "bithu")
    page.goto(f"{base}/van-ban/di/{document.pk}/")
    page.fill("#form-return textarea[name=text]", "Bổ sung số liệu quý IV")
    page.click("#form-return button[type=submit]")
    page.wait_for_selector(".alert-success")

    _login(page, base, "chuyenvien")
    page.goto(f"{base}/van-ban/di/{document.pk}/")
    assert page.locator("#outgoing-status").inner_text() == "Bị trả lại"
    assert "Bổ sung số liệu quý IV" in page.locator("#returned-reason").inner_text()
    page.goto(f"{base}/")
    card = page.locator(".card", has_text="Dự thảo của đồng chí bị trả lại để sửa").first
    assert "1" in card.inner_text()
