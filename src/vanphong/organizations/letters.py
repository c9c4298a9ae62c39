"""The introduction letter for a transfer of party activity (giấy giới thiệu sinh hoạt đảng), as DOCX
in the party's layout (docs/rules/party-documents.md §4): header table, title, body, signature
block."""

import datetime
import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from vanphong.core.formats import date_vn, party_date_line
from vanphong.organizations.models import (
    CELL_KINDS,
    MemberStatus,
    Organization,
    OrgKind,
    Transfer,
    TransferKind,
)

FONT = "Times New Roman"
LETTER_VALID_DAYS = 30
_PLACE_PREFIXES = ("Đảng bộ tỉnh ", "Đảng bộ thành phố ")


def issuing_body(transfer: Transfer) -> Organization:
    """The committee that manages the member: the cell's parent committee, or the cell itself
    when it is a grassroots cell."""
    cell = transfer.from_organization
    if cell.kind in CELL_KINDS and cell.kind != OrgKind.GRASSROOTS_CELL and cell.depth > 1:
        return Organization.objects.get_parent(cell)
    return cell


def place_of(org: Organization) -> str:
    for ancestor in [*Organization.objects.get_ancestors(org).order_by("-depth"), org]:
        if ancestor.kind == OrgKind.PROVINCIAL:
            for prefix in _PLACE_PREFIXES:
                if ancestor.name.startswith(prefix):
                    return ancestor.name[len(prefix) :]
    return "Hà Nội"


def _run(paragraph, text, *, size=14, bold=False, italic=False):
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run


def _para(container, text="", *, align=WD_ALIGN_PARAGRAPH.LEFT, **style):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        _run(paragraph, text, **style)
    return paragraph


def _bottom_rule(paragraph) -> None:
    """A solid rule under 'ĐẢNG CỘNG SẢN VIỆT NAM', as a paragraph bottom border."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _status_text(member) -> str:
    return "đảng viên chính thức" if member.status == MemberStatus.OFFICIAL else "đảng viên dự bị"


def introduction_letter_docx(transfer: Transfer, issued_on: datetime.date | None = None) -> bytes:
    member, body = transfer.member, issuing_body(transfer)
    issued_on = issued_on or transfer.transferred_on
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)

    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    parent = Organization.objects.get_parent(body) if body.depth > 1 else None
    if parent is not None and parent.depth > 1:
        _run(left.paragraphs[0], parent.name.upper(), size=14)
        _para(left, body.name.upper(), align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    else:
        _run(left.paragraphs[0], body.name.upper(), size=14, bold=True)
    _para(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER)
    number = transfer.letter_number or "     "
    _para(left, f"Số {number}-GGT/{body.code}", align=WD_ALIGN_PARAGRAPH.CENTER)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True)
    _bottom_rule(right.paragraphs[0])
    _para(right)
    _para(
        right,
        party_date_line(place_of(body), issued_on),
        align=WD_ALIGN_PARAGRAPH.CENTER,
        italic=True,
    )

    _para(document)
    _para(document, "GIẤY GIỚI THIỆU", align=WD_ALIGN_PARAGRAPH.CENTER, size=15, bold=True)
    kind = "chính thức" if transfer.kind == TransferKind.OFFICIAL else "tạm thời"
    _para(
        document,
        f"Chuyển sinh hoạt đảng {kind}",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        size=14,
        bold=True,
    )
    _para(document)
    lines = [
        f"Kính gửi: {transfer.to_organization_name}",
        f"{body.name} giới thiệu đồng chí: {member.full_name}",
        f"Sinh ngày: {date_vn(member.birth_date)}",
        f"Là {_status_text(member)}, số thẻ đảng viên: {member.card_number or '…'}",
        f"Vào Đảng ngày: {date_vn(member.admitted_on)}"
        + (f"; chính thức ngày: {date_vn(member.official_on)}" if member.official_on else ""),
        f"Đang sinh hoạt tại: {transfer.from_organization.name}",
        f"Được chuyển sinh hoạt đảng {kind} đến {transfer.to_organization_name}"
        + (f" từ ngày {date_vn(transfer.transferred_on)}"),
    ]
    if transfer.kind == TransferKind.TEMPORARY and transfer.returns_on:
        lines.append(f"Thời gian sinh hoạt tạm thời đến ngày: {date_vn(transfer.returns_on)}")
    if transfer.reason:
        lines.append(f"Lý do: {transfer.reason}")
    valid_until = issued_on + datetime.timedelta(days=LETTER_VALID_DAYS)
    lines += [
        "Đề nghị các đồng chí tiếp nhận và quản lý đảng viên theo quy định.",
        f"Giấy giới thiệu có giá trị đến hết ngày {date_vn(valid_until)}.",
    ]
    for line in lines:
        paragraph = _para(document, line, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)

    _para(document)
    committee = "CHI ỦY" if body.kind in CELL_KINDS else "ĐẢNG ỦY"
    signature = document.add_table(rows=1, cols=2)
    recipients_cell, sign_cell = signature.rows[0].cells
    _run(recipients_cell.paragraphs[0], "Nơi nhận:", size=12, bold=True, italic=True)
    for recipient in ("- Như trên,", f"- Lưu {body.code}."):
        _para(recipients_cell, recipient, size=11)
    sign_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(sign_cell.paragraphs[0], f"T/M {committee}", bold=True)
    _para(sign_cell, "BÍ THƯ", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
