"""Merging and dissolving organizations through the API (the 2025 mergers): who may, what moves,
what is refused. A merged or dissolved organization stays in the tree with its history."""

import datetime

import pytest

from tests import factories
from tests.api.conftest import Places, errors, matrix, refused, service_error, state
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import Organization, OrgKind, OrgStatus
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

D = datetime.date
NOT_FOUND = {
    "code": "not_found",
    "message": "Không có bản ghi này, hoặc đồng chí không được phép mở.",
}
CHANGES, LACKS = Role.OFFICE_HEAD, Role.SPECIALIST


@pytest.fixture
def cell_places(tree):
    """Around cell A2: commune A above, cell A1 beside, a party group below."""
    group = factories.org(tree.cell_a2, "Tổ đảng số 2", "TĐ", OrgKind.PARTY_GROUP)
    return Places(tree.cell_a2, tree.commune_a, tree.cell_a1, group)


@pytest.fixture
def office_head(tree):
    return factories.user("cvp", roles=[(CHANGES, tree.province)])


def merge_matrix() -> list:
    """Merging cell A2 into its sibling cell A1 changes both: the role must reach both, so only
    a role at commune A (or above) may; a role at either cell alone may not."""
    return [
        pytest.param("record", True, 404, id="role-at-merged-cell-only"),
        pytest.param("parent", True, 200, id="role-at-parent"),
        pytest.param("sibling", True, 404, id="role-at-receiving-cell-only"),
        pytest.param("child", True, 404, id="role-at-child"),
        pytest.param("parent", False, 404, id="without-the-role"),
        pytest.param(None, False, 401, id="no-token"),
        pytest.param("revoked", True, 401, id="revoked-token"),
    ]


@pytest.mark.parametrize(("place", "holds_role", "expected"), merge_matrix())
def test_merge_a_cell_into_its_sibling(api, cell_places, tree, place, holds_role, expected):
    """GIVEN cells A1 and A2 of commune A, member A2 in cell A2
    WHEN a user merges cell A2 into cell A1 on 01/07/2025
    THEN only a role reaching both cells may: cell A2 is closed as merged into A1, keeps its row,
    and its member moves to A1; a refusal changes nothing."""
    u = cell_places.caller(place, holds_role, CHANGES, LACKS)
    before = state()

    response = api(
        "post",
        f"/organizations/{tree.cell_a2.pk}/merge",
        u,
        json={"into": tree.cell_a1.pk, "on": "2025-07-01"},
    )

    refused(response, expected, before)
    tree.cell_a2.refresh_from_db()
    tree.member_a2.refresh_from_db()
    if expected != 200:
        assert (tree.cell_a2.status, tree.member_a2.organization) == (
            OrgStatus.ACTIVE,
            tree.cell_a2,
        )
        return
    assert (tree.cell_a2.status, tree.cell_a2.ended_on, tree.cell_a2.merged_into) == (
        OrgStatus.MERGED,
        D(2025, 7, 1),
        tree.cell_a1,
    )
    assert tree.member_a2.organization == tree.cell_a1
    body = response.json()
    assert (body["id"], body["status"], body["ended_on"], body["merged_into_id"]) == (
        tree.cell_a2.pk,
        "merged",
        "2025-07-01",
        tree.cell_a1.pk,
    )
    assert body["parent_id"] == tree.commune_a.pk
    entry = AuditEntry.objects.get(action="organization.merge")
    assert (entry.actor, entry.after["members_moved"]) == (u, 1)


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_dissolve_a_cell(api, cell_places, tree, place, holds_role, expected):
    """GIVEN a user around cell A2 WHEN dissolving it on 01/08/2025
    THEN only office heads of its subtree may; the cell stays in the tree, closed; a refusal
    changes nothing."""
    u = cell_places.caller(place, holds_role, CHANGES, LACKS)
    before = state()

    response = api(
        "post", f"/organizations/{tree.cell_a2.pk}/dissolve", u, json={"on": "2025-08-01"}
    )

    refused(response, expected, before)
    tree.cell_a2.refresh_from_db()
    if expected != 200:
        assert tree.cell_a2.status == OrgStatus.ACTIVE
        return
    assert (tree.cell_a2.status, tree.cell_a2.ended_on) == (OrgStatus.DISSOLVED, D(2025, 8, 1))
    assert (response.json()["status"], response.json()["ended_on"]) == ("dissolved", "2025-08-01")
    entry = AuditEntry.objects.get(action="organization.dissolve")
    assert (entry.actor, entry.before["status"], entry.after["status"]) == (
        u,
        "active",
        "dissolved",
    )


