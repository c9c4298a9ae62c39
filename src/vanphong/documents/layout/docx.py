"""A party document as DOCX, laid out by the 36-HD/VPTW format (docs/rules/party-documents.md §4).

Sizes, case and style follow that file's table; where the party's rule was not found (margins,
marks, page numbers), the state rule (NĐ 30/2020) is used and the comment says so. Everything is
Times New Roman: the font is written on every run in all four script slots (ascii, hAnsi, eastAsia,
cs) and the theme fonts of the template are removed, so neither Word nor LibreOffice falls back to
Calibri/Cambria for Vietnamese letters.
"""

import datetime
import io

from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vanphong.core.formats import party_date_line
from vanphong.core.party_docx import (
    FONT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    NATIONAL_TITLE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)

from .model import PartyDocumentLayout

TEXT_WIDTH_MM = 210 - 30 - 15  # 165 mm between the margins of core.party_docx

# Header: the issuing body on the left, the national title and the date on the right.
HEADER_LEFT_MM, HEADER_RIGHT_MM = 85, TEXT_WIDTH_MM - 85
# Footer: "Nơi nhận" on the left, the signature block on the right.
FOOTER_LEFT_MM, FOOTER_RIGHT_MM = 80, TEXT_WIDTH_MM - 80
# The rule under "ĐẢNG CỘNG SẢN VIỆT NAM" has the title's length: 206.1 pt at 15 pt bold,
# measured with Liberation Serif Bold, which is metric-compatible with Times New Roman Bold.
NATIONAL_RULE_MM = 73

SIZE_NATIONAL_TITLE = 15
SIZE_HEADER = 14  # superior body, issuing body, "*", number, place and date
SIZE_TYPE_NAME = 16  # the rule: 15–16
SIZE_SUMMARY = 14  # the rule: 14–15
SIZE_LETTER_SUMMARY = 12  # công văn "V/v …": 12, italic
SIZE_BODY = 14  # the rule: 14–15
SIZE_SIGNATURE = 14
SIZE_MARK = 14
# "Nơi nhận" is not in the party's table. Common practice (and the state rule) prints the label
# 12 bold italic and the entries 11 upright; we do the same.
SIZE_RECIPIENTS_LABEL = 12
SIZE_RECIPIENTS = 11

BODY_FIRST_LINE_INDENT = Mm(10)
SIGNATURE_SPACE_PT = 72  # about 25 mm above the name, for the signature and the seal
DRAFT_BLANK = "     "  # five spaces where the clerk writes the day and month by hand


def render_docx(layout: PartyDocumentLayout) -> bytes:
    """The document as DOCX bytes: A4, Times New Roman, the party's header, body and footer."""
    document = Document()
    _set_up_styles(document)
    _set_up_page(document)
    _header(document, layout)
    _title_block(document, layout)
    _body(document, layout)
    _footer(document, layout)
    _properties(document, layout)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def date_line(layout: PartyDocumentLayout) -> str:
    """'Hà Nội, ngày 09 tháng 01 năm 2026', or with blanks for the day and month on a draft."""
    if layout.date is not None:
        return party_date_line(layout.place, layout.date)
    year = layout.draft_year or timezone.localdate().year
    return f"{layout.place}, ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm {year}"


def letter_summary(layout: PartyDocumentLayout) -> str:
    """A công văn's summary as printed under its number: 'V/v …'."""
    summary = layout.summary.strip()
    return summary if summary.lower().startswith("v/v") else f"V/v {summary}"


# --- page and styles -------------------------------------------------------------------------


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = Mm(10)
    # Page numbers from page 2, centred at the top (state practice; UNVERIFIED for the party).
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit, empty first header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    run = OxmlElement("w:r")
    field.append(run)
    _style_run_element(run, size=SIZE_HEADER)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)


def _set_up_styles(document) -> None:
    styles_root = document.styles.element
    # Drop the template's theme fonts (Calibri/Cambria): theme attributes win over explicit ones.
    for fonts in styles_root.iter(qn("w:rFonts")):
        _set_fonts(fonts)
    defaults = styles_root.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_defaults.find(qn("w:lang"))
    language.set(qn("w:val"), "vi-VN")
    language.set(qn("w:eastAsia"), "vi-VN")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_BODY)
    _set_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts())
    paragraph_format = normal.paragraph_format
    paragraph_format.space_before = paragraph_format.space_after = Pt(0)
    paragraph_format.line_spacing = 1.0


