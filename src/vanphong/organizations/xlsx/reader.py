"""Open an uploaded workbook safely: size first, then the content (not the extension), then the
header row. openpyxl reads in read-only mode, streaming one row at a time."""

import zipfile
from collections.abc import Iterator

import openpyxl
from django.conf import settings
from django.utils import translation

from vanphong.core import vntext
from vanphong.organizations.xlsx.columns import Column
from vanphong.organizations.xlsx.errors import XlsxError

_ZIP_MAGIC = b"PK\x03\x04"
_SHEET_CONTENT_TYPE = b"spreadsheetml.sheet.main+xml"
# A zip that inflates far beyond its size is a zip bomb, not a member list.
_MAX_INFLATION = 20


def file_size(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    return size


def _megabytes(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{mb:.0f}" if mb >= 1 else f"{mb:.2f}".replace(".", ",")


def check_file(file) -> None:
    """Refuse, before parsing anything, a file that is too large or is not really an .xlsx."""
    limit = settings.IMPORT_MAX_BYTES
    size = file_size(file)
    if size > limit:
        raise XlsxError(XlsxError.TOO_LARGE, limit=_megabytes(limit))
    if size == 0:
        raise XlsxError(XlsxError.EMPTY_FILE)
    if not str(getattr(file, "name", "")).lower().endswith(".xlsx"):
        raise XlsxError(XlsxError.NOT_XLSX)
    file.seek(0)
    if file.read(4) != _ZIP_MAGIC:
        raise XlsxError(XlsxError.NOT_XLSX)
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
                raise XlsxError(XlsxError.NOT_XLSX)
            if _SHEET_CONTENT_TYPE not in archive.read("[Content_Types].xml"):
                raise XlsxError(XlsxError.NOT_XLSX)
            if sum(info.file_size for info in archive.infolist()) > limit * _MAX_INFLATION:
                raise XlsxError(XlsxError.TOO_LARGE, limit=_megabytes(limit))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError):
        raise XlsxError(XlsxError.MALFORMED) from None
    file.seek(0)


def open_workbook(file):
    check_file(file)
    try:
        return openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on damaged parts; all mean "damaged"
        raise XlsxError(XlsxError.MALFORMED) from None


def _english(text) -> str:
    with translation.override("en"):
        return str(text)


def pick_sheet(workbook, title):
    """The sheet named `title` (in Vietnamese or English, folded), else the first sheet."""
    wanted = {vntext.fold(str(title)), vntext.fold(_english(title))}
    for sheet in workbook.worksheets:
        if vntext.fold(sheet.title) in wanted:
            return sheet
    return workbook.worksheets[0]


def iter_rows(sheet) -> Iterator[tuple[int, tuple]]:
    """(row number, values) for each row, header included; a damaged sheet is MALFORMED."""
    rows = sheet.iter_rows(values_only=True)
    number = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception:  # a broken sheet part surfaces only while streaming it
            raise XlsxError(XlsxError.MALFORMED) from None
        number += 1
        yield number, values


def header_positions(
    header: tuple, columns: tuple[Column, ...], required: set[str]
) -> dict[str, int]:
    """Map column keys to their positions; name every missing or unknown header."""
    lookup = {}
    for column in columns:
        lookup[vntext.fold(column.label)] = column
        lookup[vntext.fold(_english(column.header))] = column
    positions, unknown = {}, []
    for index, value in enumerate(header):
        text = vntext.canonical(str(value)) if value is not None else ""
        if not text:
            continue
        column = lookup.get(vntext.fold(text))
        if column is None or column.key in positions:
            unknown.append(text)
            continue
        positions[column.key] = index
    missing = [c.label for c in columns if c.key in required and c.key not in positions]
    if missing or unknown:
        raise XlsxError(
            XlsxError.WRONG_COLUMNS,
            missing=", ".join(missing) or "—",
            unknown=", ".join(unknown) or "—",
        )
    return positions


def is_blank(values: tuple) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)
