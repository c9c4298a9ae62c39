"""Committee terms (nhiệm kỳ) of an organization through the API: list, open, end. Document
numbering restarts with each term, so their dates must not overlap."""

import datetime

import pytest

from tests import factories
from tests.api.conftest import errors, matrix, refused, service_error, state
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import CommitteeTerm, Organization, OrgStatus
from vanphong.organizations.roles import Role
from vanphong.organizations.services import orgs

pytestmark = pytest.mark.django_db

D = datetime.date
NOT_FOUND = {
    "code": "not_found",
    "message": "Không có bản ghi này, hoặc đồng chí không được phép mở.",
}
# An office head may change organizations; a specialist reaches them but may not.
CHANGES, LACKS = Role.OFFICE_HEAD, Role.SPECIALIST


def term(org, name: str, starts_on, ends_on=None) -> CommitteeTerm:
    return orgs.add_term(
        acting_user=None, organization=org, name=name, starts_on=starts_on, ends_on=ends_on
    )


@pytest.fixture
def terms(tree):
    """Commune A: 2015–2020 (ended) and 2020–2025 (open); commune B: its own 2020–2025."""
    return {
        "old": term(tree.commune_a, "2015–2020", D(2015, 10, 1), D(2020, 10, 14)),
        "open": term(tree.commune_a, "2020–2025", D(2020, 10, 15)),
        "other": term(tree.commune_b, "2020–2025", D(2020, 10, 20)),
    }


@pytest.fixture
def office_head(tree):
    return factories.user("cvp", roles=[(CHANGES, tree.province)])


# Access matrix: around commune A


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_list_terms(api, org_places, tree, terms, place, holds_role, expected):
    """GIVEN commune A's two terms WHEN a user around commune A lists them
    THEN only roles of its subtree may see them, newest first, never commune B's."""
    u = org_places.caller(place, holds_role, Role.CLERK)

    response = api("get", f"/organizations/{tree.commune_a.pk}/terms", u)

    assert response.status_code == expected
    if expected != 200:
        return
    assert response.json() == [
        {
            "id": terms["open"].pk,
            "organization_id": tree.commune_a.pk,
            "name": "2020–2025",
            "starts_on": "2020-10-15",
            "ends_on": None,
        },
        {
            "id": terms["old"].pk,
            "organization_id": tree.commune_a.pk,
            "name": "2015–2020",
            "starts_on": "2015-10-01",
            "ends_on": "2020-10-14",
        },
    ]


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_open_a_term(api, org_places, tree, terms, place, holds_role, expected):
    """GIVEN commune A's term 2020–2025 still open
    WHEN a user around commune A opens 2025–2030 on 20/10/2025
    THEN only office heads of its subtree may: the new term is created and the open one ends the
    day before, each with an audit entry; a refusal changes nothing."""
    u = org_places.caller(place, holds_role, CHANGES, LACKS)
    before = state()

    response = api(
        "post",
        f"/organizations/{tree.commune_a.pk}/terms",
        u,
        json={"name": "2025–2030", "starts_on": "2025-10-20"},
    )

    refused(response, expected, before)
    terms["open"].refresh_from_db()
    if expected != 201:
        assert terms["open"].ends_on is None
        return
    created = CommitteeTerm.objects.get(organization=tree.commune_a, name="2025–2030")
    assert response.json() == {
        "id": created.pk,
        "organization_id": tree.commune_a.pk,
        "name": "2025–2030",
        "starts_on": "2025-10-20",
        "ends_on": None,
    }
    assert terms["open"].ends_on == D(2025, 10, 19)
    assert orgs.term_on(tree.commune_a, D(2025, 10, 19)) == terms["open"]
    assert orgs.term_on(tree.commune_a, D(2025, 10, 20)) == created
    assert [
        (e.action, e.actor, e.target_id)
        for e in AuditEntry.objects.filter(action__startswith="term.", actor=u).order_by("pk")
    ] == [("term.close", u, str(terms["open"].pk)), ("term.create", u, str(created.pk))]


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_end_a_term(api, org_places, tree, terms, place, holds_role, expected):
    """GIVEN commune A's open term 2020–2025
    WHEN a user around commune A ends it on 19/10/2025
    THEN only office heads of its subtree may, with an audit entry of before and after; a
    refusal changes nothing."""
    u = org_places.caller(place, holds_role, CHANGES, LACKS)
    before = state()

    response = api(
        "post",
        f"/organizations/{tree.commune_a.pk}/terms/{terms['open'].pk}/end",
        u,
        json={"on": "2025-10-19"},
    )

    refused(response, expected, before)
    terms["open"].refresh_from_db()
    if expected != 200:
        assert terms["open"].ends_on is None
        return
    assert terms["open"].ends_on == D(2025, 10, 19)
    assert response.json()["ends_on"] == "2025-10-19"
    entry = AuditEntry.objects.filter(actor=u, target_id=str(terms["open"].pk)).get()
    assert (entry.before["ends_on"], entry.after["ends_on"]) == (None, "2025-10-19")


# A term is found only under its organization


@pytest.mark.parametrize("which", ["of-another-organization", "missing"])
def test_a_term_is_found_only_under_its_organization(api, tree, terms, office_head, which):
    """GIVEN an office head of the province (both communes in scope)
    WHEN ending commune B's term through commune A's URL, or a term id that does not exist
    THEN 404, and nothing changed."""
    term_id = terms["other"].pk if which == "of-another-organization" else 999999
    before = state()

    response = api(
        "post",
        f"/organizations/{tree.commune_a.pk}/terms/{term_id}/end",
        office_head,
        json={"on": "2025-10-19"},
    )

    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert state() == before


