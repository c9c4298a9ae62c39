"""The organization endpoints: who may read and change what, what lists show, bad input."""

import pytest

from tests import factories
from tests.api.conftest import bearer, errors, ids, matrix, refused, state
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import Organization, OrgKind, OrgStatus
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

NEW_CELL = {"name": "Chi bộ thôn Cốc Ly", "code": "CB", "kind": "cell"}


# Access matrix


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_one_organization(api, org_places, place, holds_role, expected):
    """GIVEN a user around commune A WHEN reading it THEN only its subtree's roles may."""
    u = org_places.caller(place, holds_role, Role.CLERK)
    commune = org_places.orgs["record"]

    response = api("get", f"/organizations/{commune.pk}", u)

    assert response.status_code == expected
    if expected == 200:
        assert response.json()["id"] == commune.pk


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_children(api, org_places, tree, place, holds_role, expected):
    """GIVEN a user around commune A WHEN listing its children THEN only its subtree's roles may,
    and they get both cells."""
    u = org_places.caller(place, holds_role, Role.CLERK)

    response = api("get", f"/organizations/{tree.commune_a.pk}/children", u)

    assert response.status_code == expected
    if expected == 200:
        assert ids(response) == [tree.cell_a1.pk, tree.cell_a2.pk]


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(201))
def test_create_under_an_organization(api, org_places, tree, place, holds_role, expected):
    """GIVEN a user around commune A (office head = may change organizations; specialist = may not)
    WHEN creating a cell under commune A
    THEN it is created only within the user's subtree; a refusal changes nothing."""
    u = org_places.caller(place, holds_role, Role.OFFICE_HEAD, Role.SPECIALIST)
    before = state()

    response = api("post", "/organizations", u, json={"parent": tree.commune_a.pk, **NEW_CELL})

    if refused(response, expected, before):
        return
    created = Organization.objects.get(name="Chi bộ thôn Cốc Ly")
    assert Organization.objects.get_parent(created) == tree.commune_a
    assert response.json() == {
        "id": created.pk,
        "name": "Chi bộ thôn Cốc Ly",
        "code": "CB",
        "kind": "cell",
        "status": "active",
        "parent_id": tree.commune_a.pk,
        "depth": 4,
        "child_count": 0,
        "established_on": None,
        "ended_on": None,
        "merged_into_id": None,
    }
    entry = AuditEntry.objects.get(action="organization.create")
    assert (entry.actor, entry.target_id) == (u, str(created.pk))


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_update_an_organization(api, org_places, tree, place, holds_role, expected):
    """GIVEN a user around commune A WHEN renaming it THEN only office heads of its subtree may;
    a refusal changes nothing."""
    u = org_places.caller(place, holds_role, Role.OFFICE_HEAD, Role.SPECIALIST)
    before = state()

    response = api(
        "patch",
        f"/organizations/{tree.commune_a.pk}",
        u,
        json={"name": "Đảng bộ xã Bảo Thắng mới", "established_on": "2025-07-01"},
    )

    refused(response, expected, before)
    tree.commune_a.refresh_from_db()
    if expected != 200:
        assert tree.commune_a.name == "Đảng bộ xã Bảo Thắng"
        return
    assert (tree.commune_a.name, str(tree.commune_a.established_on)) == (
        "Đảng bộ xã Bảo Thắng mới",
        "2025-07-01",
    )
    assert response.json()["established_on"] == "2025-07-01"
    assert response.json()["code"] == "ĐU"
    entry = AuditEntry.objects.get(action="organization.update")
    assert entry.before["name"] == "Đảng bộ xã Bảo Thắng"
    assert entry.after["name"] == "Đảng bộ xã Bảo Thắng mới"


def test_a_missing_organization_answers_like_a_forbidden_one(api, tree):
    """GIVEN a clerk of commune A WHEN reading an id that does not exist and one of commune B
    THEN both answer the same 404 with a Vietnamese message."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.commune_a)])

    missing = api("get", "/organizations/999999", u)
    forbidden = api("get", f"/organizations/{tree.commune_b.pk}", u)

    assert missing.status_code == forbidden.status_code == 404
    assert (
        missing.json()
        == forbidden.json()
        == {
            "code": "not_found",
            "message": "Không có bản ghi này, hoặc đồng chí không được phép mở.",
        }
    )


# Lists


def test_list_shows_only_the_users_subtree(api, tree):
    """GIVEN a clerk of commune A WHEN listing organizations THEN commune A and its two cells,
    nothing of commune B or above."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.commune_a)])

    response = api("get", "/organizations", u)

    assert response.status_code == 200
    assert response.json()["count"] == 3
    assert ids(response) == [tree.commune_a.pk, tree.cell_a1.pk, tree.cell_a2.pk]


def test_list_without_a_token_is_401(api, tree):
    assert api("get", "/organizations").status_code == 401


def test_list_children_shows_only_visible_ones(api, tree):
    """GIVEN a secretary of cell A1 only WHEN listing the children of commune A
    THEN 404: the secretary cannot open commune A itself."""
    u = factories.user("bt", roles=[(Role.CELL_SECRETARY, tree.cell_a1)])

    assert api("get", f"/organizations/{tree.commune_a.pk}/children", u).status_code == 404


