"""The party dues of one member for one month, from the rules in force in that month
(docs/rules/dues.md). A month is the date of its first day; the rules, the member's category,
age and party age are all read as of that day."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanphong.core import rules
from vanphong.dues.models import WITH_BASIS, Category, ReliefKind
from vanphong.dues.rule_tables import RuleTable
from vanphong.organizations.milestones import add_months, party_age


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(month: datetime.date) -> datetime.date:
    return add_months(month_of(month), 1)


def previous_month(month: datetime.date) -> datetime.date:
    return add_months(month_of(month), -1)


def months_between(first: datetime.date, last: datetime.date) -> int:
    """How many months from `first` to `last`, both counted."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def rounding(month: datetime.date) -> dict:
    return rules.value_as_of(RuleTable.SETTING, "rounding", month) or {"mode": "half_up", "unit": 1}


def share(amount: int, numerator: int, denominator: int, month: datetime.date) -> int:
    """amount × numerator / denominator in whole đồng, rounded by the setting of the month."""
    setting = rounding(month)
    unit, mode = setting["unit"], setting["mode"]
    whole, rest = divmod(amount * numerator, denominator * unit)
    if rest and (mode == "up" or (mode == "half_up" and 2 * rest >= denominator * unit)):
        whole += 1
    return whole * unit


def retirement_reached(birth_date, gender: str, month: datetime.date) -> bool:
    """Whether the member has reached the retirement age in force on the month's first day."""
    rule = rules.value_as_of(RuleTable.RETIREMENT, gender, month)
    if rule is None:
        return False
    reached = add_months(birth_date, rule["years"] * 12 + rule.get("months", 0))
    return reached <= month


def membership_exempt(admitted_on, gaps, month: datetime.date) -> int | None:
    """The years of party age that exempt, when the member has them on the month's first day."""
    rule = rules.value_as_of(RuleTable.EXEMPTION, "membership", month)
    if rule is None or "years" not in rule:
        return None
    return rule["years"] if party_age(admitted_on, month, gaps) >= rule["years"] else None


def rate_key(category: str, retired: bool) -> str:
    if category == Category.OTHER:
        return "other_retired" if retired else "other_working"
    return category


@dataclass
class Due:
    """What the month costs the member, or why it cannot be computed (`problem`)."""

    category: str = ""
    rate_key: str = ""
    basis: int | None = None
    per_10000: int | None = None
    fixed: int | None = None
    base_due: int = 0
    relief: object = None
    relief_note: str = ""
    due: int = 0
    rule_source: str = ""
    problem: str = ""

    def fields(self) -> dict:
        return {
            "category": self.category,
            "rate_key": self.rate_key,
            "basis": self.basis,
            "per_10000": self.per_10000,
            "fixed": self.fixed,
            "base_due": self.base_due,
            "relief_id": getattr(self.relief, "pk", None),
            "relief_note": self.relief_note,
            "due": self.due,
            "rule_source": self.rule_source,
        }


def _source(table: str, key: str, month: datetime.date) -> str:
    from vanphong.core.models import DatedRule

    row = (
        DatedRule.objects.filter(table=table, key=key, effective_from__lte=month)
        .order_by("-effective_from")
        .values_list("source", flat=True)
        .first()
    )
    return row or ""


def compute(
    *,
    member,
    month: datetime.date,
    category,
    bases: dict,
    reliefs: list,
    gaps=(),
) -> Due:
    """The member's dues for `month`. `category` is the MemberCategory in force (or None),
    `bases` the member's amounts by month, `reliefs` the member's exemptions and reductions."""
    month = month_of(month)
    if category is None:
        return Due(problem=_("No dues category from this month."))
    result = Due(category=category.category)
    result.rate_key = rate_key(
        category.category, retirement_reached(member.birth_date, member.gender, month)
    )
    rate = rules.value_as_of(RuleTable.RATE, result.rate_key, month)
    if rate is None:
        return Due(category=category.category, problem=_("No dues rate is in force this month."))
    result.rule_source = _source(RuleTable.RATE, result.rate_key, month)
    if "fixed" in rate:
        result.fixed = rate["fixed"]
        result.base_due = rate["fixed"]
    else:
        result.per_10000 = rate["per_10000"]
        if rate["basis"] == "minimum_wage":
            if not category.region:
                result.problem = _("The minimum-wage region is not set.")
                return result
            wage = rules.value_as_of(RuleTable.MINIMUM_WAGE, category.region, month)
            if wage is None:
                result.problem = _("No regional minimum wage is in force this month.")
                return result
            result.basis = wage["amount"]
        else:
            basis_month = previous_month(month) if rate.get("previous_month") else month
            if category.category not in WITH_BASIS or basis_month not in bases:
                result.problem = _("No amount entered for %(month)s.") % {
                    "month": basis_month.strftime("%m/%Y")
                }
                return result
            result.basis = bases[basis_month]
        result.base_due = share(result.basis, result.per_10000, 10000, month)
    result.due = result.base_due
    years = membership_exempt(member.admitted_on, gaps, month)
    if years is not None:
        result.due = 0
        result.relief_note = _("Exempt: %(years)s years of party membership") % {"years": years}
        return result
    for relief in reliefs:
        if not relief.covers(month):
            continue
        result.relief = relief
        if relief.kind == ReliefKind.EXEMPT:
            result.due = 0
            result.relief_note = _("Exempt: %(reason)s (%(decision)s)") % {
                "reason": relief.get_reason_display().lower(),
                "decision": relief.decision,
            }
        else:
            result.due = share(result.base_due, 100 - relief.percent, 100, month)
            result.relief_note = _("Reduced by %(percent)s%%: %(reason)s (%(decision)s)") % {
                "percent": relief.percent,
                "reason": relief.get_reason_display().lower(),
                "decision": relief.decision,
            }
        break
    return result
