import unicodedata

import pytest
from django.core.management.base import CommandError
from django.db.models import Count

from tests.reports.conftest import generate
from vanphong.core import vntext
from vanphong.organizations.models import Member, Organization, OrgKind


def test_generated_tree_is_consistent(national):
    """GIVEN a tiny national tree from the generator
    WHEN treebeard checks it and its counts are compared with the parameters
    THEN there is no problem, numchild and depth are right, and the shape is as asked."""
    assert Organization.objects.find_problems() == ([], [], [], [], [])
    for org in Organization.objects.all():
        assert org.numchild == Organization.objects.get_children(org).count(), org.name
        assert org.depth == len(org.path) // Organization.steplen
    kinds = dict(Organization.objects.order_by().values_list("kind").annotate(n=Count("id")))
    assert kinds[OrgKind.CENTRAL] == 1
    assert kinds[OrgKind.PROVINCIAL] == 2
    assert kinds[OrgKind.COMMUNE] == 6
    assert kinds[OrgKind.BLOC] + kinds[OrgKind.DIRECT_UNDER_CENTRE] == 6
    assert Member.objects.count() == 300
    assert not Member.objects.exclude(organization__kind=OrgKind.CELL).exists()


def test_generated_rows_hold_valid_vietnamese_data(national):
    """GIVEN a tiny national tree from the generator
    WHEN its members and organizations are read back
    THEN names are canonical NFC with their folded and sort forms, IDs are unique and well
    formed, and the dates are plausible."""
    for org in Organization.objects.all():
        assert org.name == vntext.canonical(org.name) == unicodedata.normalize("NFC", org.name)
        assert org.name_folded == vntext.fold(org.name)
    members = list(Member.objects.all())
    for m in members:
        assert m.full_name == vntext.canonical(m.full_name)
        assert m.full_name == unicodedata.normalize("NFC", m.full_name)
        assert m.name_folded == vntext.fold(m.full_name)
        assert m.name_sort == vntext.person_sort_key(m.full_name)
        assert len(m.citizen_id) == 12 and m.citizen_id.isdigit()
        assert m.admitted_on.year - m.birth_date.year >= 18
        assert m.official_on is None or m.official_on > m.admitted_on
    assert len({m.card_number for m in members}) == 300
    assert len({m.citizen_id for m in members}) == 300
    assert {m.gender for m in members} == {"male", "female"}
    assert any(m.full_name.startswith("Nguyễn ") for m in members)


def test_generator_refuses_a_database_with_organizations(national):
    """GIVEN a database that already holds organizations
    WHEN the generator runs without --force
    THEN it stops with a message and adds nothing."""
    before = (Organization.objects.count(), Member.objects.count())
    with pytest.raises(CommandError, match="--force"):
        generate()
    assert (Organization.objects.count(), Member.objects.count()) == before


def test_generator_with_force_adds_a_second_tree(national):
    """GIVEN a database with a generated tree
    WHEN the generator runs again with --force
    THEN a second root with its own members is added, with no clash of card numbers or IDs."""
    output = generate(force=True, members=120)
    assert Organization.objects.get_root_nodes().count() == 2
    assert Member.objects.count() == 420
    assert Organization.objects.find_problems() == ([], [], [], [], [])
    assert "120" in output
