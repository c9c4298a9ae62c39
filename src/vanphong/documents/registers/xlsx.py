"""A register as an XLSX workbook: title row, organization, period, a header row, then the rows.
Dates are real dates shown dd/mm/yyyy (times dd/mm/yyyy hh:mm), so the sheet sorts and filters."""

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from vanphong.core.spreadsheet import as_text
from vanphong.documents.registers.model import Register, local

DATE_FORMAT = "dd/mm/yyyy"
TIME_FORMAT = "dd/mm/yyyy hh:mm"
HEADER_ROW = 5  # 1 title, 2 organization, 3 period, 4 blank
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
SHEET_NAMES = {"incoming": "Sổ văn bản đến", "outgoing": "Sổ văn bản đi", "seal": "Sổ con dấu"}


def _cell_value(value):
    if isinstance(value, datetime.datetime):
        return local(value).replace(tzinfo=None), TIME_FORMAT
    if isinstance(value, datetime.date):
        return value, DATE_FORMAT
    return value, None


def write(register: Register) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAMES.get(register.kind, "Sổ")
    last = get_column_letter(len(register.columns))
    for row, text, font in (
        (1, register.title, Font(name="Times New Roman", size=14, bold=True)),
        (2, register.organization, Font(name="Times New Roman", size=12, bold=True)),
        (3, register.subtitle, Font(name="Times New Roman", size=12, italic=True)),
    ):
        as_text(sheet.cell(row=row, column=1, value=text)).font = font
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    for index, column in enumerate(register.columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.label)
        cell.font = Font(name="Times New Roman", size=11, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    body_font = Font(name="Times New Roman", size=11)
    for offset, row in enumerate(register.rows, start=1):
        for index, (column, raw) in enumerate(zip(register.columns, row.cells, strict=True), 1):
            value, number_format = _cell_value(raw)
            cell = as_text(sheet.cell(row=HEADER_ROW + offset, column=index, value=value))
            cell.font = body_font
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
            if number_format:
                cell.number_format = number_format
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
