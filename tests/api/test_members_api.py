"""The member endpoints: who may read, admit, edit, recognize and transfer whom; what lists show;
bad input answered in Vietnamese with nothing changed."""

import datetime

import pytest

from tests import factories
from tests.api.conftest import bearer, days_ago, errors, ids, matrix, refused, state, today
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import Member, MemberStatus, PositionTitle, Transfer
from vanphong.organizations.roles import Role
from vanphong.organizations.services import procedures

pytestmark = pytest.mark.django_db


def admission(tree, **changes) -> dict:
    return {
        "organization": tree.cell_a1.pk,
        "admitted_on": days_ago(30),
        "decision": "125-QĐ/ĐU",
        "full_name": "Hoàng Thị Mai",
        "gender": "female",
        "birth_date": "1995-05-05",
        "citizen_id": "010195000123",
        "card_number": "99000001",
        **changes,
    }


@pytest.fixture
def probationer(tree):
    """A probationary member of cell A1 admitted two years ago: due for recognition."""
    return factories.member(
        tree.cell_a1,
        "Vũ Thị Hạnh",
        status=MemberStatus.PROBATIONARY,
        admitted_on=today() - datetime.timedelta(days=730),
    )


# Access matrix


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_a_member(api, member_places, tree, place, holds_role, expected):
    """GIVEN a user around cell A1 (clerk = may view members; archivist = may not)
    WHEN reading member A1 THEN only roles of cell A1's subtree may."""
    u = member_places.caller(place, holds_role, Role.CLERK, Role.ARCHIVIST)

    response = api("get", f"/members/{tree.member_a1.pk}", u)

    assert response.status_code == expected
    if expected == 200:
        assert (response.json()["id"], response.json()["full_name"]) == (
            tree.member_a1.pk,
            "Nguyễn Thị Hòa",  # stored in the canonical tone placement
        )


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_admit_a_member(api, member_places, tree, place, holds_role, expected):
    """GIVEN a user around cell A1 (specialist = may do procedures; clerk = may not)
    WHEN admitting a member into cell A1
    THEN only roles of cell A1's subtree may; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, Role.SPECIALIST, Role.CLERK)
    before = state()

    response = api("post", "/members", u, json=admission(tree))

    if refused(response, expected, before):
        return
    member = Member.objects.get(card_number="99000001")
    assert (member.organization, member.status, member.admitted_on.isoformat()) == (
        tree.cell_a1,
        MemberStatus.PROBATIONARY,
        days_ago(30),
    )
    body = response.json()
    assert (body["id"], body["status"], body["birth_date"], body["positions"]) == (
        member.pk,
        "probationary",
        "1995-05-05",
        [],
    )
    assert AuditEntry.objects.get(action="member.admit").actor == u


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_update_a_member(api, member_places, tree, place, holds_role, expected):
    """GIVEN a user around cell A1 WHEN editing member A1's profile
    THEN only specialists of cell A1's subtree may; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, Role.SPECIALIST, Role.CLERK)
    before = state()

    response = api(
        "patch",
        f"/members/{tree.member_a1.pk}",
        u,
        json={"phone": "0912345678", "hometown": "Bảo Thắng, Lào Cai"},
    )

    refused(response, expected, before)
    tree.member_a1.refresh_from_db()
    if expected != 200:
        assert (tree.member_a1.phone, tree.member_a1.hometown) == ("", "")
        return
    assert (tree.member_a1.phone, tree.member_a1.hometown) == ("0912345678", "Bảo Thắng, Lào Cai")
    assert response.json()["phone"] == "0912345678"
    entry = AuditEntry.objects.get(action="member.update")
    assert (entry.before["phone"], entry.after["phone"]) == ("", "0912345678")


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_recognize_official(api, member_places, probationer, place, holds_role, expected):
    """GIVEN a probationer of cell A1 due for recognition WHEN a user around cell A1 recognizes
    them THEN only specialists of cell A1's subtree may; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, Role.SPECIALIST, Role.CLERK)
    before = state()

    response = api(
        "post",
        f"/members/{probationer.pk}/official",
        u,
        json={"on": days_ago(1), "decision": "45-QĐ/ĐU"},
    )

    refused(response, expected, before)
    probationer.refresh_from_db()
    if expected != 200:
        assert probationer.status == MemberStatus.PROBATIONARY
        return
    assert (probationer.status, probationer.official_on.isoformat()) == (
        MemberStatus.OFFICIAL,
        days_ago(1),
    )
    assert (response.json()["status"], response.json()["official_on"]) == ("official", days_ago(1))


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_transfer_a_member(api, member_places, tree, place, holds_role, expected):
    """GIVEN member A1 WHEN a user around cell A1 transfers them officially to cell B1
    THEN only specialists of cell A1's subtree may; a refusal changes nothing."""
    u = member_places.caller(place, holds_role, Role.SPECIALIST, Role.CLERK)
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/transfers",
        u,
        json={
            "kind": "official",
            "on": days_ago(2),
            "to_organization": tree.cell_b1.pk,
            "letter_number": "12-GGT/ĐU",
        },
    )

    refused(response, expected, before)
    tree.member_a1.refresh_from_db()
    if expected != 201:
        assert tree.member_a1.organization == tree.cell_a1
        return
    assert tree.member_a1.organization == tree.cell_b1
    transfer = Transfer.objects.get()
    assert response.json() == {
        "id": transfer.pk,
        "member_id": tree.member_a1.pk,
        "kind": "official",
        "from_organization_id": tree.cell_a1.pk,
        "to_organization_id": tree.cell_b1.pk,
        "to_organization_name": "Chi bộ tổ dân phố 1",
        "transferred_on": days_ago(2),
        "returns_on": None,
        "reason": "",
        "letter_number": "12-GGT/ĐU",
    }


