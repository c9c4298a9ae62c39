"""The month at a glance (/hop/thang/): a body's standing plan set in the page, the month's
meeting made from it once however often it is asked for, the state of the month and the quarter,
and the monthly job that makes next month's meetings from every plan. The suite's clock is
25/11/2026."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.meetings.conftest import at
from vanphong.meetings.models import Kind, Meeting, MeetingPlan, Status
from vanphong.meetings.month import parse_month, shifted
from vanphong.meetings.services import planning, session

pytestmark = pytest.mark.django_db

D = datetime.date
URL = reverse("meetings:month")


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("12/2026", D(2026, 12, 1)),
        (" 1/2027 ", D(2027, 1, 1)),
        ("", D(2026, 11, 1)),
        ("13/2026", None),
        ("0/2026", None),
        ("12/26", None),
        ("abc", None),
        ("12-2026", None),
    ],
)
def test_the_month_is_typed_mm_yyyy(text, month):
    assert parse_month(text, D(2026, 11, 25)) == month


def test_months_shift_across_years():
    assert shifted(D(2026, 12, 1), 1) == D(2027, 1, 1)
    assert shifted(D(2027, 1, 1), -1) == D(2026, 12, 1)


def _row(cell):
    return f"{cell.tree.cell_a1.pk}-cell"


def _plan_post(cell, **values):
    key = _row(cell)
    data = {"row": key, "thang": "12/2026"}
    fields = {"day": "7", "time": "14:00", "place": "Nhà văn hóa thôn", "planned_minutes": "120"}
    fields.update(values)
    data.update({f"{key}-{name}": value for name, value in fields.items()})
    return data


def test_the_secretary_sets_the_plan_then_makes_the_month_meeting_once(cell, client):
    client.force_login(cell.secretary)
    page = client.get(URL, {"thang": "12/2026"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Sinh hoạt tháng 12/2026" in text and "chưa lên lịch" in text
    assert "Chưa có kế hoạch sinh hoạt hằng tháng" in text

    saved = client.post(reverse("meetings:month_plan"), _plan_post(cell))
    assert saved.status_code == 302
    plan = MeetingPlan.objects.get(organization=cell.tree.cell_a1, body="cell")
    assert (plan.day, plan.time, plan.planned_minutes) == (7, datetime.time(14, 0), 120)

    make = {"row": _row(cell), "thang": "12/2026"}
    made = client.post(reverse("meetings:month_make"), make)
    meeting = Meeting.objects.get(organization=cell.tree.cell_a1, month=D(2026, 12, 1))
    assert made.status_code == 302 and made["Location"] == reverse(
        "meetings:detail", args=[meeting.pk]
    )
    assert timezone.localtime(meeting.starts_at) == timezone.make_aware(
        datetime.datetime(2026, 12, 7, 14, 0)
    )
    assert meeting.kind == Kind.REGULAR and meeting.place == "Nhà văn hóa thôn"
    client.post(reverse("meetings:month_make"), make)  # asked twice: still one meeting
    assert Meeting.objects.filter(organization=cell.tree.cell_a1, month=D(2026, 12, 1)).count() == 1

    page = client.get(URL, {"thang": "12/2026"}).content.decode()
    assert "đã lên lịch, chưa tổ chức" in page and meeting.title in page
    assert "Kế hoạch cố định: ngày 7 hằng tháng, 14:00" in page


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("day", "31"),
        ("day", "abc"),
        ("time", "25:00"),
        ("planned_minutes", "-5"),
        ("place", "x" * 501),
    ],
)
def test_a_malformed_plan_is_refused_at_its_field_and_saves_nothing(cell, client, field, value):
    client.force_login(cell.secretary)
    response = client.post(reverse("meetings:month_plan"), _plan_post(cell, **{field: value}))
    assert response.status_code == 400
    forms = {row.key: row.form for row in response.context["rows"]}
    assert forms[_row(cell)].errors[field]
    assert not MeetingPlan.objects.exists()


def test_no_meeting_without_a_plan_or_for_a_past_month(cell, client):
    client.force_login(cell.secretary)
    response = client.post(reverse("meetings:month_make"), {"row": _row(cell), "thang": "12/2026"})
    assert response.status_code == 400
    assert "lập kế hoạch sinh hoạt hằng tháng trước" in response.content.decode()
    client.post(reverse("meetings:month_plan"), _plan_post(cell))
    response = client.post(reverse("meetings:month_make"), {"row": _row(cell), "thang": "10/2026"})
    assert response.status_code == 400
    assert "tháng này hoặc các tháng sau" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_malformed_month_is_said(cell, client):
    client.force_login(cell.secretary)
    response = client.get(URL, {"thang": "13/2026"})
    assert response.status_code == 400
    assert "Nhập tháng theo dạng mm/yyyy" in response.content.decode()


def test_others_reach_neither_the_page_nor_another_cells_row(cell, client, tree):
    client.force_login(cell.member_user)  # a member runs no meeting
    assert client.get(URL).status_code == 404
    other = factories.user(
        "bithu_a2", roles=[("cell_secretary", tree.cell_a2)], member_=tree.member_a2
    )
    client.force_login(other)
    assert client.post(reverse("meetings:month_plan"), _plan_post(cell)).status_code == 404
    assert (
        client.post(
            reverse("meetings:month_make"), {"row": _row(cell), "thang": "12/2026"}
        ).status_code
        == 404
    )
    assert not MeetingPlan.objects.exists() and not Meeting.objects.exists()
    page = client.get(URL).content.decode()
    assert tree.cell_a1.name not in page and tree.cell_a2.name in page


def test_the_quarter_counts_held_thematic_meetings(cell, client):
    thematic = cell.plan(kind=Kind.THEMATIC)  # 24/11/2026, in the fourth quarter
    cell.open(thematic)
    cell.all_present(thematic)
    session.close_session(acting_user=cell.secretary, meeting=thematic, ended_at=at(cell.day, 16))
    client.force_login(cell.secretary)
    page = client.get(URL, {"thang": "12/2026"}).content.decode()
    assert "Số cuộc sinh hoạt chuyên đề đã tổ chức trong quý: 1" in page
    page = client.get(URL, {"thang": "01/2027"}).content.decode()
    assert "Số cuộc sinh hoạt chuyên đề đã tổ chức trong quý: 0" in page


def test_the_monthly_job_makes_each_plans_meeting_once(cell, tree):
    for org in (tree.cell_a1, tree.cell_a2):
        planning.set_plan(
            acting_user=None,
            organization=org,
            body="cell",
            day=5,
            time=datetime.time(8),
            place="Hội trường",
        )
    plan = MeetingPlan.objects.get(organization=tree.cell_a1)
    planning.meeting_of_month(acting_user=None, plan=plan, month=D(2026, 12, 1))

    call_command("make_monthly_meetings", stdout=io.StringIO())  # next month: 12/2026
    december = Meeting.objects.filter(month=D(2026, 12, 1)).exclude(status=Status.CANCELLED)
    assert sorted(december.values_list("organization__name", flat=True)) == sorted(
        [tree.cell_a1.name, tree.cell_a2.name]
    )
    assert planning.make_monthly_meetings(D(2026, 12, 1)) == 0
    assert planning.make_monthly_meetings(D(2027, 1, 1)) == 2


def test_the_plans_history_reads_its_hour(cell):
    from vanphong.core import audit_display
    from vanphong.core.models import AuditEntry

    planning.set_plan(
        acting_user=cell.secretary,
        organization=cell.tree.cell_a1,
        body="cell",
        day=5,
        time=datetime.time(14, 30),
        place="Hội trường",
    )
    entry = AuditEntry.objects.get(action="meeting.set_plan")
    assert entry.after["time"] == "14:30:00"
    changes = {label: after for label, _before, after in audit_display.readable([entry])[0].changes}
    assert "14:30" in changes.values()
