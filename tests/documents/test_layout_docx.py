"""The party's document layout as DOCX (docs/rules/party-documents.md §2 and §4).

Every test renders a layout, opens the DOCX back with python-docx and checks what is printed and
how: text, capitals, size, bold/italic, font in all four script slots, alignment, page set-up.
"""

import datetime
import io
import unicodedata

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from vanphong.documents.layout import LayoutError, PartyDocumentLayout, render_docx

# Body text adapted from a Đảng ủy Khối report on the work of the party committees' offices
# (tests/samples/README.md): realistic length, diacritics and punctuation.
BODY = [
    "Năm 2025, Văn phòng Thành ủy và văn phòng các đảng ủy trực thuộc đã bám sát quy chế, "
    "chương trình làm việc của các cấp ủy đảng, đoàn kết, sáng tạo, khắc phục khó khăn, tích "
    "cực, chủ động tham mưu, thực hiện toàn diện các nhiệm vụ theo chức năng, nhiệm vụ được "
    "giao, hoàn thành khối lượng công việc lớn, phục vụ sự lãnh đạo, chỉ đạo của cấp ủy.",
    "Văn phòng cấp ủy các cấp làm tốt công tác văn thư, lưu trữ, thẩm định các văn bản và công "
    "tác bảo mật tài liệu; thực hiện nghiêm quy định quản lý con dấu. Lập hồ sơ, lưu tài liệu "
    "đúng hạn vào lưu trữ; tổ chức bảo quản an toàn, khai thác, sử dụng có hiệu quả tài liệu "
    "lưu trữ thuộc thẩm quyền lưu trữ của cấp ủy.",
    "Tiếp tục tham mưu thực hiện tốt công tác tài chính của cấp ủy; thực hiện nghiêm chế độ báo "
    "cáo thu, nộp đảng phí lên cấp ủy cấp trên đúng quy định.",
]
RECIPIENTS = [
    "Ban Bí thư Trung ương Đảng (để b/c),",
    "Các đảng ủy trực thuộc Thành ủy,",
    "Lưu Văn phòng Thành ủy.",
]
SUMMARY = "về nâng cao chất lượng công tác văn phòng cấp ủy năm 2026"
LETTER_SUMMARY = "triển khai ứng dụng Sổ tay đảng viên điện tử"
FONT = "Times New Roman"


def resolution_layout(**changes) -> PartyDocumentLayout:
    """A Nghị quyết of the Ban Thường vụ Thành ủy Hà Nội, dated 09/01/2026 (D4's date)."""
    fields = {
        "superior_body": "Đảng bộ thành phố Hà Nội",
        "issuing_body": "Ban Thường vụ Thành ủy",
        "number_line": "Số 15-NQ/TU",
        "place": "Hà Nội",
        "date": datetime.date(2026, 1, 9),
        "type_name": "Nghị quyết",
        "summary": SUMMARY,
        "body": BODY,
        "authority_line": "T/M Ban Thường vụ",
        "signer_position": "Phó Bí thư",
        "signer_name": "Phạm Quang Thao",
        "recipients": RECIPIENTS,
    }
    fields.update(changes)
    return PartyDocumentLayout(**fields)


def letter_layout(**changes) -> PartyDocumentLayout:
    """A công văn of the Văn phòng Trung ương Đảng, no superior body (D1: 141, CV, VPTW)."""
    fields = {
        "issuing_body": "Văn phòng Trung ương Đảng",
        "number_line": "Số 141-CV/VPTW",
        "place": "Hà Nội",
        "date": datetime.date(2026, 3, 5),
        "is_official_letter": True,
        "summary": LETTER_SUMMARY,
        "body": [
            "Kính gửi: Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương.",
            "Thực hiện Quy định số 339-QĐ/TW ngày 10/7/2025 của Ban Bí thư, Văn phòng Trung "
            "ương Đảng đề nghị các cấp ủy chỉ đạo các chi bộ hướng dẫn đảng viên cài đặt, sử "
            "dụng Sổ tay đảng viên điện tử.",
        ],
        "authority_line": "K/T Chánh Văn phòng",
        "signer_position": "Phó Chánh Văn phòng",
        "signer_name": "Nguyễn Thị Hoa",
        "recipients": ["Như trên,", "Lưu Văn phòng Trung ương Đảng."],
    }
    fields.update(changes)
    return PartyDocumentLayout(**fields)


