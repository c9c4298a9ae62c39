"""Numbers under concurrency on PostgreSQL with real threads (invariant 2, docs/architecture.md)."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from vanphong.documents.models import IncomingDocument, OutgoingDocument, OutgoingStatus
from vanphong.documents.services import outgoing

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
THREADS, EACH = 16, 100


@pytest.fixture(autouse=True)
def _queue_only(settings):
    # The DOCX rendering after each issue is queued, not run: this test is about the numbers.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _run(work):
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker(i):
        try:
            barrier.wait()
            for j in range(EACH):
                work(i, j)
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_16_clerks_issuing_one_type_get_1_to_1600(office):
    signed = timezone.now()
    template = office.signed()
    OutgoingDocument.objects.bulk_create(
        [
            OutgoingDocument(
                **{
                    f.attname: getattr(template, f.attname)
                    for f in OutgoingDocument._meta.concrete_fields
                    if f.name not in ("id",)
                }
            )
            for _ in range(THREADS * EACH - 1)
        ]
    )
    OutgoingDocument.objects.update(signed_at=signed)
    ids = list(OutgoingDocument.objects.order_by("pk").values_list("pk", flat=True))

    def issue(i, j):
        document = OutgoingDocument.objects.get(pk=ids[i * EACH + j])
        outgoing.issue(acting_user=office.clerk, document=document)

    _run(issue)
    numbers = sorted(
        OutgoingDocument.objects.filter(status=OutgoingStatus.ISSUED).values_list(
            "number", flat=True
        )
    )
    assert numbers == list(range(1, THREADS * EACH + 1))
    assert OutgoingDocument.objects.values("symbol").distinct().count() == THREADS * EACH


def test_16_clerks_registering_incoming_get_1_to_1600(office):
    day = datetime.date(2026, 2, 3)

    def register(i, j):
        office.register(
            acting_user=office.clerk,
            received_at=timezone.now(),
            original_number=f"{i * EACH + j}-CV/VPTW",
            document_date=day,
        )

    _run(register)
    year = timezone.localdate().year
    numbers = sorted(IncomingDocument.objects.filter(year=year).values_list("number", flat=True))
    assert numbers == list(range(1, THREADS * EACH + 1))
