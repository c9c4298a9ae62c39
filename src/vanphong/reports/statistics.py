"""Member statistics of a subtree: active members by status, gender, age group, ethnicity and
levels, in one aggregate query; the big subtrees are cached by data version
(docs/decisions/0005-member-statistics.md)."""

import datetime
import functools

from django.db import connection
from django.db.models import Count, Q, Subquery, Value

from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    Education,
    Gender,
    Member,
    Organization,
    ProfessionalLevel,
    TheoryLevel,
)
from vanphong.reports.models import MemberDataVersion, MemberStatsSnapshot

# The largest ethnic groups get their own line; the others are summed.
MAIN_ETHNICITIES = ("Kinh", "Tày", "Thái", "Mường", "Khmer", "H'Mông", "Nùng", "Hoa", "Dao")
OTHERS = "others"
NOT_RECORDED = ""
# Age groups: (key, lowest age, highest age or None), ages in whole years at `as_of`.
AGE_GROUPS = (("under_30", 0, 29), ("30_45", 30, 45), ("46_60", 46, 60), ("over_60", 61, None))
_AGE_LIMITS = {low for _k, low, _h in AGE_GROUPS} | {h + 1 for _k, _l, h in AGE_GROUPS if h}
LEVELS = {
    "education": Education,
    "professional_level": ProfessionalLevel,
    "theory_level": TheoryLevel,
}
# Subtrees this close to the root hold up to millions of members: their figures are cached.
CACHED_MAX_DEPTH = 2


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_condition(born_by: dict[int, datetime.date], low: int, high: int | None) -> Q:
    """Members aged `low`..`high` (inclusive): someone is at least N years old exactly when born
    on or before `born_by[N]`, the same day N years before the date of the figures."""
    condition = Q(birth_date__lte=born_by[low])
    if high is not None:
        condition &= Q(birth_date__gt=born_by[high + 1])
    return condition


def _conditions_at(born_by: dict[int, datetime.date]) -> list[tuple[str, str, Q]]:
    """(dimension, key, condition) for every figure counted in the query."""
    rows = [("status", s.value, Q(status=s.value)) for s in ACTIVE_STATUSES]
    rows += [("gender", g.value, Q(gender=g.value)) for g in Gender]
    rows += [("age", key, age_condition(born_by, low, high)) for key, low, high in AGE_GROUPS]
    rows += [("ethnicity", name, Q(ethnicity=name)) for name in MAIN_ETHNICITIES]
    for field, choices in LEVELS.items():
        rows += [(field, c.value, Q(**{field: c.value})) for c in choices]
    return rows


def dimension_keys() -> dict[str, list[str]]:
    """The keys of every dimension in display order (a cached JSON object may reorder them)."""
    keys: dict[str, list[str]] = {}
    for dimension, key, _q in _conditions_at(_DATE_PLACEHOLDERS):
        keys.setdefault(dimension, []).append(key)
    keys["ethnicity"].append(OTHERS)
    for field in LEVELS:
        keys[field].append(NOT_RECORDED)
    return keys


# Placeholders for the values that change from call to call: the SQL of the aggregate query is
# compiled by the ORM once per process with these, then run with the real values. Compiling 32
# filtered aggregates costs ~10 ms, fifty times the query itself on a cell (bench/README.md).
_PATH_PLACEHOLDER = "@subtree@"
_DATE_PLACEHOLDERS = {years: datetime.date(1000 + years, 1, 1) for years in sorted(_AGE_LIMITS)}


@functools.cache
def _compiled_query(vendor: str) -> tuple[str, list, list[tuple[str, str]]]:
    """(sql, params with placeholders, [(dimension, key)] in column order) for `vendor`."""
    conditions = _conditions_at(_DATE_PLACEHOLDERS)
    aggregates = {f"c{i}": Count("pk", filter=q) for i, (_d, _k, q) in enumerate(conditions)}
    queryset = (
        Member.objects.filter(
            organization__path__startswith=_PATH_PLACEHOLDER, status__in=ACTIVE_STATUSES
        )
        .order_by()
        .annotate(_all=Value(1))
        .values("_all")
        .annotate(total=Count("pk"), **aggregates)
        .values_list("total", *aggregates)
    )
    sql, params = queryset.query.sql_with_params()
    return sql, list(params), [(dimension, key) for dimension, key, _q in conditions]


def _bind(params: list, organization: Organization, as_of: datetime.date) -> list:
    """The placeholders replaced by the subtree's path prefix and the age cut-off dates."""
    dates = {
        str(placeholder): connection.ops.adapt_datefield_value(years_before(as_of, years))
        for years, placeholder in _DATE_PLACEHOLDERS.items()
    }
    like = connection.ops.prep_for_like_query(organization.path)
    return [
        p.replace(_PATH_PLACEHOLDER, like)
        if isinstance(p, str) and _PATH_PLACEHOLDER in p
        else dates.get(str(p), p)
        for p in params
    ]


def live_member_statistics(organization: Organization, as_of: datetime.date) -> dict:
    """Count the active members of the subtree now (one query, conditional aggregation)."""
    sql, params, columns = _compiled_query(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, _bind(params, organization, as_of))
        total, *counts = cursor.fetchone()
    figures: dict = {"total": total}
    for (dimension, key), count in zip(columns, counts, strict=True):
        figures.setdefault(dimension, {})[key] = count
    figures["ethnicity"][OTHERS] = total - sum(figures["ethnicity"].values())
    for field in LEVELS:
        figures[field][NOT_RECORDED] = total - sum(figures[field].values())
    return figures


def member_statistics(organization: Organization, as_of: datetime.date) -> dict:
    """Figures for the organization's subtree on `as_of`, exact at the time of the call.

    {"total": n, "status": {...}, "gender": {...}, "age": {...}, "ethnicity": {..., "others": n},
    "education"/"professional_level"/"theory_level": {..., "": not recorded}}
    """
    if organization.depth > CACHED_MAX_DEPTH:
        return live_member_statistics(organization, as_of)
    current = MemberDataVersion.objects.filter(pk=1).values("version")
    cached = (
        MemberStatsSnapshot.objects.filter(
            organization=organization, as_of=as_of, data_version=Subquery(current)
        )
        .values_list("figures", flat=True)
        .first()
    )
    if cached is not None:
        return cached
    # Read the version before counting: a change committed in between then either is in the
    # figures or leaves them under an outdated version, never stale figures under a current one.
    version = current.first()
    figures = live_member_statistics(organization, as_of)
    if version is not None:
        MemberStatsSnapshot.objects.update_or_create(
            organization=organization,
            as_of=as_of,
            defaults={"data_version": version["version"], "figures": figures},
        )
    return figures
