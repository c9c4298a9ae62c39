"""Snapshots under per-branch versions: a change in one province leaves the others cached, the
Centre is summed from its branches, and every figure stays exact (decision 0005)."""

import datetime
import importlib

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.reports.conftest import python_count
from vanphong.organizations.models import (
    Education,
    Member,
    MemberStatus,
    Organization,
    OrgKind,
    ProfessionalLevel,
    TheoryLevel,
)
from vanphong.organizations.services import members as member_services
from vanphong.organizations.services import orgs as org_services
from vanphong.organizations.services import procedures
from vanphong.reports import statistics
from vanphong.reports.models import MemberBranchVersion, MemberStatsSnapshot
from vanphong.reports.statistics import (
    BRANCH_LENGTH,
    live_member_statistics,
    member_statistics,
)

AS_OF = datetime.date(2026, 3, 1)
MIGRATION = importlib.import_module("vanphong.reports.migrations.0003_member_branch_versions")


def versions() -> dict[str, int]:
    return dict(MemberBranchVersion.objects.values_list("branch", "version"))


def snapshot(org: Organization) -> MemberStatsSnapshot:
    return MemberStatsSnapshot.objects.get(organization=org, as_of=AS_OF)


def provinces() -> tuple[Organization, Organization]:
    a, b = Organization.objects.filter(kind=OrgKind.PROVINCIAL).order_by("path")
    return a, b


def cell_in(province: Organization, index: int = 0) -> Organization:
    return Organization.objects.filter(
        path__startswith=province.path, kind__in=(OrgKind.CELL, OrgKind.GRASSROOTS_CELL)
    ).order_by("path")[index]


def active_member_in(province: Organization) -> Member:
    return (
        Member.objects.filter(
            organization__path__startswith=province.path, status=MemberStatus.OFFICIAL
        )
        .order_by("pk")
        .first()
    )


def warm(*orgs: Organization) -> None:
    for org in orgs:
        member_statistics(org, AS_OF)


def live_counts(queries) -> list[str]:
    """The SQL of the member aggregates (live counts) that were run."""
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]


def assert_exact_everywhere() -> None:
    """Every cached level and a sample below it equal a member-by-member count."""
    orgs = list(Organization.objects.filter(depth__lte=3).order_by("path"))
    orgs += list(Organization.objects.filter(kind=OrgKind.CELL).order_by("path")[:5])
    for org in orgs:
        assert member_statistics(org, AS_OF) == python_count(org, AS_OF), org.name


def test_branch_key_length_matches_the_triggers():
    """The triggers cut paths at the length the statistics use for branches."""
    assert MIGRATION.BRANCH_LENGTH == BRANCH_LENGTH == 8


def test_figures_stay_exact_at_every_level_through_every_kind_of_change(national):
    """GIVEN cached figures for the Centre, both provinces and the committees
    WHEN members are admitted, die, move between provinces, have their profile changed, are
    changed in bulk, and a commune of one province is merged into a commune of the other
    THEN after each change every level equals a member-by-member count."""
    a, b = provinces()
    assert_exact_everywhere()
    procedures.admit_member(
        acting_user=None,
        organization=cell_in(a),
        admitted_on=datetime.date(2026, 1, 5),
        full_name="Hoàng Thị Thu",
        gender="female",
        birth_date=datetime.date(2001, 6, 1),
        card_number="99000001",
    )
    assert_exact_everywhere()
    procedures.record_death(
        acting_user=None, member=active_member_in(b), on=datetime.date(2026, 2, 1)
    )
    assert_exact_everywhere()
    procedures.transfer_member(
        acting_user=None,
        member=active_member_in(a),
        kind="official",
        on=datetime.date(2026, 2, 2),
        to_organization=cell_in(b),
    )
    assert_exact_everywhere()
    member_services.update_member(
        acting_user=None,
        member=active_member_in(b),
        birth_date=datetime.date(1950, 1, 1),
        ethnicity="Khmer",
        theory_level=TheoryLevel.SENIOR,
    )
    assert_exact_everywhere()
    Member.objects.filter(organization__path__startswith=cell_in(a, 1).path).update(
        status=MemberStatus.REMOVED
    )
    assert_exact_everywhere()
    commune_a, commune_b = (
        Organization.objects.filter(path__startswith=p.path, kind=OrgKind.COMMUNE).first()
        for p in (a, b)
    )
    org_services.merge_organization(
        acting_user=None, organization=commune_a, into=commune_b, on=datetime.date(2026, 2, 3)
    )
    assert_exact_everywhere()


