"""Member procedures through the API: exemption from activity (miễn sinh hoạt) and its end, removal
(xóa tên, khai trừ), death, positions by term; and where a transfer may send a member
(docs/decisions/0007-api-transfer-target.md). Who may, what changes, bad input in Vietnamese."""

import datetime

import pytest

from tests import factories
from tests.api.conftest import days_ago, errors, matrix, refused, service_error, state, today
from vanphong.core.models import AuditEntry, Notification
from vanphong.organizations.models import (
    EventKind,
    Exemption,
    Member,
    MemberEvent,
    MemberStatus,
    Organization,
    OrgStatus,
    Position,
    PositionTitle,
)
from vanphong.organizations.roles import Role
from vanphong.organizations.services import orgs, procedures

pytestmark = pytest.mark.django_db

# A specialist may do member procedures; a clerk reaches the same members but may not.
DOES, READS = Role.SPECIALIST, Role.CLERK
NOT_FOUND = {
    "code": "not_found",
    "message": "Không có bản ghi này, hoặc đồng chí không được phép mở.",
}
INVALID_CHOICE = (
    "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
)


def events(member, kind) -> list[tuple[str, str, str]]:
    return [
        (e.occurred_on.isoformat(), e.decision, e.note)
        for e in MemberEvent.objects.filter(member=member, kind=kind)
    ]


@pytest.fixture
def specialist(tree):
    """A specialist of the province: every member of the tree is in scope."""
    return factories.user("cv", roles=[(DOES, tree.province)])


@pytest.fixture
def cell_term(tree):
    """Cell A1's committee term in force: opened 400 days ago, not ended."""
    return orgs.add_term(
        acting_user=None,
        organization=tree.cell_a1,
        name="2025–2030",
        starts_on=today() - datetime.timedelta(days=400),
    )


def exempt_now(member, days: int = 100) -> Exemption:
    return procedures.exempt_member(
        acting_user=None,
        member=member,
        starts_on=today() - datetime.timedelta(days=days),
        reason="Ốm đau dài ngày",
    )


def secretary_of(member, organization, days: int = 200, **extra) -> Position:
    return procedures.assign_position(
        acting_user=None,
        member=member,
        organization=organization,
        title=PositionTitle.SECRETARY,
        starts_on=today() - datetime.timedelta(days=days),
        **extra,
    )


