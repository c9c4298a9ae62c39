"""XLSX export of member and organization lists, written row by row (openpyxl write-only) into a
temporary file that the response then streams, so a national list never sits in memory."""

import tempfile

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from vanphong.core.spreadsheet import text_cell
from vanphong.organizations.models import Organization
from vanphong.organizations.xlsx.columns import (
    MEMBER_COLUMNS,
    MEMBER_SHEET,
    ORGANIZATION_COLUMNS,
    ORGANIZATION_SHEET,
    Column,
    Kind,
)

CHUNK = 2000
DATE_FORMAT = "dd/mm/yyyy"
_FONT = Font(bold=True, color="FFFFFF")
_FILL = PatternFill("solid", fgColor="B71C1C")
ORGANIZATION_ID = _("Code")


def _sheet(workbook: Workbook, title, headers: list[str], widths: list[int]):
    sheet = workbook.create_sheet(str(title))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    row = []
    for header in headers:
        cell = text_cell(sheet, str(header))
        cell.font, cell.fill = _FONT, _FILL
        row.append(cell)
    sheet.append(row)
    return sheet


def _converter(sheet, column: Column):
    """A function turning a stored value into the cell the user reads."""
    if column.kind == Kind.DATE:

        def as_date(value):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = DATE_FORMAT
            return cell

        return as_date
    if column.choices:
        labels = dict(zip(column.choices.values, column.choice_labels(), strict=True))
        return lambda value: text_cell(sheet, labels.get(value, value))
    return lambda value: text_cell(sheet, value)


def _save(workbook: Workbook):
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the streaming response closes it
    workbook.save(out)
    out.seek(0)
    return out


def export_members(queryset: QuerySet):
    """Write the members of `queryset` (already narrowed by access and filters); return an open
    temporary file positioned at the start."""
    workbook = Workbook(write_only=True)
    sheet = _sheet(
        workbook, MEMBER_SHEET, [c.label for c in MEMBER_COLUMNS], [c.width for c in MEMBER_COLUMNS]
    )
    fields = [c.key if c.key != "organization" else "organization__name" for c in MEMBER_COLUMNS]
    converters = [_converter(sheet, column) for column in MEMBER_COLUMNS]
    for values in queryset.values_list(*fields).iterator(chunk_size=CHUNK):
        sheet.append([convert(value) for convert, value in zip(converters, values, strict=True)])
    return _save(workbook)


def export_organizations(queryset: QuerySet):
    """Write the organizations of `queryset` in tree order, each with its code (id) and its
    parent's name."""
    workbook = Workbook(write_only=True)
    columns = ORGANIZATION_COLUMNS
    sheet = _sheet(
        workbook,
        ORGANIZATION_SHEET,
        [str(ORGANIZATION_ID)] + [c.label for c in columns],
        [10] + [c.width for c in columns],
    )
    converters = {c.key: _converter(sheet, c) for c in columns}
    names: dict[str, str] = {}
    rows = queryset.order_by("path").values_list(
        "pk", "path", "name", "code", "kind", "established_on"
    )
    for pk, path, name, code, kind, established_on in rows.iterator(chunk_size=CHUNK):
        names[path] = name
        parent_path = path[: -Organization.steplen]
        if parent_path and parent_path not in names:
            parent = Organization.objects.filter(path=parent_path).values_list("name", flat=True)
            names[parent_path] = parent.first() or ""
        sheet.append(
            [
                pk,
                text_cell(sheet, name),
                text_cell(sheet, code),
                converters["kind"](kind),
                text_cell(sheet, names.get(parent_path, "")),
                converters["established_on"](established_on),
            ]
        )
    return _save(workbook)
