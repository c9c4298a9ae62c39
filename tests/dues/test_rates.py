"""Every rate and exemption case of the dues rules (docs/rules/dues.md), at their boundaries: the
first month of 01-QĐ/TW, the 2028 step, the month of retirement age and of 50 years of party
membership, the end of a 12-month reduction, and the rounding setting."""

import datetime

import pytest

from tests import factories
from vanphong.core.models import DatedRule
from vanphong.dues import rates
from vanphong.dues.models import LedgerLine, MemberCategory, Relief
from vanphong.dues.services import ledger, profile

pytestmark = pytest.mark.django_db
D = datetime.date


def due(member, month, category="social_insurance", bases=None, reliefs=(), region=""):
    row = MemberCategory(member=member, category=category, region=region, starts_on=D(2011, 1, 1))
    return rates.compute(
        member=member, month=month, category=row, bases=bases or {}, reliefs=list(reliefs)
    )


def test_p1_the_previous_months_social_insurance_salary(tree):
    """P1: a social-insurance base of 8,500,000 đ in January 2026 → February's dues 85,000 đ."""
    result = due(tree.member_a1, D(2026, 2, 1), bases={D(2026, 1, 1): 8_500_000})
    assert (result.basis, result.per_10000, result.due) == (8_500_000, 100, 85_000)
    assert "01-QĐ/TW" in result.rule_source


def test_february_2026_without_januarys_salary_is_a_problem_not_a_guess(tree):
    result = due(tree.member_a1, D(2026, 2, 1), bases={D(2026, 2, 1): 8_500_000})
    assert result.problem == "Chưa nhập số tiền của tháng 01/2026."


def test_p2_pension_and_p3_student(tree):
    pension = due(tree.member_a1, D(2026, 3, 1), "pension", {D(2026, 3, 1): 7_200_000})
    assert pension.due == 36_000
    assert due(tree.member_a1, D(2026, 3, 1), "student").due == 5_000


def test_the_first_month_of_01_qd_tw_against_the_last_legacy_month(tree):
    """January 2026 is judged by 342-QĐ/TW (the salary of the month itself, a student's fixed
    amount of the legacy table); February 2026 by 01-QĐ/TW."""
    bases = {D(2025, 12, 1): 8_000_000, D(2026, 1, 1): 8_500_000, D(2026, 2, 1): 9_000_000}
    january = due(tree.member_a1, D(2026, 1, 1), bases=bases)
    february = due(tree.member_a1, D(2026, 2, 1), bases=bases)
    assert (january.basis, january.due) == (8_500_000, 85_000)
    assert "342-QĐ/TW" in january.rule_source
    assert (february.basis, february.due) == (8_500_000, 85_000)
    assert due(tree.member_a1, D(2026, 3, 1), bases=bases).due == 90_000
    assert due(tree.member_a1, D(2026, 1, 1), "student").due == 2_000
    assert due(tree.member_a1, D(2026, 2, 1), "student").due == 5_000


@pytest.mark.parametrize(
    ("region", "month", "expected"),
    [
        ("I", D(2027, 12, 1), 15_930),  # 0.3% of 5,310,000
        ("I", D(2028, 1, 1), 26_550),  # 0.5% from 2028
        ("IV", D(2027, 12, 1), 11_100),
        ("IV", D(2028, 1, 1), 18_500),
    ],
)
def test_outside_social_insurance_below_retirement_age_by_the_regional_minimum_wage(
    tree, region, month, expected
):
    member = factories.member(tree.cell_a1, gender="male", birth_date=D(1980, 5, 10))
    assert due(member, month, "other", region=region).due == expected


def test_at_or_above_retirement_age_the_lower_share_and_its_2028_step(tree):
    member = factories.member(tree.cell_a1, gender="male", birth_date=D(1960, 1, 1))
    assert due(member, D(2027, 12, 1), "other", region="I").rate_key == "other_retired"
    assert due(member, D(2027, 12, 1), "other", region="I").due == 10_620  # 0.2%
    assert due(member, D(2028, 1, 1), "other", region="I").due == 15_930  # 0.3%


def test_the_month_of_retirement_age(tree):
    """A man born 15/04/1965 reaches 61 years 6 months (the age of 2026) on 15/10/2026: October
    is judged on its first day, still below; November is at the retirement age."""
    member = factories.member(tree.cell_a1, gender="male", birth_date=D(1965, 4, 15))
    assert due(member, D(2026, 10, 1), "other", region="II").rate_key == "other_working"
    assert due(member, D(2026, 11, 1), "other", region="II").rate_key == "other_retired"
    born_first = factories.member(tree.cell_a1, gender="male", birth_date=D(1965, 4, 1))
    assert due(born_first, D(2026, 10, 1), "other", region="II").rate_key == "other_retired"
    woman = factories.member(tree.cell_a1, gender="female", birth_date=D(1969, 11, 1))
    assert due(woman, D(2026, 10, 1), "other", region="II").rate_key == "other_working"
    assert due(woman, D(2026, 11, 1), "other", region="II").rate_key == "other_retired"  # 57


