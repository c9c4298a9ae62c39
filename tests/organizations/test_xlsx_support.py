"""Helpers shared by the XLSX tests (no tests here): build workbooks the way users fill them."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from vanphong.organizations.xlsx.columns import MEMBER_COLUMNS, ORGANIZATION_COLUMNS


def member_headers() -> list[str]:
    """The headers in the active language (read when called, not when imported)."""
    return [c.label for c in MEMBER_COLUMNS]


def organization_headers() -> list[str]:
    return [c.label for c in ORGANIZATION_COLUMNS]


def member_row(**values) -> dict:
    """A valid member row keyed by column key; `values` override single cells."""
    row = {
        "full_name": "Phạm Văn Hùng",
        "gender": "Nam",
        "birth_date": "15/03/1980",
        "ethnicity": "Kinh",
        "religion": "",
        "hometown": "Xã Bảo Thắng, tỉnh Lào Cai",
        "citizen_id": "",
        "card_number": "",
        "admitted_on": "19/05/2005",
        "official_on": "",
        "status": "",
        "education": "",
        "professional_level": "",
        "theory_level": "",
        "organization": "",
        "phone": "",
    }
    row.update(values)
    return row


def workbook_bytes(headers: list, rows: list[list], title: str = "Sheet") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def members_file(rows: list[dict], name: str = "dang-vien.xlsx") -> SimpleUploadedFile:
    keys = [c.key for c in MEMBER_COLUMNS]
    data = [[row.get(key) for key in keys] for row in rows]
    return SimpleUploadedFile(name, workbook_bytes(member_headers(), data))


def organizations_file(rows: list[dict], name: str = "to-chuc.xlsx") -> SimpleUploadedFile:
    keys = [c.key for c in ORGANIZATION_COLUMNS]
    data = [[row.get(key) for key in keys] for row in rows]
    return SimpleUploadedFile(name, workbook_bytes(organization_headers(), data))


def raw_file(content: bytes, name: str = "dang-vien.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def read_back(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))
