"""The member list, an organization's page and the tree cost a fixed number of queries whatever
the number of members and cells (counted at two sizes, and below a ceiling at the larger)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import Role, member, org, user
from vanphong.organizations.models import OrgKind

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    client.get(url)  # the session slides on the first request (core.sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _grow(tree, cells: int, members_each: int) -> None:
    for c in range(cells):
        cell = org(tree.commune_a, f"Chi bộ mới {c}", "CB", OrgKind.CELL)
        for _ in range(members_each):
            member(cell)


@pytest.mark.parametrize(
    ("page", "ceiling"),
    [("member_list", 25), ("commune_page", 25), ("tree", 20), ("cell_page", 25)],
)
def test_member_and_tree_pages_cost_the_same_at_any_size(client, tree, page, ceiling):
    client.force_login(user("cvp", roles=[(Role.OFFICE_HEAD, tree.province)]))
    urls = {
        "member_list": reverse("organizations:member_list"),
        "commune_page": reverse("organizations:organization_detail", args=[tree.commune_a.pk]),
        "tree": reverse("organizations:tree"),
        "cell_page": reverse("organizations:organization_detail", args=[tree.cell_a1.pk]),
    }
    url = urls[page]
    for _ in range(3):
        member(tree.cell_a1)
    few = _queries(client, url)
    _grow(tree, 6, 8)
    for _ in range(25):
        member(tree.cell_a1)
    many = _queries(client, url)
    assert many == few, f"{page}: {few} queries, then {many}"
    assert many <= ceiling
