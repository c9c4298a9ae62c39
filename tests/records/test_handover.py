"""The hand-over to the archive: its due date and warning at their boundaries (decision 0018),
the archivist's receipt, the read-only files after it, and its two DOCX papers read back."""

import datetime
import io

import docx
import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from tests.clock import TZ
from vanphong.core.models import Clearance, DatedRule
from vanphong.core.rules import clear_cache
from vanphong.records import handover_docx, rules
from vanphong.records.errors import RecordError
from vanphong.records.models import FileStatus, HandOver, RecordFile
from vanphong.records.services import files, handover

pytestmark = pytest.mark.django_db
D = datetime.date


def _at(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(10), TZ), tick=True)


@pytest.mark.parametrize(
    ("closed", "due", "warned"),
    [
        (D(2026, 1, 1), D(2027, 12, 31), D(2027, 12, 1)),
        (D(2026, 12, 31), D(2027, 12, 31), D(2027, 12, 1)),
        (D(2027, 1, 1), D(2028, 12, 31), D(2028, 12, 1)),
        # the 2011 law gave the same year; a file closed under it keeps its rule
        (D(2024, 6, 30), D(2025, 12, 31), D(2025, 12, 1)),
    ],
)
def test_the_due_date_is_the_end_of_the_year_after_the_work_ended(closed, due, warned):
    assert rules.handover_due(closed) == rules.Due(due, warned)


def test_the_rule_in_force_on_the_closing_day_applies_and_a_day_without_one_is_refused():
    DatedRule.objects.create(
        table="record_handover",
        key="current_archive",
        effective_from=D(2027, 1, 1),
        value={"years": 2, "warn_days": 60},
    )
    clear_cache()
    assert rules.handover_due(D(2026, 12, 31)).due_on == D(2027, 12, 31)
    assert rules.handover_due(D(2027, 1, 1)) == rules.Due(D(2029, 12, 31), D(2029, 11, 1))
    with pytest.raises(RecordError, match="01/01/2000"):
        rules.handover_due(D(2000, 1, 1))


def _closed(archive, item=None, **document):
    file = archive.file(item)
    files.add_document(
        acting_user=archive.cleared_clerk, file=file, document=archive.register(**document)
    )
    return files.close_file(acting_user=archive.clerk, file=file)


def test_the_warning_starts_thirty_days_ahead_and_stays_when_overdue(archive, client):
    """GIVEN a file closed on 25/11/2026 (due 31/12/2027) THEN the card counts it from
    01/12/2027 on, not on 30/11/2027, and still on 01/01/2028 (overdue)."""
    file = _closed(archive)
    expected = {D(2027, 11, 30): 0, D(2027, 12, 1): 1, D(2027, 12, 31): 1, D(2028, 1, 1): 1}
    for day, figure in expected.items():
        with _at(day):
            assert handover.due_files(archive.archivist, warned=True).count() == figure, day
            client.force_login(archive.archivist)
            [card] = [c for c in client.get("/").context["cards"] if "nộp lưu trữ" in c["label"]]
            assert card["figure"] == figure
            assert len(client.get(card["url"]).context["rows"]) == figure
    assert handover.due_files(archive.archivist).get() == file


