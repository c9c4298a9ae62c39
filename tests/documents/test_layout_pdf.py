"""DOCX → PDF through LibreOffice: the Vietnamese text survives, the page looks like a party document.

Conversions need LibreOffice (`soffice`) and poppler (`pdftotext`, `pdftoppm`), asked for through
tests/tools.py; the error paths run everywhere, against small stand-in executables.

Set VANPHONG_LAYOUT_SAMPLE_PNG=/some/path.png to keep a 60 dpi picture of page 1 for a human eye.
"""

import io
import os
import shutil
import stat
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.documents.test_layout_docx import (
    BODY,
    LETTER_SUMMARY,
    RECIPIENTS,
    SUMMARY,
    letter_layout,
    resolution_layout,
)
from tests.tools import require_tool
from vanphong.documents.layout import (
    PdfConversionError,
    docx_to_pdf,
    render_docx,
    soffice_available,
)


@pytest.fixture
def soffice():
    for tool in ("soffice", "pdftotext", "pdftoppm"):
        require_tool(tool)


def pdf_text(pdf: bytes, tmp_path: Path) -> list[str]:
    source = tmp_path / "text.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(source), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    lines = (line.strip() for line in result.stdout.decode("utf-8").splitlines())
    return [line for line in lines if line]


def page_one_png(pdf: bytes, tmp_path: Path) -> Path:
    source = tmp_path / "page.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    (png,) = tmp_path.glob("page*.png")
    return png


def executable(path: Path, script: str) -> str:
    path.write_text(script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


# --- real conversions -------------------------------------------------------------------------


def test_resolution_converts_with_every_vietnamese_line_intact(soffice, tmp_path):
    pdf = docx_to_pdf(render_docx(resolution_layout(urgency_mark="KHẨN")))
    assert pdf.startswith(b"%PDF-")
    lines = pdf_text(pdf, tmp_path)
    for expected in [
        "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "BAN THƯỜNG VỤ THÀNH ỦY",
        "Số 15-NQ/TU",
        "KHẨN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hà Nội, ngày 09 tháng 01 năm 2026",
        "NGHỊ QUYẾT",
        SUMMARY,
        "Nơi nhận:",
        *[f"- {entry}" for entry in RECIPIENTS],
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Phạm Quang Thao",
    ]:
        assert expected in lines, f"{expected!r} not printed; PDF text: {lines!r}"
    text = " ".join(lines)
    assert "công tác văn thư, lưu trữ, thẩm định các văn bản" in text


def test_pdf_is_one_a4_page_in_times_new_roman_or_its_metric_twin(soffice):
    reader = PdfReader(io.BytesIO(docx_to_pdf(render_docx(resolution_layout()))))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert round(float(page.mediabox.width)) == 595  # 210 mm
    assert round(float(page.mediabox.height)) == 842  # 297 mm
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for font in page["/Resources"]["/Font"].values()
    }
    # No fallback font: a missing Vietnamese glyph would have pulled in DejaVu or similar.
    assert fonts, "no font in the PDF"
    assert all(
        name.lstrip("/").startswith(("LiberationSerif", "TimesNewRoman")) for name in fonts
    ), fonts
    assert reader.metadata.title == SUMMARY


def test_a_long_document_numbers_its_pages_from_the_second(soffice, tmp_path):
    pdf = docx_to_pdf(render_docx(resolution_layout(body=BODY * 6)))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 2
    source = tmp_path / "long.pdf"
    source.write_bytes(pdf)

    def page_lines(number):
        result = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(source), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        )
        return [line.strip() for line in result.stdout.decode().splitlines() if line.strip()]

    assert page_lines(1)[0] == "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
    assert "1" not in page_lines(1)
    for number in range(2, pages + 1):
        assert page_lines(number)[0] == str(number)
    assert "Phạm Quang Thao" in page_lines(pages)


def test_official_letter_pdf_shows_v_v_under_the_number(soffice, tmp_path):
    lines = pdf_text(docx_to_pdf(render_docx(letter_layout())), tmp_path)
    number, v_v = lines.index("Số 141-CV/VPTW"), lines.index(f"V/v {LETTER_SUMMARY}")
    assert v_v == number + 1
    assert "Hà Nội, ngày 05 tháng 3 năm 2026" in lines
    assert "NGHỊ QUYẾT" not in lines and "CÔNG VĂN" not in lines


