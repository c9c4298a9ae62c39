"""Dashboard cards of what needs the user's attention, counted only over what the user may see."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.organizations.access import OrgAction
from vanphong.organizations.milestones import (
    BADGE_YEARS,
    PRESENTATION_DAYS,
    add_years,
    next_badge,
    next_presentation_day,
)
from vanphong.organizations.models import ACTIVE_STATUSES, ActivityGap, Exemption, Member
from vanphong.organizations.services.members import today
from vanphong.organizations.services.procedures import due_for_official


def previous_presentation_day(day: datetime.date) -> datetime.date:
    """The last presentation day strictly before `day`."""
    candidates = [
        datetime.date(year, month, dom)
        for year in (day.year - 1, day.year)
        for month, dom in PRESENTATION_DAYS
    ]
    return max(c for c in candidates if c < day)


def badge_round_count(members, day: datetime.date) -> tuple[datetime.date, int]:
    """(next presentation day, members whose badge falls in that round).

    A badge reached in (previous round, next round] is presented at the next round. Members without
    periods outside activity are counted in SQL; the few with such periods, in Python.
    """
    round_day = next_presentation_day(day)
    after = previous_presentation_day(round_day)
    windows = Q(pk__in=[])
    for years in BADGE_YEARS:
        windows |= Q(
            admitted_on__gt=add_years(after, -years), admitted_on__lte=add_years(round_day, -years)
        )
    has_gaps = Exists(ActivityGap.objects.filter(member=OuterRef("pk")))
    count = members.filter(windows).exclude(has_gaps).count()
    for member in members.filter(has_gaps).prefetch_related("activity_gaps"):
        gaps = [(gap.starts_on, gap.ends_on) for gap in member.activity_gaps.all()]
        badge = next_badge(member.admitted_on, after, gaps)
        if badge is not None and badge.presented_on == round_day:
            count += 1
    return round_day, count


def cards_for(user) -> list[dict]:
    """The members' cards (registered with core.dashboard)."""
    cards = []
    # for those who look after the members (the office's staff, a cell's secretary), not for
    # everyone who may read a record: the clerk, the leader and the accountant have other work
    if access.can(user, OrgAction.MEMBER_NOTICE):
        day = today()
        active = access.visible(user, Member.objects.filter(status__in=ACTIVE_STATUSES))
        exempt_now = Exemption.objects.filter(member=OuterRef("pk"), starts_on__lte=day).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=day)
        )
        round_day, badge_count = badge_round_count(active, day)
        cards += [
            {
                "label": _("Active party members"),
                "figure": active.count(),
                "url": reverse("organizations:member_list"),
            },
            {
                "label": _("Probationary members due for official recognition"),
                "figure": due_for_official(active, day).count(),
                "url": reverse("organizations:probation_due"),
            },
            {
                "label": _("Members exempted from activity"),
                "figure": active.filter(Exists(exempt_now)).count(),
                "url": "",
            },
            {
                "label": _("Party badges to present on %(date)s")
                % {"date": round_day.strftime("%d/%m/%Y")},
                "figure": badge_count,
                "url": "",
            },
        ]
    return cards
