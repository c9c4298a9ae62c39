"""Member statistics of a subtree: active members by status, gender, age group, ethnicity and
levels, in one aggregate query; the big subtrees are cached under per-branch versions
(docs/decisions/0005-member-statistics.md)."""

import datetime
import functools
import json

from django.db import connection
from django.db.models import Count, Q, Value
from django.db.models.functions import Substr
from django.utils import timezone

from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    BRANCH_DEPTH,
    BRANCH_LENGTH,
    Education,
    Gender,
    Member,
    Organization,
    ProfessionalLevel,
    TheoryLevel,
)
from vanphong.reports.models import MemberBranchVersion, MemberStatsSnapshot

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
# Database triggers keep one version per branch (organizations.models.BRANCH_DEPTH; migration
# reports/0003). Subtrees this close to the root hold up to millions of members: their figures
# are cached; a root's are summed from its branches'.
CACHED_MAX_DEPTH = BRANCH_DEPTH
# Attempts at summing a root's figures from its branches while other users change members; then
# the root is counted in one statement instead.
COMPOSE_ATTEMPTS = 3
# Snapshots of past dates that nobody asked for in this many days are deleted by the nightly task.
KEEP_PAST_SNAPSHOTS_DAYS = 7


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
    # A new dimension needs its column in STATS_COLUMNS of the triggers (reports/migrations)
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


_ORG_PLACEHOLDER = -20_260_001


@functools.cache
def _compiled_query(vendor: str, scope: str) -> tuple[str, list, list[tuple[str, str]]]:
    """(sql, params with placeholders, [(dimension, key)] in column order) for `vendor`, over the
    members of a subtree ("subtree"), of one organization without its children ("own"), or of a
    subtree grouped by branch ("branches": each row starts with the branch key)."""
    conditions = _conditions_at(_DATE_PLACEHOLDERS)
    aggregates = {f"c{i}": Count("pk", filter=q) for i, (_d, _k, q) in enumerate(conditions)}
    where = (
        Q(organization_id=_ORG_PLACEHOLDER)
        if scope == "own"
        else Q(organization__path__startswith=_PATH_PLACEHOLDER)
    )
    queryset = Member.objects.filter(where, status__in=ACTIVE_STATUSES).order_by()
    if scope == "branches":
        queryset = (
            queryset.annotate(branch=Substr("organization__path", 1, BRANCH_LENGTH))
            .values("branch")
            .annotate(total=Count("pk"), **aggregates)
            .values_list("branch", "total", *aggregates)
        )
    else:
        queryset = (
            queryset.annotate(_all=Value(1))
            .values("_all")
            .annotate(total=Count("pk"), **aggregates)
            .values_list("total", *aggregates)
        )
    sql, params = queryset.query.sql_with_params()
    return sql, list(params), [(dimension, key) for dimension, key, _q in conditions]


def _bind(params: list, organization: Organization, as_of: datetime.date) -> list:
    """The placeholders replaced by the subtree's path prefix (or the organization's id) and the
    age cut-off dates."""
    dates = {
        str(placeholder): connection.ops.adapt_datefield_value(years_before(as_of, years))
        for years, placeholder in _DATE_PLACEHOLDERS.items()
    }
    like = connection.ops.prep_for_like_query(organization.path)
    bound = []
    for p in params:
        if isinstance(p, str) and _PATH_PLACEHOLDER in p:
            bound.append(p.replace(_PATH_PLACEHOLDER, like))
        elif isinstance(p, int) and p == _ORG_PLACEHOLDER:
            bound.append(organization.pk)
        else:
            bound.append(dates.get(str(p), p))
    return bound


def _figures(columns: list[tuple[str, str]], total: int, counts: list[int]) -> dict:
    figures: dict = {"total": total}
    for (dimension, key), count in zip(columns, counts, strict=True):
        figures.setdefault(dimension, {})[key] = count
    figures["ethnicity"][OTHERS] = total - sum(figures["ethnicity"].values())
    for field in LEVELS:
        figures[field][NOT_RECORDED] = total - sum(figures[field].values())
    return figures


