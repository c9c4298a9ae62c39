"""The records demo's showcase states (records/demo.py), checked on each reference day by
tests/documents/test_demo.py, which loads the whole demo once a day."""

import datetime

from vanphong.core import access
from vanphong.core.models import User
from vanphong.documents.models import IncomingDocument, OutgoingDocument, OutgoingStatus
from vanphong.records.access import RecordAction
from vanphong.records.models import (
    FileEntry,
    FilePlan,
    FileStatus,
    HandOver,
    Loan,
    LoanStatus,
    RecordFile,
)
from vanphong.records.services import handover, loans

PROVINCE = "Đảng bộ tỉnh Phú Thọ"


def _documents_of(year: int) -> set:
    incoming = IncomingDocument.objects.filter(organization__name=PROVINCE, year=year)
    outgoing = OutgoingDocument.objects.filter(
        organization__name=PROVINCE, status=OutgoingStatus.ISSUED, issued_on__year=year
    )
    return {("in", pk) for pk in incoming.values_list("pk", flat=True)} | {
        ("out", pk) for pk in outgoing.values_list("pk", flat=True)
    }


def _filed_in(year: int) -> set:
    entries = FileEntry.objects.filter(file__year=year, file__organization__name=PROVINCE)
    return {("in", e.incoming_id) if e.incoming_id else ("out", e.outgoing_id) for e in entries}


def records_showcase(day: datetime.date) -> None:
    year = day.year
    current = FilePlan.objects.get(organization__name=PROVINCE, year=year)
    last = FilePlan.objects.get(organization__name=PROVINCE, year=year - 1)
    assert current.drafted_from == last
    assert list(current.items.values_list("code", flat=True)) == ["01", "02", "03", "04", "05"]
    assert list(current.items.values_list("code", flat=True)) == list(
        last.items.values_list("code", flat=True)
    )
    # Every document of each year sits in a file of that year's plan.
    for y in (year - 1, year):
        assert _documents_of(y) == _filed_in(y), y
    assert _documents_of(year - 1)

    this_year = RecordFile.objects.filter(year=year, organization__name=PROVINCE)
    assert this_year.count() == 5 and not this_year.exclude(status=FileStatus.OPEN).exists()
    past = RecordFile.objects.filter(year=year - 1, organization__name=PROVINCE)
    assert not past.filter(status=FileStatus.OPEN).exists()
    assert set(past.values_list("closed_on", flat=True)) == {datetime.date(year - 1, 12, 31)}
    assert set(past.values_list("due_on", flat=True)) == {datetime.date(year, 12, 31)}
    for file in past:  # the level of the most classified document
        levels = [e.document.confidentiality for e in file.entries.all()]
        assert file.confidentiality == max(levels)

    archivist = User.objects.get(username="luutru")
    [received] = HandOver.objects.all()
    assert received.received_by == archivist and received.received_on <= day
    handed = past.filter(status=FileStatus.HANDED_OVER)
    assert handed.exists() and set(handed.values_list("handover", flat=True)) == {received.pk}
    assert all(access.can(archivist, RecordAction.RECEIVE, f) for f in handed)
    waiting = past.filter(status=FileStatus.CLOSED)
    assert waiting.filter(code="05").exists() or not past.filter(code="05").exists()
    [loan] = Loan.objects.all()
    assert loan.status == LoanStatus.LENT and loan.borrower.username == "chuyenvien"
    assert loan.decided_by.username == "chanhvanphong" and loan.file in handed
    assert loan.due_on > day and not loans.overdue(archivist).exists()
    # The list of files due shows the waiting ones the archivist may see; the card warns of
    # them in the last 30 days of the year only.
    seen = handover.due_files(archivist)
    assert set(seen) == {f for f in waiting if f.confidentiality <= archivist.clearance}
    warned = handover.due_files(archivist, warned=True).count()
    assert warned == (seen.count() if day >= datetime.date(year, 12, 1) else 0)