def open_docx(layout: PartyDocumentLayout):
    return Document(io.BytesIO(render_docx(layout)))


def header_cells(document):
    left, right = document.tables[0].rows[0].cells
    return left, right


def footer_cells(document):
    left, right = document.tables[1].rows[0].cells
    return left, right


def texts(cell_or_document) -> list[str]:
    return [p.text for p in cell_or_document.paragraphs if p.text]


def paragraph(container, text: str):
    matches = [p for p in container.paragraphs if p.text == text]
    assert len(matches) == 1, f"{text!r} printed {len(matches)} times in {texts(container)!r}"
    return matches[0]


def assert_style(par, *, size: float, bold: bool = False, italic: bool = False, align=None):
    """Every run of the paragraph in Times New Roman (all four slots) at the given size/style."""
    runs = [run for run in par.runs if run.text]
    assert runs, f"no text in {par.text!r}"
    for run in runs:
        assert run.font.size.pt == size, par.text
        assert bool(run.font.bold) is bold, par.text
        assert bool(run.font.italic) is italic, par.text
        assert run.font.name == FONT
        fonts = run._r.rPr.find(qn("w:rFonts"))
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert fonts.get(qn(f"w:{slot}")) == FONT, (par.text, slot)
    if align is not None:
        assert par.alignment == align, par.text


def mm(length) -> float:
    return round(length.mm, 1)


# --- page -------------------------------------------------------------------------------------


def test_page_is_a4_with_the_state_margins():
    section = open_docx(resolution_layout()).sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    assert mm(section.top_margin) == mm(section.bottom_margin) == 20.0
    assert (mm(section.left_margin), mm(section.right_margin)) == (30.0, 15.0)


def test_pages_after_the_first_are_numbered_at_the_top():
    section = open_docx(resolution_layout()).sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    field = header._p.find(qn("w:fldSimple"))
    assert field.get(qn("w:instr")) == "PAGE"


def test_no_theme_font_is_left_for_word_or_libreoffice_to_fall_back_on():
    document = open_docx(resolution_layout())
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        assert not any(name.lower().endswith("theme") for name in fonts.attrib)
    normal = document.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.font.size.pt == 14
    language = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert language.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_every_printed_run_is_times_new_roman():
    document = open_docx(resolution_layout(urgency_mark="KHẨN", confidentiality_mark="MẬT"))
    pars = list(document.paragraphs)
    for table in document.tables:
        for cell in table.rows[0].cells:
            pars.extend(cell.paragraphs)
    runs = [run for par in pars for run in par.runs if run.text]
    assert len(runs) >= 20
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {FONT}


def test_core_properties_name_the_document_and_its_issuer():
    properties = open_docx(resolution_layout()).core_properties
    assert properties.title == SUMMARY
    assert properties.author == "Ban Thường vụ Thành ủy"
    assert properties.language == "vi-VN"
    assert "python-docx" not in (properties.comments + properties.last_modified_by)


# --- header -----------------------------------------------------------------------------------


