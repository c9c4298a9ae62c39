"""Member statistics at national scale on PostgreSQL: `member_statistics` against hand-written SQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vp_national \
        .venv/bin/python bench/bench_member_stats.py [--scale 1.0] [--runs 30]

Generates the national data first when the database holds no organizations (migrate it before).
For subtrees at every level (the Centre, provinces, communes, cells) it prints p50/p95 of
- `member_statistics` (what the page calls: cached for the Centre and provinces),
- the same figures counted live by the ORM query (`live_member_statistics`),
- a hand-written SQL aggregate over the members (the baseline for live counting),
- a hand-written SQL lookup of the snapshot row (the baseline for the cached levels),
and the ratio of `member_statistics` to the hand-written SQL of the same path.
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

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from vanphong.organizations.models import Member, Organization, OrgKind  # noqa: E402
from vanphong.reports.models import MemberStatsSnapshot  # noqa: E402
from vanphong.reports.statistics import (  # noqa: E402
    CACHED_MAX_DEPTH,
    live_member_statistics,
    member_statistics,
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
  AND s.data_version = (SELECT version FROM reports_memberdataversion WHERE id = 1)
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
        cursor.execute(HAND_SNAPSHOT_SQL, {"org": org.pk, "as_of": as_of})
        return cursor.fetchone()


def timed(function, runs: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * len(samples)))]


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=30)
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
        f"{'level':9} {'members':>9} {'cold':>8} {'stats p50':>9} {'p95':>8} "
        f"{'live p50':>9} {'p95':>8} {'SQL p50':>8} {'p95':>8} {'snap SQL':>8} "
        f"{'ratio':>6} {'live/SQL':>8}  organization"
    )
    print(header)
    for level, org in subtrees():
        MemberStatsSnapshot.objects.filter(organization=org).delete()
        started = time.perf_counter()
        figures = member_statistics(org, as_of)
        cold = (time.perf_counter() - started) * 1000
        row = hand_sql(org, as_of)
        assert row[0] == figures["total"] and row[1] == figures["status"]["probationary"]
        assert row[9] == figures["ethnicity"]["Kinh"], (row, figures)
        stats = timed(lambda org=org: member_statistics(org, as_of), args.runs)
        live = timed(lambda org=org: live_member_statistics(org, as_of), args.runs)
        sql = timed(lambda org=org: hand_sql(org, as_of), args.runs)
        cached = org.depth <= CACHED_MAX_DEPTH
        snap = timed(lambda org=org: hand_snapshot_sql(org, as_of), args.runs) if cached else None
        baseline = snap if cached else sql
        print(
            f"{level:9} {figures['total']:>9,} {cold:>8.1f} {stats[0]:>9.2f} {stats[1]:>8.2f} "
            f"{live[0]:>9.2f} {live[1]:>8.2f} {sql[0]:>8.2f} {sql[1]:>8.2f} "
            f"{(f'{snap[1]:.2f}' if snap else '—'):>8} {stats[1] / baseline[1]:>6.2f} "
            f"{live[1] / sql[1]:>8.2f}  {org.name}"
        )


if __name__ == "__main__":
    main()
