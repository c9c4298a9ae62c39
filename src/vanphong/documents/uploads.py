"""Checked uploads (invariant 4 of docs/architecture.md): name, size and type BY CONTENT are
checked before anything is stored, and a stored file never outlives the transaction that was
meant to record it.

    checked = check_upload(request.FILES["scan"], allowed={FileKind.PDF, FileKind.TIFF})
    with transaction.atomic():
        name = store_upload_in_transaction(request.FILES["scan"], checked, folder="incoming")
        Attachment.objects.create(file=name, sha256=checked.sha256, ...)

A refused file raises `UploadError` before the storage is touched; a rolled-back transaction
deletes what `store_upload_in_transaction` stored (see its docstring for how).
"""

import hashlib
import logging
import re
import unicodedata
import uuid
import weakref
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core import vntext
from vanphong.core.errors import ServiceError

logger = logging.getLogger(__name__)


class UploadError(ServiceError):
    EMPTY = "empty_file", _("The file “%(name)s” is empty.")
    TOO_LARGE = "too_large", _("The file “%(name)s” is too large: the limit is %(limit)s MB.")
    TYPE_NOT_ALLOWED = (
        "type_not_allowed",
        _("The file “%(name)s” is not an accepted type. Accepted types: %(allowed)s."),
    )
    CONTENT_MISMATCH = (
        "content_mismatch",
        _(
            "The content of the file “%(name)s” does not match its extension %(extension)s: "
            "the file is damaged or was renamed."
        ),
    )
    BAD_NAME = (
        "bad_name",
        _("The file name “%(name)s” cannot be used: rename the file and try again."),
    )
    DAMAGED = (
        "damaged",
        _("The file “%(name)s” is damaged or unsafe to open and was not accepted."),
    )


class FileKind(models.TextChoices):
    PDF = "pdf", _("PDF document")
    DOCX = "docx", _("Word document (DOCX)")
    PNG = "png", _("PNG image")
    JPEG = "jpeg", _("JPEG image")
    TIFF = "tiff", _("TIFF image")

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]

    @property
    def extensions(self) -> tuple[str, ...]:
        """Accepted extensions, the usual one first (with the dot, lower case)."""
        return _EXTENSIONS[self]

    @classmethod
    def for_extension(cls, extension: str) -> "FileKind | None":
        extension = extension.lower()
        return next((kind for kind in cls if extension in _EXTENSIONS[kind]), None)


_CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.PNG: "image/png",
    FileKind.JPEG: "image/jpeg",
    FileKind.TIFF: "image/tiff",
}
_EXTENSIONS = {
    FileKind.PDF: (".pdf",),
    FileKind.DOCX: (".docx",),
    FileKind.PNG: (".png",),
    FileKind.JPEG: (".jpg", ".jpeg"),
    FileKind.TIFF: (".tif", ".tiff"),
}


@dataclass(frozen=True)
class CheckedUpload:
    name: str  # sanitized, safe to store and to offer for download
    kind: FileKind
    content_type: str  # from the detected kind, never from the browser
    size: int
    sha256: str  # hex


# --- names -----------------------------------------------------------------------------------

MAX_NAME_CHARS = 120
# A stored name is "<32 hex>_<name>"; most file systems allow 255 bytes per path component, and a
# Vietnamese letter takes up to 3 bytes in UTF-8, so 120 characters alone could pass that limit.
_MAX_NAME_BYTES = 200
_WINDOWS_ILLEGAL = re.compile(r'[<>:"/\\|?*]')
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,10})$")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in "123456789"
}


def _printable(name: str) -> str:
    """The raw name as it may be shown in a message: no control characters, not too long."""
    text = "".join(ch for ch in str(name) if unicodedata.category(ch)[0] != "C")
    return text[:80] + "…" if len(text) > 80 else text


def _truncate(text: str, chars: int, max_bytes: int) -> str:
    text = text[:chars]
    while len(text.encode()) > max_bytes:
        text = text[:-1]
    return text


def sanitize_filename(name: str) -> str:
    """A name safe on every file system and in a download header, that still reads as the user's.

    Keeps only the base name (after the last "/" or "\\"), NFC with the project's tone placement,
    no control or format characters (so no NUL, no right-to-left override), none of the characters
    Windows forbids, single spaces, no leading dots or trailing dots/spaces, a lower-case
    extension, at most 120 characters (and 200 UTF-8 bytes) with the extension kept. Vietnamese
    letters are kept as they are. A name with nothing left raises `UploadError.BAD_NAME`.
    """
    raw = str(name or "")
    base = re.split(r"[/\\]", raw)[-1]
    base = "".join(
        " " if ch.isspace() else ch
        for ch in base
        if unicodedata.category(ch)[0] != "C" or ch.isspace()
    )
    base = _WINDOWS_ILLEGAL.sub("", base)
    base = vntext.canonical(base).rstrip(". ")
    match = _EXTENSION.search(base)
    stem, extension = (base[: match.start()], "." + match.group(1).lower()) if match else (base, "")
    stem = stem.strip(". ")
    if not stem:
        # Nothing left, or an extension alone ("?.pdf", ".pdf"): no name to keep.
        raise UploadError(UploadError.BAD_NAME, name=_printable(raw))
    if stem.split(".")[0].rstrip().lower() in _WINDOWS_DEVICES:
        stem = "_" + stem  # "CON.pdf" or "nul.tar.gz" cannot be saved on Windows
    stem = _truncate(
        stem, MAX_NAME_CHARS - len(extension), _MAX_NAME_BYTES - len(extension.encode())
    ).rstrip(". ")
    if not stem:
        raise UploadError(UploadError.BAD_NAME, name=_printable(raw))
    return stem + extension


