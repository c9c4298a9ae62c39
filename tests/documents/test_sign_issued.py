"""Signing an issued document's PDF through the outgoing page, and checking signatures of received
PDFs through the incoming page: LibreOffice, the demo PKI and pyHanko for real."""

import datetime
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from vanphong.core.models import AuditEntry
from vanphong.documents import demo_pki
from vanphong.documents.models import DocumentFile, FileRole
from vanphong.documents.services import certificates, files
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.signatures import SignatureError, sign_pdf

pytestmark = pytest.mark.tools("soffice")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def identity(office):
    return demo_pki.demo_identity(office.tree.province.name)


@pytest.fixture
def pki(office, admin_user, identity):
    certificates.add_signing_certificate(
        admin_user, office.tree.province, identity.pkcs12, identity.passphrase.decode()
    )
    certificates.add_trusted_root(admin_user, "CA thử nghiệm", identity.root_pem)
    return identity


@pytest.fixture
def issued(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = office.issued()
    assert document.files.filter(role=FileRole.ISSUED_DOCX).exists()
    return document


def _step(document, name):
    return reverse("documents:outgoing_step", args=[document.pk, name])


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _sign(client, office, document, passphrase):
    client.force_login(office.clerk)
    return client.post(_step(document, "sign_pdf"), {"passphrase": passphrase}, follow=True)


def _read(row: DocumentFile) -> bytes:
    with row.file.open("rb") as handle:
        return handle.read()


def test_clerk_signs_the_issued_pdf_and_it_verifies_as_the_organization(
    client, office, issued, pki
):
    response = _sign(client, office, issued, pki.passphrase.decode())
    assert response.status_code == 200
    signed = DocumentFile.objects.get(outgoing=issued, role=FileRole.SIGNED_PDF)
    data = _read(signed)
    assert data.startswith(b"%PDF-") and signed.name.endswith("-ky-so.pdf")
    # the PDF that was signed is kept as it was, first in the signed file
    plain = _read(DocumentFile.objects.get(outgoing=issued, role=FileRole.ISSUED_PDF))
    assert data.startswith(plain) and len(data) > len(plain)
    [check] = files.verify_signatures(signed)
    assert check["status"] == "valid"
    assert check["signer"] == office.tree.province.name
    signed_at = datetime.datetime.fromisoformat(check["signed_at"])
    assert abs(signed_at - timezone.now()) < datetime.timedelta(minutes=5)
    assert signed.name in _page(response)
    entry = AuditEntry.objects.get(action="outgoing.sign_pdf")
    assert entry.actor == office.clerk and entry.after["sha256"] == signed.sha256
    assert pki.passphrase.decode() not in str(entry.after)


def test_wrong_passphrase_shows_a_message_and_makes_no_file(client, office, issued, pki):
    before = set(issued.files.values_list("pk", flat=True))
    response = _sign(client, office, issued, "mat-khau-sai")
    assert str(SignatureError(SignatureError.WRONG_PASSPHRASE)) in _page(response)
    assert set(issued.files.values_list("pk", flat=True)) == before
    assert not AuditEntry.objects.filter(action="outgoing.sign_pdf").exists()


def test_without_certificate_or_before_issue_nothing_is_made(
    client, office, issued, django_capture_on_commit_callbacks
):
    response = _sign(client, office, issued, "vanphong-demo")
    assert str(DocumentError(DocumentError.NO_CERTIFICATE)) in _page(response)
    assert not issued.files.exclude(role=FileRole.ISSUED_DOCX).exists()
    signed_only = office.signed(summary="về một việc chưa ban hành")
    response = _sign(client, office, signed_only, "vanphong-demo")
    assert str(DocumentError(DocumentError.WRONG_STATE)) in _page(response)
    response = client.post(_step(signed_only, "pdf"), follow=True)
    assert str(DocumentError(DocumentError.WRONG_STATE)) in _page(response)
    assert not signed_only.files.exists()


def test_user_without_issue_right_gets_404_and_nothing_is_made(client, office, issued, pki):
    before = set(issued.files.values_list("pk", flat=True))
    for user in (office.specialist, office.sibling_clerk):
        client.force_login(user)
        response = client.post(_step(issued, "sign_pdf"), {"passphrase": "vanphong-demo"})
        assert response.status_code == 404
    assert set(issued.files.values_list("pk", flat=True)) == before


def _incoming_with(client, office, name, data):
    received = office.register(original_number=f"Số {len(name)}-CV/TU {name}")
    client.force_login(office.clerk)
    url = reverse("documents:incoming_step", args=[received.pk, "upload"])
    response = client.post(url, {"file": SimpleUploadedFile(name, data, "application/pdf")})
    assert response.status_code == 302
    row = received.files.get(name=name)
    verify = reverse("documents:incoming_step", args=[received.pk, "verify"])
    assert client.post(verify, {"file": row.pk}).status_code == 302
    row.refresh_from_db()
    page = client.get(reverse("documents:incoming_detail", args=[received.pk]))
    assert page.status_code == 200
    return row, page


def test_incoming_page_shows_valid_invalid_and_untrusted(client, office, issued, pki):
    _sign(client, office, issued, pki.passphrase.decode())
    signed = _read(DocumentFile.objects.get(outgoing=issued, role=FileRole.SIGNED_PDF))

    row, page = _incoming_with(client, office, "ban-goc.pdf", signed)
    [check] = row.signatures
    assert check["status"] == "valid" and check["signer"] == office.tree.province.name
    text = _page(page)
    assert "vp-signature-valid" in text and check["message"] in text
    assert office.tree.province.name in text

    # one byte changed in the signed part (the producer name): same length, broken digest
    at = signed.index(b"LibreOffice")
    tampered = signed[:at] + b"LibreOfficf" + signed[at + len(b"LibreOffice") :]
    assert len(tampered) == len(signed)
    row, page = _incoming_with(client, office, "bi-sua.pdf", tampered)
    [check] = row.signatures
    assert check["status"] == "invalid"
    assert "vp-signature-invalid" in _page(page) and check["message"] in _page(page)

    # signed by a certificate from a CA nobody trusted
    stranger = demo_pki.make_identity("Cơ quan lạ", ca=demo_pki.make_ca("CA lạ"))
    plain = _read(DocumentFile.objects.get(outgoing=issued, role=FileRole.ISSUED_PDF))
    foreign = sign_pdf(plain, stranger.pkcs12, stranger.passphrase)
    row, page = _incoming_with(client, office, "la.pdf", foreign)
    [check] = row.signatures
    assert check["status"] == "untrusted" and check["signer"] == "Cơ quan lạ"
    assert "vp-signature-untrusted" in _page(page) and check["message"] in _page(page)


def test_a_signed_pdf_is_marked_and_not_signed_twice(client, office, issued, pki):
    """Signing again used to store a second "-ky-so.pdf" of the same name, with nothing on the
    page telling the signed copy apart: now the copy carries a mark and the step is gone."""
    page = _page(_sign(client, office, issued, pki.passphrase.decode()))
    assert page.count('class="badge text-bg-success vp-signed-mark">Đã ký số</span>') == 1
    assert 'data-step="sign_pdf"' not in page
    again = _page(_sign(client, office, issued, pki.passphrase.decode()))
    assert "Bản PDF phát hành đã được ký số" in again
    assert DocumentFile.objects.filter(outgoing=issued, role=FileRole.SIGNED_PDF).count() == 1
    with pytest.raises(DocumentError) as refused:
        files.sign_issued(office.clerk, issued, pki.passphrase.decode())
    assert refused.value.code == "pdf_already_signed"
