"""The attendance XLSX of a meeting and of an organization over a period, and the invitation
DOCX, opened back; each for those who run or oversee the meetings only."""

import datetime
import io

import docx
import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.meetings.conftest import at
from vanphong.meetings.models import Kind
from vanphong.meetings.services import planning, session
from vanphong.organizations.models import Position, PositionTitle
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _held(cell, meeting, marks):
    session.open_session(
        acting_user=cell.secretary,
        meeting=meeting,
        chair=cell.members[1],
        secretary=cell.members[2],
        started_at=meeting.starts_at,
    )
    cell.all_present(meeting, marks)
    return meeting


def _sheet(response):
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def test_a_meetings_attendance_lists_the_roster_with_presence_and_reason(cell):
    meeting = _held(
        cell,
        cell.plan(),
        {
            cell.members[3].pk: ("excused", '=HYPERLINK("http://x","Ốm")'),
            cell.members[4].pk: ("unexcused", ""),
            cell.members[5].pk: ("late", ""),
        },
    )
    sheet = _sheet(
        _client(cell.secretary).get(reverse("meetings:attendance_xlsx", args=[meeting.pk]))
    )
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 7
    by_name = {row[1]: row for row in rows}
    assert by_name[cell.members[3].full_name][2:] == (
        "Được tính",
        "Vắng có lý do",
        '=HYPERLINK("http://x","Ốm")',
    )
    assert by_name[cell.members[4].full_name][3] == "Vắng không có lý do"
    assert by_name[cell.members[5].full_name][3] == "Đến muộn"
    assert [row[0] for row in rows] == list(range(1, 8))
    # The reason a user typed is a string cell, not a live formula.
    reason = next(c for c in sheet["E"] if c.value and str(c.value).startswith("=HYPER"))
    assert reason.data_type == "s"
    assert sheet["A1"].value == meeting.title


def test_a_member_may_not_download_the_attendance(cell):
    meeting = cell.plan()
    client = _client(cell.member_user)
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
    assert client.get(reverse("meetings:attendance_xlsx", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("meetings:attendance_period")).status_code == 404
    assert client.get(reverse("meetings:invitation", args=[meeting.pk])).status_code == 404


def test_the_period_grid_has_member_by_meeting_marks_and_totals(cell, tree):
    _held(cell, cell.plan(), {cell.members[3].pk: ("excused", "Ốm")})
    second = planning.plan_meeting(
        acting_user=cell.secretary,
        organization=tree.cell_a1,
        body="cell",
        kind=Kind.THEMATIC,
        theme="Chuyển đổi số",
        starts_at=at(datetime.date(2026, 11, 20), 8),
        place="Hội trường",
    )
    _held(cell, second, {cell.members[3].pk: ("unexcused", ""), cell.members[4].pk: ("late", "")})
    later = planning.plan_meeting(  # after the period: left out
        acting_user=cell.secretary,
        organization=tree.cell_a1,
        body="cell",
        kind=Kind.THEMATIC,
        theme="Khác",
        starts_at=at(datetime.date(2026, 12, 20), 8),
        place="Hội trường",
    )
    overseer = factories.user("chanhvanphong", roles=[(Role.OFFICE_HEAD, tree.province)])
    url = reverse("meetings:attendance_period")
    query = {"organization": tree.cell_a1.pk, "start": "01/11/2026", "end": "30/11/2026"}
    sheet = _sheet(_client(overseer).get(url, query))

    header = [c.value for c in sheet[2]]
    assert header[:2] == ["STT", "Họ và tên"]
    assert header[2].startswith("20/11/2026") and header[3].startswith("24/11/2026")
    assert not any(later.title in str(h) for h in header)
    assert header[-3:] == ["Có mặt", "Vắng có lý do", "Vắng không có lý do"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, max_row=9, values_only=True)}
    assert rows[cell.members[3].full_name][2:] == ("K", "P", 0, 1, 1)
    assert rows[cell.members[4].full_name][2:] == ("M", "x", 2, 0, 0)
    assert rows[cell.members[0].full_name][2:] == ("x", "x", 2, 0, 0)


