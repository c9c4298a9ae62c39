"""Every typed text has a limit; no path saves past it, and every register survives the longest
allowed values (a 108,000-character trích yếu once broke a year's register PDF for everyone)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.documents.test_registers import at, get, pdf_text
from vanphong.core.lengths import TooLong
from vanphong.documents.models import SUMMARY_MAX, IncomingDocument, OutgoingDocument
from vanphong.documents.services import incoming, outgoing

pytestmark = pytest.mark.django_db

WORD = "Hướng dẫn "  # ten characters, Vietnamese, so the width is a real one


def longest(limit: int) -> str:
    """`limit` characters that stay `limit` once stored (no space at the end to be trimmed)."""
    text = (WORD * (limit // len(WORD) + 1))[: limit - 1]
    return text + "." if not text.endswith(" ") else text[:-1] + "x."


def test_the_service_refuses_a_summary_over_the_limit_and_saves_nothing(office):
    with pytest.raises(TooLong) as error:
        office.register(summary=longest(SUMMARY_MAX + 1))
    assert error.value.code == "too_long"
    assert "Trích yếu" in error.value.message and "1.000 ký tự" in error.value.message
    assert not IncomingDocument.objects.exists()


def test_a_revision_over_the_limit_changes_nothing(office):
    draft = office.draft()
    with pytest.raises(TooLong):
        outgoing.update_draft(
            acting_user=office.specialist, document=draft, summary=longest(SUMMARY_MAX + 1)
        )
    draft.refresh_from_db()
    assert draft.summary == "về tăng cường công tác văn thư, lưu trữ"
    assert draft.versions.count() == 1


def test_a_progress_note_over_the_limit_is_refused(office):
    document = office.register()
    incoming.assign(acting_user=office.head, document=document, lead=office.specialist)
    with pytest.raises(TooLong):
        incoming.add_progress(acting_user=office.specialist, document=document, text="x" * 4001)
    assert not document.notes.exists()


def test_the_page_names_the_field_and_keeps_nothing(client, office):
    client.force_login(office.clerk)
    response = client.post(
        reverse("documents:incoming_register"),
        {
            "organization": office.tree.province.pk,
            "received_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
            "channel": "paper",
            "issuer": "Văn phòng Trung ương Đảng",
            "original_number": "141-CV/VPTW",
            "document_date": "03/11/2025",
            "doc_type": "cong_van",
            "summary": longest(108_000),
            "pages": "2",
            "confidentiality": "0",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["summary"]
    assert errors and "1000" in errors[0].replace(".", "")
    assert not IncomingDocument.objects.exists()


def test_the_api_refuses_alike(client, office):
    from tests.api.conftest import bearer

    response = client.post(
        "/api/v1/incoming",
        {
            "organization": office.tree.province.pk,
            "received_at": timezone.now().isoformat(),
            "channel": "paper",
            "issuer": "Văn phòng Trung ương Đảng",
            "original_number": "141-CV/VPTW",
            "document_date": "2025-11-03",
            "doc_type": "cong_van",
            "summary": longest(SUMMARY_MAX + 1),
            "pages": 2,
        },
        content_type="application/json",
        **bearer(office.clerk),
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"  # the schema holds the model's limit
    assert not IncomingDocument.objects.exists()


def test_registers_survive_a_page_of_the_longest_values(client, office, tmp_path):
    """Twenty incoming and twenty outgoing documents with every text at its limit render in the
    page, the XLSX and the PDF, and the PDF still carries the last row."""
    day = datetime.date(2026, 2, 2)
    for n in range(20):
        office.register(
            received_at=at(day),
            document_date=day,
            issuer=longest(255),
            original_number=f"{n + 1}-" + "X" * 58,
            summary=longest(SUMMARY_MAX - 4) + f" {n:03d}",
        )
    period = {"tu": "01/02/2026", "den": "28/02/2026"}
    page = get(client, office.clerk, "register", "den", **period)
    assert page.status_code == 200
    sheet = load_workbook(
        io.BytesIO(get(client, office.clerk, "register_download", "den", "xlsx", **period).content)
    ).active
    summaries = [row[6] for row in sheet.iter_rows(min_row=6, values_only=True) if row[6]]
    assert len(summaries) == 20 and all(len(s) == SUMMARY_MAX for s in summaries)
    text = pdf_text(
        get(client, office.clerk, "register_download", "den", "pdf", **period), tmp_path
    )
    assert "019" in text and "Trang 1/" in text


def test_an_outgoing_draft_at_its_limits_is_saved_whole(office):
    draft = office.draft(summary=longest(SUMMARY_MAX), body=longest(200_000))
    draft.refresh_from_db()
    assert len(draft.summary) == SUMMARY_MAX and len(draft.body) == 200_000
    assert OutgoingDocument.objects.count() == 1


def test_a_receipt_in_the_future_is_refused_with_its_time(office):
    later = timezone.now() + datetime.timedelta(days=365 * 5)
    with pytest.raises(incoming.DocumentError) as error:
        office.register(received_at=later)
    assert error.value.code == "received_future"
    assert timezone.localtime(later).strftime("%d/%m/%Y") in error.value.message
    assert not IncomingDocument.objects.exists()
    # a few minutes ahead is the clocks of two machines, not a mistake
    office.register(received_at=timezone.now() + datetime.timedelta(minutes=5))


@pytest.mark.parametrize("typed", ["abc", "Số: QĐ-UBND", "  "])
def test_a_number_and_symbol_without_a_number_is_refused(office, typed):
    with pytest.raises(incoming.DocumentError) as error:
        office.register(original_number=typed)
    assert error.value.code == "number_without_digits"
    assert not IncomingDocument.objects.exists()