def _set_fonts(fonts) -> None:
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)


# --- building blocks -------------------------------------------------------------------------


def _paragraph(
    container,
    text: str,
    *,
    size: int,
    bold: bool = False,
    italic: bool = False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    space_before: float = 0,
    space_after: float = 0,
    reuse_first: bool = False,
):
    """A one-run paragraph; `reuse_first` fills the empty paragraph a new table cell starts with."""
    if reuse_first and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(space_before)
    paragraph.paragraph_format.space_after = Pt(space_after)
    run = paragraph.add_run(text)
    _style_run(run, size=size, bold=bold, italic=italic)
    _style_paragraph_mark(paragraph, size=size)
    return paragraph


def _style_run(run, *, size: int, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    _style_properties(run._r.get_or_add_rPr(), size=size)


def _style_run_element(run_element, *, size: int) -> None:
    """A `w:r` built by hand: give it run properties like `_style_run` does."""
    properties = run_element.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_element.insert(0, properties)
    _style_properties(properties, size=size)


def _style_properties(properties, *, size: int) -> None:
    """All four font slots and the complex-script size, which python-docx leaves unset."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    _set_fonts(fonts)
    for tag in ("w:sz", "w:szCs"):
        element = properties.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            properties.append(element)
        element.set(qn("w:val"), str(size * 2))


def _style_paragraph_mark(paragraph, *, size: int) -> None:
    """The pilcrow's size sets the height of an empty line; keep it at the paragraph's size."""
    properties = paragraph._p.get_or_add_pPr()
    mark = properties.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        properties.append(mark)
    _style_properties(mark, size=size)


def _borderless_table(document, widths_mm: tuple[int, int]):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout fixed: the columns keep the widths below
    properties = table._tbl.tblPr
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
    width.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(width)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)
    # No cell padding: the columns are exactly the widths above, and text is centred in them.
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)
    _sort_table_properties(properties)
    row = table.rows[0]
    row_properties = row._tr.get_or_add_trPr()
    row_properties.append(OxmlElement("w:cantSplit"))
    for index, width_mm in enumerate(widths_mm):
        table.columns[index].width = Mm(width_mm)
        cell = row.cells[index]
        cell.width = Mm(width_mm)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


# CT_TblPr's children must follow the schema order, or Word calls the file corrupt.
_TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]


def _sort_table_properties(properties) -> None:
    children = list(properties)
    rank = {qn(f"w:{name}"): index for index, name in enumerate(_TBLPR_ORDER)}
    children.sort(key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        properties.remove(child)
        properties.append(child)


def _rule(cell, *, column_mm: int, length_mm: int):
    """A solid line `length_mm` long, centred in the column: an empty paragraph's top border."""
    paragraph = cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph_format = paragraph.paragraph_format
    side = Mm((column_mm - length_mm) / 2)
    paragraph_format.left_indent = paragraph_format.right_indent = side
    # A little air between the title and its rule, so the rule does not read as an underline.
    paragraph_format.space_before, paragraph_format.space_after = Pt(3), Pt(0)
    paragraph_format.line_spacing = Pt(4)
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "8")  # eighths of a point: 1 pt
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    # pBdr sits after the spacing-related elements python-docx already wrote; order per schema.
    anchor = properties.find(qn("w:spacing"))
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        properties.append(borders)
    _style_paragraph_mark(paragraph, size=4)
    return paragraph


# --- the parts of the page -------------------------------------------------------------------


