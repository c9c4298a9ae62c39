"""The pieces of the party's layout that every area's DOCX files share (docs/rules/
party-documents.md §4): the national title and the font, an A4 page with the party's margins, runs
in Times New Roman, justified lines with a first-line indent, the two-column head and signature
tables. The documents area lays out its numbered documents on top of these; the minutes, the
invitation and the synthesis table are built from them directly."""

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
NATIONAL_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
# A4. No party rule for margins was found (docs/rules/party-documents.md §4): these are the
# state rule (NĐ 30/2020: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm), at its narrowest.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP = MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT, MARGIN_RIGHT = Mm(30), Mm(15)


def new_document():
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    return document


def run(paragraph, text: str, *, size=14, bold=False, italic=False):
    run_ = paragraph.add_run(text)
    run_.font.name, run_.font.size, run_.bold, run_.italic = FONT, Pt(size), bold, italic
    run_._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run_


def line(container, text: str = "", *, size=14, bold=False, italic=False, align=None, indent=True):
    paragraph = container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if align is None else align
    paragraph.paragraph_format.space_after = Pt(4)
    if indent and align is None:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if text:
        run(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def two_columns(document, widths=(80, 90)):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Mm(width)
    return table.rows[0].cells


def center(cell, text, **style):
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(paragraph, text, **style)
