"""A BagIt package (RFC 8493) of files of the records: written as a ZIP, streamed to a temporary
file in chunks (never a whole file in memory), that any BagIt tool can validate.

    bag-<name>/bagit.txt                 version and encoding
    bag-<name>/bag-info.txt              who made it, when, Payload-Oxum
    bag-<name>/manifest-sha256.txt       a checksum per payload file
    bag-<name>/tagmanifest-sha256.txt    a checksum per tag file
    bag-<name>/data/metadata.json        the files, their table of contents, levels and periods
    bag-<name>/data/metadata.xml         the same in XML
    bag-<name>/data/<code>/<n>-<file>    the stored files of each document, as stored

Only unclassified files are packaged: a classified document's stored file is handed out by the
documents area alone, watermarked and logged (docs/rules/confidentiality.md); a package holding
one would bypass both. A classified file is left out and counted in bag-info.txt."""

import hashlib
import json
import re
import tempfile
import zipfile
from xml.etree import ElementTree

from django.utils import timezone

from vanphong.core.vntext import fold
from vanphong.records.models import RecordFile
from vanphong.records.rules import retention_label
from vanphong.records.services.files import document_day

CHUNK = 1024 * 1024


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z.]+", "_", fold(text)).strip("_.") or "x"


def _metadata(files: list[RecordFile]) -> list[dict]:
    out = []
    for file in files:
        entries = sorted(
            file.entries.select_related("incoming", "outgoing"),
            key=lambda e: (document_day(e.document), e.pk),
        )
        out.append(
            {
                "code": file.code,
                "title": file.title,
                "organization": file.organization.name,
                "year": file.year,
                "status": file.status,
                "retention": retention_label(file.retention_years),
                "closed_on": file.closed_on.isoformat() if file.closed_on else None,
                "pages": file.pages,
                "document_count": file.document_count,
                "documents": [
                    {
                        "number": n,
                        "kind": "incoming" if e.incoming_id else "outgoing",
                        "symbol": e.incoming.original_number
                        if e.incoming_id
                        else e.outgoing.symbol,
                        "date": document_day(e.document).isoformat(),
                        "summary": e.document.summary,
                        "pages": e.pages,
                        "files": [],
                    }
                    for n, e in enumerate(entries, start=1)
                ],
                "_entries": entries,
            }
        )
    return out


def _xml(metadata: list[dict]) -> bytes:
    root = ElementTree.Element("records")
    for file in metadata:
        node = ElementTree.SubElement(root, "file")
        for key in ("code", "title", "organization", "year", "status", "retention", "closed_on"):
            ElementTree.SubElement(node, key).text = "" if file[key] is None else str(file[key])
        for document in file["documents"]:
            doc = ElementTree.SubElement(node, "document", number=str(document["number"]))
            for key in ("kind", "symbol", "date", "summary", "pages"):
                ElementTree.SubElement(doc, key).text = str(document[key])
            for stored in document["files"]:
                ElementTree.SubElement(doc, "stored", path=stored["path"], sha256=stored["sha256"])
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


class _Writer:
    def __init__(self, archive: zipfile.ZipFile, root: str):
        self.archive, self.root = archive, root
        self.payload: list[tuple[str, str]] = []
        self.tags: list[tuple[str, str]] = []
        self.octets = 0

    def _put(self, name: str, chunks) -> tuple[str, int]:
        digest, size = hashlib.sha256(), 0
        with self.archive.open(f"{self.root}/{name}", "w", force_zip64=True) as out:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        return digest.hexdigest(), size

    def payload_file(self, name: str, chunks) -> str:
        checksum, size = self._put(f"data/{name}", chunks)
        self.payload.append((checksum, f"data/{name}"))
        self.octets += size
        return checksum

    def tag_file(self, name: str, text: str) -> None:
        checksum, _size = self._put(name, [text.encode()])
        self.tags.append((checksum, name))


def write_bag(files: list[RecordFile], *, name: str, source: str, withheld: int = 0):
    """The package of `files` (unclassified ones) as an open temporary file, at its start."""
    files = [f for f in files if f.confidentiality == 0]
    out = tempfile.TemporaryFile()  # noqa: SIM115 — handed open to the response, which closes it
    root = f"bag-{_safe(name)}"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        writer = _Writer(archive, root)
        metadata = _metadata(files)
        for file in metadata:
            folder = _safe(file["code"])
            for document, entry in zip(file["documents"], file.pop("_entries"), strict=True):
                for stored in entry.document.files.all():
                    path = f"{folder}/{document['number']:03d}-{stored.pk}-{_safe(stored.name)}"
                    with stored.file.open("rb") as handle:
                        checksum = writer.payload_file(
                            path, iter(lambda h=handle: h.read(CHUNK), b"")
                        )
                    document["files"].append({"path": f"data/{path}", "sha256": checksum})
        text = json.dumps(metadata, ensure_ascii=False, indent=2)
        writer.payload_file("metadata.json", [text.encode()])
        writer.payload_file("metadata.xml", [_xml(metadata)])
        writer.tag_file("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        info = [
            f"Source-Organization: {source}",
            f"Bagging-Date: {timezone.localdate().isoformat()}",
            f"Payload-Oxum: {writer.octets}.{len(writer.payload)}",
            f"External-Description: {name}",
            f"Bag-Size: {len(files)} files",
        ]
        if withheld:
            info.append(f"Internal-Sender-Description: {withheld} classified files left out")
        writer.tag_file("bag-info.txt", "\n".join(info) + "\n")
        manifest = "".join(f"{c}  {p}\n" for c, p in writer.payload)
        writer.tag_file("manifest-sha256.txt", manifest)
        tags = "".join(f"{c}  {p}\n" for c, p in writer.tags)
        archive.writestr(f"{root}/tagmanifest-sha256.txt", tags)
    out.seek(0)
    return out