# Access matrix: around cell A1, for member A1


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_exempt_from_activity(api, member_places, tree, place, holds_role, expected):
    """GIVEN a user around cell A1 WHEN exempting member A1 from activity for six months
    THEN only specialists of cell A1's subtree may: the exemption, the profile's event and the
    audit entry are written; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, DOES, READS)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/exemptions",
        u,
        json={
            "starts_on": days_ago(10),
            "ends_on": days_ago(-170),
            "reason": "Tuổi cao, sức yếu",
            "decision": "15-QĐ/ĐU",
        },
    )

    if refused(response, expected, before):
        return
    exemption = Exemption.objects.get(member=tree.member_a1)
    assert response.json() == {
        "id": exemption.pk,
        "member_id": tree.member_a1.pk,
        "starts_on": days_ago(10),
        "ends_on": days_ago(-170),
        "reason": "Tuổi cao, sức yếu",
    }
    assert (exemption.starts_on.isoformat(), exemption.ends_on.isoformat()) == (
        days_ago(10),
        days_ago(-170),
    )
    assert events(tree.member_a1, EventKind.EXEMPTED) == [
        (days_ago(10), "15-QĐ/ĐU", "Tuổi cao, sức yếu")
    ]
    entry = AuditEntry.objects.get(action="member.exempt")
    assert (entry.actor, entry.target_id, entry.organization) == (
        u,
        str(exemption.pk),
        tree.cell_a1,
    )


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_end_an_exemption(api, member_places, tree, place, holds_role, expected):
    """GIVEN member A1 exempted 100 days ago with no end date
    WHEN a user around cell A1 ends the exemption yesterday
    THEN only specialists of cell A1's subtree may; a refusal changes nothing."""
    exemption = exempt_now(tree.member_a1)
    u = member_places.caller(place, holds_role, DOES, READS)
    before = state()

    response = api(
        "post", f"/members/{tree.member_a1.pk}/exemptions/end", u, json={"on": days_ago(1)}
    )

    refused(response, expected, before)
    exemption.refresh_from_db()
    if expected != 200:
        assert exemption.ends_on is None
        return
    assert exemption.ends_on.isoformat() == days_ago(1)
    assert response.json()["ends_on"] == days_ago(1)
    assert events(tree.member_a1, EventKind.EXEMPTION_ENDED) == [(days_ago(1), "", "")]
    entry = AuditEntry.objects.get(action="member.exemption_end")
    assert (entry.actor, entry.before["ends_on"], entry.after["ends_on"]) == (
        u,
        None,
        days_ago(1),
    )


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_remove_from_the_party(api, member_places, tree, place, holds_role, expected):
    """GIVEN a user around cell A1 WHEN removing member A1 (khai trừ) five days ago
    THEN only specialists of cell A1's subtree may: the status becomes "removed" with its date,
    the profile keeps the decision and the reason; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, DOES, READS)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/removal",
        u,
        json={
            "on": days_ago(5),
            "reason": "Khai trừ do vi phạm kỷ luật",
            "decision": "30-QĐ/UBKT",
        },
    )

    refused(response, expected, before)
    tree.member_a1.refresh_from_db()
    if expected != 200:
        assert tree.member_a1.status == MemberStatus.OFFICIAL
        return
    assert (tree.member_a1.status, tree.member_a1.status_changed_on.isoformat()) == (
        MemberStatus.REMOVED,
        days_ago(5),
    )
    body = response.json()
    assert (body["id"], body["status"], body["status_changed_on"]) == (
        tree.member_a1.pk,
        "removed",
        days_ago(5),
    )
    assert events(tree.member_a1, EventKind.REMOVED) == [
        (days_ago(5), "30-QĐ/UBKT", "Khai trừ do vi phạm kỷ luật")
    ]
    entry = AuditEntry.objects.get(action="member.remove")
    assert (entry.actor, entry.before["status"], entry.after["status"]) == (
        u,
        "official",
        "removed",
    )


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_record_a_death(api, member_places, tree, place, holds_role, expected):
    """GIVEN a user around cell A1 WHEN recording member A1's death three days ago
    THEN only specialists of cell A1's subtree may; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, DOES, READS)
    before = state()

    response = api("post", f"/members/{tree.member_a1.pk}/death", u, json={"on": days_ago(3)})

    refused(response, expected, before)
    tree.member_a1.refresh_from_db()
    if expected != 200:
        assert tree.member_a1.status == MemberStatus.OFFICIAL
        return
    assert (tree.member_a1.status, tree.member_a1.status_changed_on.isoformat()) == (
        MemberStatus.DECEASED,
        days_ago(3),
    )
    assert response.json()["status"] == "deceased"
    assert events(tree.member_a1, EventKind.DECEASED) == [(days_ago(3), "", "")]
    assert AuditEntry.objects.get(action="member.death").actor == u


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_grant_a_position(api, member_places, tree, cell_term, place, holds_role, expected):
    """GIVEN cell A1's term in force WHEN a user around cell A1 makes member A1 its secretary
    THEN only specialists of cell A1's subtree may: the position belongs to the term in force,
    the profile lists it; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, DOES, READS)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions",
        u,
        json={"organization": tree.cell_a1.pk, "title": "secretary", "starts_on": days_ago(20)},
    )

    if refused(response, expected, before):
        return
    position = Position.objects.get(member=tree.member_a1)
    assert response.json() == {
        "id": position.pk,
        "member_id": tree.member_a1.pk,
        "title": "secretary",
        "title_label": "Bí thư",
        "organization_id": tree.cell_a1.pk,
        "organization_name": "Chi bộ thôn Làng Mới",
        "starts_on": days_ago(20),
        "ends_on": None,
        "term_id": cell_term.pk,
    }
    assert (position.organization, position.term, position.title) == (
        tree.cell_a1,
        cell_term,
        PositionTitle.SECRETARY,
    )
    assert events(tree.member_a1, EventKind.POSITION) == [(days_ago(20), "", "Bí thư")]
    assert AuditEntry.objects.get(action="position.assign").actor == u


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_end_a_position(api, member_places, tree, place, holds_role, expected):
    """GIVEN member A1 secretary of cell A1 for 200 days
    WHEN a user around cell A1 ends the position yesterday
    THEN only specialists of cell A1's subtree may: the end date and an audit entry with
    before and after; a refusal changes nothing."""
    position = secretary_of(tree.member_a1, tree.cell_a1)
    u = member_places.caller(place, holds_role, DOES, READS)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions/{position.pk}/end",
        u,
        json={"on": days_ago(1)},
    )

    refused(response, expected, before)
    position.refresh_from_db()
    if expected != 200:
        assert position.ends_on is None
        return
    assert position.ends_on.isoformat() == days_ago(1)
    assert (response.json()["id"], response.json()["ends_on"]) == (position.pk, days_ago(1))
    entry = AuditEntry.objects.get(action="position.end")
    assert (entry.actor, entry.organization, entry.before["ends_on"], entry.after["ends_on"]) == (
        u,
        tree.cell_a1,
        None,
        days_ago(1),
    )


def test_profile_lists_exemptions_newest_first(api, tree, specialist):
    """GIVEN member A1 exempted twice (the first one ended) WHEN reading the profile
    THEN both exemptions, newest first, with ISO dates."""
    first = exempt_now(tree.member_a1, days=300)
    procedures.end_exemption(
        acting_user=None, member=tree.member_a1, on=today() - datetime.timedelta(days=200)
    )
    second = exempt_now(tree.member_a1, days=50)

    body = api("get", f"/members/{tree.member_a1.pk}", specialist).json()

    assert [(e["id"], e["starts_on"], e["ends_on"]) for e in body["exemptions"]] == [
        (second.pk, days_ago(50), None),
        (first.pk, days_ago(300), days_ago(200)),
    ]


# Positions in a committee above the cell: the user's scope must reach that committee too


def test_a_position_above_the_cell_needs_scope_there(api, tree):
    """GIVEN a specialist of cell A1 and one of commune A
    WHEN each makes member A1 a member of commune A's committee
    THEN the cell's specialist gets 404 and nothing changes; the commune's specialist may."""
    cell_specialist = factories.user("cv-cb", roles=[(DOES, tree.cell_a1)])
    commune_specialist = factories.user("cv-xa", roles=[(DOES, tree.commune_a)])
    body = {
        "organization": tree.commune_a.pk,
        "title": "committee_member",
        "starts_on": days_ago(9),
    }
    before = state()

    denied = api("post", f"/members/{tree.member_a1.pk}/positions", cell_specialist, json=body)

    assert (denied.status_code, denied.json()) == (404, NOT_FOUND)
    assert state() == before
    allowed = api("post", f"/members/{tree.member_a1.pk}/positions", commune_specialist, json=body)
    assert allowed.status_code == 201
    assert allowed.json()["organization_id"] == tree.commune_a.pk
    assert Position.objects.get().organization == tree.commune_a


def test_ending_a_position_above_the_cell_needs_scope_there(api, tree):
    """GIVEN member A1 secretary of commune A WHEN a specialist of cell A1 (who manages member A1)
    ends that position THEN 404 and nothing changed."""
    position = secretary_of(tree.member_a1, tree.commune_a)
    cell_specialist = factories.user("cv-cb", roles=[(DOES, tree.cell_a1)])
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions/{position.pk}/end",
        cell_specialist,
        json={"on": days_ago(1)},
    )

    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert state() == before


# Unknown ids answer like forbidden ones

PROCEDURES = [
    pytest.param("exemptions", {"starts_on": "2026-01-05", "reason": "Ốm"}, id="exempt"),
    pytest.param("exemptions/end", {"on": "2026-01-05"}, id="end-exemption"),
    pytest.param("removal", {"on": "2026-01-05", "reason": "Xóa tên"}, id="remove"),
    pytest.param("death", {"on": "2026-01-05"}, id="death"),
    pytest.param(
        "positions",
        {"organization": "CELL", "title": "secretary", "starts_on": "2026-01-05"},
        id="position",
    ),
]


@pytest.mark.parametrize(("path", "body"), PROCEDURES)
def test_unknown_and_hidden_members_answer_alike(api, tree, path, body):
    """GIVEN a specialist of commune A
    WHEN a procedure names a member id that does not exist, and member B1 of commune B
    THEN the same 404 for both, and nothing changed."""
    u = factories.user("cv", roles=[(DOES, tree.commune_a)])
    body = {k: (tree.cell_a1.pk if v == "CELL" else v) for k, v in body.items()}
    before = state()

    missing = api("post", f"/members/999999/{path}", u, json=body)
    hidden = api("post", f"/members/{tree.member_b1.pk}/{path}", u, json=body)

    assert (missing.status_code, missing.json()) == (hidden.status_code, hidden.json())
    assert (missing.status_code, missing.json()) == (404, NOT_FOUND)
    assert state() == before


@pytest.mark.parametrize("which", ["missing", "of-another-member"])
def test_a_position_is_found_only_under_its_member(api, tree, specialist, which):
    """GIVEN member A2's position WHEN ending it through member A1's URL, or ending an id that
    does not exist THEN 404 and nothing changed."""
    position = secretary_of(tree.member_a2, tree.cell_a2)
    position_id = 999999 if which == "missing" else position.pk
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions/{position_id}/end",
        specialist,
        json={"on": days_ago(1)},
    )

    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert state() == before


# Bad input: a Vietnamese message and nothing changed


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        pytest.param(
            {"starts_on": "2025-02-30"},
            400,
            [("starts_on", "Nhập một ngày hợp lệ.")],
            id="impossible-date",
        ),
        pytest.param(
            {"reason": "  "}, 400, [("reason", "Trường này là bắt buộc.")], id="no-reason"
        ),
        pytest.param(
            {"until": days_ago(-10)},
            400,
            [("until", "Không được gửi trường này ở đây.")],
            id="unknown-field",
        ),
        pytest.param(
            {"ends_on": days_ago(20)},
            400,
            ("end_before_start", "Ngày kết thúc trước ngày bắt đầu."),
            id="ends-before-it-starts",
        ),
        pytest.param(
            {"starts_on": days_ago(-3)},
            400,
            ("future_date", "Ngày này ở tương lai."),
            id="starts-in-the-future",
        ),
        pytest.param(
            {"starts_on": "BEFORE_ADMISSION"},
            400,
            ("date_before_admission", "Ngày này trước ngày vào Đảng."),
            id="before-admission",
        ),
    ],
)
def test_bad_exemptions_change_nothing(api, tree, specialist, body, status, expected):
    """GIVEN a specialist WHEN an exemption has an impossible date, no reason, an unknown field,
    ends before it starts, starts in the future or before the member joined the party
    THEN 400 naming the field or 400 with the service's code, in Vietnamese; nothing changed."""
    if body.get("starts_on") == "BEFORE_ADMISSION":
        body = {"starts_on": (tree.member_a1.admitted_on - datetime.timedelta(days=1)).isoformat()}
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/exemptions",
        specialist,
        json={"starts_on": days_ago(10), "reason": "Ốm đau", **body},
    )

    if isinstance(expected, list):  # field errors, else a service code and message
        assert (response.status_code, errors(response)) == (400, expected)
    else:
        assert service_error(response) == (400, *expected)
    assert state() == before