def test_header_is_a_borderless_two_column_table_filling_the_text_width():
    table = open_docx(resolution_layout()).tables[0]
    assert len(table.rows) == 1 and len(table.columns) == 2
    widths = [mm(column.width) for column in table.columns]
    assert sum(widths) == 165.0
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    # Word rejects a table whose properties repeat an element.
    tags = [child.tag for child in table._tbl.tblPr]
    assert len(tags) == len(set(tags))
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_left_header_prints_superior_body_issuing_body_star_and_number():
    left, _ = header_cells(open_docx(resolution_layout()))
    assert texts(left) == ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "BAN THƯỜNG VỤ THÀNH ỦY", "*", "Số 15-NQ/TU"]
    center = WD_ALIGN_PARAGRAPH.CENTER
    assert_style(paragraph(left, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"), size=14, align=center)
    assert_style(paragraph(left, "BAN THƯỜNG VỤ THÀNH ỦY"), size=14, bold=True, align=center)
    assert_style(paragraph(left, "*"), size=14, align=center)
    # D1: "Số 15-NQ/TU", normal 14, no colon after "Số".
    assert_style(paragraph(left, "Số 15-NQ/TU"), size=14, align=center)


def test_right_header_prints_the_national_title_its_rule_and_the_date_line():
    _, right = header_cells(open_docx(resolution_layout()))
    assert texts(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 09 tháng 01 năm 2026"]
    title = paragraph(right, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert_style(title, size=15, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    # D4: 2026-01-09 → "ngày 09 tháng 01 năm 2026", 14 italic.
    date_line = paragraph(right, "Hà Nội, ngày 09 tháng 01 năm 2026")
    assert_style(date_line, size=14, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)

    # The rule: the paragraph right after the title, a single solid top border, centred, as
    # long as the title (206 pt ≈ 72.7 mm at 15 pt bold Times New Roman).
    pars = right.paragraphs
    assert [p.text for p in pars] == [title.text, "", date_line.text]
    rule = pars[1]
    top = rule._p.pPr.find(qn("w:pBdr")).find(qn("w:top"))
    assert top.get(qn("w:val")) == "single"
    assert int(top.get(qn("w:sz"))) >= 4  # at least half a point
    column = mm(right.width)
    left_indent, right_indent = (
        mm(rule.paragraph_format.left_indent),
        mm(rule.paragraph_format.right_indent),
    )
    assert left_indent == right_indent
    assert 70 <= column - left_indent - right_indent <= 76


def test_no_superior_body_leaves_the_issuing_body_first():
    left, _ = header_cells(open_docx(letter_layout()))
    assert texts(left)[:3] == ["VĂN PHÒNG TRUNG ƯƠNG ĐẢNG", "*", "Số 141-CV/VPTW"]


def test_a_draft_keeps_blanks_for_the_number_day_and_month():
    layout = resolution_layout(number_line="Số      -NQ/TU", date=None, draft_year=2026)
    assert layout.is_draft
    left, right = header_cells(open_docx(layout))
    assert "Số      -NQ/TU" in texts(left)
    assert_style(paragraph(right, "Hà Nội, ngày     tháng     năm 2026"), size=14, italic=True)


def test_marks_are_printed_bold_under_the_number():
    layout = resolution_layout(urgency_mark="THƯỢNG KHẨN", confidentiality_mark="TỐI MẬT")
    left, right = header_cells(open_docx(layout))
    assert texts(left)[-3:] == ["Số 15-NQ/TU", "THƯỢNG KHẨN", "TỐI MẬT"]
    assert_style(paragraph(left, "THƯỢNG KHẨN"), size=14, bold=True)
    assert_style(paragraph(left, "TỐI MẬT"), size=14, bold=True)
    assert "TỐI MẬT" not in texts(right)


def test_without_marks_nothing_is_printed_under_the_number():
    left, _ = header_cells(open_docx(resolution_layout()))
    assert texts(left)[-1] == "Số 15-NQ/TU"


# --- title, summary, body -------------------------------------------------------------------


def test_type_name_in_capitals_then_the_summary_bold():
    document = open_docx(resolution_layout())
    assert texts(document)[:2] == ["NGHỊ QUYẾT", SUMMARY]
    assert_style(
        paragraph(document, "NGHỊ QUYẾT"), size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    assert_style(paragraph(document, SUMMARY), size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def test_body_paragraphs_are_justified_14_with_a_first_line_indent():
    document = open_docx(resolution_layout())
    assert texts(document)[2:] == BODY
    for text in BODY:
        par = paragraph(document, text)
        assert_style(par, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        assert 9 <= mm(par.paragraph_format.first_line_indent) <= 13


def test_capital_lines_of_the_body_are_headings():
    """An operative line ("BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH") is bold and centred; a numbered
    section title ("I. MỤC ĐÍCH, YÊU CẦU") bold in the flow; "Điều 1." stays body text."""
    body = [
        "- Căn cứ Điều lệ Đảng;",
        "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Điều 1. …",
    ]
    document = open_docx(resolution_layout(body=body))
    operative = paragraph(document, body[1])
    assert_style(operative, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    assert operative.paragraph_format.first_line_indent is None
    assert_style(paragraph(document, body[2]), size=14, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    for text in (body[0], body[3]):
        assert_style(paragraph(document, text), size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)


def test_official_letter_shows_v_v_under_the_number_and_no_type_name():
    document = open_docx(letter_layout())
    left, _ = header_cells(document)
    assert texts(left) == [
        "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG",
        "*",
        "Số 141-CV/VPTW",
        f"V/v {LETTER_SUMMARY}",
    ]
    assert_style(
        paragraph(left, f"V/v {LETTER_SUMMARY}"),
        size=12,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    # Nothing between the header and the body: no type name, no bold summary line.
    body_texts = texts(document)
    assert body_texts[0].startswith("Kính gửi:")
    assert LETTER_SUMMARY not in " ".join(body_texts)
    assert "CÔNG VĂN" not in body_texts
    _, right = header_cells(document)
    assert "Hà Nội, ngày 05 tháng 3 năm 2026" in texts(right)


def test_official_letter_summary_already_starting_with_v_v_is_not_doubled():
    left, _ = header_cells(open_docx(letter_layout(summary=f"V/v {LETTER_SUMMARY}")))
    assert texts(left)[-1] == f"V/v {LETTER_SUMMARY}"


def test_official_letter_marks_come_under_the_v_v_line():
    left, _ = header_cells(open_docx(letter_layout(urgency_mark="HỎA TỐC")))
    assert texts(left)[-2:] == [f"V/v {LETTER_SUMMARY}", "HỎA TỐC"]


# --- footer -----------------------------------------------------------------------------------


def test_recipients_are_listed_under_noi_nhan_each_with_a_dash():
    left, _ = footer_cells(open_docx(resolution_layout()))
    assert texts(left) == ["Nơi nhận:"] + [f"- {entry}" for entry in RECIPIENTS]
    assert_style(
        paragraph(left, "Nơi nhận:"), size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    for entry in RECIPIENTS:
        assert_style(paragraph(left, f"- {entry}"), size=11, align=WD_ALIGN_PARAGRAPH.LEFT)


def test_signature_block_prints_authority_position_space_and_name():
    document = open_docx(resolution_layout())
    _, right = footer_cells(document)
    assert texts(right) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Quang Thao"]
    center = WD_ALIGN_PARAGRAPH.CENTER
    assert_style(paragraph(right, "T/M BAN THƯỜNG VỤ"), size=14, bold=True, align=center)
    assert_style(paragraph(right, "PHÓ BÍ THƯ"), size=14, bold=True, align=center)
    name = paragraph(right, "Phạm Quang Thao")
    assert_style(name, size=14, bold=True, align=center)
    # Room for the signature and the seal: at least 20 mm above the name.
    assert name.paragraph_format.space_before.mm >= 20
    # The footer follows the body.
    body = document.element.body
    assert body.index(document.tables[1]._tbl) > body.index(paragraph(document, BODY[-1])._p)


def test_footer_columns_fill_the_text_width():
    table = open_docx(resolution_layout()).tables[1]
    assert sum(mm(column.width) for column in table.columns) == 165.0


# --- input ------------------------------------------------------------------------------------


def test_decomposed_input_is_printed_nfc():
    decomposed = unicodedata.normalize("NFD", "Ban Thường vụ Thành ủy")
    layout = resolution_layout(
        issuing_body=decomposed, body=[unicodedata.normalize("NFD", BODY[0])]
    )
    left, _ = header_cells(open_docx(layout))
    assert "BAN THƯỜNG VỤ THÀNH ỦY" in texts(left)
    assert texts(open_docx(layout))[2] == BODY[0]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"confidentiality_mark": "Mật"}, "unknown_confidentiality"),
        ({"confidentiality_mark": "BÍ MẬT"}, "unknown_confidentiality"),
        ({"urgency_mark": "KHẨN CẤP"}, "unknown_urgency"),
        ({"number_line": "  "}, "missing_field"),
        ({"issuing_body": ""}, "missing_field"),
    ],
)
def test_bad_layout_is_refused_with_a_vietnamese_message(changes, code):
    with pytest.raises(LayoutError) as raised:
        resolution_layout(**changes)
    assert raised.value.code == code
    assert raised.value.message  # the Vietnamese text comes from the catalog