def test_page_one_has_the_header_columns_side_by_side_and_the_rule(soffice, tmp_path):
    png = page_one_png(docx_to_pdf(render_docx(resolution_layout())), tmp_path)
    sample = os.environ.get("VANPHONG_LAYOUT_SAMPLE_PNG")
    if sample:
        shutil.copyfile(png, sample)
    image = Image.open(png).convert("L")
    width, height = image.size
    assert (round(width / 10), round(height / 10)) == (50, 70)  # A4 at 60 dpi: 496 × 702
    dark = image.point(lambda value: 255 if value < 128 else 0)
    pixels = dark.load()
    dots_per_mm = 60 / 25.4
    split = round((30 + 85) * dots_per_mm)  # the border between the header columns

    def first_dark_row(x_from, x_to):
        return next(y for y in range(height) if any(pixels[x, y] for x in range(x_from, x_to)))

    # Both header columns start on the same line: the table kept its two columns.
    left_top = first_dark_row(round(30 * dots_per_mm), split)
    right_top = first_dark_row(split, width)
    assert abs(left_top - right_top) <= 4, (left_top, right_top)
    assert left_top < 30 * dots_per_mm  # within the top 30 mm

    # Under the national title, one unbroken dark run about the title's length (73 mm).
    def longest_run(y):
        best = run = 0
        for x in range(split, width):
            run = run + 1 if pixels[x, y] else 0
            best = max(best, run)
        return best

    runs = [longest_run(y) for y in range(right_top, right_top + round(20 * dots_per_mm))]
    rule_mm = max(runs) / dots_per_mm
    assert 68 <= rule_mm <= 78, rule_mm
    rule_row = right_top + runs.index(max(runs))
    assert rule_row - right_top >= 4 * dots_per_mm  # below the capitals, not through them


def test_two_conversions_at_once_both_succeed(soffice, tmp_path):
    documents = [
        render_docx(resolution_layout()),
        render_docx(letter_layout()),
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(docx_to_pdf, documents))
    first = pdf_text(pdfs[0], tmp_path)
    second = pdf_text(pdfs[1], tmp_path)
    assert "Số 15-NQ/TU" in first and "Số 141-CV/VPTW" not in first
    assert "Số 141-CV/VPTW" in second and "Số 15-NQ/TU" not in second


# --- failures ---------------------------------------------------------------------------------


def test_missing_soffice_is_reported_not_crashed(settings, tmp_path):
    settings.SOFFICE_BINARY = str(tmp_path / "no-such-soffice")
    assert soffice_available() is False
    with pytest.raises(PdfConversionError) as raised:
        docx_to_pdf(render_docx(resolution_layout()))
    assert raised.value.code == "soffice_missing"


def test_failing_soffice_is_reported(settings, tmp_path):
    settings.SOFFICE_BINARY = executable(tmp_path / "soffice", "#!/bin/sh\nexit 77\n")
    assert soffice_available() is True
    with pytest.raises(PdfConversionError) as raised:
        docx_to_pdf(render_docx(resolution_layout()))
    assert raised.value.code == "soffice_failed"


def test_soffice_that_succeeds_without_writing_a_pdf_is_a_failure(settings, tmp_path):
    # LibreOffice answers 0 when it cannot load the file; only the output file tells.
    settings.SOFFICE_BINARY = executable(tmp_path / "soffice", "#!/bin/sh\nexit 0\n")
    with pytest.raises(PdfConversionError) as raised:
        docx_to_pdf(render_docx(resolution_layout()))
    assert raised.value.code == "soffice_failed"


def test_hung_soffice_is_stopped_with_what_it_started(settings, tmp_path):
    # The stand-in forks a child that keeps stdout open: unless the whole process group is
    # ended, reading its output would wait the full 30 seconds.
    settings.SOFFICE_BINARY = executable(tmp_path / "soffice", "#!/bin/sh\nsleep 30 &\nwait\n")
    settings.SOFFICE_TIMEOUT = 1
    started = time.monotonic()
    with pytest.raises(PdfConversionError) as raised:
        docx_to_pdf(render_docx(resolution_layout()))
    assert raised.value.code == "soffice_timeout"
    assert time.monotonic() - started < 10
