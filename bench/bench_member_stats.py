"""Member statistics at national scale on PostgreSQL: `member_statistics` against hand-written SQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vp_national \
        .venv/bin/python bench/bench_member_stats.py [--scale 1.0] [--runs 30] [--changes 5]

Generates the national data first when the database holds no organizations (migrate it before).
For subtrees at every level (the Centre, provinces, communes, cells) it prints p50/p95 of
- `member_statistics` (what the page calls: cached for the Centre and provinces),
- the same figures counted live by the ORM query (`live_member_statistics`),
- a hand-written SQL aggregate over the members (the baseline for live counting),
- a hand-written SQL lookup of the snapshot row (the baseline for the cached levels),
and the ratio of `member_statistics` to the hand-written SQL of the same path. For the cached
levels it then times the first call after a member changed in another province ("other": should
still be served from the snapshot) and in the same subtree ("same": for the Centre, a change in
the biggest province), and the nightly `refresh_snapshots` (cold and warm).
"""

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
os.environ.setdefault("VANPHONG_SECRET_KEY", "bench-only-key")  # debug stays off, as measured

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402

from vanphong.organizations.models import Member, Organization, OrgKind  # noqa: E402
from vanphong.reports.models import MemberStatsSnapshot  # noqa: E402
from vanphong.reports.statistics import (  # noqa: E402
    BRANCH_LENGTH,
    CACHED_MAX_DEPTH,
    live_member_statistics,
    member_statistics,
    refresh_snapshots,
    years_before,
)

HAND_SQL = """
SELECT count(*),
  count(*) FILTER (WHERE m.status = 'probationary'),
  count(*) FILTER (WHERE m.status = 'official'),
  count(*) FILTER (WHERE m.gender = 'male'),
  count(*) FILTER (WHERE m.gender = 'female'),
  count(*) FILTER (WHERE m.birth_date > %(c30)s),
  count(*) FILTER (WHERE m.birth_date <= %(c30)s AND m.birth_date > %(c46)s),
  count(*) FILTER (WHERE m.birth_date <= %(c46)s AND m.birth_date > %(c61)s),
  count(*) FILTER (WHERE m.birth_date <= %(c61)s),
  count(*) FILTER (WHERE m.ethnicity = 'Kinh'),
  count(*) FILTER (WHERE m.ethnicity = 'Tày'),
  count(*) FILTER (WHERE m.ethnicity = 'Thái'),
  count(*) FILTER (WHERE m.ethnicity = 'Mường'),
  count(*) FILTER (WHERE m.ethnicity = 'Khmer'),
  count(*) FILTER (WHERE m.ethnicity = 'H''Mông'),
  count(*) FILTER (WHERE m.ethnicity = 'Nùng'),
  count(*) FILTER (WHERE m.ethnicity = 'Hoa'),
  count(*) FILTER (WHERE m.ethnicity = 'Dao'),
  count(*) FILTER (WHERE m.education = 'primary'),
  count(*) FILTER (WHERE m.education = 'lower_secondary'),
  count(*) FILTER (WHERE m.education = 'upper_secondary'),
  count(*) FILTER (WHERE m.professional_level = 'none'),
  count(*) FILTER (WHERE m.professional_level = 'vocational'),
  count(*) FILTER (WHERE m.professional_level = 'college'),
  count(*) FILTER (WHERE m.professional_level = 'bachelor'),
  count(*) FILTER (WHERE m.professional_level = 'master'),
  count(*) FILTER (WHERE m.professional_level = 'doctor'),
  count(*) FILTER (WHERE m.theory_level = 'none'),
  count(*) FILTER (WHERE m.theory_level = 'elementary'),
  count(*) FILTER (WHERE m.theory_level = 'intermediate'),
  count(*) FILTER (WHERE m.theory_level = 'advanced'),
  count(*) FILTER (WHERE m.theory_level = 'senior')
FROM organizations_member m
JOIN organizations_organization o ON o.id = m.organization_id
WHERE o.path LIKE %(prefix)s AND m.status IN ('probationary', 'official')
"""
HAND_SNAPSHOT_SQL = """
SELECT s.figures FROM reports_memberstatssnapshot s
WHERE s.organization_id = %(org)s AND s.as_of = %(as_of)s
  AND s.data_version = (SELECT coalesce(sum(v.version), 0) FROM reports_memberbranchversion v
                        WHERE v.branch LIKE %(prefix)s)
"""