@pytest.mark.parametrize("status", [MemberStatus.REMOVED, MemberStatus.DECEASED])
def test_no_exemption_for_a_member_who_left(api, tree, specialist, status):
    """GIVEN member A1 removed from the party (or deceased)
    WHEN exempting them THEN 400 "no longer active" in Vietnamese, and nothing changed."""
    Member.objects.filter(pk=tree.member_a1.pk).update(status=status)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/exemptions",
        specialist,
        json={"starts_on": days_ago(10), "reason": "Ốm đau"},
    )

    assert service_error(response) == (
        400,
        "not_active",
        "Đảng viên này không còn sinh hoạt đảng.",
    )
    assert state() == before


def test_a_second_exemption_overlapping_the_first_is_refused(api, tree, specialist):
    """GIVEN member A1 exempted since 100 days ago WHEN exempted again from 10 days ago
    THEN 400 already_exempt, and nothing changed."""
    exempt_now(tree.member_a1)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/exemptions",
        specialist,
        json={"starts_on": days_ago(10), "reason": "Đi học dài hạn"},
    )

    assert service_error(response) == (
        400,
        "already_exempt",
        "Đảng viên này đang được miễn sinh hoạt.",
    )
    assert state() == before


@pytest.mark.parametrize(
    ("on", "exempted"),
    [
        pytest.param(days_ago(1), False, id="never-exempted"),
        pytest.param(days_ago(150), True, id="before-the-exemption-started"),
    ],
)
def test_ending_an_exemption_that_is_not_in_force(api, tree, specialist, on, exempted):
    """GIVEN member A1 not exempted (or exempted only from 100 days ago)
    WHEN ending an exemption on a day none is in force
    THEN 400 not_exempt in Vietnamese, and nothing changed."""
    if exempted:
        exempt_now(tree.member_a1)
    before = state()

    response = api(
        "post", f"/members/{tree.member_a1.pk}/exemptions/end", specialist, json={"on": on}
    )

    assert service_error(response) == (
        400,
        "not_exempt",
        "Đảng viên này không được miễn sinh hoạt.",
    )
    assert state() == before


