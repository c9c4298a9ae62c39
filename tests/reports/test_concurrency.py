"""Member writers and statistics readers at once, on PostgreSQL with real threads: writers in
different provinces lock different version rows (decision 0005)."""

import datetime
import threading
import time

import pytest
from django.db import OperationalError, connection, transaction

from tests import factories
from tests.reports.conftest import python_count
from vanphong.organizations.models import Member, OrgKind
from vanphong.organizations.services import procedures
from vanphong.reports.statistics import member_statistics

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

AS_OF = datetime.date(2026, 3, 1)


class TwoProvinces:
    def __init__(self):
        self.tree = tree = factories.Tree()
        self.centre, self.a, self.cell_a = tree.centre, tree.province, tree.cell_a1
        self.b = factories.org(self.centre, "Đảng bộ tỉnh Tuyên Quang", "TU", OrgKind.PROVINCIAL)
        commune = factories.org(self.b, "Đảng bộ xã Hàm Yên", "ĐU", OrgKind.COMMUNE)
        self.cell_b = factories.org(commune, "Chi bộ thôn Bắc Mục", "CB", OrgKind.CELL)
        for _ in range(3):
            factories.member(self.cell_b)
        self.orgs = (self.centre, self.a, self.b)
        for org in self.orgs:
            member_statistics(org, AS_OF)

    def assert_exact(self):
        for org in self.orgs:
            assert member_statistics(org, AS_OF) == python_count(org, AS_OF), org.name


def admit(cell, card: str) -> None:
    procedures.admit_member(
        acting_user=None,
        organization=cell,
        admitted_on=datetime.date(2026, 1, 10),
        full_name=f"Đảng viên {card}",
        gender="female",
        birth_date=datetime.date(1994, 5, 6),
        card_number=card,
    )


def lock_timeout(seconds: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL lock_timeout = '{int(seconds * 1000)}ms'")


def holding_a_write(member: Member):
    """Start a thread that records `member`'s death and keeps its transaction open until
    released; returns (started event, release event, thread, errors)."""
    holding, release, errors = threading.Event(), threading.Event(), []

    def run():
        try:
            with transaction.atomic():
                procedures.record_death(acting_user=None, member=member, on=AS_OF)
                holding.set()
                release.wait(20)
        except Exception as exc:  # reported by the test
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert holding.wait(20), errors
    return release, thread, errors


def test_a_write_in_another_province_does_not_wait(db):
    """GIVEN cached figures, and a transaction that recorded a death in province A, still open
    WHEN another user admits a member in province B (with a 2 s lock timeout), and a third reads
    the Centre's figures meanwhile
    THEN the admission commits at once and the reader gets the committed figures (A's death not
    yet in them); after A commits, every level is exact."""
    world = TwoProvinces()
    before = member_statistics(world.centre, AS_OF)
    release, thread, errors = holding_a_write(world.tree.member_a1)
    try:
        started = time.monotonic()
        with transaction.atomic():
            lock_timeout(2)
            admit(world.cell_b, "88000001")
        elapsed = time.monotonic() - started
        during = member_statistics(world.centre, AS_OF)
        committed = python_count(world.centre, AS_OF)
    finally:
        release.set()
        thread.join()
    assert not errors
    assert elapsed < 2
    assert during["total"] == before["total"] + 1
    assert during == committed
    after = member_statistics(world.centre, AS_OF)
    assert after["total"] == before["total"]  # one admitted in B, one died in A
    world.assert_exact()


def test_a_write_in_the_same_province_waits_for_the_first(db):
    """GIVEN the same open transaction in province A
    WHEN another member of province A is admitted with a 0.5 s lock timeout
    THEN it gives up on the lock (writers of one province still take turns) and changes
    nothing; this is what the test above would see if provinces shared a version."""
    world = TwoProvinces()
    release, thread, errors = holding_a_write(world.tree.member_a1)
    try:
        with pytest.raises(OperationalError, match="lock timeout"), transaction.atomic():
            lock_timeout(0.5)
            admit(world.tree.cell_a2, "88000002")
    finally:
        release.set()
        thread.join()
    assert not errors
    assert not Member.objects.filter(card_number="88000002").exists()
    world.assert_exact()


def test_writers_in_both_provinces_and_readers_at_once(db):
    """GIVEN 4 writer threads (2 per province) admitting 5 members each, and a reader thread
    asking for the Centre's figures all along
    THEN nothing fails or deadlocks, every figure the reader saw was a possible total, and the
    final figures of every level are exact."""
    world = TwoProvinces()
    start_total = member_statistics(world.centre, AS_OF)["total"]
    barrier, errors, seen, done = threading.Barrier(5), [], [], threading.Event()

    def write(cell, thread_no):
        try:
            barrier.wait()
            for i in range(5):
                admit(cell, f"87{thread_no:02d}{i:04d}")
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    def read():
        try:
            barrier.wait()
            while not done.is_set():
                seen.append(member_statistics(world.centre, AS_OF)["total"])
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    writers = [
        threading.Thread(target=write, args=(cell, n))
        for n, cell in enumerate([world.cell_a, world.cell_a, world.cell_b, world.cell_b])
    ]
    reader = threading.Thread(target=read)
    for t in [*writers, reader]:
        t.start()
    for t in writers:
        t.join()
    done.set()
    reader.join()

    assert not errors
    assert seen and all(start_total <= total <= start_total + 20 for total in seen)
    assert member_statistics(world.centre, AS_OF)["total"] == start_total + 20
    world.assert_exact()