# --- content ---------------------------------------------------------------------------------

_CHUNK = 64 * 1024
_HEAD = 1024
_TAIL = 1024
_SIGNATURES = [
    (b"%PDF-", FileKind.PDF),
    (b"\x89PNG\r\n\x1a\n", FileKind.PNG),
    (b"\xff\xd8\xff", FileKind.JPEG),
    (b"II*\x00", FileKind.TIFF),
    (b"MM\x00*", FileKind.TIFF),
    (b"II+\x00", FileKind.TIFF),  # BigTIFF
    (b"MM\x00+", FileKind.TIFF),
]
_ZIP_MAGIC = b"PK\x03\x04"
_DOCX_PARTS = {"[Content_Types].xml", "word/document.xml"}
_DOCX_MAIN_TYPE = b"wordprocessingml.document.main+xml"  # not .docm (macros) nor .dotx
# Zip bombs: the declared uncompressed sizes are what Python's zipfile will inflate at most (it
# stops at the declared size and checks the CRC), so they are checked before anything is read.
# Office XML compresses 10–20 times; 100 leaves room, 16 MiB covers any small document.
_ZIP_MAX_RATIO = 100
_ZIP_MIN_ALLOWANCE = 16 * 1024 * 1024
_ZIP_MAX_TOTAL = 1024 * 1024 * 1024
_ZIP_MAX_ENTRIES = 10_000
_ZIP_MAX_CONTENT_TYPES = 1024 * 1024


def _megabytes(limit: int) -> str:
    """30 MiB → "30", 512 KiB → "0,5", 1 GiB → "1.024" (Vietnamese number format)."""
    mb = limit / (1024 * 1024)
    decimals = 2 if mb >= 0.01 else 4
    text = f"{mb:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": ".", ".": ","}))


def _allowed_text(allowed: set[FileKind]) -> str:
    return ", ".join(kind.extensions[0] for kind in FileKind if kind in allowed)


def _read(f, max_bytes: int, name: str) -> tuple[int, str, bytes, bytes]:
    """Size, SHA-256, first and last bytes; stops as soon as the limit is passed."""
    digest = hashlib.sha256()
    size, head, tail = 0, b"", b""
    f.seek(0)
    # Not f.chunks(): an InMemoryUploadedFile yields itself whole there.
    while chunk := f.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise UploadError(UploadError.TOO_LARGE, name=name, limit=_megabytes(max_bytes))
        digest.update(chunk)
        if len(head) < _HEAD:
            head += chunk[: _HEAD - len(head)]
        tail = (tail + chunk)[-_TAIL:]
    return size, digest.hexdigest(), head, tail


def _is_docx(f, size: int, name: str) -> bool:
    """A complete, undamaged Word document; a zip bomb or a broken zip raises DAMAGED."""
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if len(entries) > _ZIP_MAX_ENTRIES or len(names) != len(entries):
                raise UploadError(UploadError.DAMAGED, name=name)
            if not _DOCX_PARTS.issubset(names):
                return False
            allowance = min(_ZIP_MAX_TOTAL, max(_ZIP_MIN_ALLOWANCE, size * _ZIP_MAX_RATIO))
            if sum(entry.file_size for entry in entries) > allowance:
                raise UploadError(UploadError.DAMAGED, name=name)
            if archive.getinfo("[Content_Types].xml").file_size > _ZIP_MAX_CONTENT_TYPES:
                raise UploadError(UploadError.DAMAGED, name=name)
            if _DOCX_MAIN_TYPE not in archive.read("[Content_Types].xml"):
                return False
            if archive.testzip() is not None:  # inflates each part within its declared size
                raise UploadError(UploadError.DAMAGED, name=name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error):
        raise UploadError(UploadError.DAMAGED, name=name) from None
    except (RuntimeError, NotImplementedError):  # encrypted parts, unknown compression
        raise UploadError(UploadError.DAMAGED, name=name) from None
    finally:
        f.seek(0)
    return True