@pytest.mark.parametrize(
    ("path", "body", "status", "expected"),
    [
        pytest.param(
            "removal",
            {"on": days_ago(1)},
            400,
            [("reason", "Trường này là bắt buộc.")],
            id="removal-without-reason",
        ),
        pytest.param(
            "removal",
            {"on": days_ago(-1), "reason": "Xóa tên"},
            400,
            ("future_date", "Ngày này ở tương lai."),
            id="removal-in-the-future",
        ),
        pytest.param(
            "removal",
            {"on": "2026-13-01", "reason": "Xóa tên"},
            400,
            [("on", "Nhập một ngày hợp lệ.")],
            id="removal-impossible-date",
        ),
        pytest.param(
            "death",
            {"on": "BEFORE_ADMISSION"},
            400,
            ("date_before_admission", "Ngày này trước ngày vào Đảng."),
            id="death-before-admission",
        ),
        pytest.param("death", {}, 400, [("on", "Trường này là bắt buộc.")], id="death-no-date"),
    ],
)
def test_bad_removals_and_deaths_change_nothing(
    api, tree, specialist, path, body, status, expected
):
    """GIVEN a specialist WHEN a removal has no reason, a future or impossible date, or a death
    is dated before the admission or not dated
    THEN 400 in Vietnamese, and member A1 stays an official member."""
    if body.get("on") == "BEFORE_ADMISSION":
        body = {"on": (tree.member_a1.admitted_on - datetime.timedelta(days=1)).isoformat()}
    before = state()

    response = api("post", f"/members/{tree.member_a1.pk}/{path}", specialist, json=body)

    if isinstance(expected, list):  # field errors, else a service code and message
        assert (response.status_code, errors(response)) == (400, expected)
    else:
        assert service_error(response) == (400, *expected)
    assert state() == before
    tree.member_a1.refresh_from_db()
    assert tree.member_a1.status == MemberStatus.OFFICIAL