def test_a_member_sees_own_profile_only(api, tree):
    """GIVEN a party member linked to member A1 WHEN reading A1 and colleague A2
    THEN A1 is shown, A2 is 404."""
    u = factories.user("dv", roles=[(Role.MEMBER, tree.cell_a1)], member_=tree.member_a1)

    assert api("get", f"/members/{tree.member_a1.pk}", u).status_code == 200
    assert api("get", f"/members/{tree.member_a2.pk}", u).status_code == 404
    assert ids(api("get", "/members", u)) == [tree.member_a1.pk]


def test_profile_lists_positions(api, tree):
    """GIVEN member A1 elected secretary of cell A1 (through the service)
    WHEN a clerk reads the profile THEN the position is listed with ISO dates."""
    admin = factories.user("admin", is_superuser=True)
    procedures.assign_position(
        acting_user=admin,
        member=tree.member_a1,
        organization=tree.cell_a1,
        title=PositionTitle.SECRETARY,
        starts_on=datetime.date(2025, 8, 15),
    )
    clerk = factories.user("vt", roles=[(Role.CLERK, tree.commune_a)])

    body = api("get", f"/members/{tree.member_a1.pk}", clerk).json()

    assert [
        (p["title"], p["title_label"], p["organization_id"], p["organization_name"])
        for p in body["positions"]
    ] == [("secretary", "Bí thư", tree.cell_a1.pk, "Chi bộ thôn Làng Mới")]
    assert (body["positions"][0]["starts_on"], body["positions"][0]["ends_on"]) == (
        "2025-08-15",
        None,
    )


# Lists


