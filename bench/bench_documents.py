"""The incoming register at national scale on PostgreSQL: the list page and concurrent clerks.

    createdb -h 127.0.0.1 -U postgres vp_docbench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vp_docbench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vp_docbench \
        .venv/bin/python bench/bench_documents.py [--documents 2000000] [--runs 50] [--per-clerk 40]

Loads the data first when the database holds no incoming document (bench_documents_load.py: the
national tree of bench_member_stats without members, 2,000,000 incoming documents of the Centre,
34 provinces and 3,321 communes over 2024–2026, 4 % classified; COPY, indexes built afterwards).

1. The register list (`documents:incoming_list`, the real view through Django's test Client:
   middleware, session, `access.visible`, paginator, template) as a clerk of the biggest province
   (clearance Mật: sees the province and its communes) and as a clerk of a commune, unfiltered,
   filtered (year, year + status, the folded query "cong van", an issuer's name) and paged (page 1,
   a deep page). p50/p95 of the view against the hand-written SQL of the same count and page on
   the same data, and the ratio of the p95s.
2. Concurrent clerks: 16 threads (16 connections) registering through `register_incoming`
   (a) into one organization's register (all on the same register row) and (b) into 16
   organizations' registers, against the same statements written by hand (raw psycopg); the
   numbers are checked afterwards: 1..n with no gap and no duplicate.
"""

import argparse
import multiprocessing
import os
import platform
import re
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
os.environ.setdefault("VANPHONG_SECRET_KEY", "bench-only-key")  # debug stays off, as measured

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from bench_documents_load import clerk, load  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from vanphong.core import vntext  # noqa: E402
from vanphong.core.models import Clearance, NumberSequence  # noqa: E402
from vanphong.documents.models import IncomingDocument  # noqa: E402
from vanphong.documents.search import SEARCH_COUNT_CAP  # noqa: E402
from vanphong.documents.services.incoming import register_incoming  # noqa: E402
from vanphong.documents.views_common import PAGE_SIZE  # noqa: E402
from vanphong.organizations.models import Organization, OrgKind, branch_of  # noqa: E402

DETAIL_LINK = re.compile(r'<td[^>]*><a href="/van-ban/den/(\d+)/">')
ORDER = "ORDER BY d.year DESC, d.received_at DESC, d.number DESC, d.id DESC"
PAGE_SQL = """
SELECT d.id, d.number, d.year, d.received_at, d.original_number, d.issuer, d.summary,
       d.deadline, d.status, d.urgency, d.confidentiality, o.name
{where}
{order} LIMIT 50 OFFSET %(offset)s
"""


CAP = SEARCH_COUNT_CAP


def hand_where(org: Organization, params: dict) -> tuple[str, dict]:
    """The scope as the schema allows it by hand: the province's branch column, and the path
    below it; the search as one statement (summary words, the issuers' names, the number)."""
    where = (
        "FROM documents_incomingdocument d"
        " JOIN organizations_organization o ON o.id = d.organization_id"
        " WHERE d.branch = %(branch)s AND d.confidentiality <= %(clearance)s"
    )
    if org.path != branch_of(org.path):  # below a province: its subtree within the branch
        where += " AND o.path LIKE %(prefix)s"
    values = {"branch": branch_of(org.path), "prefix": org.path + "%"}
    if params.get("q"):
        where += (
            " AND (to_tsvector('simple', d.summary_folded) @@ phraseto_tsquery('simple', %(folded)s)"
            " OR d.issuer_folded IN (SELECT folded FROM documents_issuer"
            "  WHERE folded LIKE %(like)s)"
            " OR upper(d.original_number) LIKE upper(%(raw)s))"
        )
        values["folded"] = vntext.fold(vntext.canonical(params["q"]))
        values["like"] = "%" + values["folded"] + "%"
        values["raw"] = "%" + params["q"] + "%"
    if params.get("trang_thai"):
        where += " AND d.status = %(status)s"
        values["status"] = params["trang_thai"]
    if params.get("nam"):
        where += " AND d.year = %(year)s"
        values["year"] = int(params["nam"])
    return where, values


