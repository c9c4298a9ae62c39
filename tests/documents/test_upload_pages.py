"""Uploads through the pages: a PDF stub is refused with a Vietnamese message and registers
nothing; a stored PDF the watermark cannot read answers a message, never a 500; names lose
control and bidi characters."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reportlab.pdfgen import canvas

from tests.pending_po import security_translations  # noqa: F401
from vanphong.core.models import Clearance
from vanphong.documents.models import DocumentFile, IncomingDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _pdf() -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    sheet.drawString(72, 720, "Cong van mat")
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def _form(office, upload):
    return {
        "organization": office.tree.province.pk,
        "received_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
        "channel": "paper",
        "issuer": "Văn phòng Trung ương Đảng",
        "original_number": "141-CV/VPTW",
        "document_date": "03/11/2025",
        "doc_type": "cong_van",
        "summary": "Về việc bảo vệ bí mật nhà nước",
        "pages": "2",
        "urgency": "",
        "confidentiality": str(Clearance.SECRET),
        "file": upload,
    }


def test_a_classified_pdf_stub_is_refused_at_registration(client, office):
    client.force_login(office.cleared_clerk)
    stub = SimpleUploadedFile("mật.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")

    response = client.post(reverse("documents:incoming_register"), _form(office, stub))

    assert response.status_code == 200
    assert "Không đọc được tệp PDF “mật.pdf”" in response.content.decode()
    assert not IncomingDocument.objects.exists() and not DocumentFile.objects.exists()


def test_a_bidi_name_is_stored_without_its_control_characters(client, office):
    client.force_login(office.cleared_clerk)
    upload = SimpleUploadedFile("invoice\u202efdp.exe.pdf", _pdf())

    response = client.post(reverse("documents:incoming_register"), _form(office, upload))

    assert response.status_code == 302
    assert DocumentFile.objects.get().name == "invoicefdp.exe.pdf"


def test_an_unreadable_stored_pdf_answers_a_message_not_a_500(client, office):
    """A file stored before uploads were checked: the reader gets the reason on the page."""
    document = office.register(confidentiality=Clearance.SECRET)
    stored = default_storage.save("documents/cu.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    row = DocumentFile.objects.create(
        incoming=document,
        role="scan",
        file=stored,
        name="cu.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=15,
        sha256="0" * 64,
        uploaded_by=office.cleared_clerk,
    )
    client.force_login(office.leader)

    response = client.get(reverse("documents:file_download", args=[row.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse(
        "documents:incoming_detail", args=[document.pk]
    )
    assert "Không đọc được tệp PDF: tệp bị hỏng" in response.content.decode()
