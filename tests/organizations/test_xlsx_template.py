"""The import template: downloads, opens, carries the headers, lists and the user's cells."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories
from tests.factories import Role
from tests.organizations.test_xlsx_support import member_headers, organization_headers, read_back
from vanphong.organizations.models import Member
from vanphong.organizations.xlsx.columns import (
    CELLS_SHEET,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    MEMBER_SHEET,
    ORGANIZATION_SHEET,
)
from vanphong.organizations.xlsx.importer import import_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialist(tree):
    return factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.commune_a)])


def _download(client, user):
    client.force_login(user)
    return client.get(reverse("organizations_xlsx:template"))


def test_template_opens_with_headers_lists_and_cells_in_scope(client, tree, specialist):
    """GIVEN a specialist of commune A
    WHEN they download the template
    THEN it is an XLSX with the members and organizations sheets headed by the column labels,
    instructions, drop-downs of the Vietnamese labels, and the commune's two cells only."""
    response = _download(client, specialist)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "mau-nhap-dang-vien.xlsx" in response["Content-Disposition"]
    workbook = read_back(response.content)
    assert workbook.sheetnames == [
        str(MEMBER_SHEET),
        str(ORGANIZATION_SHEET),
        str(INSTRUCTIONS_SHEET),
        str(LISTS_SHEET),
        str(CELLS_SHEET),
    ]
    members = workbook[str(MEMBER_SHEET)]
    assert [c.value for c in members[1]] == member_headers()
    assert [c.value for c in workbook[str(ORGANIZATION_SHEET)][1]] == organization_headers()
    assert workbook[str(LISTS_SHEET)].sheet_state == "hidden"
    lists = {
        col[0].value: [c.value for c in col[1:] if c.value]
        for col in workbook[str(LISTS_SHEET)].columns
    }
    assert lists[member_headers()[1]] == ["Nam", "Nữ"]
    assert lists[member_headers()[10]] == ["Dự bị", "Chính thức", *lists[member_headers()[10]][2:]]
    validations = {
        str(v.sqref).split(":")[0]: v.formula1 for v in members.data_validations.dataValidation
    }
    assert set(validations) == {"B2", "K2", "L2", "M2", "N2", "O2"}
    assert members.column_dimensions["C"].number_format == "@"  # dates stay as typed
    assert members.column_dimensions["G"].number_format == "@"  # CCCD keeps its leading zero
    cells = [
        (r[0].value, r[1].value, r[2].value)
        for r in workbook[str(CELLS_SHEET)].iter_rows(min_row=2)
    ]
    assert cells == [
        (tree.cell_a1.pk, "Chi bộ thôn Làng Mới", "Đảng bộ xã Bảo Thắng"),
        (tree.cell_a2.pk, "Chi bộ thôn Phú Hà", "Đảng bộ xã Bảo Thắng"),
    ]
    assert workbook[str(INSTRUCTIONS_SHEET)]["A1"].value


def test_filled_template_imports(client, tree, specialist):
    """GIVEN the downloaded template filled in its members sheet
    WHEN it is imported
    THEN the row is imported (the other sheets are ignored)."""
    workbook = openpyxl.load_workbook(io.BytesIO(_download(client, specialist).content))
    sheet = workbook[str(MEMBER_SHEET)]
    sheet.append(
        ["Vàng Thị Dợ", "Nữ", "10/10/1988", "H'Mông", "", "", "012088000123", "", "07/11/2012"]
        + ["", "", "", "", "", "Chi bộ thôn Làng Mới", ""]
    )
    out = io.BytesIO()
    workbook.save(out)

    result = import_members(
        acting_user=specialist,
        organization=tree.commune_a,
        file=SimpleUploadedFile("mau.xlsx", out.getvalue()),
    )

    assert result.created == 1
    do = Member.objects.get(full_name="Vàng Thị Dợ")
    assert (do.organization, do.citizen_id, do.ethnicity) == (
        tree.cell_a1,
        "012088000123",
        "H'Mông",
    )


@pytest.mark.parametrize("role", [Role.CLERK, Role.CELL_SECRETARY])
def test_template_refused_without_an_import_right(client, tree, role):
    """GIVEN a user with no import right anywhere
    WHEN they ask for the template
    THEN the answer is 404."""
    assert (
        _download(client, factories.user("khach", roles=[(role, tree.commune_a)])).status_code
        == 404
    )
