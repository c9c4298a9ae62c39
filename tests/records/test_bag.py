"""BagIt packages of files, validated by the `bagit` library (a tool other than VanPhong)."""

import hashlib
import json
import zipfile
from xml.etree import ElementTree

import bagit
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.documents.test_uploads import pdf_bytes
from vanphong.core.models import Clearance
from vanphong.documents.services import files as document_files
from vanphong.records import bag
from vanphong.records.services import files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def closed(archive):
    file = archive.file()
    scanned = archive.register(summary="Hướng dẫn có bản quét", pages=2)
    document_files.add_upload(archive.clerk, scanned, SimpleUploadedFile("quet.pdf", pdf_bytes()))
    files.add_documents(
        acting_user=archive.clerk, file=file, documents=[scanned, archive.register()]
    )
    return files.close_file(acting_user=archive.clerk, file=file)


def _unpack(package, tmp_path):
    with zipfile.ZipFile(package) as archive:
        archive.extractall(tmp_path / "out")
    [root] = (tmp_path / "out").iterdir()
    return root


def test_a_file_package_validates_and_holds_its_documents_and_metadata(closed, tmp_path):
    root = _unpack(bag.write_bag([closed], name="ho-so-2026-01", source="Tỉnh ủy"), tmp_path)
    package = bagit.Bag(str(root))
    package.validate()  # checksums, Payload-Oxum, completeness
    assert package.info["Payload-Oxum"].endswith(".3")  # the scan, metadata.json, metadata.xml
    metadata = json.loads((root / "data" / "metadata.json").read_text())
    [entry] = metadata
    assert (entry["code"], entry["document_count"], entry["pages"]) == ("01", 2, 8)
    scan = next(d for d in entry["documents"] if d["files"])
    assert scan["summary"] == "Hướng dẫn có bản quét"
    stored = root / scan["files"][0]["path"]
    kept = closed.entries.get(incoming__summary="Hướng dẫn có bản quét").incoming.files.get()
    assert (
        hashlib.sha256(stored.read_bytes()).hexdigest() == kept.sha256 == scan["files"][0]["sha256"]
    )
    xml = ElementTree.parse(root / "data" / "metadata.xml").getroot()  # noqa: S314 — our own file
    assert xml.find("file/code").text == "01" and len(xml.findall("file/document")) == 2


def test_a_changed_byte_or_a_missing_file_fails_validation(closed, tmp_path):
    root = _unpack(bag.write_bag([closed], name="x", source="Tỉnh ủy"), tmp_path)
    (root / "data" / "metadata.json").write_text("[]")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(root)).validate()
    root = _unpack(bag.write_bag([closed], name="y", source="Tỉnh ủy"), tmp_path / "2")
    (root / "data" / "metadata.xml").unlink()
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(root)).validate()


def test_the_pages_export_what_the_user_may_see_and_no_classified_file(
    client, archive, closed, tmp_path
):
    secret = archive.file(archive.item2)
    files.add_document(
        acting_user=archive.cleared_clerk, file=secret, document=archive.secret_incoming()
    )
    secret = files.close_file(acting_user=archive.cleared_clerk, file=secret)
    client.force_login(archive.cleared_clerk)
    refused = client.get(reverse("records:file_bag", args=[secret.pk]))
    assert refused.status_code == 400 and "không được xuất" in refused.content.decode()
    response = client.get(reverse("records:plan_bag", args=[archive.plan.pk]))
    path = tmp_path / "plan.zip"
    path.write_bytes(b"".join(response.streaming_content))
    root = _unpack(path, tmp_path)
    package = bagit.Bag(str(root))
    package.validate()
    assert "1 classified" in package.info["Internal-Sender-Description"]
    assert [f["code"] for f in json.loads((root / "data/metadata.json").read_text())] == ["01"]
    client.force_login(archive.member_user)
    assert client.get(reverse("records:plan_bag", args=[archive.plan.pk])).status_code == 404
    assert secret.confidentiality == Clearance.SECRET