def live_member_statistics(
    organization: Organization, as_of: datetime.date, scope: str = "subtree"
) -> dict:
    """Count the active members of the subtree now (one query, conditional aggregation); with
    `scope="own"`, only the members of the organization itself."""
    sql, params, columns = _compiled_query(connection.vendor, scope)
    with connection.cursor() as cursor:
        cursor.execute(sql, _bind(params, organization, as_of))
        total, *counts = cursor.fetchone()
    return _figures(columns, total, counts)


def live_statistics_by_branch(root: Organization, as_of: datetime.date) -> dict[str, dict]:
    """Count the active members under a root in one statement, by branch: {branch key: figures}
    (the root's own members under the root's path). Branches without members are absent."""
    sql, params, columns = _compiled_query(connection.vendor, "branches")
    with connection.cursor() as cursor:
        cursor.execute(sql, _bind(params, root, as_of))
        rows = cursor.fetchall()
    return {branch: _figures(columns, total, counts) for branch, total, *counts in rows}


# --- Snapshots ------------------------------------------------------------------------------
# Hand-written SQL on purpose: the cached lookup is what the page runs for the Centre and the
# provinces, and the ORM would cost more than the sub-millisecond query (bench/README.md).


@functools.cache
def _snapshot_sql(vendor: str) -> dict[str, str]:
    quote = connection.ops.quote_name
    snapshot, version, org = (
        quote(model._meta.db_table)
        for model in (MemberStatsSnapshot, MemberBranchVersion, Organization)
    )
    # Table names quoted above and a constant depth are all that is formatted in; every value is a
    # bound parameter.
    versions_under = f"SELECT COALESCE(SUM(v.version), 0) FROM {version} v WHERE v.branch LIKE %s"  # noqa: S608
    return {
        # The figures of one organization on one date, if no branch under it changed since.
        "cached": f"SELECT s.figures FROM {snapshot} s WHERE s.organization_id = %s"  # noqa: S608
        f" AND s.as_of = %s AND s.data_version = ({versions_under})",
        "versions": f"SELECT v.branch, v.version FROM {version} v WHERE v.branch LIKE %s",  # noqa: S608
        # The branches under a root with their snapshot of the date, if any (partial index
        # reports_branch_roots_idx: the depth is written out for the planner to match it).
        "branches": f"SELECT o.id, o.path, s.data_version, s.figures FROM {org} o"  # noqa: S608
        f" LEFT JOIN {snapshot} s ON s.organization_id = o.id AND s.as_of = %s"
        f" WHERE o.depth = {BRANCH_DEPTH} AND o.path LIKE %s",
    }


