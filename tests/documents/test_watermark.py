"""Reader watermarks: every page carries the reader's name with its diacritics, and the time."""

import datetime
import io
import logging
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.tools import require_tool
from vanphong.documents import watermark
from vanphong.documents.watermark import WatermarkError, reader_stamp, watermark_pdf

STAMP = "Nguyễn Văn Hùng — 23/11/2026 14:05"
BODY_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def document(pages: int = 3, sizes=None) -> bytes:
    """A party document whose own text is Vietnamese, one line per page."""
    pdfmetrics.registerFont(TTFont("TestBody", BODY_FONT))
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    for number in range(1, pages + 1):
        if sizes:
            sheet.setPageSize(sizes[number - 1])
        sheet.setFont("TestBody", 12)
        sheet.drawString(60, 100, f"Nghị quyết Đảng ủy, trang {number}")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def page_text(pdf: bytes, page: int, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        [
            require_tool("pdftotext"),
            "-enc",
            "UTF-8",
            "-f",
            str(page),
            "-l",
            str(page),
            str(path),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def fonts_used(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_every_page_of_a_three_page_pdf_shows_the_readers_name_with_diacritics(tmp_path):
    # GIVEN a 3-page document
    original = document(pages=3)
    # WHEN it is stamped for a reader
    stamped = watermark_pdf(original, STAMP)
    # THEN it still opens, has the same pages, and each page shows the stamp and its own text
    reader = PdfReader(io.BytesIO(stamped))
    assert len(reader.pages) == 3
    for number in (1, 2, 3):
        text = page_text(stamped, number, tmp_path)
        assert STAMP in text
        assert f"Nghị quyết Đảng ủy, trang {number}" in text
    assert stamped != original


def test_the_stamp_is_drawn_in_an_embedded_font_with_vietnamese_glyphs():
    assert "LiberationSerif" in fonts_used(watermark_pdf(document(pages=1), STAMP))


def test_pages_of_other_sizes_and_rotated_pages_are_stamped_too(tmp_path):
    # A3 landscape, A5, and an A4 page turned a quarter.
    pdf = document(pages=3, sizes=[(1190.55, 841.89), (419.53, 595.28), (595.28, 841.89)])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[2].rotate(90)
    out = io.BytesIO()
    writer.write(out)
    stamped = watermark_pdf(out.getvalue(), STAMP)
    assert len(PdfReader(io.BytesIO(stamped)).pages) == 3
    for number in (1, 2, 3):
        assert STAMP in page_text(stamped, number, tmp_path)


def test_the_font_can_be_chosen_in_the_settings(settings):
    settings.WATERMARK_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    assert "DejaVuSans" in fonts_used(watermark_pdf(document(pages=1), STAMP))


def test_a_configured_font_without_vietnamese_letters_is_passed_over(settings, caplog):
    # Liberation 1 lacks most Vietnamese letters: the next font that has them is used.
    settings.WATERMARK_FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
    with caplog.at_level(logging.WARNING, logger="vanphong.documents.watermark"):
        stamped = watermark_pdf(document(pages=1), STAMP)
    assert "LiberationSans" not in fonts_used(stamped)
    assert "LiberationSerif" in fonts_used(stamped)
    assert "WATERMARK_FONT" in caplog.text


def test_without_any_suitable_font_the_name_is_written_without_diacritics(
    settings, monkeypatch, caplog, tmp_path
):
    # GIVEN a machine where no TrueType font with Vietnamese letters can be found
    settings.WATERMARK_FONT = str(tmp_path / "missing.ttf")
    monkeypatch.setattr(watermark, "FONT_CANDIDATES", ())
    # WHEN a document is stamped
    original = document(pages=2)
    with caplog.at_level(logging.WARNING, logger="vanphong.documents.watermark"):
        stamped = watermark_pdf(original, STAMP)
    # THEN the watermark is still there, folded, in Helvetica, and the problem is logged
    for number in (1, 2):
        assert "nguyen van hung - 23/11/2026 14:05" in page_text(stamped, number, tmp_path)
    assert fonts_used(stamped) == fonts_used(original) | {"Helvetica"}  # no TrueType added
    assert "without diacritics" in caplog.text


def test_a_pdf_protected_only_against_editing_is_stamped(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document(pages=2))))
    writer.encrypt(user_password="", owner_password="chủ sở hữu", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    stamped = watermark_pdf(out.getvalue(), STAMP)
    assert STAMP in page_text(stamped, 2, tmp_path)


def test_a_pdf_that_needs_a_password_to_open_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document(pages=1))))
    writer.encrypt(user_password="bí mật", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(WatermarkError) as caught:
        watermark_pdf(out.getvalue(), STAMP)
    assert caught.value.code == "encrypted_pdf"


@pytest.mark.parametrize(
    "damage",
    [
        lambda pdf: b"",
        lambda pdf: b"Day khong phai la PDF",
        lambda pdf: pdf[: len(pdf) // 2],
        lambda pdf: pdf[:200] + b"garbage" * 20 + pdf[-300:],
        lambda pdf: b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n",
    ],
    ids=["empty", "not-a-pdf", "truncated", "garbled", "no-pages"],
)
def test_a_malformed_pdf_is_a_clear_error(damage):
    with pytest.raises(WatermarkError) as caught:
        watermark_pdf(damage(document(pages=2)), STAMP)
    assert caught.value.code == "malformed_pdf"
    assert caught.value.message


def test_the_reader_stamp_shows_the_local_time_the_vietnamese_way():
    moment = datetime.datetime(2026, 11, 23, 7, 5, tzinfo=datetime.UTC)
    assert reader_stamp("  Nguyễn   Văn Hùng ", moment) == STAMP