def test_parent_filter_narrows_the_visible_list(api, tree):
    """GIVEN a clerk of commune A
    WHEN filtering by its own commune, by commune B and by a missing id
    THEN commune A's cells, then nothing, then nothing."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.commune_a)])

    own = api("get", f"/organizations?parent={tree.commune_a.pk}", u)
    other = api("get", f"/organizations?parent={tree.commune_b.pk}", u)
    missing = api("get", "/organizations?parent=999999", u)

    assert ids(own) == [tree.cell_a1.pk, tree.cell_a2.pk]
    assert (other.json()["count"], ids(other)) == (0, [])
    assert (missing.json()["count"], ids(missing)) == (0, [])


def test_name_search_ignores_tone_marks_and_case(api, tree):
    """GIVEN a clerk of the province WHEN searching "SA PA" and "bao thang"
    THEN commune B, then commune A."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.province)])

    assert ids(api("get", "/organizations?q=SA+PA", u)) == [tree.commune_b.pk]
    assert ids(api("get", "/organizations?q=bao%20thang", u)) == [tree.commune_a.pk]


def test_paging_and_fixed_query_count(client, tree, django_assert_num_queries):
    """GIVEN a clerk of the province (6 organizations in scope)
    WHEN asking for 2 from offset 1
    THEN the count is 6, the page holds the 2nd and 3rd in tree order with their parents,
    in a fixed number of queries."""
    u = factories.user("vt", roles=[(Role.CLERK, tree.province)])
    headers = bearer(u)

    # token lookup, role scopes, count, page, parent ids
    with django_assert_num_queries(5):
        response = client.get("/api/v1/organizations?limit=2&offset=1", **headers)

    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (6, 2, 1)
    assert [(o["id"], o["parent_id"]) for o in body["items"]] == [
        (tree.commune_a.pk, tree.province.pk),
        (tree.cell_a1.pk, tree.commune_a.pk),
    ]


# Bad input


@pytest.fixture
def office_head(tree):
    return factories.user("cvp", roles=[(Role.OFFICE_HEAD, tree.province)])


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        pytest.param(
            {"kind": "xa"},
            "kind",
            "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi.",
            id="unknown-kind",
        ),
        pytest.param(
            {"established_on": "2025-02-30"},
            "established_on",
            "Nhập một ngày hợp lệ.",
            id="impossible-date",
        ),
        pytest.param({"name": "   "}, "name", "Trường này là bắt buộc.", id="blank-name"),
        pytest.param({"code": "X" * 33}, "code", "Tối đa 32 ký tự.", id="code-too-long"),
    ],
)
def test_bad_input_is_400_and_creates_nothing(api, tree, office_head, body, field, message):
    """GIVEN an office head of the province
    WHEN creating an organization with an unknown kind, an impossible date, a blank name or an
    overlong code
    THEN 400 naming the field in Vietnamese, and nothing changed."""
    before = state()

    response = api(
        "post",
        "/organizations",
        office_head,
        json={"parent": tree.commune_a.pk, **NEW_CELL, **body},
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert response.json()["message"] == "Dữ liệu gửi lên không hợp lệ."
    assert errors(response) == [(field, message)]
    assert state() == before


def test_missing_fields_are_listed_each(api, tree, office_head):
    """GIVEN an office head WHEN posting only a parent THEN one error per missing field."""
    response = api("post", "/organizations", office_head, json={"parent": tree.commune_a.pk})

    assert response.status_code == 400
    assert errors(response) == [
        ("name", "Trường này là bắt buộc."),
        ("code", "Trường này là bắt buộc."),
        ("kind", "Trường này là bắt buộc."),
    ]


def test_null_name_in_a_patch_is_refused(api, tree, office_head):
    """GIVEN an office head WHEN a PATCH sends name null THEN 400 and the name stays."""
    before = state()

    response = api("patch", f"/organizations/{tree.commune_a.pk}", office_head, json={"name": None})

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["name"]
    assert state() == before


def test_creating_under_a_dissolved_organization_is_400(api, tree, office_head):
    """GIVEN a dissolved commune WHEN creating a cell under it
    THEN 400 with the service's code and Vietnamese message, and nothing changed."""
    Organization.objects.filter(pk=tree.commune_b.pk).update(status=OrgStatus.DISSOLVED)
    before = state()

    response = api(
        "post", "/organizations", office_head, json={"parent": tree.commune_b.pk, **NEW_CELL}
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "not_active",
        "message": "Tổ chức này không còn hoạt động.",
    }
    assert state() == before


def test_out_of_range_paging_is_400(api, tree, office_head):
    response = api("get", "/organizations?limit=0", office_head)

    assert response.status_code == 400
    assert errors(response) == [("limit", "Số này nằm ngoài phạm vi cho phép.")]


def test_kind_is_listed_in_the_schema(client):
    """GIVEN the OpenAPI schema WHEN reading the input of POST /organizations
    THEN kind lists exactly the organization kinds."""
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["components"]["schemas"]["OrganizationIn"]["properties"]["kind"]["enum"] == list(
        OrgKind.values
    )
