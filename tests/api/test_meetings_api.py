"""The meetings API: what a member and a secretary see in the list and a meeting, the filters
and bounded paging, a secret ballot's figures hidden until closed and no member's choice ever
shown, the member's ballot and the secretary's attendance through the services, bad input
refused in Vietnamese with nothing changed."""

import datetime

import pytest

from tests import factories
from tests.meetings.conftest import Cell, at
from vanphong.api import api as ninja_api
from vanphong.core.models import Clearance
from vanphong.meetings.models import Attendance, Kind, Method, Motion, OpenBallot
from vanphong.meetings.services import planning, votes

pytestmark = pytest.mark.django_db


@pytest.fixture
def cell(tree):
    return Cell(tree)


def _plan(cell, day, **extra):
    extra.setdefault("kind", Kind.THEMATIC)
    extra.setdefault("theme", "Chuyển đổi số")
    return planning.plan_meeting(
        acting_user=None,
        organization=extra.pop("organization", cell.tree.cell_a1),
        body="cell",
        starts_at=at(day, 14),
        place="Nhà văn hóa",
        **extra,
    )


def _in_session(cell, method=Method.HANDS):
    meeting = cell.open(cell.plan())
    cell.all_present(meeting)
    motion = votes.open_motion(
        acting_user=cell.secretary, meeting=meeting, question="Thông qua nghị quyết", method=method
    )
    return meeting, motion


def test_the_schema_documents_the_meetings_operations():
    paths = ninja_api.get_openapi_schema()["paths"]
    assert {"get"} <= set(paths["/api/v1/meetings"])
    assert "post" in paths["/api/v1/meetings/{meeting_id}/motions/{motion_id}/ballot"]
    operation = paths["/api/v1/meetings/{meeting_id}/attendance"]["post"]
    assert {"200", "400", "401", "404"} <= {str(code) for code in operation["responses"]}


def test_a_member_lists_only_the_meetings_whose_roster_holds_them(api, cell, tree):
    own = _plan(cell, datetime.date(2026, 12, 3))
    _plan(cell, datetime.date(2026, 12, 4), organization=tree.cell_a2)
    above = _plan(cell, datetime.date(2026, 12, 5), confidentiality=Clearance.SECRET)

    response = api("get", "/meetings", cell.member_user)

    assert response.status_code == 200
    assert [m["id"] for m in response.json()["items"]] == [own.pk]
    assert above.pk not in [m["id"] for m in response.json()["items"]]
    item = response.json()["items"][0]
    assert item["organization"] == {"id": tree.cell_a1.pk, "name": tree.cell_a1.name}
    assert item["starts_at"] == "2026-12-03T14:00:00+07:00"


def test_filters_by_month_status_and_organization(api, cell, tree):
    december = _plan(cell, datetime.date(2026, 12, 3))
    november = cell.plan()  # 24/11/2026
    office = factories.user("chanhvanphong", roles=[("office_head", tree.province)])
    in_b = planning.plan_meeting(
        acting_user=office,
        organization=tree.cell_b1,
        body="cell",
        kind=Kind.REGULAR,
        starts_at=at(datetime.date(2026, 12, 8), 8),
        place="Hội trường",
    )
    planning.cancel(acting_user=office, meeting=in_b)

    def ids(query):
        response = api("get", f"/meetings?{query}", office)
        assert response.status_code == 200, response.json()
        return [m["id"] for m in response.json()["items"]]

    assert ids("month=2026-12") == [in_b.pk, december.pk]
    assert ids("month=2026-11") == [november.pk]
    assert ids("status=cancelled") == [in_b.pk]
    assert ids(f"organization={tree.commune_a.pk}") == [december.pk, november.pk]
    assert ids("organization=999999") == []
    assert ids("limit=1&offset=1") == [december.pk]
    for bad in ("month=2026-13", "month=12-2026", "status=done", "limit=201", "limit=0"):
        answer = api("get", f"/meetings?{bad}", office)
        assert answer.status_code == 400 and answer.json()["code"] == "invalid", bad


