"""PDF signatures: real PDFs signed with a real (demo) PKI, tampered with, verified offline."""

import datetime
import io

import pypdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12 as pyca_pkcs12
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.tools import require_tool
from vanphong.documents import demo_pki
from vanphong.documents.signatures import (
    SignatureError,
    SignatureStatus,
    certificate_summary,
    sign_pdf,
    verify_pdf,
)

ORG = "Đảng bộ tỉnh Phú Thọ"
TITLE = "Nghị quyết về công tác xây dựng Đảng năm 2026"
NUMBER_LINE = b"So: 12-NQ/TU"  # drawn in Helvetica, uncompressed: readable in the file's bytes


def _vietnamese_font() -> str:
    path = require_tool("vietnamese-font")
    if "VnSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VnSerif", path))
    return "VnSerif"


def make_pdf() -> bytes:
    font = _vietnamese_font()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0)
    page.setFont(font, 14)
    page.drawString(72, 760, TITLE)
    page.setFont("Helvetica", 12)
    page.drawString(72, 730, NUMBER_LINE.decode())
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return make_pdf()


@pytest.fixture(scope="module")
def identity():
    return demo_pki.demo_identity(ORG)


@pytest.fixture(scope="module")
def signed(pdf, identity) -> bytes:
    return sign_pdf(
        pdf, identity.pkcs12, identity.passphrase, reason="Ban hành nghị quyết", location="Việt Trì"
    )


def _codes(excinfo) -> str:
    return excinfo.value.code


def test_sign_and_verify_gives_valid_with_signer_and_time(pdf, signed, identity):
    before = datetime.datetime.now(datetime.UTC)
    assert signed.startswith(pdf)  # incremental update: the original bytes are untouched

    [check] = verify_pdf(signed, [identity.root_pem])

    assert check.status == SignatureStatus.VALID
    assert check.signer == ORG  # UTF-8 subject survives PKCS#12 → CMS → asn1crypto
    assert check.field_name == "ChuKy"
    assert check.covers_whole_file is True
    assert check.signed_at.tzinfo is not None
    assert abs(check.signed_at - before) < datetime.timedelta(minutes=5)
    assert check.message


def test_signature_dictionary_keeps_vietnamese_reason_and_location(signed):
    reader = PdfFileReader(io.BytesIO(signed))
    [embedded] = reader.embedded_regular_signatures
    assert str(embedded.sig_object["/Reason"]) == "Ban hành nghị quyết"
    assert str(embedded.sig_object["/Location"]) == "Việt Trì"
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"


def test_signed_file_opens_with_pypdf_and_text_is_still_there(signed):
    reader = pypdf.PdfReader(io.BytesIO(signed))
    text = reader.pages[0].extract_text()
    assert TITLE in text
    assert NUMBER_LINE.decode() in text
    assert "ChuKy" in reader.get_fields()


def test_trust_root_may_be_der(signed, identity):
    der = x509.load_pem_x509_certificate(identity.root_pem).public_bytes(serialization.Encoding.DER)
    [check] = verify_pdf(signed, [der])
    assert check.status == SignatureStatus.VALID


def test_unsigned_pdf_gives_no_checks(pdf, identity):
    assert verify_pdf(pdf, [identity.root_pem]) == []


def test_byte_changed_inside_signed_range_is_invalid(signed, identity):
    at = signed.index(NUMBER_LINE)
    tampered = signed[:at] + NUMBER_LINE.replace(b"12", b"13") + signed[at + len(NUMBER_LINE) :]
    assert len(tampered) == len(signed)

    [check] = verify_pdf(tampered, [identity.root_pem])

    assert check.status == SignatureStatus.INVALID
    assert check.signer == ORG


def test_incremental_update_changing_page_content_is_invalid(signed, identity):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    forged = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 730 Td (So: 99-NQ/TU) Tj ET")
    page["/Contents"] = writer.add_object(forged)
    writer.update_container(page)
    output = io.BytesIO()
    writer.write(output)
    changed = output.getvalue()
    assert changed.startswith(signed)
    assert "99-NQ/TU" in pypdf.PdfReader(io.BytesIO(changed)).pages[0].extract_text()

    [check] = verify_pdf(changed, [identity.root_pem])

    assert check.status == SignatureStatus.INVALID
    assert check.covers_whole_file is False