def test_a_change_in_another_province_keeps_the_snapshot(national, django_assert_num_queries):
    """GIVEN cached figures for provinces A and B and the Centre
    WHEN a member is admitted in province B
    THEN A's figures still come from its snapshot (one query, the row untouched), A's version is
    unchanged and B's went up; the Centre is summed from A's snapshot and a fresh count of B."""
    a, b = provinces()
    warm(a, b, Organization.objects.get(depth=1))
    before, kept = versions(), snapshot(a)
    procedures.admit_member(
        acting_user=None,
        organization=cell_in(b),
        admitted_on=datetime.date(2026, 1, 5),
        full_name="Vi Văn Thắng",
        gender="male",
        birth_date=datetime.date(1999, 9, 9),
        card_number="99000002",
    )
    after = versions()
    assert after[a.path] == before[a.path]
    assert after[b.path] == before[b.path] + 1
    assert {k: v for k, v in after.items() if k != b.path} == {
        k: v for k, v in before.items() if k != b.path
    }

    with django_assert_num_queries(1):
        figures_a = member_statistics(a, AS_OF)
    assert figures_a == kept.figures == python_count(a, AS_OF)
    assert snapshot(a).computed_at == kept.computed_at

    centre = Organization.objects.get(depth=1)
    with CaptureQueriesContext(connection) as queries:
        figures = member_statistics(centre, AS_OF)
    assert figures == python_count(centre, AS_OF) == live_member_statistics(centre, AS_OF)
    # Counted live: the Centre's own members and province B; nothing else.
    counted = live_counts(queries.captured_queries)
    assert len(counted) == 2, counted
    assert snapshot(a).computed_at == kept.computed_at
    assert snapshot(b).data_version == after[b.path]
    with django_assert_num_queries(1):
        assert member_statistics(centre, AS_OF) == figures


def test_a_change_in_the_same_province_is_counted(national):
    """GIVEN cached figures for province A
    WHEN a member of A is recorded with another birth date, level and ethnicity
    THEN A's version went up and its figures follow the change at once."""
    a, _b = provinces()
    first = member_statistics(a, AS_OF)
    before = versions()[a.path]
    member = active_member_in(a)
    member_services.update_member(
        acting_user=None,
        member=member,
        birth_date=datetime.date(2004, 1, 1),
        ethnicity="Pu Péo",
        education=Education.PRIMARY,
    )
    assert versions()[a.path] == before + 1
    figures = member_statistics(a, AS_OF)
    assert figures != first
    assert figures["age"]["under_30"] >= 1
    assert figures == python_count(a, AS_OF)
    assert snapshot(a).data_version == before + 1


def test_a_transfer_between_provinces_bumps_both(national):
    """GIVEN cached figures for the Centre and provinces A and B
    WHEN a member of A is officially transferred to a cell of B
    THEN the versions of A and B went up and no other; A has one member less, B one more, the
    Centre the same total."""
    a, b = provinces()
    centre = Organization.objects.get(depth=1)
    first = {org.pk: member_statistics(org, AS_OF)["total"] for org in (centre, a, b)}
    before = versions()
    procedures.transfer_member(
        acting_user=None,
        member=active_member_in(a),
        kind="official",
        on=datetime.date(2026, 2, 2),
        to_organization=cell_in(b),
    )
    after = versions()
    assert {k for k in after if after[k] != before.get(k)} == {a.path, b.path}
    assert member_statistics(a, AS_OF)["total"] == first[a.pk] - 1
    assert member_statistics(b, AS_OF)["total"] == first[b.pk] + 1
    assert member_statistics(centre, AS_OF)["total"] == first[centre.pk]
    for org in (centre, a, b):
        assert member_statistics(org, AS_OF) == python_count(org, AS_OF)


def test_merging_a_province_into_another_moves_its_figures(national):
    """GIVEN cached figures for the Centre and provinces A and B (the 2025 mergers)
    WHEN province A is merged into province B: its communes and members move under B
    THEN both versions went up, A counts nobody, B counts both, the Centre the same total."""
    a, b = provinces()
    centre = Organization.objects.get(depth=1)
    first = {org.pk: member_statistics(org, AS_OF)["total"] for org in (centre, a, b)}
    before = versions()
    org_services.merge_organization(
        acting_user=None, organization=a, into=b, on=datetime.date(2025, 7, 1)
    )
    after = versions()
    assert after[a.path] > before[a.path] and after[b.path] > before[b.path]
    assert member_statistics(a, AS_OF)["total"] == 0
    assert member_statistics(b, AS_OF)["total"] == first[a.pk] + first[b.pk]
    assert member_statistics(centre, AS_OF)["total"] == first[centre.pk]
    for org in (centre, a, b):
        assert member_statistics(org, AS_OF) == python_count(org, AS_OF)