def test_a_secret_ballots_figures_show_only_once_closed_and_no_choice_is_shown(api, cell):
    meeting, motion = _in_session(cell, Method.SECRET)
    voter = factories.user("nguoi-bo-phieu", member_=cell.members[3])
    assert (
        api(
            "post", f"/meetings/{meeting.pk}/motions/{motion.pk}/ballot", voter, {"choice": "no"}
        ).status_code
        == 200
    )

    detail = api("get", f"/meetings/{meeting.pk}", cell.member_user).json()
    (shown,) = detail["motions"]
    assert shown["results"] is None and shown["voted"] is False
    assert detail["counts"] == {
        "total": 7,
        "present": 7,
        "excused": 0,
        "unexcused": 0,
        "unrecorded": 0,
    }

    mine = api("get", f"/meetings/{meeting.pk}", voter).json()
    assert mine["motions"][0]["voted"] is True and mine["motions"][0]["results"] is None

    votes.close_motion(acting_user=cell.secretary, motion=motion)
    closed = api("get", f"/meetings/{meeting.pk}", cell.member_user).json()["motions"][0]
    assert closed["results"] == {
        "yes": 0,
        "no": 1,
        "abstain": 0,
        "body_size": 7,
        "counted": 7,
        "threshold": 4,
        "passed": False,
    }
    assert "choice" not in str(closed) and "member" not in str(closed)