def test_bytes_appended_without_a_revision_leave_the_signature_valid(signed, identity):
    [check] = verify_pdf(signed + b"\n% trailing comment\n", [identity.root_pem])
    assert check.status == SignatureStatus.VALID
    assert check.covers_whole_file is False


def test_signature_in_unsupported_format_is_listed_as_invalid(signed, identity):
    legacy = signed.replace(b"/ETSI.CAdES.detached", b"/adbe.pkcs7.sha1    ", 1)
    assert len(legacy) == len(signed)

    [check] = verify_pdf(legacy, [identity.root_pem])

    assert check.status == SignatureStatus.INVALID
    assert check.field_name == "ChuKy"


def test_other_ca_gives_untrusted_not_an_exception(signed):
    other = demo_pki.make_ca("Another Demo CA")
    [check] = verify_pdf(signed, [other.root_pem])
    assert check.status == SignatureStatus.UNTRUSTED
    assert check.signer == ORG


def test_no_trust_roots_gives_untrusted(signed):
    [check] = verify_pdf(signed, [])
    assert check.status == SignatureStatus.UNTRUSTED


def test_signer_from_other_ca_is_untrusted_under_demo_root(pdf, identity):
    other = demo_pki.make_identity("Văn phòng Tỉnh ủy", ca=demo_pki.make_ca("Rogue CA"))
    signed_by_other = sign_pdf(pdf, other.pkcs12, other.passphrase)
    [check] = verify_pdf(signed_by_other, [identity.root_pem])
    assert check.status == SignatureStatus.UNTRUSTED
    assert check.signer == "Văn phòng Tỉnh ủy"


def test_two_signatures_give_two_checks(signed, identity):
    second = demo_pki.make_identity("Văn phòng Tỉnh ủy Phú Thọ")
    twice = sign_pdf(signed, second.pkcs12, second.passphrase)
    assert twice.startswith(signed)

    first_check, second_check = verify_pdf(twice, [identity.root_pem])

    assert (first_check.field_name, second_check.field_name) == ("ChuKy", "ChuKy_2")
    assert first_check.status == second_check.status == SignatureStatus.VALID
    assert first_check.signer == ORG
    assert second_check.signer == "Văn phòng Tỉnh ủy Phú Thọ"
    assert first_check.covers_whole_file is False  # the second signature follows it
    assert second_check.covers_whole_file is True
    assert first_check.signed_at <= second_check.signed_at
    assert TITLE in pypdf.PdfReader(io.BytesIO(twice)).pages[0].extract_text()


def test_explicit_field_name(pdf, identity):
    signed = sign_pdf(pdf, identity.pkcs12, identity.passphrase, field_name="ChuKyBiThu")
    [check] = verify_pdf(signed, [identity.root_pem])
    assert check.field_name == "ChuKyBiThu"


def test_wrong_passphrase_is_refused(pdf, identity):
    with pytest.raises(SignatureError) as excinfo:
        sign_pdf(pdf, identity.pkcs12, b"not-the-passphrase")
    assert _codes(excinfo) == "wrong_passphrase"
    assert str(excinfo.value)

    with pytest.raises(SignatureError) as excinfo:
        sign_pdf(pdf, identity.pkcs12, None)
    assert _codes(excinfo) == "wrong_passphrase"


def test_passphrase_may_be_text(pdf, identity):
    signed = sign_pdf(pdf, identity.pkcs12, identity.passphrase.decode())
    [check] = verify_pdf(signed, [identity.root_pem])
    assert check.status == SignatureStatus.VALID


def test_unencrypted_pkcs12_signs_without_passphrase(pdf, identity):
    plain = demo_pki.make_identity(ORG, passphrase=None)
    [check] = verify_pdf(sign_pdf(pdf, plain.pkcs12, None), [identity.root_pem])
    assert check.status == SignatureStatus.VALID


def test_not_a_pkcs12_is_refused(pdf):
    for junk in (b"", b"hello", make_pdf()):
        with pytest.raises(SignatureError) as excinfo:
            sign_pdf(pdf, junk, b"x")
        assert _codes(excinfo) == "not_pkcs12"