def _fetch(key: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(_snapshot_sql(connection.vendor)[key], params)
        return cursor.fetchall()


def _prefix(organization: Organization) -> str:
    # Tree paths hold only 0-9 and A-Z (treebeard's alphabet): nothing to escape in LIKE.
    return organization.path + "%"


def _decode(value) -> dict:
    """A JSON column as read by a bare cursor: text on SQLite and with Django's psycopg loaders."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def cached_member_statistics(organization: Organization, as_of: datetime.date) -> dict | None:
    """The snapshot of the subtree on `as_of` if no branch under it changed since it was
    computed (one indexed lookup), else None."""
    with connection.cursor() as cursor:
        cursor.execute(
            _snapshot_sql(connection.vendor)["cached"],
            [organization.pk, connection.ops.adapt_datefield_value(as_of), _prefix(organization)],
        )
        row = cursor.fetchone()
    return None if row is None else _decode(row[0])


def _branch_versions(organization: Organization) -> dict[str, int]:
    return dict(_fetch("versions", [_prefix(organization)]))


def _store(rows: list[tuple[int, int, dict]], as_of: datetime.date) -> None:
    """Save (organization id, version sum, figures) as snapshots of `as_of`, replacing any."""
    MemberStatsSnapshot.objects.bulk_create(
        [
            MemberStatsSnapshot(organization_id=pk, as_of=as_of, data_version=v, figures=figures)
            for pk, v, figures in rows
        ],
        update_conflicts=True,
        unique_fields=["organization", "as_of"],
        update_fields=["data_version", "figures", "computed_at"],
    )


def _add(total: dict, part: dict) -> None:
    """Add the figures of a disjoint part of the subtree (every figure is a count)."""
    total["total"] += part["total"]
    for dimension, counts in part.items():
        if dimension != "total":
            for key, count in counts.items():
                total[dimension][key] = total[dimension].get(key, 0) + count


def _empty() -> dict:
    figures: dict = {"total": 0}
    for dimension, keys in dimension_keys().items():
        figures[dimension] = dict.fromkeys(keys, 0)
    return figures


def _composed(root: Organization, as_of: datetime.date, versions: dict[str, int]) -> dict:
    """A root's figures: each branch under it from its snapshot if the branch has not changed
    since (its version in `versions`), else counted again and stored, plus the root's own members.
    A few changed branches are counted one by one; when more than a quarter changed (a new day
    without the nightly precompute) the whole root is counted once, grouped by branch."""
    if root.depth != BRANCH_DEPTH - 1:  # kept under python -O, which strips asserts
        raise ValueError(f"not a root of branches: {root}")
    day = connection.ops.adapt_datefield_value(as_of)
    branches = _fetch("branches", [day, _prefix(root)])
    stale = [
        (pk, path)
        for pk, path, data_version, _cached in branches
        if data_version != versions.get(path, 0)
    ]
    figures = _empty()
    if len(stale) > len(branches) // 4:
        counted = live_statistics_by_branch(root, as_of)
        _add(figures, counted.get(root.path, _empty()))
        parts = {path: counted.get(path, _empty()) for _pk, path in stale}
    else:
        _add(figures, live_member_statistics(root, as_of, scope="own"))
        parts = {
            path: live_member_statistics(Organization(pk=pk, path=path), as_of)
            for pk, path in stale
        }
    for _pk, path, _version, cached in branches:
        _add(figures, parts[path] if path in parts else _decode(cached))
    _store([(pk, versions.get(path, 0), parts[path]) for pk, path in stale], as_of)
    return figures


def _refresh(organization: Organization, as_of: datetime.date) -> dict:
    """Count a cached-level subtree again and store it under the versions read before counting:
    a change committed meanwhile is then either in the figures or leaves the snapshot under an
    outdated sum, never outdated figures under the current sum."""
    for _attempt in range(COMPOSE_ATTEMPTS):
        versions = _branch_versions(organization)
        if organization.depth == BRANCH_DEPTH:
            figures = live_member_statistics(organization, as_of)
        else:
            figures = _composed(organization, as_of, versions)
            # The parts were read by several statements: they add up to the figures of one
            # moment only if no branch changed in between.
            if _branch_versions(organization) != versions:
                continue
        _store([(organization.pk, sum(versions.values()), figures)], as_of)
        return figures
    # Members of this subtree keep changing: count it in one statement, without caching.
    return live_member_statistics(organization, as_of)


def member_statistics(organization: Organization, as_of: datetime.date) -> dict:
    """Figures for the organization's subtree on `as_of`, exact at the time of the call.

    {"total": n, "status": {...}, "gender": {...}, "age": {...}, "ethnicity": {..., "others": n},
    "education"/"professional_level"/"theory_level": {..., "": not recorded}}
    """
    if organization.depth > CACHED_MAX_DEPTH:
        return live_member_statistics(organization, as_of)
    cached = cached_member_statistics(organization, as_of)
    if cached is not None:
        return cached
    return _refresh(organization, as_of)


def refresh_snapshots(as_of: datetime.date) -> dict:
    """Bring the snapshots of every cached-level organization on `as_of` up to date, and delete
    snapshots of past dates that nobody asked for lately. Roots come first: a root with many
    changed branches counts them all in one grouped statement and stores their snapshots, which
    the branches then find current. Returns what was done (for the task and the command)."""
    organizations = list(
        Organization.objects.filter(depth__lte=CACHED_MAX_DEPTH)
        .order_by("depth", "path")
        .only("pk", "path", "depth")
    )
    stale = [org for org in organizations if cached_member_statistics(org, as_of) is None]
    for organization in stale:
        if cached_member_statistics(organization, as_of) is None:
            _refresh(organization, as_of)
    cutoff = timezone.now() - datetime.timedelta(days=KEEP_PAST_SNAPSHOTS_DAYS)
    purged, _by_model = MemberStatsSnapshot.objects.filter(
        as_of__lt=as_of, computed_at__lt=cutoff
    ).delete()
    return {
        "as_of": as_of.isoformat(),
        "organizations": len(organizations),
        "recomputed": len(stale),
        "purged": purged,
    }
