"""Meetings at national scale on PostgreSQL: the compliance view and recording a session.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench_meet \
        .venv/bin/python bench/bench_meetings.py [--runs 30] [--day dd/mm/yyyy]

Generates the national data first when the database holds no organizations (migrate it before;
`--scale 0.1` for a smaller run), and the meetings part when it holds no cell meetings. Then:

1. The overseeing committee's compliance view (`meetings.compliance`: the subtree's active cells,
   those that have not held this month's meeting, those with no thematic meeting this quarter)
   for the Centre, the biggest province and a commune: p50/p95 of what the page evaluates (the
   subtree's three totals and the first 500 cells with their figures), of a hand-written SQL doing the same
   on the same data, their ratio, and of the whole page through Django's test Client (the head of the office of
   that organization, session, access and rendering included).
2. A session of a 30-member cell through the real services: recording the attendance of all 30
   (`session.record_attendance`, one call), a vote by show of hands (`votes.open_motion`,
   `record_counts`, `close_motion`), and the 30 members' own ballots (`votes.cast_ballot`, timed
   one by one), each on a fresh meeting (planned and opened outside the timing).

Peak memory: the process's maximum resident size at the end, and tracemalloc's peak of Python
allocations during one call of each measured step.
"""

import argparse
import datetime
import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
os.environ.setdefault("VANPHONG_SECRET_KEY", "bench-only-key")  # debug stays off, as measured

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from vanphong.core.models import RoleAssignment, User  # noqa: E402
from vanphong.meetings import compliance  # noqa: E402
from vanphong.meetings.models import Body, Kind, Meeting, Presence  # noqa: E402
from vanphong.meetings.services import planning, session, votes  # noqa: E402
from vanphong.organizations.models import (  # noqa: E402
    ACTIVE_STATUSES,
    Member,
    Organization,
    OrgKind,
)
from vanphong.organizations.roles import Role  # noqa: E402