def test_edits_the_figures_do_not_read_keep_the_snapshots(national, django_assert_num_queries):
    """GIVEN cached figures for province A
    WHEN a member's name, phone and hometown are changed
    THEN no version moved and A's figures still come from the snapshot."""
    a, _b = provinces()
    first = member_statistics(a, AS_OF)
    before = versions()
    member_services.update_member(
        acting_user=None,
        member=active_member_in(a),
        full_name="Nông Văn Dền",
        phone="0912345678",
        hometown="Cao Bằng",
    )
    assert versions() == before
    with django_assert_num_queries(1):
        assert member_statistics(a, AS_OF) == first


def _fields_of(q: Q) -> set[str]:
    fields = set()
    for child in q.children:
        fields |= _fields_of(child) if isinstance(child, Q) else {child[0].split("__")[0]}
    return fields


COUNTED_FIELDS = sorted(
    {"organization", "status"}.union(
        *(_fields_of(q) for _d, _k, q in statistics._conditions_at(statistics._DATE_PLACEHOLDERS))
    )
)
NEW_VALUES = {
    "status": MemberStatus.PROBATIONARY,
    "gender": "female",
    "birth_date": datetime.date(2003, 3, 3),
    "ethnicity": "Chăm",
    "education": Education.LOWER_SECONDARY,
    "professional_level": ProfessionalLevel.DOCTOR,
    "theory_level": TheoryLevel.ELEMENTARY,
}


def test_the_triggers_watch_every_column_the_figures_read():
    """Every member column a figure is counted on is one the triggers compare."""
    assert {f if f != "organization" else "organization_id" for f in COUNTED_FIELDS} == set(
        MIGRATION.STATS_COLUMNS
    )


@pytest.mark.parametrize("field", COUNTED_FIELDS)
def test_changing_any_counted_column_invalidates_the_branch(tree, field):
    """GIVEN cached figures for the province
    WHEN one counted column of one member is changed by a bulk update (no service, no signal)
    THEN the province's version went up and its figures equal a fresh count."""
    member = factories.member(tree.cell_a1, status=MemberStatus.OFFICIAL, gender="male")
    member_statistics(tree.province, AS_OF)
    before = versions()[tree.province.path]
    value = tree.cell_a2 if field == "organization" else NEW_VALUES[field]
    Member.objects.filter(pk=member.pk).update(**{field: value})
    assert versions()[tree.province.path] > before
    assert member_statistics(tree.province, AS_OF) == python_count(tree.province, AS_OF)


def test_members_of_the_centre_itself_are_counted_in_its_own_branch(tree):
    """GIVEN a member attached directly to the Centre (depth 1), and cached Centre figures
    WHEN another one is attached there
    THEN the Centre's own branch (its 4-character path) went up and the Centre counts both."""
    factories.member(tree.centre)
    first = member_statistics(tree.centre, AS_OF)
    factories.member(tree.centre)
    assert versions()[tree.centre.path] >= 1
    figures = member_statistics(tree.centre, AS_OF)
    assert figures["total"] == first["total"] + 1 == 5
    assert figures == python_count(tree.centre, AS_OF)


def test_a_root_without_branches_is_counted(db):
    """GIVEN a cell that is a root of its own (an office's tree loaded alone)
    THEN its figures are its members, cached and exact."""
    cell = factories.org(None, "Chi bộ Văn phòng", "CB", OrgKind.GRASSROOTS_CELL)
    factories.member(cell)
    assert member_statistics(cell, AS_OF)["total"] == 1
    factories.member(cell)
    assert member_statistics(cell, AS_OF) == python_count(cell, AS_OF)
    assert python_count(cell, AS_OF)["total"] == 2


def test_a_root_with_nothing_cached_is_counted_once_by_branch(national, django_assert_num_queries):
    """GIVEN a date nothing was counted for (a new day without the nightly run)
    WHEN the Centre's figures are asked
    THEN its whole subtree is counted in one grouped statement, which also stores the snapshot
    of every province and committee: each is then served in one query, exact."""
    centre = Organization.objects.get(depth=1)
    with CaptureQueriesContext(connection) as queries:
        figures = member_statistics(centre, AS_OF)
    assert len(live_counts(queries.captured_queries)) == 1
    assert figures == python_count(centre, AS_OF)
    branches = Organization.objects.filter(depth=2)
    assert MemberStatsSnapshot.objects.filter(organization__in=branches).count() == 8
    for org in branches:
        with django_assert_num_queries(1):
            cached = member_statistics(org, AS_OF)
        assert cached == python_count(org, AS_OF), org.name
