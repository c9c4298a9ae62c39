"""Checked uploads: type by content, size, names, and storage that follows the transaction."""

import gc
import hashlib
import io
import os
import re
import unicodedata
import zipfile

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import (
    InMemoryUploadedFile,
    SimpleUploadedFile,
    TemporaryUploadedFile,
)
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from PIL import Image
from reportlab.pdfgen import canvas

from vanphong.documents.uploads import (
    CheckedUpload,
    FileKind,
    UploadError,
    check_upload,
    delete_stored,
    sanitize_filename,
    store_upload,
    store_upload_in_transaction,
)

ALL_KINDS = set(FileKind)

# --- real files, built here ------------------------------------------------------------------


def pdf_bytes(pages: int = 1) -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    for number in range(1, pages + 1):
        sheet.drawString(72, 720, f"Nghi quyet so 12-NQ/DU, trang {number}")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Báo cáo tổng kết công tác Đảng năm 2026", level=1)
    document.add_paragraph("Đảng ủy xã Hòa Bình báo cáo kết quả thực hiện nhiệm vụ.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def image_bytes(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    # The browser's content type is deliberately useless: only the content counts.
    return SimpleUploadedFile(name, content, content_type=content_type)


def refused(f, **kwargs) -> UploadError:
    with pytest.raises(UploadError) as caught:
        check_upload(f, allowed=kwargs.pop("allowed", ALL_KINDS), **kwargs)
    return caught.value


# --- accepted files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "kind", "content_type"),
    [
        ("Nghị quyết 12.pdf", pdf_bytes, FileKind.PDF, "application/pdf"),
        (
            "Báo cáo tổng kết.docx",
            docx_bytes,
            FileKind.DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("ảnh chụp.png", lambda: image_bytes("PNG"), FileKind.PNG, "image/png"),
        ("ảnh chụp.jpg", lambda: image_bytes("JPEG"), FileKind.JPEG, "image/jpeg"),
        ("ảnh chụp.JPEG", lambda: image_bytes("JPEG"), FileKind.JPEG, "image/jpeg"),
        ("bản quét.tif", lambda: image_bytes("TIFF"), FileKind.TIFF, "image/tiff"),
    ],
)
def test_real_files_of_each_kind_are_accepted(name, make, kind, content_type):
    content = make()
    checked = check_upload(upload(name, content), allowed=ALL_KINDS)
    assert checked == CheckedUpload(
        name=unicodedata.normalize("NFC", name[: name.rindex(".")])
        + name[name.rindex(".") :].lower(),
        kind=kind,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def test_the_browser_content_type_is_ignored():
    checked = check_upload(
        upload("quyết định.pdf", pdf_bytes(), "image/png"), allowed={FileKind.PDF}
    )
    assert (checked.kind, checked.content_type) == (FileKind.PDF, "application/pdf")


def test_the_file_is_left_at_the_start_for_the_next_reader():
    f = upload("tờ trình.pdf", pdf_bytes())
    check_upload(f, allowed={FileKind.PDF})
    assert f.read(5) == b"%PDF-"


def test_a_large_file_on_disk_is_read_in_chunks(settings, tmp_path):
    # Files above FILE_UPLOAD_MAX_MEMORY_SIZE arrive as TemporaryUploadedFile.
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pageCompression=0)  # a real PDF of some 300 kB
    for line in range(6000):
        sheet.drawString(72, 72 + line % 600, f"Dòng {line} của hồ sơ")
    sheet.save()
    content = out.getvalue()
    assert len(content) > 2_621_440 // 10
    f = TemporaryUploadedFile("Hồ sơ.pdf", "application/pdf", len(content), None)
    f.write(content)
    f.seek(0)
    checked = check_upload(f, allowed={FileKind.PDF})
    assert checked.sha256 == hashlib.sha256(content).hexdigest()
    assert checked.size == len(content)
    f.close()


# --- refused content -------------------------------------------------------------------------


def test_a_pdf_renamed_docx_is_refused():
    error = refused(upload("báo cáo.docx", pdf_bytes()))
    assert error.code == "content_mismatch"
    assert "báo cáo.docx" in error.message
    assert ".docx" in error.message


def test_an_exe_renamed_pdf_is_refused():
    exe = (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
        + b"\x00" * 100
        + b"This program cannot be run in DOS mode."
    )
    error = refused(upload("quyết định.pdf", exe))
    assert error.code == "content_mismatch"
    assert "quyết định.pdf" in error.message


def test_a_plain_zip_renamed_docx_is_refused():
    plain = zip_bytes({"danh sach.txt": "Nguyễn Văn Hùng".encode()})
    assert refused(upload("danh sách.docx", plain)).code == "content_mismatch"


def test_a_zip_with_the_word_part_names_but_another_main_type_is_refused():
    # A macro-enabled document (.docm) renamed .docx.
    docm = zip_bytes(
        {
            "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" ContentType='
            b'"application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
            "word/document.xml": b"<w:document/>",
            "word/vbaProject.bin": b"\x00" * 64,
        }
    )
    assert refused(upload("biên bản.docx", docm)).code == "content_mismatch"


def test_an_image_renamed_to_another_image_type_is_refused():
    assert refused(upload("ảnh.png", image_bytes("JPEG"))).code == "content_mismatch"


def test_a_zip_bomb_named_docx_is_refused_before_it_is_inflated():
    # 60 MB of spaces compress to about 60 KB: far beyond any real document's ratio.
    bomb = zip_bytes(
        {
            "[Content_Types].xml": b"wordprocessingml.document.main+xml",
            "word/document.xml": b"<w:document>" + b" " * 60_000_000 + b"</w:document>",
        }
    )
    assert len(bomb) < 200_000
    error = refused(upload("bom.docx", bomb))
    assert error.code == "damaged"
    assert "bom.docx" in error.message


def test_a_damaged_docx_is_refused():
    content = bytearray(docx_bytes())
    middle = len(content) // 2
    content[middle : middle + 200] = b"\x00" * 200
    assert refused(upload("hỏng.docx", bytes(content))).code == "damaged"


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n%%EOF\n", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF"],
    ids=["stub", "no-pages"],
)
def test_a_pdf_stub_without_readable_pages_is_refused_in_vietnamese(content, settings):
    """A header and an end marker are not a PDF: refused at upload, before any reader's
    watermarked copy could fail on it."""
    error = refused(upload("mật.pdf", content))
    assert error.code == "pdf_unreadable"
    assert "mật.pdf" in error.message