def test_a_member_votes_once_through_the_api(api, cell):
    meeting, motion = _in_session(cell)
    url = f"/meetings/{meeting.pk}/motions/{motion.pk}/ballot"

    first = api("post", url, cell.member_user, {"choice": "yes"})
    assert first.status_code == 200
    assert first.json()["motions"][0]["voted"] is True
    assert first.json()["motions"][0]["results"]["yes"] == 1
    assert OpenBallot.objects.get(motion=motion).member == cell.members[0]

    again = api("post", url, cell.member_user, {"choice": "no"})
    assert again.status_code == 400
    assert again.json() == {
        "code": "already_voted",
        "message": "Đồng chí đã biểu quyết về vấn đề này.",
    }
    bad = api("post", url, cell.member_user, {"choice": "maybe"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "choice"
    assert (Motion.objects.get(pk=motion.pk).yes, Motion.objects.get(pk=motion.pk).no) == (1, 0)


def test_a_stranger_cannot_see_or_vote_and_gets_404(api, cell, tree):
    meeting, motion = _in_session(cell)
    stranger = factories.user("nguoi-ngoai", member_=tree.member_a2)
    assert api("get", f"/meetings/{meeting.pk}", stranger).status_code == 404
    answer = api(
        "post", f"/meetings/{meeting.pk}/motions/{motion.pk}/ballot", stranger, {"choice": "yes"}
    )
    assert answer.status_code == 404
    assert Motion.objects.get(pk=motion.pk).yes == 0
    assert api("get", f"/meetings/{meeting.pk}", None).status_code == 401


def test_the_secretary_records_attendance_and_a_member_may_not(api, cell):
    meeting = cell.open(cell.plan())
    url = f"/meetings/{meeting.pk}/attendance"
    marks = {
        "marks": [
            {"member": cell.members[0].pk, "presence": "present"},
            {"member": cell.members[3].pk, "presence": "excused", "reason": "Ốm"},
        ]
    }
    refused = api("post", url, cell.member_user, marks)
    assert refused.status_code == 404
    assert not Attendance.objects.filter(meeting=meeting).exclude(presence="unrecorded").exists()

    answer = api("post", url, cell.secretary, marks)
    assert answer.status_code == 200
    rows = {row["member"]: row for row in answer.json()}
    assert len(rows) == 7
    assert (rows[cell.members[3].pk]["presence"], rows[cell.members[3].pk]["reason"]) == (
        "excused",
        "Ốm",
    )
    assert rows[cell.members[0].pk]["presence"] == "present"


def test_bad_attendance_is_refused_whole_with_nothing_changed(api, cell, tree):
    meeting = cell.open(cell.plan())
    url = f"/meetings/{meeting.pk}/attendance"
    no_reason = {
        "marks": [
            {"member": cell.members[0].pk, "presence": "present"},
            {"member": cell.members[3].pk, "presence": "excused", "reason": "  "},
        ]
    }
    answer = api("post", url, cell.secretary, no_reason)
    assert answer.status_code == 400 and answer.json()["code"] == "reason_needed"
    off_roster = {"marks": [{"member": tree.member_b1.pk, "presence": "present"}]}
    answer = api("post", url, cell.secretary, off_roster)
    assert answer.status_code == 400 and answer.json()["code"] == "not_on_roster"
    for bad in (
        {"marks": []},
        {"marks": [{"member": 0, "presence": "present"}]},
        {"marks": [], "x": 1},
    ):
        assert api("post", url, cell.secretary, bad).status_code == 400
    assert not Attendance.objects.filter(meeting=meeting).exclude(presence="unrecorded").exists()


# -- Every step through /meetings/{id}/steps/{name} -------------------------------------------


def _step(api, user, meeting, name, values):
    return api("post", f"/meetings/{meeting.pk}/steps/{name}", user, json={"values": values})


def test_the_secretary_holds_a_meeting_through_the_steps(api, cell):
    meeting = cell.plan()
    secretary = cell.secretary
    assert _step(api, secretary, meeting, "thong-nhat", {}).status_code == 200
    answer = _step(
        api,
        secretary,
        meeting,
        "khai-mac",
        {
            "chair": cell.members[1].pk,
            "secretary": cell.members[2].pk,
            "started_at": "24/11/2026 14:00",
        },
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["meeting"]["status"] == "in_session"
    assert answer.json()["message"] == "Đã khai mạc. Đồng chí tiến hành điểm danh."
    marks = {f"presence_{m.pk}": "present" for m in cell.members}
    assert _step(api, secretary, meeting, "diem-danh", marks).status_code == 200
    said = _step(
        api,
        secretary,
        meeting,
        "phat-bieu",
        {"speaker": f"m{cell.members[3].pk}", "content": "Đồng ý."},
    )
    assert said.status_code == 200
    closed = _step(
        api,
        secretary,
        meeting,
        "be-mac",
        {"ended_at": "24/11/2026 15:45", "conclusions": "Giao nhiệm vụ tháng 12."},
    )
    assert closed.status_code == 200, closed.content
    assert closed.json()["meeting"]["status"] == "held"
    assert meeting.speeches.get().content == "Đồng ý."


def test_a_refused_form_names_its_fields_and_changes_nothing(api, cell):
    meeting = cell.plan()
    answer = _step(
        api, cell.secretary, meeting, "khai-mac", {"chair": "abc", "started_at": "31/02/2026 25:00"}
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == "invalid"
    fields = {e["field"] for e in body["errors"]}
    assert {"values.chair", "values.secretary", "values.started_at"} <= fields
    meeting.refresh_from_db()
    assert meeting.status == "planned" and meeting.chair is None


def test_a_step_out_of_order_is_refused_in_vietnamese(api, cell):
    meeting = cell.plan()
    answer = _step(api, cell.secretary, meeting, "be-mac", {"ended_at": "24/11/2026 15:45"})
    assert answer.status_code == 400
    assert answer.json()["message"] and answer.json()["code"] != "invalid"
    meeting.refresh_from_db()
    assert meeting.status == "planned"


def test_a_member_or_another_cell_cannot_take_a_step_and_an_unknown_step_is_404(api, cell, tree):
    meeting = cell.plan()
    assert _step(api, cell.member_user, meeting, "thong-nhat", {}).status_code in (403, 404)
    other = factories.user("bithu_a2", roles=[("cell_secretary", tree.cell_a2)])
    assert _step(api, other, meeting, "thong-nhat", {}).status_code == 404
    assert _step(api, cell.secretary, meeting, "khong-co", {}).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == "planned"


def test_the_schema_documents_the_steps():
    operation = ninja_api.get_openapi_schema()["paths"][
        "/api/v1/meetings/{meeting_id}/steps/{name}"
    ]["post"]
    assert "khai-mac" in operation["description"] and "be-mac" in operation["description"]
    assert {"200", "400", "404"} <= {str(code) for code in operation["responses"]}