@pytest.mark.parametrize("path", ["removal", "death"])
def test_a_member_who_left_cannot_leave_again(api, tree, specialist, path):
    """GIVEN member A1 already removed WHEN removed again or recorded dead
    THEN 400 not_active, and the first removal stands."""
    procedures.remove_member(acting_user=None, member=tree.member_a1, on=today(), reason="Xóa tên")
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/{path}",
        specialist,
        json={"on": days_ago(0), "reason": "Khai trừ"}
        if path == "removal"
        else {"on": days_ago(0)},
    )

    assert service_error(response) == (400, "not_active", "Đảng viên này không còn sinh hoạt đảng.")
    assert state() == before


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        pytest.param({"title": "chu-tich"}, 400, [("title", INVALID_CHOICE)], id="unknown-title"),
        pytest.param(
            {"ends_on": days_ago(30)},
            400,
            ("end_before_start", "Ngày kết thúc trước ngày bắt đầu."),
            id="ends-before-it-starts",
        ),
        pytest.param(
            {"organization": "CELL_A2"},
            400,
            (
                "not_members_committee",
                "Đảng viên chỉ giữ chức vụ ở chi bộ của mình hoặc cấp ủy cấp trên.",
            ),
            id="committee-of-another-cell",
        ),
        pytest.param(
            {"term": "TERM_OF_COMMUNE"},
            400,
            ("term_of_other_organization", "Nhiệm kỳ này thuộc tổ chức khác."),
            id="term-of-another-organization",
        ),
        pytest.param(
            {"term": 999999}, 400, [("term", "Không có nhiệm kỳ này.")], id="unknown-term"
        ),
        pytest.param(
            {"term": "CELL_TERM", "starts_on": days_ago(450)},
            400,
            ("outside_term", "Thời gian giữ chức vụ nằm ngoài nhiệm kỳ của cấp ủy."),
            id="before-the-term",
        ),
        pytest.param(
            {"term": "ENDED_TERM", "starts_on": days_ago(700)},
            400,
            ("outside_term", "Thời gian giữ chức vụ nằm ngoài nhiệm kỳ của cấp ủy."),
            id="open-ended-in-an-ended-term",
        ),
        pytest.param(
            {"starts_on": days_ago(-5)},
            400,
            ("future_date", "Ngày này ở tương lai."),
            id="starts-in-the-future",
        ),
        pytest.param(
            {"title": "secretary", "starts_on": days_ago(5)},
            400,
            (
                "already_held",
                "Đảng viên đã giữ chức vụ này ở tổ chức này trong thời gian đó.",
            ),
            id="already-secretary",
        ),
        pytest.param(
            {"organization": "CLOSED_COMMUNE"},
            400,
            ("not_active", "Tổ chức này không còn hoạt động."),
            id="closed-committee",
        ),
    ],
)
def test_bad_positions_change_nothing(api, tree, specialist, cell_term, body, status, expected):
    """GIVEN member A1, secretary of cell A1 since 100 days ago, cell A1's term opened 400 days
    ago (an earlier one ended) and a term of commune A
    WHEN a position has an unknown title, ends before it starts, is in another cell, names a
    term of another organization or an unknown one, falls outside the term, starts in the
    future, repeats the position held, or is in a dissolved committee
    THEN 400 in Vietnamese, and nothing changed."""
    secretary_of(tree.member_a1, tree.cell_a1, days=100, term=cell_term)
    ended = orgs.add_term(
        acting_user=None,
        organization=tree.cell_a1,
        name="2020–2025",
        starts_on=today() - datetime.timedelta(days=2000),
        ends_on=today() - datetime.timedelta(days=401),
    )
    commune_term = orgs.add_term(
        acting_user=None,
        organization=tree.commune_a,
        name="2025–2030",
        starts_on=today() - datetime.timedelta(days=400),
    )
    Member.objects.filter(pk=tree.member_a1.pk).update(
        admitted_on=today() - datetime.timedelta(days=3000)
    )
    placeholders = {
        "CELL_A2": tree.cell_a2.pk,
        "CELL_TERM": cell_term.pk,
        "TERM_OF_COMMUNE": commune_term.pk,
        "ENDED_TERM": ended.pk,
        "CLOSED_COMMUNE": tree.commune_a.pk,
    }
    body = {k: placeholders.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
    if body.get("organization") == tree.commune_a.pk:
        Organization.objects.filter(pk=tree.commune_a.pk).update(status=OrgStatus.DISSOLVED)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions",
        specialist,
        json={
            "organization": tree.cell_a1.pk,
            "title": "deputy_secretary",
            "starts_on": days_ago(10),
            **body,
        },
    )

    if isinstance(expected, list):  # field errors, else a service code and message
        assert (response.status_code, errors(response)) == (400, expected)
    else:
        assert service_error(response) == (400, *expected)
    assert state() == before


