"""The dues demo's showcase states (dues/demo.py), checked on each reference day by
tests/documents/test_demo.py, which loads the whole demo once a day."""

import datetime

from django.db.models import F

from vanphong.core.models import User
from vanphong.dues import flags
from vanphong.dues.demo import COMMITTEE, demo_months, flagged_months
from vanphong.dues.models import LedgerLine, Payment, Relief
from vanphong.dues.rates import month_of
from vanphong.organizations.models import Organization


def dues_showcase(day: datetime.date) -> None:
    committee = Organization.objects.get(name=COMMITTEE)
    lines = LedgerLine.objects.filter(organization__path__startswith=committee.path)
    months = demo_months(day)
    assert sorted(set(lines.values_list("month", flat=True))) == months
    assert datetime.date(2025, 3, 1) in months and month_of(day) in months
    assert len(set(lines.values_list("organization", flat=True))) == 5
    # the legacy rules for 2025, 01-QĐ/TW from February 2026
    assert all(
        "342-QĐ/TW" in s
        for s in lines.filter(month__year=2025).values_list("rule_source", flat=True)
    )
    if day >= datetime.date(2026, 2, 1):
        assert lines.filter(month=month_of(day), rule_source__contains="01-QĐ/TW").exists()
    # every month over is paid but the flagged member's three
    secretary = User.objects.get(username="bithuchibo")
    flag_months = flagged_months(day)
    [flag] = flags.flagged(secretary, flag_months[0].year)
    assert flag.months == flag_months
    assert flag.member.organization == secretary.member.organization
    unpaid = lines.filter(month__lt=month_of(day), due__gt=F("paid"))
    assert unpaid.count() == 3
    assert [
        f.member for f in flags.flagged(User.objects.get(username="ketoan"), flag_months[0].year)
    ] == [flag.member]
    assert Payment.objects.filter(channel="portal").exists()
    assert Payment.objects.filter(channel="cash", receipt_number=1).exists()
    # the month of the day is left to collect; dangvien sees own paid months
    assert not lines.filter(month=month_of(day), paid__gt=0).exists()
    own = lines.filter(member__user__username="dangvien", month__lt=month_of(day))
    assert own.exists() and not own.filter(due__gt=F("paid")).exists()
    # an exemption and a reduction in force on the day
    exempt = Relief.objects.get(kind="exempt")
    reduced = Relief.objects.get(kind="reduce")
    for relief in (exempt, reduced):
        assert relief.covers(month_of(day))
        line = lines.get(member=relief.member, month=month_of(day))
        assert line.relief == relief
    assert lines.get(member=exempt.member, month=month_of(day)).due == 0
    line = lines.get(member=reduced.member, month=month_of(day))
    assert line.due * 2 == line.base_due