def test_list_shows_only_the_users_subtree(api, tree):
    """GIVEN a clerk of commune A WHEN listing members THEN A1 and A2 (Vietnamese name order:
    given name "Đức" before "Hòa"), never B1."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.commune_a)])

    response = api("get", "/members", u)

    assert response.json()["count"] == 2
    assert ids(response) == [tree.member_a2.pk, tree.member_a1.pk]
    assert response.json()["items"][0]["organization_name"] == "Chi bộ thôn Phú Hà"


def test_list_without_a_token_is_401(api, tree):
    assert api("get", "/members").status_code == 401


def test_organization_filter_cannot_widen_the_scope(api, tree):
    """GIVEN a clerk of commune A WHEN filtering by cell A2 and by commune B
    THEN A2's member, then nothing."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.commune_a)])

    assert ids(api("get", f"/members?organization={tree.cell_a2.pk}", u)) == [tree.member_a2.pk]
    other = api("get", f"/members?organization={tree.commune_b.pk}", u)
    assert (other.json()["count"], ids(other)) == (0, [])


def test_name_search_and_status_filter(api, tree, probationer):
    """GIVEN a clerk of the province
    WHEN searching "hoa" (no tone marks), "ĐỨC", and filtering probationers
    THEN Nguyễn Thị Hòa, Trần Văn Đức, and the probationer."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.province)])

    assert ids(api("get", "/members?q=hoa", u)) == [tree.member_a1.pk]
    assert ids(api("get", "/members?q=%C4%90%E1%BB%A8C", u)) == [tree.member_a2.pk]
    assert ids(api("get", "/members?status=probationary", u)) == [probationer.pk]


def test_unknown_status_filter_is_400(api, tree):
    u = factories.user("vt", roles=[(Role.CLERK, tree.province)])

    response = api("get", "/members?status=dang-vien", u)

    assert response.status_code == 400
    assert errors(response) == [
        (
            "status",
            "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi.",
        )
    ]


def test_list_query_count_does_not_grow_with_rows(tree, client, django_assert_num_queries):
    """GIVEN 20 more members in scope WHEN listing THEN still token, scopes, count and page."""
    for _ in range(20):
        factories.member(tree.cell_a1)
    u = factories.user("vt", roles=[(Role.CLERK, tree.province)])
    headers = bearer(u)
    with django_assert_num_queries(4):
        response = client.get("/api/v1/members", **headers)
    assert response.json()["count"] == 23


# Bad input


@pytest.fixture
def specialist(tree):
    return factories.user("cv", roles=[(Role.SPECIALIST, tree.province)])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param(
            {"birth_date": "1990-02-30"}, "birth_date", "Nhập một ngày hợp lệ.", id="impossible"
        ),
        pytest.param(
            {"gender": "nam"},
            "gender",
            "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi.",
            id="unknown-gender",
        ),
        pytest.param({"full_name": ""}, "full_name", "Trường này là bắt buộc.", id="no-name"),
    ],
)
def test_admission_with_invalid_fields_is_400(api, tree, specialist, changes, field, message):
    """GIVEN a specialist WHEN admitting with an impossible date, an unknown gender or no name
    THEN 400 naming the field in Vietnamese, and nothing changed."""
    before = state()

    response = api("post", "/members", specialist, json=admission(tree, **changes))

    assert response.status_code == 400
    assert errors(response) == [(field, message)]
    assert state() == before


@pytest.mark.parametrize(
    ("changes", "code", "message"),
    [
        pytest.param(
            {"card_number": "CARD-B1"},
            "card_taken",
            "Số thẻ đảng viên này đã được sử dụng.",
            id="duplicate-card",
        ),
        pytest.param(
            {"birth_date": days_ago(365 * 17)},
            "too_young",
            "Người vào Đảng phải đủ 18 tuổi.",
            id="too-young",
        ),
        pytest.param(
            {"admitted_on": (today() + datetime.timedelta(days=1)).isoformat()},
            "future_date",
            "Ngày này ở tương lai.",
            id="future-admission",
        ),
        pytest.param(
            {"organization": "COMMUNE_A"},
            "not_a_cell",
            "Đảng viên phải sinh hoạt tại một chi bộ.",
            id="not-a-cell",
        ),
    ],
)
def test_admission_refused_by_the_service_is_400(api, tree, specialist, changes, code, message):
    """GIVEN a specialist of the province
    WHEN admitting with a card number already used (in another commune), too young a person, a
    future date, or into a commune instead of a cell
    THEN 400 with the service's code and Vietnamese message, and nothing changed."""
    Member.objects.filter(pk=tree.member_b1.pk).update(card_number="CARD-B1")
    if changes.get("organization") == "COMMUNE_A":
        changes["organization"] = tree.commune_a.pk
    before = state()

    response = api("post", "/members", specialist, json=admission(tree, **changes))

    assert response.status_code == 400
    assert response.json() == {"code": code, "message": message}
    assert state() == before


