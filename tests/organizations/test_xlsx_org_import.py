"""Organization import: new organizations under a parent in scope, all or nothing."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tests.factories import Role
from tests.organizations.test_xlsx_support import organizations_file
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import Organization, OrgKind
from vanphong.organizations.xlsx.errors import RowsRejected
from vanphong.organizations.xlsx.org_import import import_organizations

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_head(tree):
    return factories.user("chanhvanphong", roles=[(Role.OFFICE_HEAD, tree.province)])


def _label(kind) -> str:
    return str(OrgKind(kind).label)


def test_rows_create_organizations_under_the_target_and_earlier_rows(tree, office_head):
    """GIVEN a new commune (no parent: the province) and a cell naming that commune as parent
    WHEN the file is imported into the province
    THEN both exist in the tree, each with its creation audited."""
    rows = [
        {
            "name": "Đảng bộ phường Cam Đường",
            "code": "ĐU",
            "kind": _label(OrgKind.COMMUNE),
            "established_on": "01/07/2025",
        },
        {
            "name": "Chi bộ tổ dân phố 5",
            "code": "CB",
            "kind": _label(OrgKind.CELL),
            "parent": "đảng bộ phường cam đường",
        },
    ]

    result = import_organizations(
        acting_user=office_head, organization=tree.province, file=organizations_file(rows)
    )

    assert result.created == 2
    ward = Organization.objects.get(name="Đảng bộ phường Cam Đường")
    assert (Organization.objects.get_parent(ward), ward.kind, ward.established_on) == (
        tree.province,
        OrgKind.COMMUNE,
        datetime.date(2025, 7, 1),
    )
    cell = Organization.objects.get(name="Chi bộ tổ dân phố 5")
    assert (Organization.objects.get_parent(cell), cell.code, cell.kind) == (
        ward,
        "CB",
        OrgKind.CELL,
    )
    assert AuditEntry.objects.filter(action="organization.create").count() == 2


def test_bad_rows_create_nothing(tree, office_head):
    """GIVEN a parent outside the target, an unknown kind, a name already used under the parent
    and a missing code
    WHEN the file is imported into commune A
    THEN every row is refused and no organization is created."""
    rows = [
        {
            "name": "Chi bộ mới",
            "code": "CB",
            "kind": _label(OrgKind.CELL),
            "parent": tree.cell_b1.pk,
        },
        {"name": "Chi bộ khác", "code": "CB", "kind": "Chi bộ ghép"},
        {"name": "chi bộ thôn làng mới", "code": "CB", "kind": _label(OrgKind.CELL)},
        {"name": "Chi bộ thôn Mường Khương", "code": "", "kind": _label(OrgKind.CELL)},
    ]
    before = Organization.objects.count(), AuditEntry.objects.count()

    with pytest.raises(RowsRejected) as caught:
        import_organizations(
            acting_user=office_head, organization=tree.commune_a, file=organizations_file(rows)
        )

    assert [(e.row, e.column, e.code) for e in caught.value.errors] == [
        (2, "parent", "unknown_organization"),
        (3, "kind", "invalid_choice"),
        (4, "name", "name_taken"),
        (5, "code", "required"),
    ]
    assert (Organization.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize(
    "role, where", [(Role.SPECIALIST, "province"), (Role.OFFICE_HEAD, "commune_b")]
)
def test_import_refused_without_the_change_right_on_the_target(client, tree, role, where):
    """GIVEN a specialist (no ORG_CHANGE) or an office head of the sibling commune
    WHEN they post a valid file for commune A
    THEN the answer is 404 and nothing is created."""
    client.force_login(factories.user("khach", roles=[(role, getattr(tree, where))]))
    before = Organization.objects.count()
    rows = [{"name": "Chi bộ mới", "code": "CB", "kind": _label(OrgKind.CELL)}]

    response = client.post(
        reverse("organizations_xlsx:organization_import"),
        {"to_chuc": tree.commune_a.pk, "tep": organizations_file(rows)},
    )

    assert response.status_code == 404
    assert Organization.objects.count() == before


def test_page_imports_and_redirects_to_the_organization(client, tree, office_head):
    """GIVEN an office head of the province
    WHEN they upload a valid file for commune A
    THEN the cell is created and the page redirects to commune A."""
    client.force_login(office_head)
    rows = [{"name": "Chi bộ thôn Na Lốc", "code": "CB", "kind": _label(OrgKind.CELL)}]

    response = client.post(
        reverse("organizations_xlsx:organization_import"),
        {"to_chuc": tree.commune_a.pk, "tep": organizations_file(rows)},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "organizations:organization_detail", args=[tree.commune_a.pk]
    )
    assert (
        Organization.objects.get_parent(Organization.objects.get(name="Chi bộ thôn Na Lốc"))
        == tree.commune_a
    )