def hand_sql(org: Organization, as_of: datetime.date) -> tuple:
    params = {
        "prefix": org.path + "%",
        "c30": years_before(as_of, 30),
        "c46": years_before(as_of, 46),
        "c61": years_before(as_of, 61),
    }
    with connection.cursor() as cursor:
        cursor.execute(HAND_SQL, params)
        return cursor.fetchone()


def hand_snapshot_sql(org: Organization, as_of: datetime.date):
    with connection.cursor() as cursor:
        cursor.execute(HAND_SNAPSHOT_SQL, {"org": org.pk, "as_of": as_of, "prefix": org.path + "%"})
        return cursor.fetchone()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * len(samples)))]


def timed_pair(first, second, runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """p50 and p95 in milliseconds of two functions called in turn, so that both meet the same
    load of the (shared) machine."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for function, bucket in zip((first, second), samples, strict=True):
            started = time.perf_counter()
            function()
            bucket.append((time.perf_counter() - started) * 1000)
    return _percentiles(samples[0]), _percentiles(samples[1])


def subtrees() -> list[tuple[str, Organization]]:
    rng = random.Random(1)
    picked = [("centre", Organization.objects.get(depth=1, kind=OrgKind.CENTRAL))]
    for level, kind, count in (
        ("province", OrgKind.PROVINCIAL, 3),
        ("commune", OrgKind.COMMUNE, 3),
        ("cell", OrgKind.CELL, 3),
    ):
        ids = list(Organization.objects.filter(kind=kind).values_list("pk", flat=True))
        picked += [(level, Organization.objects.get(pk=pk)) for pk in rng.sample(ids, count)]
    # The biggest province too: Thành phố Hồ Chí Minh.
    picked.insert(1, ("province", Organization.objects.get(name__endswith="Hồ Chí Minh")))
    return picked


def ensure_data(scale: float) -> None:
    if Organization.objects.exists():
        return
    started = time.monotonic()
    call_command("generate_national_data", scale=scale)
    print(f"generated in {time.monotonic() - started:.0f} s")


def member_in(org: Organization) -> int:
    return (
        Member.objects.filter(organization__path__startswith=org.path, status="official")
        .values_list("pk", flat=True)
        .first()
    )


def touch(member_pk: int, step: list[int]) -> None:
    """Change one member's birth date by a day (alternately forward and back): the triggers
    raise the version of the member's branch."""
    step[0] = -step[0]
    Member.objects.filter(pk=member_pk).update(
        birth_date=F("birth_date") + datetime.timedelta(days=step[0])
    )


def after_change(org: Organization, member_pk: int, as_of: datetime.date, times: int) -> str:
    """p50/max of the first `member_statistics` call after a change to member `member_pk`."""
    samples, step = [], [1]
    for _ in range(times):
        touch(member_pk, step)
        started = time.perf_counter()
        member_statistics(org, as_of)
        samples.append((time.perf_counter() - started) * 1000)
    return f"{statistics.median(samples):.1f}/{max(samples):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--changes", type=int, default=5)
    parser.add_argument(
        "--fast-runs", type=int, default=300, help="Runs of the sub-millisecond cached lookups."
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this benchmark on PostgreSQL (DATABASE_URL=postgres://…).")
    ensure_data(args.scale)
    connection.ensure_connection()
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE organizations_member")
        cursor.execute("VACUUM ANALYZE organizations_organization")
    as_of = datetime.date.today()
    print(
        f"{Organization.objects.count():,} organizations, {Member.objects.count():,} members; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"PostgreSQL {connection.pg_version // 10000}; {args.runs} runs each; times in ms"
    )
    header = (
        f"{'level':9} {'members':>9} {'cold':>8} {'stats p50':>9} {'p95':>7} {'base p50':>8} "
        f"{'p95':>7} {'ratio p50':>9} {'p95':>5} {'live p50':>9} {'p95':>8} {'SQL p50':>8} "
        f"{'p95':>8} {'live/SQL':>8}  organization"
    )
    print(header)
    picked = subtrees()
    for level, org in picked:
        # Cold: no snapshot of the subtree or of any branch under it.
        MemberStatsSnapshot.objects.filter(organization__path__startswith=org.path).delete()
        started = time.perf_counter()
        figures = member_statistics(org, as_of)
        cold = (time.perf_counter() - started) * 1000
        row = hand_sql(org, as_of)
        assert row[0] == figures["total"] and row[1] == figures["status"]["probationary"]
        assert row[9] == figures["ethnicity"]["Kinh"], (row, figures)
        cached = org.depth <= CACHED_MAX_DEPTH
        baseline = hand_snapshot_sql if cached else hand_sql
        stats, base = timed_pair(
            lambda org=org: member_statistics(org, as_of),
            lambda org=org, baseline=baseline: baseline(org, as_of),
            args.fast_runs if cached else args.runs,
        )
        live, sql = timed_pair(
            lambda org=org: live_member_statistics(org, as_of),
            lambda org=org: hand_sql(org, as_of),
            args.runs,
        )
        print(
            f"{level:9} {figures['total']:>9,} {cold:>8.1f} {stats[0]:>9.2f} {stats[1]:>7.2f} "
            f"{base[0]:>8.2f} {base[1]:>7.2f} {stats[0] / base[0]:>9.2f} "
            f"{stats[1] / base[1]:>5.2f} {live[0]:>9.2f} {live[1]:>8.2f} {sql[0]:>8.2f} "
            f"{sql[1]:>8.2f} {live[0] / sql[0]:>8.2f}  {org.name}"
        )

    # First call after a change, p50/max of --changes runs: in another province (the province
    # picked last, or the first one for it) and in the same subtree (for the Centre: in the
    # biggest province, which it must count again).
    print(
        f"\nfirst call after a member change, p50/max of {args.changes} (ms); the Centre is "
        "summed from its provinces' snapshots and the changed province counted again"
    )
    print(f"{'level':9} {'other province':>15} {'same subtree':>13}  organization")
    provinces = [org for level, org in picked if level == "province"]
    for level, org in picked:
        if org.depth > CACHED_MAX_DEPTH:
            continue
        if org.depth == 1:
            other, same = "—", after_change(org, member_in(provinces[0]), as_of, args.changes)
        else:
            elsewhere = provinces[-1] if org != provinces[-1] else provinces[0]
            member_statistics(org, as_of)
            other = after_change(org, member_in(elsewhere), as_of, args.changes)
            same = after_change(org, member_in(org), as_of, args.changes)
        print(f"{level:9} {other:>15} {same:>13}  {org.name}")

    # The nightly refresh of every organization of the top two levels.
    MemberStatsSnapshot.objects.filter(as_of=as_of).delete()
    branches = Organization.objects.filter(depth=CACHED_MAX_DEPTH).count()
    print(f"\nnightly refresh_snapshots ({branches} branches of {BRANCH_LENGTH}-character paths)")
    for label in ("cold (nothing cached)", "warm (nothing changed)", "after one change"):
        if label.startswith("after"):
            touch(member_in(provinces[0]), [1])
        started = time.perf_counter()
        done = refresh_snapshots(as_of)
        seconds = time.perf_counter() - started
        print(f"  {label:24} {seconds:8.2f} s  recounted {done['recomputed']}")


if __name__ == "__main__":
    main()