def hand_sql(org: Organization, clearance: int, params: dict) -> tuple[int, list]:
    """What the page needs, written by hand: the count and the page's rows."""
    where, values = hand_where(org, params)
    values["clearance"] = clearance
    with connection.cursor() as cursor:
        if params.get("q"):  # like the view: the first CAP + 1 matches in order give the count
            cursor.execute(f"SELECT d.id {where} {ORDER} LIMIT {CAP + 1}", values)
            count = min(len(cursor.fetchall()), CAP)
        else:  # a province's count needs no organization
            count_where = (
                where.replace(" JOIN organizations_organization o ON o.id = d.organization_id", "")
                if "o.path" not in where
                else where
            )
            cursor.execute("SELECT count(*) " + count_where, values)
            count = cursor.fetchone()[0]
        pages = max(1, -(-count // PAGE_SIZE))
        page = min(int(params.get("trang", 1)), pages)
        values["offset"] = (page - 1) * PAGE_SIZE
        cursor.execute(PAGE_SQL.format(where=where, order=ORDER), values)
        return count, cursor.fetchall()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * len(samples)))]


def timed_pair(first, second, runs: int):
    """p50 and p95 in ms of two functions called in turn (both meet the same machine load)."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for function, bucket in zip((first, second), samples, strict=True):
            started = time.perf_counter()
            function()
            bucket.append((time.perf_counter() - started) * 1000)
    return _percentiles(samples[0]), _percentiles(samples[1])


def scenarios(org: Organization, clearance: int) -> list[tuple[str, dict]]:
    issuer = (
        IncomingDocument.objects.filter(organization=org, year=2026)
        .order_by("-number")
        .values_list("issuer", flat=True)
        .first()
    )
    total, _rows = hand_sql(org, clearance, {})
    year_total, _rows = hand_sql(org, clearance, {"nam": "2025"})
    return [
        ("all, page 1", {}),
        ("all, last page", {"trang": str(max(1, -(-total // PAGE_SIZE)))}),
        ("all, page 20", {"trang": "20"}),
        ("year 2025", {"nam": "2025"}),
        ("year 2025, last page", {"nam": "2025", "trang": str(-(-year_total // PAGE_SIZE))}),
        ("year 2026 + assigned", {"nam": "2026", "trang_thai": "assigned"}),
        ("q=cong van", {"q": "cong van"}),
        ("q=cong van, 2026, done", {"q": "cong van", "nam": "2026", "trang_thai": "done"}),
        (f"q=issuer ({issuer[:24]})", {"q": issuer}),
        ("q=no match", {"q": "khong co van ban nay"}),
    ]


def bench_list(args) -> None:
    province = Organization.objects.get(name__endswith="Hồ Chí Minh", kind=OrgKind.PROVINCIAL)
    small = Organization.objects.filter(kind=OrgKind.PROVINCIAL).order_by("path")[10]
    commune = (
        Organization.objects.filter(kind=OrgKind.COMMUNE, path__startswith=small.path)
        .order_by("path")
        .first()
    )
    readers = [
        ("province", province, clerk("docbench_province", province, Clearance.SECRET)),
        ("commune", commune, clerk("docbench_commune", commune, Clearance.NONE)),
    ]
    url = reverse("documents:incoming_list")
    print(
        f"\nregister list (view through the test Client, render included) vs hand-written SQL "
        f"(count + page); {args.runs} runs each; ms"
    )
    print(
        f"{'clerk':9} {'filter':34} {'rows':>9} {'view p50':>9} {'p95':>7} "
        f"{'SQL p50':>8} {'p95':>7} {'ratio':>6}"
    )
    worst = 0.0
    for level, org, user in readers:
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        for label, params in scenarios(org, user.clearance):
            count, rows = hand_sql(org, user.clearance, params)
            response = client.get(url, params)
            assert response.status_code == 200, response.status_code
            shown = [int(pk) for pk in DETAIL_LINK.findall(response.content.decode())]
            assert shown == [r[0] for r in rows], label

            def view(client=client, params=params):
                assert client.get(url, params).status_code == 200

            (v50, v95), (s50, s95) = timed_pair(
                view,
                lambda org=org, user=user, params=params: hand_sql(org, user.clearance, params),
                args.runs,
            )
            worst = max(worst, v95)
            print(
                f"{level:9} {label:34} {count:>9,} {v50:>9.1f} {v95:>7.1f} "
                f"{s50:>8.1f} {s95:>7.1f} {v95 / s95:>6.2f}"
            )
        print(f"{'':9} ({org.name})")
    print(f"worst p95: {worst:.1f} ms (goal ≤ 100 ms)")


# -- concurrent clerks ---------------------------------------------------------------------------

HAND_REGISTER = (
    (
        "INSERT INTO documents_issuer (name, folded) VALUES (%(issuer)s, %(issuer_folded)s)"
        " ON CONFLICT (folded) DO NOTHING"
    ),
    (
        "INSERT INTO core_numbersequence (organization_id, key, label, last_number)"
        " VALUES (%(org)s, %(key)s, %(key)s, 0) ON CONFLICT (organization_id, key) DO NOTHING"
    ),
    (
        "UPDATE core_numbersequence SET last_number = last_number + 1"
        " WHERE organization_id = %(org)s AND key = %(key)s RETURNING last_number"
    ),
    (
        "INSERT INTO documents_incomingdocument (summary, summary_folded, organization_id, branch,"
        " year, number, received_at, channel, issuer, issuer_folded, original_number,"
        " document_date, doc_type, pages, urgency, confidentiality, status, direction, result,"
        " registered_by_id, created_at) VALUES (%(summary)s, %(folded)s, %(org)s, %(branch)s,"
        " %(year)s,"
        " %(number)s, now(), 'electronic', %(issuer)s, %(issuer_folded)s, '12-CV/TU',"
        " current_date, 'cong_van', 2, '', 0, 'registered', '', '', %(user)s, now()) RETURNING id"
    ),
    (
        "INSERT INTO core_auditentry (at, actor_id, action, target_type, target_id,"
        " target_label, organization_id, before, after) VALUES (now(), %(user)s,"
        " 'incoming.register', 'documents.incomingdocument', %(id)s, %(label)s, %(org)s, NULL,"
        " %(after)s)"
    ),
)


def _clerk_thread(user, org, count, barrier, errors) -> None:
    try:
        barrier.wait()
        now = timezone.now()
        for i in range(count):
            register_incoming(
                acting_user=user,
                organization=org,
                received_at=now,
                channel="electronic",
                issuer="Văn phòng Trung ương Đảng",
                original_number=f"{i + 1}-CV/VPTW",
                document_date=timezone.localdate(),
                doc_type="cong_van",
                summary=f"Công văn về việc đăng ký đồng thời số {i + 1}",
            )
    except Exception as exc:  # reported by the main thread
        errors.append(exc)
    finally:
        connection.close()


def _hand_thread(dsn, user, org, count, barrier, errors) -> None:
    import json

    try:
        with psycopg.connect(dsn) as conn:
            barrier.wait()
            year = timezone.localdate().year
            for i in range(count):
                with conn.transaction(), conn.cursor() as cursor:
                    values = {
                        "org": org.pk,
                        "branch": branch_of(org.path),
                        "key": f"incoming:{year}",
                        "user": user.pk,
                        "year": year,
                        "summary": f"Công văn về việc đăng ký đồng thời số {i + 1}",
                        "folded": f"cong van ve viec dang ky dong thoi so {i + 1}",
                        "issuer": "Văn phòng Trung ương Đảng",
                        "issuer_folded": "van phong trung uong dang",
                    }
                    cursor.execute(HAND_REGISTER[0], values)
                    cursor.execute(HAND_REGISTER[1], values)
                    cursor.execute(HAND_REGISTER[2], values)
                    values["number"] = cursor.fetchone()[0]
                    cursor.execute(HAND_REGISTER[3], values)
                    values["id"] = str(cursor.fetchone()[0])
                    values["label"] = f"{values['number']}/{year}"
                    values["after"] = json.dumps({"number": values["number"], "year": year})
                    cursor.execute(HAND_REGISTER[4], values)
    except Exception as exc:
        errors.append(exc)


def run_clerks(mode, users, orgs, per_clerk) -> float:
    """Registrations per second of len(users) clerks, each registering `per_clerk` documents:
    threads in this process ("service", "hand") or one process per clerk ("processes", as the
    workers of a web server)."""
    if mode == "processes":
        context = multiprocessing.get_context("fork")
        barrier = context.Barrier(len(users) + 1)
        errors = context.Queue()
        connection.close()
        workers = [
            context.Process(target=_clerk_process, args=(user, org, per_clerk, barrier, errors))
            for user, org in zip(users, orgs, strict=True)
        ]
    else:
        barrier = threading.Barrier(len(users) + 1)
        errors = []
        target, dsn = (_clerk_thread, ()) if mode == "service" else (_hand_thread, (_dsn(),))
        workers = [
            threading.Thread(target=target, args=(*dsn, user, org, per_clerk, barrier, errors))
            for user, org in zip(users, orgs, strict=True)
        ]
    for worker in workers:
        worker.start()
    barrier.wait()
    started = time.perf_counter()
    for worker in workers:
        worker.join()
    seconds = time.perf_counter() - started
    if mode == "processes":
        errors = [] if errors.empty() else [RuntimeError(errors.get())]
        assert all(worker.exitcode == 0 for worker in workers), "a clerk process failed"
    if errors:
        raise errors[0]
    return len(users) * per_clerk / seconds


def _dsn() -> str:
    s = connection.settings_dict
    return (
        f"host={s['HOST'] or '127.0.0.1'} port={s['PORT'] or 5432} dbname={s['NAME']} "
        f"user={s['USER']}" + (f" password={s['PASSWORD']}" if s["PASSWORD"] else "")
    )


def _clerk_process(user, org, count, barrier, errors) -> None:
    failures: list[Exception] = []
    _clerk_thread(user, org, count, barrier, failures)
    if failures:
        errors.put(repr(failures[0]))


def check_register(org, year, before: int) -> tuple[int, int]:
    """Numbers after `before` in the register: 1..n after it, no gap, no duplicate."""
    numbers = list(
        IncomingDocument.objects.filter(organization=org, year=year, number__gt=before)
        .order_by("number")
        .values_list("number", flat=True)
    )
    last = NumberSequence.objects.get(organization=org, key=f"incoming:{year}").last_number
    assert numbers == list(range(before + 1, last + 1)), "gap or duplicate"
    return len(numbers), last


def bench_clerks(args) -> None:
    year = timezone.localdate().year
    threads = args.clerks
    # The last province: not the one the list is measured on, which stays as loaded.
    province = Organization.objects.filter(kind=OrgKind.PROVINCIAL).order_by("-path")[0]
    communes = list(Organization.objects.filter(kind=OrgKind.COMMUNE).order_by("?")[:threads])
    same_users = [clerk(f"docbench_same_{i}", province) for i in range(threads)]
    many_users = [clerk(f"docbench_many_{i}", org) for i, org in enumerate(communes)]
    print(
        f"\n{threads} concurrent clerks, {args.per_clerk} registrations each "
        "(register_incoming in threads of one process and in one process per clerk, against the "
        "same statements by hand in threads); registrations/s; ratio = hand / processes"
    )
    print(f"{'registers':34} {'threads':>8} {'processes':>9} {'hand SQL':>9} {'ratio':>6}  checked")
    cases = [
        ("(a) one register (same province)", same_users, [province] * threads),
        (f"(b) {threads} registers ({threads} communes)", many_users, communes),
        ("    1 clerk, one register", same_users[:1], [province]),
    ]
    # A server runs a few worker processes (README: gunicorn -w 4), not one per clerk:
    # the same 16 clerks' registrations, queued into 4 workers.
    workers = 4
    cases.insert(
        1, (f"(a) same, through {workers} workers", same_users[:workers], [province] * workers)
    )
    for label, users, orgs in cases:
        per_clerk = args.per_clerk * threads // len(users) if "workers" in label else args.per_clerk
        befores = {
            org.pk: NumberSequence.objects.filter(organization=org, key=f"incoming:{year}")
            .values_list("last_number", flat=True)
            .first()
            or 0
            for org in orgs
        }
        rates = [
            run_clerks(mode, users, orgs, per_clerk) for mode in ("service", "processes", "hand")
        ]
        checked = [check_register(org, year, befores[org.pk])[0] for org in set(orgs)]
        print(
            f"{label:34} {rates[0]:>8.0f} {rates[1]:>9.0f} {rates[2]:>9.0f} "
            f"{rates[2] / rates[1]:>6.2f}  "
            f"{sum(checked):,} numbers, no gap"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--clerks", type=int, default=16)
    parser.add_argument("--per-clerk", type=int, default=40)
    parser.add_argument("--skip-list", action="store_true")
    parser.add_argument("--skip-clerks", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this benchmark on PostgreSQL (DATABASE_URL=postgres://…).")
    load(args.documents)
    connection.ensure_connection()
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE documents_incomingdocument")
        cursor.execute("VACUUM ANALYZE organizations_organization")
        cursor.execute("SHOW synchronous_commit")
        sync = cursor.fetchone()[0]
    print(
        f"{Organization.objects.count():,} organizations, "
        f"{IncomingDocument.objects.count():,} incoming documents; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"PostgreSQL {connection.pg_version // 10000} (synchronous_commit={sync})"
    )
    if not args.skip_list:
        bench_list(args)
    if not args.skip_clerks:
        bench_clerks(args)


if __name__ == "__main__":
    main()