def test_duplicate_card_in_a_patch_is_400(api, tree, specialist):
    """GIVEN member B1's card number WHEN member A1 is given it THEN 400 and A1 keeps their own."""
    own_card = tree.member_a1.card_number
    before = state()

    response = api(
        "patch",
        f"/members/{tree.member_a1.pk}",
        specialist,
        json={"card_number": tree.member_b1.card_number},
    )

    assert response.status_code == 400
    assert response.json()["code"] == "card_taken"
    tree.member_a1.refresh_from_db()
    assert tree.member_a1.card_number == own_card
    assert state() == before


def test_status_cannot_be_patched(api, tree, specialist):
    """GIVEN a specialist WHEN a PATCH tries to set member A1's status
    THEN 400 naming the field: status changes only through a procedure; nothing changed."""
    before = state()

    response = api("patch", f"/members/{tree.member_a1.pk}", specialist, json={"status": "removed"})

    assert response.status_code == 400
    assert errors(response) == [("status", "Không được gửi trường này ở đây.")]
    assert state() == before


def test_recognition_before_twelve_months_is_400(api, tree, specialist):
    """GIVEN a probationer admitted 100 days ago WHEN recognized today
    THEN 400 naming the first possible day as dd/mm/yyyy, and nothing changed."""
    admitted = today() - datetime.timedelta(days=100)
    member = factories.member(tree.cell_a1, status=MemberStatus.PROBATIONARY, admitted_on=admitted)
    earliest = procedures.probation_ends_on(member)
    before = state()

    response = api(
        "post", f"/members/{member.pk}/official", specialist, json={"on": today().isoformat()}
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "too_early",
        "message": "Thời gian dự bị là 12 tháng: đảng viên này được xét công nhận chính thức "
        f"từ ngày {earliest:%d/%m/%Y}.",
    }
    assert state() == before


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        pytest.param(
            {"kind": "official"},
            400,
            [("to_organization_name", "Cần ghi tên tổ chức nhận.")],
            id="no-receiver",
        ),
        pytest.param(
            {"kind": "official", "to_organization": 999999},
            400,
            [("to_organization", "Không có tổ chức này.")],
            id="unknown-receiver",
        ),
        pytest.param(
            {"kind": "chuyen-han", "to_organization_name": "Đảng bộ tỉnh Yên Bái"},
            400,
            [
                (
                    "kind",
                    "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa "
                    "chọn khả thi.",
                )
            ],
            id="unknown-kind",
        ),
        pytest.param(
            {
                "kind": "temporary",
                "to_organization_name": "Đảng bộ tỉnh Yên Bái",
                "returns_on": days_ago(10),
            },
            400,
            "end_before_start",
            id="returns-before-leaving",
        ),
    ],
)
def test_bad_transfers_change_nothing(api, tree, specialist, body, status, expected):
    """GIVEN a specialist WHEN a transfer names no receiver, an unknown one, an unknown kind, or
    returns before it leaves THEN 400 in Vietnamese and nothing changed."""
    before = state()

    response = api(
        "post",
        f"/members/{tree.member_a1.pk}/transfers",
        specialist,
        json={"on": days_ago(2), **body},
    )

    assert response.status_code == status
    if isinstance(expected, list):  # field errors, else a service code and message
        assert errors(response) == expected
    else:
        assert response.json() == {
            "code": expected,
            "message": "Ngày kết thúc trước ngày bắt đầu.",
        }
    assert state() == before
