"""User text in XLSX files is text, never a formula.

openpyxl stores any string that starts with "=" as a formula: a member's hometown typed
`=HYPERLINK("http://…")` would arrive in an export as a live link. Every cell holding text the
application did not write itself goes through `text_cell` (write-only sheets) or `as_text`
(ordinary sheets), which keep the string and mark the cell a string cell."""

from openpyxl.cell import WriteOnlyCell


def as_text(cell):
    """Mark `cell` a string cell if openpyxl took its text for a formula; return it."""
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def text_cell(sheet, value):
    """A cell for a write-only `sheet`: strings as string cells, anything else as given."""
    if not isinstance(value, str):
        return value
    return as_text(WriteOnlyCell(sheet, value=value))


def row_as_text(sheet_row) -> None:
    """After `sheet.append(...)` on an ordinary sheet: every cell of that row as text."""
    for cell in sheet_row:
        as_text(cell)