def test_a_password_protected_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    assert refused(upload("có mật khẩu.pdf", out.getvalue())).code == "pdf_encrypted"


def test_a_truncated_pdf_is_refused():
    content = pdf_bytes(pages=2)
    assert refused(upload("dở dang.pdf", content[: len(content) // 2])).code == "damaged"


def test_a_kind_not_allowed_here_is_refused_with_the_accepted_list():
    error = refused(upload("ảnh.png", image_bytes("PNG")), allowed={FileKind.PDF, FileKind.DOCX})
    assert error.code == "type_not_allowed"
    assert "ảnh.png" in error.message
    assert ".pdf, .docx" in error.message


@pytest.mark.parametrize("name", ["bảng lương.xlsx", "virus.exe", "không đuôi", "cũ.doc"])
def test_an_unknown_extension_is_refused(name):
    error = refused(upload(name, pdf_bytes()))
    assert error.code == "type_not_allowed"


def test_an_empty_file_is_refused():
    error = refused(upload("trống.pdf", b""))
    assert error.code == "empty_file"
    assert "trống.pdf" in error.message


def test_an_oversize_file_is_refused_with_the_limit_in_vietnamese_megabytes():
    content = b"%PDF-1.4\n" + b"0" * 600_000 + b"\n%%EOF\n"
    error = refused(upload("lớn.pdf", content), max_bytes=512 * 1024)
    assert error.code == "too_large"
    assert "lớn.pdf" in error.message
    assert "0,5 MB" in error.message


def test_the_default_limit_comes_from_the_settings(settings):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 3 * 1024 * 1024
    content = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024) + b"\n%%EOF\n"
    error = refused(upload("lớn.pdf", content))
    assert error.code == "too_large"
    assert "3 MB" in error.message


class CountingBytes(io.BytesIO):
    def __init__(self, content: bytes):
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def test_reading_stops_as_soon_as_the_limit_is_passed():
    # GIVEN a 5 MB upload whose size was not declared
    stream = CountingBytes(b"%PDF-1.4\n" + b"0" * 5_000_000)
    f = InMemoryUploadedFile(stream, "file", "lớn.pdf", "application/pdf", None, None)
    # WHEN it is checked against a 1 MB limit
    error = refused(f, max_bytes=1024 * 1024)
    # THEN it is refused having read little more than the limit
    assert error.code == "too_large"
    assert stream.bytes_read <= 1024 * 1024 + 64 * 1024


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system32\\Tờ trình.PDF", "Tờ trình.pdf"),
        ("con\x00trol.pdf", "control.pdf"),
        ("  .hidden.PDF", "hidden.pdf"),
        ('Báo cáo: "quý" 3?.docx', "Báo cáo quý 3.docx"),
        ("Quyết   định\tsố\n12 .pdf", "Quyết định số 12.pdf"),
        (unicodedata.normalize("NFD", "Nghị quyết.pdf"), "Nghị quyết.pdf"),
        ("Ủy ban hoà giải.pdf", "Ủy ban hòa giải.pdf"),
        ("\u202egpj.exe.pdf", "gpj.exe.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("nul.tar.gz", "_nul.tar.gz"),
        ("báo cáo.pdf. . ", "báo cáo.pdf"),
        ("v1.2 bản cuối", "v1.2 bản cuối"),
    ],
)
def test_hostile_or_untidy_names_are_sanitized(raw, clean):
    assert sanitize_filename(raw) == clean


def test_a_300_character_vietnamese_name_is_cut_to_120_keeping_the_extension():
    stem = ("Nghị quyết về tăng cường sự lãnh đạo của Đảng đối với công tác " * 6)[:300]
    name = sanitize_filename(stem + ".PDF")
    assert len(name) <= 120
    assert name.endswith(".pdf")
    assert name == unicodedata.normalize("NFC", name)
    assert stem.startswith(name[:-4])
    assert len(name.encode()) <= 200  # with the 33-character prefix, under 255 bytes on disk


@pytest.mark.parametrize("raw", ["", "   ", "...", "///", "\x00\x01\x02", "?.pdf", ". .pdf"])
def test_a_name_with_nothing_usable_is_refused(raw):
    with pytest.raises(UploadError) as caught:
        sanitize_filename(raw)
    assert caught.value.code == "bad_name"


def test_the_checked_name_is_the_sanitized_one():
    assert (
        check_upload(upload("con\x00trol.pdf", pdf_bytes()), allowed=ALL_KINDS).name
        == "control.pdf"
    )
    error = refused(upload("../../etc/passwd", pdf_bytes()))
    assert (error.code, "passwd" in error.message) == ("type_not_allowed", True)


# --- storage ---------------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return tmp_path


def stored_files(root) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    )


