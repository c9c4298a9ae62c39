"""The hand-over's two papers as DOCX in the party's layout (documents.layout): the list of files
handed over (mục lục hồ sơ nộp lưu), its table of files put before the signature, and the
hand-over minutes (biên bản giao nhận), signed by the side that hands over (left) and the
archivist who receives (right)."""

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from vanphong.core.formats import date_vn, number_vn
from vanphong.documents.layout.docx import render_docx
from vanphong.documents.layout.model import CONFIDENTIALITY_MARKS, PartyDocumentLayout
from vanphong.records.models import HandOver
from vanphong.records.rules import retention_label

FONT = "Times New Roman"
COLUMNS = (
    "STT",
    "Ký hiệu hồ sơ",
    "Tiêu đề hồ sơ",
    "Thời gian",
    "Thời hạn bảo quản",
    "Số tờ",
    "Số văn bản",
    "Ghi chú",
)


def _superior(organization) -> str:
    parent = type(organization).objects.get_parent(organization)
    return parent.name if parent is not None and parent.depth > 1 else ""


def _place(organization) -> str:
    name = organization.name
    for prefix in ("Đảng bộ tỉnh ", "Đảng bộ thành phố ", "Đảng bộ xã ", "Đảng bộ phường "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _files(handover: HandOver) -> list:
    return list(handover.files.select_related("item").order_by("code", "pk"))


def _span(file) -> str:
    from vanphong.records.services.files import document_day

    days = sorted(
        document_day(e.document) for e in file.entries.select_related("incoming", "outgoing")
    )
    if not days:
        return ""
    return date_vn(days[0]) if days[0] == days[-1] else f"{date_vn(days[0])} – {date_vn(days[-1])}"


def _layout(handover: HandOver, *, summary: str, type_name: str, body: list[str], symbol: str):
    organization = handover.organization
    archivist = handover.received_by
    return PartyDocumentLayout(
        issuing_body=organization.name,
        superior_body=_superior(organization),
        number_line=f"Số {handover.number:02d}-{symbol}",
        place=_place(organization),
        date=handover.received_on,
        type_name=type_name,
        summary=summary,
        body=body,
        signer_position="ĐẠI DIỆN BÊN NHẬN",
        signer_name=archivist.get_full_name() if archivist else "",
        confidentiality_mark=CONFIDENTIALITY_MARKS[handover.confidentiality],
    )


def _run(paragraph, text: str, *, size: int = 12, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _cell(cell, text: str, *, bold: bool = False, center: bool = True) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    _run(paragraph, text, bold=bold)


def _sign_left(document, handover: HandOver) -> None:
    """The side that hands over signs in the footer's left column."""
    left = document.tables[-1].rows[0].cells[0]
    paragraph = left.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "ĐẠI DIỆN BÊN GIAO", size=14, bold=True)
    name = left.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    name.paragraph_format.space_before = Pt(72)
    _run(name, handover.handed_by_name, size=14, bold=True)


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def file_list(handover: HandOver) -> bytes:
    """Mục lục hồ sơ nộp lưu: one row per file, in code order, with its totals."""
    files = _files(handover)
    layout = _layout(
        handover,
        summary=f"hồ sơ nộp lưu vào Lưu trữ cơ quan ngày {date_vn(handover.received_on)}",
        type_name="Mục lục",
        body=[
            f"Tổng số: {number_vn(len(files))} hồ sơ, "
            f"{number_vn(sum(f.pages or 0 for f in files))} tờ, "
            f"{number_vn(sum(f.document_count or 0 for f in files))} văn bản."
        ],
        symbol="ML/LT",
    )
    document = docx.Document(io.BytesIO(render_docx(layout)))
    footer = document.tables[-1]
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        _cell(cell, title, bold=True)
    for number, file in enumerate(files, start=1):
        values = (
            str(number),
            file.code,
            file.title,
            _span(file),
            retention_label(file.retention_years),
            number_vn(file.pages or 0),
            number_vn(file.document_count or 0),
            CONFIDENTIALITY_MARKS[file.confidentiality].capitalize(),
        )
        for index, (cell, value) in enumerate(zip(table.add_row().cells, values, strict=True)):
            _cell(cell, value, center=index != 2)
    footer._tbl.addprevious(table._tbl)  # the list before the signature
    _sign_left(document, handover)
    return _save(document)


def minutes(handover: HandOver) -> bytes:
    """Biên bản giao nhận hồ sơ: who handed over what to whom, the totals, the list attached."""
    files = _files(handover)
    organization = handover.organization
    archivist = handover.received_by
    years = sorted({f.year for f in files})
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    body = [
        f"Hôm nay, ngày {date_vn(handover.received_on)}, tại {organization.name}, chúng tôi gồm:",
        f"Bên giao: đồng chí {handover.handed_by_name}.",
        f"Bên nhận: đồng chí {archivist.get_full_name() if archivist else ''}, "
        "làm công tác lưu trữ.",
        "Thống nhất lập biên bản giao nhận tài liệu với nội dung như sau:",
        f"1. Tên khối tài liệu giao nộp: hồ sơ, tài liệu của {organization.name}, năm {span}.",
        f"2. Số lượng tài liệu: {number_vn(len(files))} hồ sơ, "
        f"{number_vn(sum(f.pages or 0 for f in files))} tờ, "
        f"{number_vn(sum(f.document_count or 0 for f in files))} văn bản.",
        f"3. Công cụ tra cứu kèm theo: Mục lục hồ sơ nộp lưu số {handover.number:02d}.",
    ]
    if handover.note:
        body.append(f"Ghi chú: {handover.note}")
    body.append("Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản.")
    layout = _layout(
        handover,
        summary="giao nhận hồ sơ, tài liệu vào Lưu trữ cơ quan",
        type_name="Biên bản",
        body=body,
        symbol="BB/LT",
    )
    document = docx.Document(io.BytesIO(render_docx(layout)))
    _sign_left(document, handover)
    return _save(document)