def test_the_archivist_receives_closed_files_and_they_become_read_only(archive):
    first = _closed(archive, summary="Hướng dẫn một")
    second = archive.file(archive.item2)
    entry = files.add_document(acting_user=archive.clerk, file=second, document=archive.register())
    assert (
        pytest.raises(
            RecordError,
            handover.receive,
            acting_user=archive.archivist,
            files=[first, second],
            handed_by_name="Lê Thị Hạnh",
        ).value.code
        == "not_closed"
    )
    with pytest.raises(PermissionDenied):
        handover.receive(acting_user=archive.clerk, files=[first], handed_by_name="X")
    assert (
        _code_of(
            lambda: handover.receive(
                acting_user=archive.archivist, files=[first], handed_by_name="  "
            )
        )
        == "name_needed"
    )
    assert (
        _code_of(
            lambda: handover.receive(acting_user=archive.archivist, files=[], handed_by_name="A")
        )
        == "nothing_to_receive"
    )
    assert not HandOver.objects.exists()

    second = files.close_file(acting_user=archive.clerk, file=second)
    received = handover.receive(
        acting_user=archive.archivist, files=[first, second], handed_by_name="Lê Thị Hạnh"
    )
    assert received.number == 1 and received.received_on == D(2026, 11, 25)
    assert set(RecordFile.objects.values_list("status", flat=True)) == {FileStatus.HANDED_OVER}
    message = "đã nộp vào lưu trữ"
    for call in (
        lambda: files.add_document(
            acting_user=archive.clerk, file=second, document=archive.register()
        ),
        lambda: files.remove_document(acting_user=archive.clerk, entry=entry),
        lambda: files.close_file(acting_user=archive.clerk, file=second),
        lambda: handover.receive(acting_user=archive.archivist, files=[first], handed_by_name="A"),
    ):
        with pytest.raises(RecordError, match=message):
            call()
    assert second.entries.count() == 1 and HandOver.objects.count() == 1


def _code_of(call):
    with pytest.raises(RecordError) as raised:
        call()
    return raised.value.code


def test_an_archivist_below_a_files_level_cannot_receive_it(archive):
    file = archive.file()
    files.add_document(
        acting_user=archive.cleared_clerk,
        file=file,
        document=archive.secret_incoming(level=Clearance.TOP_SECRET),
    )
    file = files.close_file(acting_user=archive.cleared_clerk, file=file)
    with pytest.raises(PermissionDenied):
        handover.receive(acting_user=archive.archivist, files=[file], handed_by_name="A")
    assert not handover.due_files(archive.archivist).exists()
    assert handover.due_files(archive.cleared_clerk).count() == 1


def test_the_list_and_the_minutes_open_as_word_documents(archive):
    first = _closed(archive, summary="Hướng dẫn một", pages=6, document_date=D(2026, 3, 2))
    second = _closed(
        archive, archive.item2, doc_type="cong_van", pages=2, document_date=D(2026, 5, 4)
    )
    received = handover.receive(
        acting_user=archive.archivist, files=[second, first], handed_by_name="Lê Thị Hạnh"
    )
    listing = docx.Document(io.BytesIO(handover_docx.file_list(received)))
    text = "\n".join(p.text for p in listing.paragraphs)
    assert "MỤC LỤC" in text and "Tổng số: 2 hồ sơ, 8 tờ, 2 văn bản." in text
    head = "\n".join(c.text for c in listing.tables[0].rows[0].cells)
    assert "Số 01-ML/LT" in head and "ĐẢNG BỘ TỈNH LÀO CAI" in head
    table = listing.tables[1]  # between the head and the signatures
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:3] == ["STT", "Ký hiệu hồ sơ", "Tiêu đề hồ sơ"]
    assert rows[1][:4] == ["1", "01", "Hồ sơ hướng dẫn của cấp trên", "02/03/2026"]
    assert rows[1][4:7] == ["10 năm", "6", "1"]
    assert rows[2][1] == "02" and rows[2][4] == "5 năm"
    signatures = [c.text for c in listing.tables[-1].rows[0].cells]
    assert "ĐẠI DIỆN BÊN GIAO" in signatures[0] and "Lê Thị Hạnh" in signatures[0]
    assert "ĐẠI DIỆN BÊN NHẬN" in signatures[1] and "Phạm Long" in signatures[1]

    minutes = docx.Document(io.BytesIO(handover_docx.minutes(received)))
    text = "\n".join(p.text for p in minutes.paragraphs)
    assert "BIÊN BẢN" in text and "Bên giao: đồng chí Lê Thị Hạnh." in text
    assert "2 hồ sơ, 8 tờ, 2 văn bản" in text and "năm 2026" in text
    head = "\n".join(c.text for c in minutes.tables[0].rows[0].cells)
    assert "Lào Cai, ngày 25 tháng 11 năm 2026" in head and "Số 01-BB/LT" in head