def test_unknown_and_hidden_organizations_answer_alike(api, tree, terms):
    """GIVEN an office head of commune A
    WHEN listing and opening terms of a missing organization and of commune B
    THEN the same 404 each time, and nothing changed."""
    u = factories.user("cvp", roles=[(CHANGES, tree.commune_a)])
    before = state()
    body = {"name": "2025–2030", "starts_on": "2025-10-20"}

    answers = [
        api("get", "/organizations/999999/terms", u),
        api("get", f"/organizations/{tree.commune_b.pk}/terms", u),
        api("post", "/organizations/999999/terms", u, json=body),
        api("post", f"/organizations/{tree.commune_b.pk}/terms", u, json=body),
    ]

    assert [(r.status_code, r.json()) for r in answers] == [(404, NOT_FOUND)] * 4
    assert state() == before


# Bad input


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        pytest.param(
            {"starts_on": "2025-02-29"},
            400,
            [("starts_on", "Nhập một ngày hợp lệ.")],
            id="impossible-date",
        ),
        pytest.param({"name": " "}, 400, [("name", "Trường này là bắt buộc.")], id="blank-name"),
        pytest.param({"name": "N" * 101}, 400, [("name", "Tối đa 100 ký tự.")], id="name-too-long"),
        pytest.param(
            {"starts_on": None}, 400, [("starts_on", "Nhập một ngày hợp lệ.")], id="no-start"
        ),
        pytest.param(
            {"ends_on": "2025-10-01"},
            400,
            ("term_dates", "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."),
            id="ends-before-it-starts",
        ),
        pytest.param(
            {"starts_on": "2018-01-01", "ends_on": "2019-12-31"},
            400,
            ("term_overlap", "Nhiệm kỳ này trùng với một nhiệm kỳ khác của tổ chức."),
            id="inside-an-ended-term",
        ),
        pytest.param(
            {"starts_on": "2020-01-01"},
            400,
            ("term_overlap", "Nhiệm kỳ này trùng với một nhiệm kỳ khác của tổ chức."),
            id="before-the-open-term",
        ),
    ],
)
def test_bad_terms_change_nothing(api, tree, terms, office_head, body, status, expected):
    """GIVEN commune A's terms 2015–2020 (ended) and 2020–2025 (open)
    WHEN opening a term with an impossible date, no name, too long a name, no start, an end
    before its start, or dates that overlap another term
    THEN 400 in Vietnamese, and nothing changed (the open term stays open)."""
    before = state()

    response = api(
        "post",
        f"/organizations/{tree.commune_a.pk}/terms",
        office_head,
        json={"name": "2025–2030", "starts_on": "2025-10-20", **body},
    )

    if isinstance(expected, list):  # field errors, else a service code and message
        assert (response.status_code, errors(response)) == (400, expected)
    else:
        assert service_error(response) == (400, *expected)
    assert state() == before


def test_no_term_for_a_dissolved_organization(api, tree, office_head):
    """GIVEN a dissolved commune B WHEN opening a term for it THEN 400 and nothing changed."""
    Organization.objects.filter(pk=tree.commune_b.pk).update(status=OrgStatus.DISSOLVED)
    before = state()

    response = api(
        "post",
        f"/organizations/{tree.commune_b.pk}/terms",
        office_head,
        json={"name": "2025–2030", "starts_on": "2025-10-20"},
    )

    assert service_error(response) == (400, "not_active", "Tổ chức này không còn hoạt động.")
    assert state() == before


@pytest.mark.parametrize(
    ("which", "body", "status", "expected"),
    [
        pytest.param(
            "open",
            {"on": "2020-10-14"},
            400,
            ("term_dates", "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."),
            id="before-it-started",
        ),
        pytest.param(
            "old",
            {"on": "2021-06-30"},
            400,
            ("term_overlap", "Nhiệm kỳ này trùng với một nhiệm kỳ khác của tổ chức."),
            id="into-the-next-term",
        ),
        pytest.param(
            "open", {"on": "2025-10-32"}, 400, [("on", "Nhập một ngày hợp lệ.")], id="impossible"
        ),
        pytest.param("open", {}, 400, [("on", "Trường này là bắt buộc.")], id="no-date"),
    ],
)
def test_bad_term_ends_change_nothing(api, tree, terms, office_head, which, body, status, expected):
    """GIVEN commune A's terms WHEN ending one before it started, into the next term, on an
    impossible date or on none THEN 400 in Vietnamese, and nothing changed."""
    before = state()

    response = api(
        "post",
        f"/organizations/{tree.commune_a.pk}/terms/{terms[which].pk}/end",
        office_head,
        json=body,
    )

    if isinstance(expected, list):  # field errors, else a service code and message
        assert (response.status_code, errors(response)) == (400, expected)
    else:
        assert service_error(response) == (400, *expected)
    assert state() == before


def test_terms_are_in_the_schema(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert sorted(schema["paths"]["/api/v1/organizations/{org_id}/terms"]) == ["get", "post"]
    assert schema["components"]["schemas"]["TermIn"]["required"] == ["name", "starts_on"]
