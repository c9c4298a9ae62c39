"""The issued PDF and its digital signature through the API: LibreOffice, the demo PKI and pyHanko
for real; a wrong passphrase answers in Vietnamese and makes no file; the passphrase is never
kept, logged nor sent back; the access matrix."""

import io
import logging

import pytest
from pypdf import PdfReader

from tests.api import test_documents_api as shared
from tests.api.conftest import Places, matrix
from tests.api.test_documents_api import docs_state
from vanphong.core.models import AuditEntry
from vanphong.documents import demo_pki
from vanphong.documents.models import DocumentFile, FileRole
from vanphong.documents.services import certificates, files
from vanphong.organizations.roles import Role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.tools("soffice"),
]

office = shared.office
media = shared.media
PASSPHRASE = "vanphong-demo"


@pytest.fixture
def pki(office, admin_user, tree):
    identity = demo_pki.demo_identity(tree.province.name)
    certificates.add_signing_certificate(
        admin_user, tree.province, identity.pkcs12, identity.passphrase.decode()
    )
    certificates.add_trusted_root(admin_user, "CA thử nghiệm", identity.root_pem)
    assert identity.passphrase.decode() == PASSPHRASE
    return identity


@pytest.fixture
def issued(office, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return office.issued()


def test_the_clerk_makes_the_pdf_signs_it_and_downloads_both(api, office, issued, pki):
    """GIVEN an issued resolution and the province's certificate
    WHEN the clerk asks for its PDF (twice), signs it and downloads the signed file
    THEN one PDF holding the number, a signed PDF that verifies as the province, and the
    passphrase nowhere in the answer or the audit."""
    made = api("post", f"/outgoing/{issued.pk}/pdf", office.clerk)
    again = api("post", f"/outgoing/{issued.pk}/pdf", office.clerk)

    assert made.status_code == 200, made.content
    assert (made.json()["role"], made.json()["kind"]) == ("issued_pdf", "pdf")
    assert again.json()["id"] == made.json()["id"]
    plain = api("get", f"/outgoing/{issued.pk}/files/{made.json()['id']}", office.specialist)
    text = PdfReader(io.BytesIO(plain.content)).pages[0].extract_text()
    assert "01-NQ/TU" in text

    signed = api(
        "post", f"/outgoing/{issued.pk}/sign-pdf", office.clerk, json={"passphrase": PASSPHRASE}
    )

    assert signed.status_code == 201, signed.content
    assert signed.json()["role"] == "signed_pdf"
    assert signed.json()["name"].endswith("-ky-so.pdf")
    assert PASSPHRASE not in signed.content.decode()
    download = api("get", f"/outgoing/{issued.pk}/files/{signed.json()['id']}", office.clerk)
    assert download.content.startswith(plain.content) and len(download.content) > len(plain.content)
    [check] = files.verify_signatures(DocumentFile.objects.get(pk=signed.json()["id"]))
    assert (check["status"], check["signer"]) == ("valid", office.tree.province.name)
    entry = AuditEntry.objects.get(action="outgoing.sign_pdf")
    assert entry.actor == office.clerk
    assert PASSPHRASE not in str(entry.after) and PASSPHRASE not in str(entry.before)


def test_a_wrong_passphrase_answers_in_vietnamese_and_makes_no_file(
    api, office, issued, pki, caplog
):
    before = docs_state()
    caplog.set_level(logging.DEBUG)

    response = api(
        "post", f"/outgoing/{issued.pk}/sign-pdf", office.clerk, json={"passphrase": "mat-khau-sai"}
    )

    assert (response.status_code, response.json()["code"]) == (400, "wrong_passphrase")
    assert response.json()["message"] == (
        "Không mở được tệp chứng thư số: mật khẩu sai hoặc chưa nhập."
    )
    assert "mat-khau-sai" not in response.content.decode()
    assert "mat-khau-sai" not in caplog.text
    assert docs_state() == before
    assert not issued.files.filter(role__in=[FileRole.ISSUED_PDF, FileRole.SIGNED_PDF]).exists()


def test_an_empty_passphrase_or_an_unknown_field_is_400(api, office, issued, pki):
    before = docs_state()

    empty = api("post", f"/outgoing/{issued.pk}/sign-pdf", office.clerk, json={"passphrase": ""})
    extra = api(
        "post",
        f"/outgoing/{issued.pk}/sign-pdf",
        office.clerk,
        json={"passphrase": PASSPHRASE, "certificate": 1},
    )

    assert empty.status_code == extra.status_code == 400
    assert empty.json()["errors"][0]["field"] == "passphrase"
    assert empty.json()["errors"][0]["message"] == "Trường này là bắt buộc."
    assert docs_state() == before


def test_without_certificate_or_before_issue_nothing_is_made(api, office, issued):
    no_certificate = api(
        "post", f"/outgoing/{issued.pk}/sign-pdf", office.clerk, json={"passphrase": PASSPHRASE}
    )
    assert (no_certificate.status_code, no_certificate.json()["code"]) == (400, "no_certificate")
    signed_only = office.signed(summary="về một việc chưa ban hành")
    before = docs_state()

    pdf = api("post", f"/outgoing/{signed_only.pk}/pdf", office.clerk)

    assert (pdf.status_code, pdf.json()["code"]) == (400, "wrong_state")
    assert (
        pdf.json()["message"] == "Không thể thực hiện bước này ở tình trạng hiện tại của văn bản."
    )
    assert docs_state() == before
    assert not issued.files.exclude(role=FileRole.ISSUED_DOCX).exists()


@pytest.fixture
def places(tree):
    return Places(tree.commune_a, tree.province, tree.commune_b, tree.cell_a1)


@pytest.fixture
def commune_issued(office, tree, media, admin_user, django_capture_on_commit_callbacks):
    identity = demo_pki.demo_identity(tree.commune_a.name)
    certificates.add_signing_certificate(
        admin_user, tree.commune_a, identity.pkcs12, identity.passphrase.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        return office.issued(organization=tree.commune_a)


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_sign_the_issued_pdf(api, places, commune_issued, place, holds_role, expected):
    """Whoever issues for commune A (or above) signs; a specialist (drafts, reads) 404, and a
    refusal makes nothing."""
    u = places.caller(place, holds_role, Role.CLERK, Role.SPECIALIST)
    before = docs_state()

    response = api(
        "post", f"/outgoing/{commune_issued.pk}/sign-pdf", u, json={"passphrase": PASSPHRASE}
    )

    assert response.status_code == expected, response.content
    if expected >= 400:
        assert docs_state() == before
    else:
        assert response.json()["role"] == "signed_pdf"


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_make_the_issued_pdf(api, places, commune_issued, place, holds_role, expected):
    u = places.caller(place, holds_role, Role.CLERK, Role.SPECIALIST)
    before = docs_state()

    response = api("post", f"/outgoing/{commune_issued.pk}/pdf", u)

    assert response.status_code == expected, response.content
    if expected >= 400:
        assert docs_state() == before


def test_the_openapi_schema_lists_the_pdf_paths(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]

    assert set(paths["/api/v1/outgoing/{document_id}/pdf"]) == {"post"}
    sign = paths["/api/v1/outgoing/{document_id}/sign-pdf"]["post"]
    body = sign["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert schema["components"]["schemas"][body.rsplit("/", 1)[1]]["required"] == ["passphrase"]
    assert "201" in sign["responses"]
