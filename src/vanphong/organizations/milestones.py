"""Party age (tuổi đảng) and party badge (Huy hiệu Đảng) milestones
(docs/rules/party-age-and-badges.md).

Party age counts from the admission decision, minus periods outside party activity. Badges come at
30, 40, 45, 50, 55, … 90 years and are presented on 3/2, 19/5, 2/9 and 7/11. The milestones and the
presentation days are dated rules in spirit; they have not changed since 2021 (HD 01-HD/TW), so they
live here until the first change gives them a table.
"""

import calendar
import datetime
from dataclasses import dataclass

BADGE_YEARS = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
PRESENTATION_DAYS = ((2, 3), (5, 19), (9, 2), (11, 7))  # (month, day)


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 → 28/02
        return day.replace(year=day.year + years, day=28)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _gap_days(gaps, until: datetime.date) -> int:
    total = 0
    for start, end in gaps:
        end = min(end, until)
        if end >= start:
            total += (end - start).days + 1
    return total


def party_age_start(admitted_on: datetime.date, gaps=()) -> datetime.date:
    """The admission date moved later by the days spent outside party activity."""
    return admitted_on + datetime.timedelta(days=_gap_days(gaps, datetime.date.max))


def party_age(admitted_on: datetime.date, as_of: datetime.date, gaps=()) -> int:
    """Whole years of party age on `as_of`."""
    start = admitted_on + datetime.timedelta(days=_gap_days(gaps, as_of))
    if as_of < start:
        return 0
    years = as_of.year - start.year
    if (as_of.month, as_of.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def next_presentation_day(on_or_after: datetime.date) -> datetime.date:
    for year in (on_or_after.year, on_or_after.year + 1):
        for month, day in PRESENTATION_DAYS:
            candidate = datetime.date(year, month, day)
            if candidate >= on_or_after:
                return candidate
    raise AssertionError("unreachable")


def previous_presentation_day(day: datetime.date) -> datetime.date:
    """The last presentation day strictly before `day`."""
    candidates = [
        datetime.date(year, month, dom)
        for year in (day.year - 1, day.year)
        for month, dom in PRESENTATION_DAYS
    ]
    return max(c for c in candidates if c < day)


@dataclass(frozen=True)
class Badge:
    years: int
    reached_on: datetime.date
    presented_on: datetime.date


def badges(admitted_on: datetime.date, gaps=()) -> list[Badge]:
    """Every badge milestone: the day it is reached and the presentation day that follows."""
    start = party_age_start(admitted_on, gaps)
    result = []
    for years in BADGE_YEARS:
        reached = add_years(start, years)
        result.append(Badge(years, reached, next_presentation_day(reached)))
    return result


def next_badge(admitted_on: datetime.date, as_of: datetime.date, gaps=()) -> Badge | None:
    return next((b for b in badges(admitted_on, gaps) if b.reached_on > as_of), None)


def early_badge_from(badge: Badge) -> datetime.date:
    """The earliest day a seriously ill member may receive `badge`: 12 months early for 30–65
    years, 24 months early for 70–90 years."""
    months = 24 if badge.years >= 70 else 12
    return add_months(badge.reached_on, -months)
