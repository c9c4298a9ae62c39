"""A register as a PDF: A4 landscape, Liberation Serif (full Vietnamese), the header row repeated
on every page, "Trang n/N" at the foot of each page."""

import functools
import html
import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from vanphong.documents import watermark
from vanphong.documents.registers.model import Register, as_text

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
MARGIN = 12 * mm
SAMPLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN Đảng bộ tỉnh Lào Cai ĐƯỢC ỮẴẶỲỸỴ đượcữẵặỳỹỵ"


@functools.lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """(regular, bold) font names: Liberation Serif if installed, else the first TrueType font
    with Vietnamese glyphs that the watermark lookup finds (regular for both)."""
    regular, bold = FONT_DIR / "LiberationSerif-Regular.ttf", FONT_DIR / "LiberationSerif-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdfmetrics.registerFont(TTFont("VanPhongRegister", str(regular)))
        pdfmetrics.registerFont(TTFont("VanPhongRegister-Bold", str(bold)))
        return "VanPhongRegister", "VanPhongRegister-Bold"
    name, _text = watermark.font_for(SAMPLE)
    return name, name


class _NumberedCanvas(pdf_canvas.Canvas):
    """Writes "Trang n/N" once the page count is known."""

    font = "Helvetica"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(self.font, 9)
            width, _height = self._pagesize
            self.drawRightString(width - MARGIN, MARGIN / 2, f"Trang {self._pageNumber}/{total}")
            super().showPage()
        super().save()


def write(register: Register) -> bytes:
    regular, bold = fonts()
    title_style = ParagraphStyle(
        "title", fontName=bold, fontSize=15, leading=19, alignment=TA_CENTER
    )
    org_style = ParagraphStyle("org", fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER)
    period_style = ParagraphStyle(
        "period", fontName=regular, fontSize=11, leading=14, alignment=TA_CENTER
    )
    head_style = ParagraphStyle("head", fontName=bold, fontSize=9, leading=11, alignment=TA_CENTER)
    cell_style = ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11)

    def para(text, style):
        return Paragraph(html.escape(text).replace("\n", "<br/>"), style)

    page = landscape(A4)
    usable = page[0] - 2 * MARGIN
    total_width = sum(c.width for c in register.columns)
    widths = [usable * c.width / total_width for c in register.columns]
    data = [[para(c.label, head_style) for c in register.columns]]
    for row in register.rows:
        data.append([para(as_text(value), cell_style) for value in row.cells])
    if not register.rows:
        data.append(
            [para("Không có văn bản nào trong thời gian này.", cell_style)]
            + [""] * (len(widths) - 1)
        )
    table = LongTable(data, colWidths=widths, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2DCDB")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if not register.rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=register.title,
        author=register.organization,
    )
    canvas_class = type("RegisterCanvas", (_NumberedCanvas,), {"font": regular})
    document.build(
        [
            para(register.title, title_style),
            para(register.organization, org_style),
            para(register.subtitle, period_style),
            Spacer(1, 4 * mm),
            table,
        ],
        canvasmaker=canvas_class,
    )
    return out.getvalue()
