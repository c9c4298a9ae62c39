"""Registering a received document with its scan is one service call: both or neither."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.documents.test_uploads import pdf_bytes
from vanphong.core.models import AuditEntry
from vanphong.documents.models import DocumentFile, FileRole, IncomingDocument
from vanphong.documents.services import incoming
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.uploads import UploadError


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


def _fields(office, **overrides):
    values = {
        "organization": office.tree.province,
        "received_at": datetime.datetime(2026, 3, 5, 9, tzinfo=datetime.UTC),
        "channel": "paper",
        "issuer": "Ban Tổ chức Trung ương",
        "original_number": "Số 42-HD/BTCTW",
        "document_date": datetime.date(2026, 3, 2),
        "doc_type": "huong_dan",
        "summary": "Hướng dẫn tổ chức sinh hoạt chi bộ",
    }
    return {**values, **overrides}


def _stored(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_the_document_and_its_scan_are_registered_together(office, media):
    scan = SimpleUploadedFile("cv-42.pdf", pdf_bytes(), content_type="application/pdf")
    document = incoming.register_with_scan(acting_user=office.clerk, scan=scan, **_fields(office))
    assert document.number == 1
    row = DocumentFile.objects.get(incoming=document)
    assert (row.role, row.name, row.uploaded_by) == (FileRole.SCAN, "cv-42.pdf", office.clerk)
    assert len(_stored(media)) == 1
    actions = set(
        AuditEntry.objects.filter(target_id=str(document.pk)).values_list("action", flat=True)
    )
    assert actions == {"incoming.register", "document.file_add"}


def test_a_refused_file_takes_no_number(office, media):
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(UploadError):
        incoming.register_with_scan(acting_user=office.clerk, scan=fake, **_fields(office))
    assert not IncomingDocument.objects.exists()
    document = incoming.register_with_scan(acting_user=office.clerk, **_fields(office))
    assert document.number == 1  # the refused attempt took none


def test_a_refused_registration_keeps_no_file(office, media):
    scan = SimpleUploadedFile("cv-42.pdf", pdf_bytes(), content_type="application/pdf")
    late = _fields(office, document_date=datetime.date(2026, 3, 6))  # after its receipt
    with pytest.raises(DocumentError) as error:
        incoming.register_with_scan(acting_user=office.clerk, scan=scan, **late)
    assert error.value.code == "date_after_receipt"
    assert not DocumentFile.objects.exists() and _stored(media) == []
