import datetime

import pytest

from tests import factories
from tests.reports.conftest import python_count
from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    Member,
    MemberStatus,
    Organization,
    OrgKind,
)
from vanphong.reports.models import MemberStatsSnapshot
from vanphong.reports.statistics import (
    AGE_GROUPS,
    NOT_RECORDED,
    OTHERS,
    live_member_statistics,
    member_statistics,
)

AS_OF = datetime.date(2026, 3, 1)


def test_figures_equal_a_plain_python_count_at_every_level(national):
    """GIVEN a generated national tree
    WHEN statistics are computed for the Centre, every province, committee and some cells
    THEN each equals a count made member by member in Python."""
    orgs = list(Organization.objects.filter(depth__lte=3).order_by("path"))
    orgs += list(Organization.objects.filter(kind=OrgKind.CELL).order_by("path")[:10])
    assert len(orgs) == 1 + 8 + 6 + 6 + 10
    for org in orgs:
        assert member_statistics(org, AS_OF) == python_count(org, AS_OF), org.name
    centre = Organization.objects.get(depth=1)
    assert (
        member_statistics(centre, AS_OF)["total"]
        == Member.objects.filter(status__in=ACTIVE_STATUSES).count()
    )


def test_cached_figures_equal_live_figures_and_follow_changes(national):
    """GIVEN the figures of a province, computed once (and so cached)
    WHEN the same figures are asked again, then a member is added and another one dies
    THEN the second answer comes from the snapshot, and after the changes the figures are
    recounted: one more, one less, equal to the Python count."""
    province = Organization.objects.filter(kind=OrgKind.PROVINCIAL).order_by("path").first()
    first = member_statistics(province, AS_OF)
    assert MemberStatsSnapshot.objects.filter(organization=province, as_of=AS_OF).count() == 1
    assert member_statistics(province, AS_OF) == first == live_member_statistics(province, AS_OF)

    cell = Organization.objects.filter(path__startswith=province.path, kind=OrgKind.CELL).first()
    factories.member(cell, "Phạm Thị Hòa", gender="female", birth_date=datetime.date(2000, 3, 2))
    after_admission = member_statistics(province, AS_OF)
    assert after_admission["total"] == first["total"] + 1
    assert after_admission["age"]["under_30"] == first["age"]["under_30"] + 1

    dead = Member.objects.filter(organization__path__startswith=province.path).first()
    Member.objects.filter(pk=dead.pk).update(status=MemberStatus.DECEASED)
    after_death = member_statistics(province, AS_OF)
    assert after_death["total"] == first["total"]
    assert after_death == python_count(province, AS_OF)


def test_out_of_scope_and_former_members_are_never_counted(tree):
    """GIVEN a province with two communes, and members who died, moved away or were removed
    WHEN the statistics of commune A are computed
    THEN only commune A's active members count: not commune B's, not the former members."""
    factories.member(tree.cell_a1, status=MemberStatus.DECEASED)
    factories.member(tree.cell_a2, status=MemberStatus.TRANSFERRED_OUT)
    factories.member(tree.cell_a2, status=MemberStatus.REMOVED)
    factories.member(tree.cell_a2, status=MemberStatus.PROBATIONARY)
    factories.member(tree.cell_b1, status=MemberStatus.PROBATIONARY)

    figures = member_statistics(tree.commune_a, AS_OF)

    assert figures["total"] == 3
    assert figures["status"] == {"probationary": 1, "official": 2}
    assert member_statistics(tree.commune_b, AS_OF)["total"] == 2
    assert member_statistics(tree.province, AS_OF)["total"] == 5


def test_prefix_of_a_sibling_path_is_not_a_subtree(db):
    """GIVEN organizations whose paths share leading characters (0001 0001 and 0001 0002…)
    WHEN the statistics of the first one are computed
    THEN members of the second one are not in them."""
    centre = factories.org(None, "Ban Chấp hành Trung ương", "TW", OrgKind.CENTRAL)
    first = factories.org(centre, "Đảng bộ tỉnh Cao Bằng", "TU", OrgKind.PROVINCIAL)
    second = factories.org(centre, "Đảng bộ tỉnh Lạng Sơn", "TU", OrgKind.PROVINCIAL)
    factories.member(first)
    factories.member(second)
    factories.member(second)

    assert member_statistics(first, AS_OF)["total"] == 1
    assert member_statistics(second, AS_OF)["total"] == 2


@pytest.mark.parametrize(
    ("birth_date", "as_of", "group"),
    [
        (datetime.date(1996, 3, 1), datetime.date(2026, 3, 1), "30_45"),  # 30th birthday today
        (datetime.date(1996, 3, 2), datetime.date(2026, 3, 1), "under_30"),
        (datetime.date(1980, 3, 2), datetime.date(2026, 3, 1), "30_45"),  # 45 until tomorrow
        (datetime.date(1980, 3, 1), datetime.date(2026, 3, 1), "46_60"),
        (datetime.date(1965, 3, 1), datetime.date(2026, 3, 1), "over_60"),
        (datetime.date(1965, 3, 2), datetime.date(2026, 3, 1), "46_60"),
        (datetime.date(1998, 2, 28), datetime.date(2028, 2, 29), "30_45"),
        (datetime.date(1998, 3, 1), datetime.date(2028, 2, 29), "under_30"),
    ],
)
def test_age_groups_turn_on_the_birthday(db, birth_date, as_of, group):
    """GIVEN a cell whose single member was born on `birth_date`
    WHEN the statistics are computed on `as_of`
    THEN the member is in `group` and in no other age group."""
    cell = factories.org(None, "Chi bộ Pháp chế", "CB", OrgKind.GRASSROOTS_CELL)
    factories.member(cell, birth_date=birth_date)
    ages = member_statistics(cell, as_of)["age"]
    assert ages == {key: int(key == group) for key, _low, _high in AGE_GROUPS}


def test_ethnicity_and_levels_sum_to_the_total(tree):
    """GIVEN members of a main ethnic group, of a small one, and with levels left blank
    WHEN the statistics are computed
    THEN small groups fall under "others", blank levels under "not recorded"."""
    factories.member(tree.cell_a1, ethnicity="Tày", education="upper_secondary")
    factories.member(tree.cell_a1, ethnicity="Pu Péo", theory_level="senior")

    figures = member_statistics(tree.cell_a1, AS_OF)

    assert figures["total"] == 3
    assert figures["ethnicity"]["Kinh"] == 1
    assert figures["ethnicity"]["Tày"] == 1
    assert figures["ethnicity"][OTHERS] == 1
    assert figures["education"]["upper_secondary"] == 1
    assert figures["education"][NOT_RECORDED] == 2
    assert figures["theory_level"]["senior"] == 1
    assert figures["theory_level"][NOT_RECORDED] == 2
