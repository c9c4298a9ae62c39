"""The synthesis of comments on a draft (bảng tổng hợp ý kiến góp ý, tiếp thu, giải trình) as a
DOCX in the party's layout: the bodies at the head, the title, and one row per comment with the
part it points at, who made it, and how it was taken up and why."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from vanphong.core.formats import party_date_line
from vanphong.core.party_docx import NATIONAL_TITLE, center, line, run, two_columns
from vanphong.meetings.models import Disposition

HEADERS = ("TT", "Nội dung dự thảo", "Ý kiến góp ý", "Người, tổ chức góp ý", "Tiếp thu, giải trình")
WIDTHS = (12, 70, 80, 45, 60)


def rows_of(draft) -> list[dict]:
    """The table's rows: each comment in the order of the parts it points at."""
    labels = dict(Disposition.choices)
    rows = []
    for comment in draft.comments.select_related("member", "on_behalf_of"):
        part = "Toàn văn dự thảo" if comment.part == 0 else draft.parts[comment.part - 1]
        who = comment.member.full_name
        if comment.on_behalf_of is not None:
            who = f"{comment.on_behalf_of.name} (đồng chí {who})"
        answer = str(labels.get(comment.disposition, "Chưa xử lý"))
        if comment.reason:
            answer = f"{answer}: {comment.reason}"
        rows.append({"part": part, "text": comment.text, "who": who, "answer": answer})
    return rows


def render(draft, superior: str, place_name: str, day) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(15)

    left, right = two_columns(document, (110, 140))
    if superior:
        center(left, superior.upper(), size=13)
    center(left, draft.organization.name.upper(), size=13, bold=True)
    center(left, "*", size=13)
    center(right, NATIONAL_TITLE, size=14, bold=True)
    center(right, party_date_line(place_name, day), size=13, italic=True)

    middle = WD_ALIGN_PARAGRAPH.CENTER
    line(document, "BẢNG TỔNG HỢP", size=14, bold=True, align=middle)
    line(document, "ý kiến góp ý, tiếp thu, giải trình", size=14, bold=True, align=middle)
    line(document, f"đối với dự thảo: {draft.title}", size=14, italic=True, align=middle)
    line(document, "-----", align=middle)

    rows = rows_of(draft)
    table = document.add_table(rows=1 + len(rows), cols=len(HEADERS))
    table.style = "Table Grid"
    for column, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        cell = table.rows[0].cells[column]
        cell.width = Mm(width)
        cell.paragraphs[0].alignment = middle
        run(cell.paragraphs[0], header, size=12, bold=True)
    for number, row in enumerate(rows, start=1):
        values = (str(number), row["part"], row["text"], row["who"], row["answer"])
        for column, value in enumerate(values):
            cell = table.rows[number].cells[column]
            cell.width = Mm(WIDTHS[column])
            run(cell.paragraphs[0], value, size=12)
    if not rows:
        line(document, "Không có ý kiến góp ý.", italic=True)

    properties = document.core_properties
    properties.title = f"Tổng hợp ý kiến: {draft.title}"
    properties.author = draft.organization.name
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