def checked_pdf(name="Tờ trình số 5.pdf"):
    f = upload(name, pdf_bytes())
    return f, check_upload(f, allowed={FileKind.PDF})


def test_a_stored_file_has_its_month_folder_a_random_prefix_and_the_same_bytes(media):
    f, checked = checked_pdf()
    name = store_upload(f, checked, folder="documents/incoming")
    today = timezone.localdate()
    assert re.fullmatch(
        rf"documents/incoming/{today:%Y}/{today:%m}/[0-9a-f]{{32}}_Tờ trình số 5\.pdf", name
    )
    content = (media / name).read_bytes()
    assert hashlib.sha256(content).hexdigest() == checked.sha256
    assert stored_files(media) == [name]


def test_two_files_of_the_same_name_are_kept_apart(media):
    first = store_upload(*checked_pdf(), folder="documents")
    second = store_upload(*checked_pdf(), folder="documents")
    assert first != second
    assert stored_files(media) == sorted([first, second])


def test_a_file_uploaded_to_disk_is_stored_whole(media, settings, tmp_path_factory):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path_factory.mktemp("uploads"))
    content = docx_bytes()
    f = TemporaryUploadedFile("Biên bản họp.docx", "application/octet-stream", len(content), None)
    f.write(content)
    f.seek(0)
    checked = check_upload(f, allowed={FileKind.DOCX})
    name = store_upload(f, checked, folder="documents")
    f.close()
    assert (media / name).read_bytes() == content


