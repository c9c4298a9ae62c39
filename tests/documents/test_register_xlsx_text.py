"""The registers' XLSX and the import template write user text as text, never as a formula."""

import io

import openpyxl
import pytest
from django.urls import reverse

from tests import factories
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://example.invalid/","Mở")'


def test_a_register_row_typed_as_a_formula_stays_text(client, office):
    office.register(summary=FORMULA, issuer="=2*3")
    client.force_login(office.clerk)

    response = client.get(reverse("documents:register_download", args=["den", "xlsx"]))

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    typed = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=")]
    assert {c.value for c in typed} >= {FORMULA, "=2*3"}
    assert {c.data_type for c in typed} == {"s"}


def test_the_import_template_lists_cell_names_as_text(client, tree):
    tree.cell_a1.name = "=1+1"
    tree.cell_a1.save(update_fields=["name"])
    client.force_login(factories.user("cv", roles=[(Role.SPECIALIST, tree.province)]))

    response = client.get(reverse("organizations_xlsx:template"))

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    typed = [
        c
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value == "=1+1"
    ]
    assert typed and {c.data_type for c in typed} == {"s"}