def test_a_position_for_a_removed_member_is_refused(api, tree, specialist):
    """GIVEN member A1 removed WHEN given a position THEN 400 not_active, nothing changed."""
    procedures.remove_member(acting_user=None, member=tree.member_a1, on=today(), reason="Xóa tên")
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions",
        specialist,
        json={"organization": tree.cell_a1.pk, "title": "secretary", "starts_on": days_ago(1)},
    )

    assert service_error(response)[:2] == (400, "not_active")
    assert state() == before


def test_a_position_in_an_unknown_committee_is_404(api, tree, specialist):
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions",
        specialist,
        json={"organization": 999999, "title": "secretary", "starts_on": days_ago(1)},
    )

    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert state() == before


@pytest.mark.parametrize(
    ("ends_on", "on", "expected"),
    [
        pytest.param(
            days_ago(30),
            days_ago(1),
            ("position_ended", "Chức vụ này đã kết thúc."),
            id="already-ended",
        ),
        pytest.param(
            None,
            days_ago(300),
            ("end_before_start", "Ngày kết thúc trước ngày bắt đầu."),
            id="before-it-started",
        ),
        pytest.param(
            None, days_ago(-1), ("future_date", "Ngày này ở tương lai."), id="in-the-future"
        ),
    ],
)
def test_bad_position_ends_change_nothing(api, tree, specialist, ends_on, on, expected):
    """GIVEN member A1 secretary of cell A1 from 200 days ago (maybe ended 30 days ago)
    WHEN ending it again, before it started, or in the future
    THEN 400 in Vietnamese, and nothing changed."""
    position = secretary_of(
        tree.member_a1,
        tree.cell_a1,
        ends_on=datetime.date.fromisoformat(ends_on) if ends_on else None,
    )
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions/{position.pk}/end",
        specialist,
        json={"on": on},
    )

    assert service_error(response) == (400, *expected)
    assert state() == before