# The subtree's active cells, each with its held meetings of the month and of the quarter.
HAND_COUNTS = """
WITH h AS (SELECT m.organization_id,
  count(*) FILTER (WHERE m.kind IN ('regular', 'combined') AND m.month = %(month)s) AS held_month,
  count(*) FILTER (WHERE m.kind IN ('thematic', 'combined')
                   AND m.starts_at >= %(q0)s AND m.starts_at < %(q1)s) AS thematic
FROM meetings_meeting m JOIN organizations_organization o ON o.id = m.organization_id
WHERE o.path LIKE %(path)s AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active' AND m.body = 'cell' AND m.status = 'held'
  AND (m.month = %(month)s OR (m.starts_at >= %(q0)s AND m.starts_at < %(q1)s))
GROUP BY m.organization_id)
SELECT count(*),
  count(*) FILTER (WHERE COALESCE(h.held_month, 0) < %(per_month)s),
  count(*) FILTER (WHERE COALESCE(h.thematic, 0) < %(per_quarter)s)
FROM organizations_organization o LEFT JOIN h ON h.organization_id = o.id
WHERE o.path LIKE %(path)s AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active'
"""
HAND_ROWS = """
WITH c AS (SELECT o.id, o.name, o.path FROM organizations_organization o WHERE o.path LIKE %(path)s AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active'
           ORDER BY o.path LIMIT 500)
SELECT c.id, c.name,
  (SELECT count(*) FROM meetings_meeting m WHERE m.organization_id = c.id AND m.body = 'cell'
     AND m.status = 'held' AND m.kind IN ('regular', 'combined') AND m.month = %(month)s),
  (SELECT count(*) FROM meetings_meeting m WHERE m.organization_id = c.id AND m.body = 'cell'
     AND m.status = 'held' AND m.kind IN ('thematic', 'combined')
     AND m.starts_at >= %(q0)s AND m.starts_at < %(q1)s)
FROM c ORDER BY c.path
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def python_peak(call) -> float:
    """MB of Python allocations at the peak of one call."""
    tracemalloc.start()
    call()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def view_figures(root: Organization, day: datetime.date):
    """What the compliance page evaluates (views_more.compliance_page)."""
    cells = compliance.cells_with_compliance(root, day)
    figures = compliance.summary(root, day, compliance.requirements(day))
    rows = [(c.pk, c.name, c.held_month, c.thematic_quarter) for c in cells[:500]]
    return figures["total"], figures["not_met"], figures["no_thematic"], rows


def hand_figures(root: Organization, day: datetime.date):
    needs = compliance.requirements(day)
    tz = timezone.get_current_timezone()
    q0, q1 = compliance.quarter_of(day)
    params = {
        "path": root.path + "%",
        "month": day.replace(day=1),
        "q0": datetime.datetime.combine(q0, datetime.time(0), tz),
        "q1": datetime.datetime.combine(q1, datetime.time(0), tz),
        "per_month": needs.per_month,
        "per_quarter": needs.thematic_per_quarter,
    }
    with connection.cursor() as cursor:
        cursor.execute(HAND_COUNTS, params)
        total, not_met, no_thematic = cursor.fetchone()
        cursor.execute(HAND_ROWS, params)
        rows = [tuple(r) for r in cursor.fetchall()]
    return total, not_met, no_thematic, rows


def overseer(org: Organization) -> User:
    user, _created = User.objects.get_or_create(username=f"bench_office_{org.pk}")
    RoleAssignment.objects.get_or_create(user=user, role=Role.OFFICE_HEAD, organization=org)
    return user


def ensure_data(args) -> None:
    if not Organization.objects.exists():
        options = {} if args.scale is None else {"scale": args.scale}
        call_command("generate_national_data", **options)
    elif not Meeting.objects.filter(body=Body.CELL).exists():
        call_command("generate_national_data", parts=["meetings"])
    else:
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def compliance_bench(args, day: datetime.date) -> list[float]:
    centre = Organization.objects.get(depth=1, kind=OrgKind.CENTRAL)
    cells_per = (
        Organization.objects.filter(kind__in=(OrgKind.CELL, OrgKind.GRASSROOTS_CELL))
        .order_by()
        .values("path")
    )
    provinces = list(Organization.objects.filter(kind=OrgKind.PROVINCIAL, depth=2))
    province = max(provinces, key=lambda p: cells_per.filter(path__startswith=p.path).count())
    communes = Organization.objects.filter(kind=OrgKind.COMMUNE, path__startswith=province.path)
    communes = Organization.objects.filter(kind=OrgKind.COMMUNE, path__startswith=province.path)
    commune = max(
        communes.order_by("path")[:40],
        key=lambda c: cells_per.filter(path__startswith=c.path).count(),
    )
    print(
        f"\ncompliance view on {day:%d/%m/%Y} — {args.runs} runs each; times in ms"
        "\nlevel       cells  not met no them.  view p50     p95  SQL p50     p95"
        " ratio p50   p95  page p50     p95  peak MB  organization"
    )
    worst = []
    for level, root in (("centre", centre), ("province", province), ("commune", commune)):
        got, want = view_figures(root, day), hand_figures(root, day)
        assert got == want, (level, got[:3], want[:3])
        client = Client(HTTP_HOST="localhost")  # served over HTTPS: secure=True below
        client.force_login(overseer(root))
        url = reverse("meetings:compliance") + f"?day={day:%d/%m/%Y}"
        response = client.get(url, secure=True)
        assert response.status_code == 200, response.status_code
        view, sql, page = [], [], []
        for _run in range(args.runs):
            view.append(timed(lambda root=root: view_figures(root, day)))
            sql.append(timed(lambda root=root: hand_figures(root, day)))
            page.append(timed(lambda client=client, url=url: client.get(url, secure=True)))
        peak = python_peak(lambda root=root: view_figures(root, day))
        v50, v95, s50, s95 = (percentile(x, q) for x in (view, sql) for q in (0.5, 0.95))
        p50, p95 = percentile(page, 0.5), percentile(page, 0.95)
        worst.append(v95)
        print(
            f"{level:<9} {got[0]:>7,} {got[1]:>8,} {got[2]:>8,} {v50:>9.1f} {v95:>7.1f}"
            f" {s50:>8.1f} {s95:>7.1f} {v50 / s50:>9.2f} {v95 / s95:>5.2f}"
            f" {p50:>9.1f} {p95:>7.1f} {peak:>8.1f}  {root.name}"
        )
    return worst


def session_bench(args) -> list[float]:
    cell_id = next(
        row["organization"]
        for row in Member.objects.filter(
            status__in=ACTIVE_STATUSES, organization__kind=OrgKind.CELL
        )
        .values("organization")
        .annotate(n=Count("pk"))
        .filter(n=30)
        .order_by("organization")[:1]
    )
    cell = Organization.objects.get(pk=cell_id)
    members = list(Member.objects.filter(organization=cell, status__in=ACTIVE_STATUSES))
    accounts = [
        User.objects.get_or_create(member=m, defaults={"username": f"bench_member_{m.pk}"})[0]
        for m in members
    ]
    secretary = accounts[1]  # the cell's secretary is one of its members
    RoleAssignment.objects.get_or_create(
        user=secretary, role=Role.CELL_SECRETARY, organization=cell
    )
    marks = {
        m.pk: (Presence.EXCUSED, "Đi công tác")
        if i % 10 == 9
        else (Presence.LATE if i % 10 == 8 else Presence.PRESENT, "")
        for i, m in enumerate(members)
    }
    present = sum(1 for presence, _r in marks.values() if presence != Presence.EXCUSED)

    def opened() -> Meeting:
        meeting = planning.plan_meeting(
            acting_user=secretary,
            organization=cell,
            body=Body.CELL,
            kind=Kind.EXTRAORDINARY,
            starts_at=timezone.now() - datetime.timedelta(minutes=30),
            place="Hội trường",
        )
        return session.open_session(
            acting_user=secretary, meeting=meeting, chair=members[0], secretary=members[1]
        )

    def attendance(meeting):
        session.record_attendance(acting_user=secretary, meeting=meeting, marks=marks)

    def vote(meeting):
        motion = votes.open_motion(
            acting_user=secretary, meeting=meeting, question="Thông qua nghị quyết", method="hands"
        )
        votes.record_counts(acting_user=secretary, motion=motion, yes=present - 2, no=1, abstain=1)
        closed = votes.close_motion(acting_user=secretary, motion=motion)
        assert closed.passed and closed.body_size == 30, closed.body_size

    times = {"attendance": [], "vote": [], "ballot": []}
    peaks = {}
    for run in range(args.runs + 1):
        meeting = opened()
        step = python_peak if run == 0 else timed  # the first run: the memory, not timed
        result_a = step(lambda meeting=meeting: attendance(meeting))
        result_v = step(lambda meeting=meeting: vote(meeting))
        motion = votes.open_motion(
            acting_user=secretary, meeting=meeting, question="Bỏ phiếu kín", method="secret"
        )
        ballots = [
            step(
                lambda account=account, i=i, motion=motion: votes.cast_ballot(
                    user=account, motion=motion, choice="yes" if i % 4 else "no"
                )
            )
            for i, account in enumerate(accounts)
            if marks[account.member_id][0] != Presence.EXCUSED
        ]
        if run == 0:
            peaks = {"attendance": result_a, "vote": result_v, "ballot": max(ballots)}
            continue
        times["attendance"].append(result_a)
        times["vote"].append(result_v)
        times["ballot"] += ballots
    print(
        f"\nsession of {cell.name} (30 members, {present} present) — {args.runs} meetings;"
        " times in ms\nstep                                   calls   p50     p95     max  peak MB"
    )
    labels = {
        "attendance": "record_attendance (30 marks, one call)",
        "vote": "vote: open, count, close",
        "ballot": "cast_ballot (secret, one member)",
    }
    for key, values in times.items():
        print(
            f"{labels[key]:<38} {len(values):>5} {percentile(values, 0.5):>6.1f}"
            f" {percentile(values, 0.95):>7.1f} {max(values):>7.1f} {peaks[key]:>8.1f}"
        )
    return [percentile(v, 0.95) for v in times.values()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--scale", type=float, default=None)
    parser.add_argument("--day", default=None, help="dd/mm/yyyy (default: today)")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench_meetings.py measures PostgreSQL: set DATABASE_URL.")
    ensure_data(args)
    day = (
        datetime.date(*reversed([int(part) for part in args.day.split("/")]))
        if args.day
        else timezone.localdate()
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print(
        f"{Organization.objects.count():,} organizations, {Member.objects.count():,} members,"
        f" {Meeting.objects.count():,} meetings; {platform.machine()}, {os.cpu_count()} CPUs,"
        f" PostgreSQL {version.split()[0]}"
    )
    view_p95 = compliance_bench(args, day)
    session_p95 = session_bench(args)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {rss:,.0f} MB")
    print(
        f"worst compliance view p95: {max(view_p95):.1f} ms (goal ≤ 200 ms);"
        f" worst session step p95: {max(session_p95):.1f} ms (goal ≤ 50 ms)"
    )


if __name__ == "__main__":
    main()
