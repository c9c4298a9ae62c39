"""Steps on one meeting under concurrency on PostgreSQL with real threads: every writing step
locks the meeting's row first (speeches, initiatives, presentations and the minutes' draft too),
so eight clerks drafting the minutes at once make one record (before the lock: eight)."""

import threading

import pytest
from django.db import connection

from tests.meetings.conftest import at
from tests.meetings.test_session import _voting
from vanphong.core.models import DatedRule
from vanphong.meetings import rule_seeds
from vanphong.meetings.models import Minutes
from vanphong.meetings.services import minutes, session, votes
from vanphong.meetings.services.errors import MeetingError

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
THREADS = 8


@pytest.fixture(autouse=True)
def _rules():
    # A transactional test may follow another that flushed the data migration's rule rows.
    rule_seeds.load(DatedRule)


def _together(work) -> list:
    barrier = threading.Barrier(THREADS)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(work())
        except MeetingError as refused:
            results.append(refused.code)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return results


def _held(cell):
    meeting, motion = _voting(cell)
    votes.record_counts(acting_user=cell.secretary, motion=motion, yes=7, no=0, abstain=0)
    votes.close_motion(acting_user=cell.secretary, motion=motion)
    return session.close_session(
        acting_user=cell.secretary, meeting=meeting, ended_at=at(cell.day, 15, 40)
    )


def test_eight_clerks_drafting_the_minutes_at_once_make_one(cell):
    meeting = _held(cell)
    made = _together(lambda: minutes.draft(acting_user=cell.secretary, meeting=meeting).pk)
    assert Minutes.objects.filter(meeting=meeting).count() == 1
    assert set(made) == {Minutes.objects.get(meeting=meeting).pk}