def test_a_planned_end_may_be_brought_forward(api, tree, specialist):
    """GIVEN a position planned to end in 60 days WHEN ended yesterday THEN it ends yesterday."""
    position = secretary_of(
        tree.member_a1, tree.cell_a1, ends_on=today() + datetime.timedelta(days=60)
    )

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/positions/{position.pk}/end",
        specialist,
        json={"on": days_ago(1)},
    )

    assert response.status_code == 200
    position.refresh_from_db()
    assert position.ends_on.isoformat() == days_ago(1)


# Where a transfer may send a member (docs/decisions/0007-api-transfer-target.md)


def test_a_transfer_sends_the_member_out_of_the_senders_scope(api, tree):
    """GIVEN a specialist of commune A and one of commune B
    WHEN the first transfers member A1 officially to cell B1 (outside her scope)
    THEN 201; member A1 now belongs to cell B1: the sender can no longer open or list them, the
    receiving commune's specialist can, and was notified."""
    sender = factories.user("cv-a", roles=[(DOES, tree.commune_a)])
    receiver = factories.user("cv-b", roles=[(DOES, tree.commune_b)])

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/transfers",
        sender,
        json={"kind": "official", "on": days_ago(2), "to_organization": tree.cell_b1.pk},
    )

    assert response.status_code == 201
    assert response.json()["to_organization_name"] == "Chi bộ tổ dân phố 1"
    tree.member_a1.refresh_from_db()
    assert tree.member_a1.organization == tree.cell_b1
    assert api("get", f"/members/{tree.member_a1.pk}", sender).status_code == 404
    listed = api("get", "/members", sender).json()["items"]
    assert [m["id"] for m in listed] == [tree.member_a2.pk]
    assert api("get", f"/members/{tree.member_a1.pk}", receiver).json()["organization_id"] == (
        tree.cell_b1.pk
    )
    assert list(Notification.objects.values_list("user__username", flat=True)) == ["cv-b"]


@pytest.mark.parametrize(
    ("target", "status", "expected"),
    [
        pytest.param(
            "DISSOLVED_CELL",
            400,
            [("to_organization", "Tổ chức này không còn hoạt động.")],
            id="dissolved-cell",
        ),
        pytest.param(
            "COMMUNE_B",
            400,
            ("not_a_cell", "Đảng viên phải sinh hoạt tại một chi bộ."),
            id="a-committee-not-a-cell",
        ),
        pytest.param(
            "OWN_CELL",
            400,
            ("same_organization", "Đảng viên đang sinh hoạt tại tổ chức này."),
            id="own-cell",
        ),
    ],
)
def test_a_transfer_needs_another_active_cell(api, tree, target, status, expected):
    """GIVEN a specialist of commune A
    WHEN transferring member A1 to a dissolved cell, to commune B itself, or to their own cell
    THEN 400 in Vietnamese, and nothing changed."""
    sender = factories.user("cv-a", roles=[(DOES, tree.commune_a)])
    orgs.dissolve_organization(acting_user=None, organization=tree.cell_b1, on=today())
    target_id = {
        "DISSOLVED_CELL": tree.cell_b1.pk,
        "COMMUNE_B": tree.commune_b.pk,
        "OWN_CELL": tree.cell_a1.pk,
    }[target]
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/transfers",
        sender,
        json={"kind": "official", "on": days_ago(2), "to_organization": target_id},
    )

    if isinstance(expected, list):  # field errors, else a service code and message
        assert (response.status_code, errors(response)) == (400, expected)
    else:
        assert service_error(response) == (400, *expected)
    assert state() == before


def test_procedures_are_in_the_schema(client):
    """GIVEN the OpenAPI schema THEN it lists every procedure, with the position titles."""
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]

    for path in [
        "/api/v1/members/{member_id}/exemptions",
        "/api/v1/members/{member_id}/exemptions/end",
        "/api/v1/members/{member_id}/removal",
        "/api/v1/members/{member_id}/death",
        "/api/v1/members/{member_id}/positions",
        "/api/v1/members/{member_id}/positions/{position_id}/end",
    ]:
        assert "post" in paths[path], path
    title = schema["components"]["schemas"]["PositionIn"]["properties"]["title"]
    assert title["enum"] == list(PositionTitle.values)
