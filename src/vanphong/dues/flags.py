"""Members who left their dues unpaid for three months of one calendar year without reason
(docs/rules/dues.md §5; the rule `dues_setting`/`flag`): shown to the cell's secretary with the
months, and on the overseeing committee's list. A month counts once it is over, when something
was due and less was paid; an exempted month owes nothing and never counts."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F

from vanphong.core import access, rules
from vanphong.dues.access import DuesAction
from vanphong.dues.models import LedgerLine
from vanphong.dues.rates import month_of
from vanphong.dues.rule_tables import RuleTable
from vanphong.organizations.models import Member
from vanphong.organizations.services.members import today


@dataclass(frozen=True)
class Flag:
    member: Member
    months: list[datetime.date]


def threshold(year: int) -> int | None:
    rule = rules.value_as_of(RuleTable.SETTING, "flag", datetime.date(year, 12, 1))
    return rule.get("unpaid_months") if rule else None


def _unpaid(user, year: int, organization=None, action=DuesAction.RECORD):
    rows = access.visible(user, LedgerLine.objects.all(), action).filter(
        month__year=year, month__lt=month_of(today()), due__gt=F("paid")
    )
    if organization is not None:
        rows = rows.filter(organization__path__startswith=organization.path)
    return rows


def flagged(user, year: int, organization=None, action=DuesAction.RECORD) -> list[Flag]:
    """The flagged members among the lines `user` may do `action` on, most months first."""
    limit = threshold(year)
    if not limit:
        return []
    rows = _unpaid(user, year, organization, action)
    counts = rows.values("member_id").annotate(n=Count("id")).filter(n__gte=limit).order_by("-n")
    ids = [row["member_id"] for row in counts]
    if not ids:
        return []
    members = Member.objects.select_related("organization").in_bulk(ids)
    months: dict[int, list] = {pk: [] for pk in ids}
    for member_id, month in (
        rows.filter(member_id__in=ids).order_by("month").values_list("member_id", "month")
    ):
        months[member_id].append(month)
    return [Flag(members[pk], months[pk]) for pk in ids]