def test_pkcs12_without_private_key_is_refused(pdf, identity):
    _key, certificate, cas = pyca_pkcs12.load_key_and_certificates(
        identity.pkcs12, identity.passphrase
    )
    no_key = pyca_pkcs12.serialize_key_and_certificates(
        name=b"x",
        key=None,
        cert=certificate,
        cas=cas,
        encryption_algorithm=serialization.NoEncryption(),
    )
    with pytest.raises(SignatureError) as excinfo:
        sign_pdf(pdf, no_key, None)
    assert _codes(excinfo) == "no_private_key"


def test_expired_certificate_is_refused(pdf):
    now = datetime.datetime.now(datetime.UTC)
    expired = demo_pki.make_identity(
        ORG,
        not_before=now - datetime.timedelta(days=3 * 365),
        not_after=now - datetime.timedelta(days=1),
    )
    with pytest.raises(SignatureError) as excinfo:
        sign_pdf(pdf, expired.pkcs12, expired.passphrase)
    assert _codes(excinfo) == "cert_expired"
    assert (now - datetime.timedelta(days=1)).strftime("%d/%m/%Y") in str(excinfo.value)

    summary = certificate_summary(expired.pkcs12, expired.passphrase)
    assert summary["expired"] is True


def test_certificate_not_yet_valid_is_refused(pdf):
    now = datetime.datetime.now(datetime.UTC)
    later = demo_pki.make_identity(ORG, not_before=now + datetime.timedelta(days=2))
    with pytest.raises(SignatureError) as excinfo:
        sign_pdf(pdf, later.pkcs12, later.passphrase)
    assert _codes(excinfo) == "cert_not_yet_valid"


def test_non_pdf_is_refused(identity):
    for data in (b"", b"PK\x03\x04 a zip, maybe a docx", b"%PD"):
        with pytest.raises(SignatureError) as excinfo:
            sign_pdf(data, identity.pkcs12, identity.passphrase)
        assert _codes(excinfo) == "not_pdf"
        with pytest.raises(SignatureError) as excinfo:
            verify_pdf(data, [identity.root_pem])
        assert _codes(excinfo) == "not_pdf"


def test_malformed_pdf_is_refused_with_a_clear_error(identity):
    broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n% no xref, no trailer\n"
    with pytest.raises(SignatureError) as excinfo:
        sign_pdf(broken, identity.pkcs12, identity.passphrase)
    assert _codes(excinfo) == "malformed_pdf"
    with pytest.raises(SignatureError) as excinfo:
        verify_pdf(broken, [identity.root_pem])
    assert _codes(excinfo) == "malformed_pdf"


def test_truncated_signed_pdf_is_refused(signed, identity):
    with pytest.raises(SignatureError) as excinfo:
        verify_pdf(signed[: len(signed) // 2], [identity.root_pem])
    assert _codes(excinfo) == "malformed_pdf"


def test_bad_trust_root_is_refused(signed):
    with pytest.raises(SignatureError) as excinfo:
        verify_pdf(signed, [b"not a certificate"])
    assert _codes(excinfo) == "bad_trust_root"


def test_certificate_summary_describes_the_upload(identity):
    summary = certificate_summary(identity.pkcs12, identity.passphrase)
    certificate = x509.load_pem_x509_certificate(identity.root_pem)

    assert summary["subject"] == ORG
    assert summary["issuer"] == demo_pki.DEMO_CA_NAME
    assert (
        summary["issuer"]
        == certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    )
    assert int(summary["serial"], 16) > 0
    assert summary["not_before"] < datetime.datetime.now(datetime.UTC) < summary["not_after"]
    assert summary["not_after"] - summary["not_before"] >= datetime.timedelta(days=5 * 365)
    assert summary["expired"] is False


def test_certificate_summary_refuses_bad_input(identity):
    with pytest.raises(SignatureError) as excinfo:
        certificate_summary(identity.pkcs12, b"wrong")
    assert _codes(excinfo) == "wrong_passphrase"
    with pytest.raises(SignatureError) as excinfo:
        certificate_summary(b"\x30\x03\x02\x01\x05", b"x")
    assert _codes(excinfo) == "not_pkcs12"


def test_demo_ca_is_made_once_per_process():
    assert demo_pki.demo_ca() is demo_pki.demo_ca()
    assert demo_pki.demo_identity(ORG) is demo_pki.demo_identity(ORG)