def test_a_bad_period_is_refused_with_a_message(cell, tree):
    client = _client(cell.secretary)
    url = reverse("meetings:attendance_period")
    form = client.get(url, {"don_vi": tree.cell_a1.pk})
    assert form.status_code == 200 and b'id="period-form"' in form.content
    bad = client.get(
        url, {"organization": tree.cell_a1.pk, "start": "30/11/2026", "end": "01/11/2026"}
    )
    assert bad.status_code == 400
    assert "Thời gian kết thúc phải sau thời gian bắt đầu." in bad.content.decode()
    other = client.get(
        url, {"organization": tree.cell_b1.pk, "start": "01/11/2026", "end": "30/11/2026"}
    )
    assert other.status_code == 400  # not one of the secretary's organizations


def test_the_invitation_holds_each_element_of_the_party_layout(cell, tree):
    Position.objects.create(
        member=cell.members[1],
        organization=tree.cell_a1,
        title=PositionTitle.SECRETARY,
        starts_on=datetime.date(2025, 1, 1),
    )
    meeting = planning.plan_meeting(
        acting_user=cell.secretary,
        organization=tree.cell_a1,
        body="cell",
        kind=Kind.THEMATIC,
        theme="Chuyển đổi số",
        starts_at=at(datetime.date(2026, 12, 3), 7, 30),
        place="Nhà văn hóa thôn",
        locality="Bảo Thắng",
        agenda=[{"title": "Quán triệt nghị quyết", "minutes": 30}, {"title": "Thảo luận"}],
    )
    planning.add_guest(
        acting_user=cell.secretary,
        meeting=meeting,
        name="Phạm Văn Nam",
        position="Bí thư Đảng ủy xã",
    )
    response = _client(cell.secretary).get(reverse("meetings:invitation", args=[meeting.pk]))
    assert response.status_code == 200 and "wordprocessingml" in response["Content-Type"]
    document = docx.Document(io.BytesIO(response.content))

    head, signature = document.tables
    left = [p.text for p in head.rows[0].cells[0].paragraphs]
    right = [p.text for p in head.rows[0].cells[1].paragraphs]
    assert left == ["ĐẢNG BỘ XÃ BẢO THẮNG", "CHI BỘ THÔN LÀNG MỚI", "*"]
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bảo Thắng, ngày 25 tháng 11 năm 2026"]
    assert head.rows[0].cells[1].paragraphs[0].runs[0].bold

    body = [p.text for p in document.paragraphs if p.text]
    assert body[0] == "GIẤY MỜI"
    assert body[1] == "Chi bộ thôn Làng Mới trân trọng kính mời:"
    assert body[2] == "Đồng chí Phạm Văn Nam, Bí thư Đảng ủy xã"
    assert f"Tới dự: {meeting.title}." in body
    assert "Thời gian: 07:30, ngày 03/12/2026." in body
    assert "Địa điểm: Nhà văn hóa thôn." in body
    content = body.index("Nội dung:")
    assert body[content + 1 : content + 3] == ["1. Quán triệt nghị quyết.", "2. Thảo luận."]

    signed = [p.text for p in signature.rows[0].cells[1].paragraphs if p.text]
    # Cell A1 elects only a secretary: the secretary signs for the cell.
    assert signed == ["T/M CHI BỘ", "BÍ THƯ", cell.members[1].full_name]


def test_a_cell_with_a_committee_signs_for_the_committee(cell, tree):
    for member, title in (
        (cell.members[1], PositionTitle.SECRETARY),
        (cell.members[2], PositionTitle.DEPUTY_SECRETARY),
    ):
        Position.objects.create(
            member=member,
            organization=tree.cell_a1,
            title=title,
            starts_on=datetime.date(2025, 1, 1),
        )
    meeting = cell.plan()
    response = _client(cell.secretary).get(reverse("meetings:invitation", args=[meeting.pk]))
    document = docx.Document(io.BytesIO(response.content))
    signed = [p.text for p in document.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signed[:2] == ["T/M CHI ỦY", "BÍ THƯ"]
    # No guests: the members of the cell are invited.
    assert "Các đồng chí đảng viên trong chi bộ" in [p.text for p in document.paragraphs]
