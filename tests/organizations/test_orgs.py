import datetime

import pytest

from tests.factories import member
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import Member, Organization, OrgKind, OrgStatus
from vanphong.organizations.services import orgs
from vanphong.organizations.services.errors import OrganizationError

pytestmark = pytest.mark.django_db
D = datetime.date


def test_create_under_a_parent_and_audit(tree):
    org = orgs.create_organization(
        acting_user=None,
        parent=tree.commune_a,
        name="Chi bộ thôn Xuân Quang",
        code="CB",
        kind=OrgKind.CELL,
    )
    assert org.path.startswith(tree.commune_a.path) and org.depth == 4
    assert AuditEntry.objects.filter(action="organization.create", target_id=str(org.pk)).exists()


def test_only_the_centre_is_a_root(db):
    with pytest.raises(OrganizationError) as error:
        orgs.create_organization(
            acting_user=None, parent=None, name="X", code="X", kind=OrgKind.CELL
        )
    assert error.value.code == "parent_required"
    assert Organization.objects.count() == 0


def test_2025_merger_moves_members_and_children_and_keeps_history(tree):
    """GIVEN commune B merged into commune A on 01/07/2025
    THEN B's cells move under A, B stays in the tree as merged, with its history."""
    orgs.merge_organization(
        acting_user=None, organization=tree.commune_b, into=tree.commune_a, on=D(2025, 7, 1)
    )

    merged = Organization.objects.get(pk=tree.commune_b.pk)
    cell = Organization.objects.get(pk=tree.cell_b1.pk)
    assert (merged.status, merged.ended_on, merged.merged_into) == (
        OrgStatus.MERGED,
        D(2025, 7, 1),
        tree.commune_a,
    )
    assert cell.path.startswith(tree.commune_a.path)
    assert Member.objects.get(pk=tree.member_b1.pk).organization == cell
    assert AuditEntry.objects.filter(action="organization.merge", target_id=str(merged.pk)).exists()
    assert Organization.objects.find_problems() == ([], [], [], [], [])


def test_merge_moves_members_attached_to_the_merged_organization(tree):
    orphan_cell = tree.cell_a2
    m = member(orphan_cell, "Ngô Văn Tâm")
    orgs.merge_organization(
        acting_user=None, organization=orphan_cell, into=tree.cell_a1, on=D(2025, 7, 1)
    )
    assert Member.objects.get(pk=m.pk).organization == tree.cell_a1


def test_bad_merges_are_refused_and_change_nothing(tree):
    for org, into, code in [
        (tree.commune_a, tree.commune_a, "same_organization"),
        (tree.commune_a, tree.cell_a1, "merge_into_descendant"),
    ]:
        with pytest.raises(OrganizationError) as error:
            orgs.merge_organization(acting_user=None, organization=org, into=into, on=D(2025, 7, 1))
        assert error.value.code == code
    assert Organization.objects.filter(status=OrgStatus.ACTIVE).count() == 7
    assert not AuditEntry.objects.exists()


def test_terms_follow_each_other_and_never_overlap(tree):
    first = orgs.add_term(
        acting_user=None, organization=tree.province, name="2020–2025", starts_on=D(2020, 10, 16)
    )
    orgs.add_term(
        acting_user=None, organization=tree.province, name="2025–2030", starts_on=D(2025, 10, 1)
    )

    first.refresh_from_db()
    assert first.ends_on == D(2025, 9, 30)
    assert orgs.term_on(tree.province, D(2025, 9, 30)).name == "2020–2025"
    assert orgs.term_on(tree.province, D(2025, 10, 1)).name == "2025–2030"
    with pytest.raises(OrganizationError) as error:
        orgs.add_term(
            acting_user=None,
            organization=tree.province,
            name="x",
            starts_on=D(2024, 1, 1),
            ends_on=D(2024, 12, 31),
        )
    assert error.value.code == "term_overlap"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2020, 10, 15), None),
        (D(2020, 10, 16), "2020–2025"),
        (D(2025, 9, 30), "2020–2025"),
        (D(2025, 10, 1), "2025–2030"),
        (D(2031, 1, 1), "2025–2030"),  # the open term until the next one is added
    ],
)
def test_one_reading_of_the_term_in_force_at_its_boundaries(tree, day, expected):
    for name, starts_on in [("2020–2025", D(2020, 10, 16)), ("2025–2030", D(2025, 10, 1))]:
        orgs.add_term(acting_user=None, organization=tree.province, name=name, starts_on=starts_on)

    own = orgs.term_on(tree.province, day)
    assert (own.name if own else None) == expected
    # the province's own term, read with inheritance, is the same one
    assert orgs.term_on(tree.province, day, inherited=True) == own
    # a commune with no term of its own numbers by the province's; its own reading finds none
    assert orgs.term_on(tree.commune_a, day) is None
    assert orgs.term_on(tree.cell_a1, day, inherited=True) == own


def test_the_nearest_term_wins_over_an_ancestors(tree):
    orgs.add_term(
        acting_user=None, organization=tree.province, name="2025–2030", starts_on=D(2025, 10, 1)
    )
    commune = orgs.add_term(
        acting_user=None, organization=tree.commune_a, name="2025–2030", starts_on=D(2025, 7, 1)
    )
    assert orgs.term_on(tree.cell_a1, D(2025, 12, 1), inherited=True) == commune
    assert orgs.term_on(tree.cell_a1, D(2025, 6, 30), inherited=True) is None


def test_dissolved_organization_takes_no_new_children(tree):
    orgs.dissolve_organization(acting_user=None, organization=tree.cell_a2, on=D(2025, 7, 1))
    with pytest.raises(OrganizationError) as error:
        orgs.create_organization(
            acting_user=None,
            parent=tree.cell_a2,
            name="Tổ đảng 1",
            code="TĐ",
            kind=OrgKind.PARTY_GROUP,
        )
    assert error.value.code == "not_active"