def _header(document, layout: PartyDocumentLayout) -> None:
    table = _borderless_table(document, (HEADER_LEFT_MM, HEADER_RIGHT_MM))
    left, right = table.rows[0].cells

    if layout.superior_body:
        _paragraph(left, layout.superior_body.upper(), size=SIZE_HEADER, reuse_first=True)
    _paragraph(left, layout.issuing_body.upper(), size=SIZE_HEADER, bold=True, reuse_first=True)
    _paragraph(left, "*", size=SIZE_HEADER)
    _paragraph(left, layout.number_line, size=SIZE_HEADER)
    if layout.is_official_letter:
        _paragraph(left, letter_summary(layout), size=SIZE_LETTER_SUMMARY, italic=True)
    # Where the marks go on a party document was not found (docs/rules/party-documents.md §4):
    # as the state rule does, they are printed bold in the left column under the number (and the
    # "V/v" line).
    if layout.urgency_mark:
        _paragraph(left, layout.urgency_mark, size=SIZE_MARK, bold=True, space_before=6)
    if layout.confidentiality_mark:
        _paragraph(left, layout.confidentiality_mark, size=SIZE_MARK, bold=True, space_before=6)

    _paragraph(right, NATIONAL_TITLE, size=SIZE_NATIONAL_TITLE, bold=True, reuse_first=True)
    _rule(right, column_mm=HEADER_RIGHT_MM, length_mm=NATIONAL_RULE_MM)
    _paragraph(right, date_line(layout), size=SIZE_HEADER, italic=True, space_before=6)


def _title_block(document, layout: PartyDocumentLayout) -> None:
    if layout.is_official_letter:
        # A công văn has no type name; its summary is already under the number.
        _paragraph(document, "", size=SIZE_BODY)
        return
    if layout.type_name:
        _paragraph(
            document, layout.type_name.upper(), size=SIZE_TYPE_NAME, bold=True, space_before=24
        )
    _paragraph(
        document,
        layout.summary,
        size=SIZE_SUMMARY,
        bold=True,
        space_before=0 if layout.type_name else 24,
        space_after=18,
    )


def is_heading(text: str) -> bool:
    """A body line written in capitals ("BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH", "I. MỤC ĐÍCH, YÊU
    CẦU") is a heading: bold, and centred when it is an operative line without a numeral."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and text == text.upper() and len(text) <= 150


def _body(document, layout: PartyDocumentLayout) -> None:
    for text in layout.body:
        heading = is_heading(text)
        numbered = heading and text.split(" ", 1)[0].rstrip(".").isupper() and "." in text[:6]
        centred = heading and not numbered
        paragraph = _paragraph(
            document,
            text,
            size=SIZE_BODY,
            bold=heading,
            align=WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY,
            space_after=6,
        )
        paragraph_format = paragraph.paragraph_format
        paragraph_format.first_line_indent = None if centred else BODY_FIRST_LINE_INDENT
        paragraph_format.line_spacing = 1.15


def _footer(document, layout: PartyDocumentLayout) -> None:
    _paragraph(document, "", size=SIZE_BODY)
    table = _borderless_table(document, (FOOTER_LEFT_MM, FOOTER_RIGHT_MM))
    left, right = table.rows[0].cells

    if layout.recipients:
        _paragraph(
            left,
            "Nơi nhận:",
            size=SIZE_RECIPIENTS_LABEL,
            bold=True,
            italic=True,
            align=WD_ALIGN_PARAGRAPH.LEFT,
            reuse_first=True,
        )
        for entry in layout.recipients:
            _paragraph(left, f"- {entry}", size=SIZE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT)

    if layout.authority_line:
        _paragraph(
            right, layout.authority_line.upper(), size=SIZE_SIGNATURE, bold=True, reuse_first=True
        )
    if layout.signer_position:
        _paragraph(
            right, layout.signer_position.upper(), size=SIZE_SIGNATURE, bold=True, reuse_first=True
        )
    if layout.signer_name:
        # The space above the name is where the signature and the seal go.
        _paragraph(
            right,
            layout.signer_name,
            size=SIZE_SIGNATURE,
            bold=True,
            space_before=SIGNATURE_SPACE_PT,
            reuse_first=True,
        )


def _properties(document, layout: PartyDocumentLayout) -> None:
    properties = document.core_properties
    properties.title = layout.summary
    properties.author = layout.issuing_body
    properties.last_modified_by = layout.issuing_body
    properties.subject = layout.number_line.strip()
    properties.comments = ""
    properties.keywords = ""
    properties.language = "vi-VN"
    now = datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    properties.revision = 1
