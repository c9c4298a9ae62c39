"""Filing and receiving under concurrency on PostgreSQL with real threads: the file's row lock
keeps one entry per document and one hand-over per file."""

import threading

import pytest
from django.db import connection

from vanphong.records.errors import RecordError
from vanphong.records.models import FileEntry, HandOver
from vanphong.records.services import files, handover

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
THREADS = 8


def _race(work) -> list:
    barrier = threading.Barrier(THREADS)
    outcomes = []

    def worker(i):
        try:
            barrier.wait()
            work(i)
            outcomes.append("ok")
        except RecordError as error:
            outcomes.append(error.code)
        except Exception as error:  # noqa: BLE001 — reported below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(outcomes)


def test_eight_clerks_filing_one_document_file_it_once(archive):
    file, document = archive.file(), archive.register()
    outcomes = _race(
        lambda i: files.add_document(acting_user=archive.clerk, file=file, document=document)
    )
    assert outcomes == ["already_filed"] * (THREADS - 1) + ["ok"]
    assert FileEntry.objects.filter(file=file).count() == 1


def test_a_file_closed_while_others_file_into_it_counts_what_it_holds(archive):
    file = archive.file()
    files.add_document(acting_user=archive.clerk, file=file, document=archive.register())
    documents = [archive.register(summary=f"Văn bản {i}") for i in range(THREADS)]

    def work(i):
        if i == 0:
            files.close_file(acting_user=archive.clerk, file=file)
        else:
            files.add_document(acting_user=archive.clerk, file=file, document=documents[i])

    _race(work)
    file.refresh_from_db()
    assert file.document_count == FileEntry.objects.filter(file=file).count()


def test_two_archivists_receiving_one_file_make_one_hand_over(archive):
    file = archive.file()
    files.add_document(acting_user=archive.clerk, file=file, document=archive.register())
    files.close_file(acting_user=archive.clerk, file=file)
    outcomes = _race(
        lambda i: handover.receive(
            acting_user=archive.archivist, files=[file], handed_by_name=f"Người giao {i}"
        )
    )
    assert outcomes == ["handed_over"] * (THREADS - 1) + ["ok"]
    assert HandOver.objects.count() == 1