def test_the_month_of_fifty_years_of_party_membership(tree):
    """Admitted 15/03/1976: March 2026 is still due, April 2026 exempt; admitted 01/03/1976:
    March already exempt. The 50 years count from the admission date."""
    late = factories.member(tree.cell_a1, admitted_on=D(1976, 3, 15))
    bases = {D(2026, 2, 1): 7_000_000, D(2026, 3, 1): 7_000_000}
    assert due(late, D(2026, 3, 1), "pension", bases).due == 35_000
    april = due(late, D(2026, 4, 1), "pension", {D(2026, 4, 1): 7_000_000})
    assert (april.base_due, april.due) == (35_000, 0)
    assert april.relief_note == "Miễn: 50 năm tuổi đảng"
    early = factories.member(tree.cell_a1, admitted_on=D(1976, 3, 1))
    assert due(early, D(2026, 3, 1), "pension", bases).due == 0


def test_the_fifty_years_do_not_count_periods_outside_party_activity(tree):
    from vanphong.organizations.models import ActivityGap

    member = factories.member(tree.cell_a1, admitted_on=D(1976, 3, 1))
    ActivityGap.objects.create(member=member, starts_on=D(1990, 1, 1), ends_on=D(1990, 12, 31))
    profile.set_category(
        acting_user=None, member=member, category="student", starts_on=D(2011, 1, 1)
    )
    from vanphong.dues.models import LedgerLine

    ledger.compute_month(acting_user=None, organization=tree.cell_a1, month=D(2026, 3, 1))
    assert LedgerLine.objects.get(member=member).due == 5_000


@pytest.mark.parametrize("percent, expected", [(30, 59_500), (50, 42_500), (70, 25_500)])
def test_reductions_and_the_end_of_a_twelve_month_reduction(tree, percent, expected):
    relief = profile.add_relief(
        acting_user=None,
        member=tree.member_a1,
        kind="reduce",
        reason="hardship",
        percent=percent,
        starts_on=D(2026, 3, 1),
        ends_on=D(2027, 2, 1),
        decision="12-QĐ/CB",
        decided_on=D(2026, 2, 20),
    )
    bases = {m: 8_500_000 for m in (D(2026, 1, 1), D(2027, 1, 1), D(2027, 2, 1))}
    assert due(tree.member_a1, D(2026, 2, 1), bases=bases, reliefs=[relief]).due == 85_000
    assert due(tree.member_a1, D(2027, 2, 1), bases=bases, reliefs=[relief]).due == expected
    march = D(2027, 3, 1)
    assert (
        due(tree.member_a1, march, bases={D(2027, 2, 1): 8_500_000}, reliefs=[relief]).due == 85_000
    )


@pytest.mark.parametrize("reason", ["social_pension", "poor_household", "serious_illness"])
def test_exemptions_by_decision(tree, reason):
    relief = profile.add_relief(
        acting_user=None,
        member=tree.member_a1,
        kind="exempt",
        reason=reason,
        starts_on=D(2026, 4, 1),
        ends_on=None,
        decision="03-QĐ/CB",
        decided_on=D(2026, 3, 28),
    )
    result = due(tree.member_a1, D(2026, 4, 1), "student", reliefs=[relief])
    assert (result.base_due, result.due, result.relief) == (5_000, 0, relief)
    assert result.relief_note.startswith("Miễn: ")
    assert "03-QĐ/CB" in result.relief_note


@pytest.mark.parametrize(
    ("mode", "unit", "expected"),
    [
        ("half_up", 1, 12_422),
        ("down", 1, 12_421),
        ("up", 1, 12_422),
        ("half_up", 1000, 12_000),
        ("up", 1000, 13_000),
    ],
)
def test_rounding_is_a_dated_setting(tree, mode, unit, expected):
    """0.3% of 4,140,500 đ is 12,421.5 đ: rounded by the setting in force in the month."""
    DatedRule.objects.create(
        table="dues_setting",
        key="rounding",
        effective_from=D(2026, 6, 1),
        value={"mode": mode, "unit": unit},
    )
    DatedRule.objects.create(
        table="dues_minimum_wage",
        key="III",
        effective_from=D(2026, 6, 1),
        value={"amount": 4_140_500},
    )
    member = factories.member(tree.cell_a1, birth_date=D(1990, 1, 1))
    assert due(member, D(2026, 6, 1), "other", region="III").due == expected
    assert due(member, D(2026, 5, 1), "other", region="III").due == 12_420


def test_a_rate_row_an_administrator_adds_applies_from_its_month_only(tree):
    from vanphong.core import rules

    rules.set_rule(
        acting_user=None,
        table="dues_rate",
        key="student",
        effective_from=D(2027, 1, 1),
        value={"fixed": 6000},
        source="Thử",
    )
    assert due(tree.member_a1, D(2026, 12, 1), "student").due == 5_000
    assert due(tree.member_a1, D(2027, 1, 1), "student").due == 6_000
    assert not LedgerLine.objects.exists() and not Relief.objects.exists()