def _detect(f, size: int, head: bytes, tail: bytes, name: str) -> FileKind | None:
    if head.startswith(_ZIP_MAGIC):
        return FileKind.DOCX if _is_docx(f, size, name) else None
    kind = next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)
    if kind == FileKind.PDF and b"%%EOF" not in tail:
        raise UploadError(UploadError.DAMAGED, name=name)  # cut short in transfer
    return kind


def check_upload(f, *, allowed: set[FileKind], max_bytes: int | None = None) -> CheckedUpload:
    """Check a Django UploadedFile before anything is stored; raise `UploadError` if refused.

    The type comes from the content (magic bytes, and the ZIP's parts for DOCX), never from the
    name or the browser's content type, and the extension must agree with it. The file is read
    in chunks, never past `max_bytes` (default `settings.DOCUMENT_UPLOAD_MAX_BYTES`), and left at
    position 0 for `store_upload`.
    """
    if max_bytes is None:
        max_bytes = settings.DOCUMENT_UPLOAD_MAX_BYTES
    name = sanitize_filename(getattr(f, "name", "") or "")
    match = _EXTENSION.search(name)
    extension = "." + match.group(1) if match else ""
    expected = FileKind.for_extension(extension) if extension else None
    if expected is None or expected not in allowed:
        raise UploadError(UploadError.TYPE_NOT_ALLOWED, name=name, allowed=_allowed_text(allowed))
    declared = getattr(f, "size", None)
    if declared is not None and declared > max_bytes:
        raise UploadError(UploadError.TOO_LARGE, name=name, limit=_megabytes(max_bytes))
    size, sha256, head, tail = _read(f, max_bytes, name)
    if size == 0:
        raise UploadError(UploadError.EMPTY, name=name)
    if _detect(f, size, head, tail, name) != expected:
        raise UploadError(UploadError.CONTENT_MISMATCH, name=name, extension=extension)
    f.seek(0)
    return CheckedUpload(
        name=name, kind=expected, content_type=expected.content_type, size=size, sha256=sha256
    )


# --- storage ---------------------------------------------------------------------------------

_FOLDER = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")


def store_upload(f, checked: CheckedUpload, *, folder: str) -> str:
    """Save a checked file as "<folder>/<yyyy>/<mm>/<uuid4 hex>_<name>"; return the storage name.

    The random prefix keeps two files of the same name apart and makes stored names unguessable;
    the month folders keep directories small. Nothing is left behind if the save fails.
    """
    folder = folder.strip("/")
    if not _FOLDER.match(folder):
        raise ValueError(f"Unsafe storage folder: {folder!r}")
    today = timezone.localdate()
    wanted = f"{folder}/{today:%Y}/{today:%m}/{uuid.uuid4().hex}_{checked.name}"
    f.seek(0)
    try:
        return default_storage.save(wanted, f)
    except BaseException:
        delete_stored(wanted, quiet=True)  # a half-written file must not stay
        raise


def delete_stored(name: str, *, quiet: bool = False) -> None:
    """Delete a stored file; a missing file is not an error. With `quiet`, failures are logged."""
    try:
        default_storage.delete(name)
    except Exception:
        if not quiet:
            raise
        logger.exception("Could not delete the stored file %s", name)


def store_upload_in_transaction(
    f, checked: CheckedUpload, *, folder: str, using: str | None = None
) -> str:
    """Store a checked file that belongs to the current transaction: kept if it commits, deleted
    if it rolls back — a rollback of the caller's own block or of any block around it.

    How: Django has no "on rollback" hook, but it keeps the `on_commit` callbacks of a transaction
    in a list and throws them away when the transaction (or the savepoint they were registered
    under) rolls back; on commit it runs them. So a marker callback is registered with
    `on_commit`, and `weakref.finalize` watches it: when the marker is dropped without having run,
    the transaction did not commit and the file is deleted. CPython frees the marker at once, so
    the file is gone before the `atomic` block that rolled back has finished exiting.

    One corner: if an earlier `on_commit` callback raises, Django skips the rest, ours included,
    although the data was committed. The connection then still shows that its commit hooks were
    being run, and the file is kept (and a warning logged) rather than deleted under a committed
    row: an orphan file is preferable to a lost one.

    Must be called inside `transaction.atomic()`: outside one there is nothing to roll back.
    """
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        raise TransactionManagementError(
            "store_upload_in_transaction() must be called inside transaction.atomic()."
        )
    name = store_upload(f, checked, folder=folder)
    state = {"committed": False}

    def mark_committed():
        state["committed"] = True

    weakref.finalize(mark_committed, _discard_unless_committed, name, state, connection)
    transaction.on_commit(mark_committed, using=using)
    return name


def _discard_unless_committed(name: str, state: dict, connection) -> None:
    if state["committed"]:
        return
    if getattr(connection, "run_commit_hooks_on_set_autocommit_on", False):
        logger.warning("Commit hooks were cut short; keeping the stored file %s", name)
        return
    delete_stored(name, quiet=True)
