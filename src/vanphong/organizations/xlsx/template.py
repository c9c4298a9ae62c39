"""The downloadable import template: a members sheet, an organizations sheet, the party cells
the user may import into (with their codes), instructions, and a hidden sheet of lists that
feeds the drop-downs."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from vanphong.core.spreadsheet import row_as_text
from vanphong.organizations.xlsx.columns import (
    CELLS_SHEET,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    MEMBER_COLUMNS,
    MEMBER_SHEET,
    ORGANIZATION_COLUMNS,
    ORGANIZATION_SHEET,
    Column,
    Kind,
)

TEMPLATE_ROWS = 5000  # rows prepared with text format and drop-downs
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="B71C1C")
TEXT = "@"


def _hint(column: Column) -> str:
    if column.kind == Kind.DATE:
        return _("Date as dd/mm/yyyy, e.g. 19/05/1990.")
    if column.key == "citizen_id":
        return _("12 digits, written as text so that the leading zero is kept.")
    if column.key == "organization":
        return _(
            "Code (number) or exact name of the party cell, from the sheet of party cells. "
            "May be left empty when importing into a party cell."
        )
    if column.key == "parent":
        return _(
            "Code (number) or exact name of an existing organization, or the name of an "
            "organization in an earlier row. Empty: the organization chosen on the import page."
        )
    if column.key == "status":
        return _("Empty: official if the official membership date is given, else probationary.")
    return ""


def header_row(sheet, columns: tuple[Column, ...]) -> None:
    sheet.append([column.label for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        hint = _hint(column)
        if hint:
            cell.comment = Comment(hint, "VanPhong")
    sheet.freeze_panes = "A2"


def _data_sheet(sheet, columns, lists, drop_down_sources) -> None:
    header_row(sheet, columns)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        if column.kind in (Kind.DATE, Kind.DIGITS):
            # Text cells keep what the user typed: no US-style date guess, no lost leading zero.
            sheet.column_dimensions[letter].number_format = TEXT
        source = lists.get(column.key) or drop_down_sources.get(column.key)
        if source:
            # Enumerations accept only their labels; the cell list also takes a typed code.
            strict = column.key in lists
            validation = DataValidation(
                type="list",
                formula1=source,
                allow_blank=not column.required,
                showErrorMessage=strict,
                error=_("Choose a value from the list."),
                errorTitle=_("Value not in the list"),
            )
            sheet.add_data_validation(validation)
            validation.add(cells)


def _lists_sheet(sheet) -> dict[str, str]:
    """Write each enumeration in its own column of a hidden sheet; return list formulas."""
    sheet.sheet_state = "hidden"
    formulas, index = {}, 0
    for column in MEMBER_COLUMNS + ORGANIZATION_COLUMNS:
        if not column.choices:
            continue
        index += 1
        letter = get_column_letter(index)
        labels = column.choice_labels()
        sheet.cell(row=1, column=index, value=column.label)
        for row, label in enumerate(labels, start=2):
            sheet.cell(row=row, column=index, value=label)
        name = quote_sheetname(sheet.title)
        formulas[column.key] = f"{name}!${letter}$2:${letter}${len(labels) + 1}"
    return formulas


def _cells_sheet(sheet, cells) -> str | None:
    sheet.append([_("Code"), _("Party cell"), _("Belongs to")])
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for width, letter in ((10, "A"), (45, "B"), (45, "C")):
        sheet.column_dimensions[letter].width = width
    count = 0
    for org, parent_name in cells:
        sheet.append([org.pk, org.name, parent_name])
        row_as_text(sheet[sheet.max_row])
        count += 1
    sheet.freeze_panes = "A2"
    if not count:
        return None
    return f"{quote_sheetname(sheet.title)}!$B$2:$B${count + 1}"


INSTRUCTIONS = (
    _("How to fill in this workbook"),
    _("1. Fill in one member per row of the sheet of party members, from row 2 on."),
    _("2. Do not rename or remove the headers of row 1; unused optional columns may stay empty."),
    _("3. Write every date as dd/mm/yyyy (for example 03/02/1995)."),
    _("4. Choose gender, status and levels from the drop-down lists."),
    _("5. The citizen ID has 12 digits; card numbers and citizen IDs must be unique."),
    _("6. A member must be at least 18 years old at admission; dates cannot be in the future."),
    _("7. Name the party cell by its code or exact name (see the sheet of party cells)."),
    _("8. If any row is wrong, nothing is imported: the page lists every error by row."),
    _("9. New organizations go in the sheet of organizations and are imported separately."),
)


def build_template(cells) -> bytes:
    """`cells`: (organization, parent name) pairs the user may import members into."""
    workbook = Workbook()
    members = workbook.active
    members.title = str(MEMBER_SHEET)
    organizations = workbook.create_sheet(str(ORGANIZATION_SHEET))
    guide = workbook.create_sheet(str(INSTRUCTIONS_SHEET))
    lists = _lists_sheet(workbook.create_sheet(str(LISTS_SHEET)))
    cell_list = _cells_sheet(workbook.create_sheet(str(CELLS_SHEET)), cells)
    _data_sheet(members, MEMBER_COLUMNS, lists, {"organization": cell_list} if cell_list else {})
    _data_sheet(organizations, ORGANIZATION_COLUMNS, lists, {})
    guide.column_dimensions["A"].width = 110
    for line in INSTRUCTIONS:
        guide.append([str(line)])
    guide["A1"].font = Font(bold=True, size=14)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