def test_merging_two_communes_moves_their_cells(api, tree, office_head):
    """GIVEN communes A and B of the province WHEN an office head of the province merges commune B
    into commune A THEN commune B's cell and member now sit under commune A."""
    response = api(
        "post",
        f"/organizations/{tree.commune_b.pk}/merge",
        office_head,
        json={"into": tree.commune_a.pk, "on": "2025-07-01"},
    )

    assert response.status_code == 200
    tree.cell_b1.refresh_from_db()
    assert Organization.objects.get_parent(tree.cell_b1) == tree.commune_a
    children = api("get", f"/organizations/{tree.commune_a.pk}/children", office_head).json()
    assert [o["id"] for o in children["items"]] == [
        tree.cell_a1.pk,
        tree.cell_a2.pk,
        tree.cell_b1.pk,
    ]


def test_merge_target_missing_or_out_of_scope_answers_alike(api, tree):
    """GIVEN an office head of commune A
    WHEN merging cell A2 into a missing organization, and into cell B1 of commune B
    THEN the same 404, and nothing changed."""
    u = factories.user("cvp", roles=[(CHANGES, tree.commune_a)])
    before = state()

    missing = api(
        "post",
        f"/organizations/{tree.cell_a2.pk}/merge",
        u,
        json={"into": 999999, "on": "2025-07-01"},
    )
    hidden = api(
        "post",
        f"/organizations/{tree.cell_a2.pk}/merge",
        u,
        json={"into": tree.cell_b1.pk, "on": "2025-07-01"},
    )

    assert [(r.status_code, r.json()) for r in (missing, hidden)] == [(404, NOT_FOUND)] * 2
    assert state() == before


@pytest.mark.parametrize(
    ("org", "into", "expected"),
    [
        pytest.param(
            "cell_a2",
            "cell_a2",
            ("same_organization", "Không thể hợp nhất một tổ chức vào chính nó."),
            id="into-itself",
        ),
        pytest.param(
            "commune_a",
            "cell_a1",
            (
                "merge_into_descendant",
                "Không thể hợp nhất một tổ chức vào tổ chức trực thuộc của nó.",
            ),
            id="into-its-own-cell",
        ),
        pytest.param(
            "cell_a2",
            "cell_b1",
            ("not_active", "Tổ chức này không còn hoạt động."),
            id="into-a-dissolved-cell",
        ),
        pytest.param(
            "cell_b1",
            "cell_a1",
            ("not_active", "Tổ chức này không còn hoạt động."),
            id="already-dissolved",
        ),
    ],
)
def test_impossible_merges_change_nothing(api, tree, office_head, org, into, expected):
    """GIVEN a dissolved cell B1 WHEN merging an organization into itself, into its own cell,
    into the dissolved cell, or merging the dissolved cell THEN 400 in Vietnamese, nothing
    changed."""
    Organization.objects.filter(pk=tree.cell_b1.pk).update(
        status=OrgStatus.DISSOLVED, ended_on=D(2025, 7, 1)
    )
    before = state()

    response = api(
        "post",
        f"/organizations/{getattr(tree, org).pk}/merge",
        office_head,
        json={"into": getattr(tree, into).pk, "on": "2025-07-01"},
    )

    assert service_error(response) == (400, *expected)
    assert state() == before


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        pytest.param(
            {"on": "2015-01-01"},
            400,
            ("end_before_start", "Ngày kết thúc trước ngày thành lập."),
            id="before-establishment",
        ),
        pytest.param(
            {"on": "2025-06-31"}, 400, [("on", "Nhập một ngày hợp lệ.")], id="impossible-date"
        ),
        pytest.param(
            {"on": "2025-08-01", "reason": "x"},
            400,
            [("reason", "Không được gửi trường này ở đây.")],
            id="unknown-field",
        ),
    ],
)
def test_bad_dissolutions_change_nothing(api, tree, office_head, body, status, expected):
    """GIVEN cell A2 established on 03/02/2020 WHEN dissolved before that, on an impossible date
    or with an unknown field THEN 400 in Vietnamese, and nothing changed."""
    Organization.objects.filter(pk=tree.cell_a2.pk).update(established_on=D(2020, 2, 3))
    before = state()

    response = api("post", f"/organizations/{tree.cell_a2.pk}/dissolve", office_head, json=body)

    if isinstance(expected, list):  # field errors, else a service code and message
        assert (response.status_code, errors(response)) == (400, expected)
    else:
        assert service_error(response) == (400, *expected)
    assert state() == before