def test_an_unsafe_folder_is_a_programming_error(media):
    with pytest.raises(ValueError):
        store_upload(*checked_pdf(), folder="../outside")
    assert stored_files(media) == []


def test_a_refused_upload_leaves_nothing(media):
    f = upload("báo cáo.docx", pdf_bytes())
    with pytest.raises(UploadError):
        checked = check_upload(f, allowed={FileKind.DOCX})
        store_upload(f, checked, folder="documents")
    assert stored_files(media) == []


def test_deleting_is_quiet_about_a_missing_file(media):
    name = store_upload(*checked_pdf(), folder="documents")
    delete_stored(name)
    delete_stored(name)
    assert stored_files(media) == []


def test_storing_in_a_transaction_needs_a_transaction(media, transactional_db):
    with pytest.raises(TransactionManagementError):
        store_upload_in_transaction(*checked_pdf(), folder="documents")
    assert stored_files(media) == []


def _record(username: str):
    return get_user_model().objects.create(username=username)


def test_a_committed_transaction_keeps_the_file_and_the_row(media, transactional_db):
    f, checked = checked_pdf()
    with transaction.atomic():
        name = store_upload_in_transaction(f, checked, folder="documents")
        _record("vanthu")
    gc.collect()
    assert stored_files(media) == [name]
    assert hashlib.sha256((media / name).read_bytes()).hexdigest() == checked.sha256
    assert get_user_model().objects.filter(username="vanthu").exists()


def test_a_rolled_back_transaction_leaves_no_file_and_no_row(media, transactional_db):
    f, checked = checked_pdf()
    with pytest.raises(RuntimeError), transaction.atomic():
        name = store_upload_in_transaction(f, checked, folder="documents")
        _record("vanthu")
        assert stored_files(media) == [name]  # stored while the transaction is open
        raise RuntimeError("the audit entry could not be written")
    assert stored_files(media) == []
    assert not get_user_model().objects.filter(username="vanthu").exists()


def test_a_rollback_of_the_outer_transaction_removes_a_file_stored_in_an_inner_block(
    media, transactional_db
):
    f, checked = checked_pdf()
    with pytest.raises(RuntimeError), transaction.atomic():
        with transaction.atomic():
            name = store_upload_in_transaction(f, checked, folder="documents")
        assert stored_files(media) == [name]  # the inner block finished without error
        raise RuntimeError("a later step failed")
    assert stored_files(media) == []


def test_a_rolled_back_savepoint_removes_its_file_while_the_outer_transaction_goes_on(
    media, transactional_db
):
    kept_f, kept_checked = checked_pdf("giữ lại.pdf")
    lost_f, lost_checked = checked_pdf("bỏ đi.pdf")
    with transaction.atomic():
        kept = store_upload_in_transaction(kept_f, kept_checked, folder="documents")
        try:
            with transaction.atomic():
                store_upload_in_transaction(lost_f, lost_checked, folder="documents")
                raise RuntimeError("this attachment is refused")
        except RuntimeError:
            pass
        assert stored_files(media) == [kept]  # gone before the outer block ends
    assert stored_files(media) == [kept]


def test_a_file_stays_when_the_data_committed_but_another_commit_hook_failed(
    media, transactional_db
):
    # Django skips the remaining on_commit callbacks when one raises; the data is committed,
    # so the file must not be deleted from under it.
    def failing_hook():
        raise ValueError("notification failed")

    f, checked = checked_pdf()
    try:
        with transaction.atomic():
            transaction.on_commit(failing_hook)
            name = store_upload_in_transaction(f, checked, folder="documents")
    except ValueError:
        pass
    gc.collect()
    assert stored_files(media) == [name]
