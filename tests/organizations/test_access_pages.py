"""Access matrix of the organization and member pages.

The target is cell A1 of commune A and its members. Users hold a role at a sibling cell (A2), at
the parent commune (with a role that grants the action, and with one that does not), at a child
party group under cell A1, and at cell A1 itself as its secretary; anonymous users are sent to the
login page. Denied = 404 for a logged-in user (alike for missing and forbidden); a denied POST
changes nothing."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import Role, member, org, user
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import (
    Exemption,
    Member,
    MemberEvent,
    MemberStatus,
    OrgKind,
    Position,
    Transfer,
)
from vanphong.organizations.services import procedures
from vanphong.organizations.services.members import today

pytestmark = pytest.mark.django_db

USERS = {
    "sibling": (Role.SPECIALIST, "cell_a2"),
    "parent": (Role.SPECIALIST, "commune_a"),
    "parent_without_role": (Role.ARCHIVIST, "commune_a"),
    "child": (Role.SPECIALIST, "group"),
    "own_cell_secretary": (Role.CELL_SECRETARY, "cell_a1"),
}
EVERYONE = set(USERS)
ORG_VIEWERS = {"parent", "parent_without_role", "own_cell_secretary"}
MEMBER_VIEWERS_ANYWHERE = EVERYONE - {"parent_without_role"}
MEMBER_VIEWERS = {"parent", "own_cell_secretary"}
PROCEDURE_USERS = {"parent"}

# page name → (URL from the world, users allowed)
PAGES = {
    "tree": (lambda w: reverse("organizations:tree"), EVERYONE),
    "tree_children": (
        lambda w: reverse("organizations:tree_children", args=[w.cell_a1.pk]),
        ORG_VIEWERS,
    ),
    "organization_detail": (
        lambda w: reverse("organizations:organization_detail", args=[w.cell_a1.pk]),
        ORG_VIEWERS,
    ),
    "member_list": (lambda w: reverse("organizations:member_list"), MEMBER_VIEWERS_ANYWHERE),
    "probation_due": (lambda w: reverse("organizations:probation_due"), MEMBER_VIEWERS_ANYWHERE),
    "member_detail": (
        lambda w: reverse("organizations:member_detail", args=[w.member_a1.pk]),
        MEMBER_VIEWERS,
    ),
    "member_history": (
        lambda w: reverse("organizations:member_history", args=[w.member_a1.pk]),
        MEMBER_VIEWERS,
    ),
    "transfer_letter": (
        lambda w: reverse("organizations:transfer_letter", args=[w.transfer.pk]),
        PROCEDURE_USERS,
    ),
}


def _iso(day):
    return day.isoformat()


def _procedure(target: str, name: str, data):
    def build(w):
        url = reverse("organizations:member_procedure", args=[getattr(w, target).pk, name])
        return url, data(w)

    return build


# endpoint → builder of (URL, POST data); every one is allowed to PROCEDURE_USERS only
POSTS = {
    "admit": lambda w: (
        reverse("organizations:admit", args=[w.cell_a1.pk]),
        {
            "full_name": "Hoàng Thị Thủy",
            "gender": "female",
            "birth_date": "1995-04-30",
            "admitted_on": "2025-03-15",
            "ethnicity": "Kinh",
        },
    ),
    "recognize_official": _procedure(
        "probationer", "cong-nhan-chinh-thuc", lambda w: {"on": _iso(today())}
    ),
    "transfer": _procedure(
        "member_a1",
        "chuyen-sinh-hoat",
        lambda w: {
            "kind": "temporary",
            "on": _iso(today()),
            "to_organization_name": "Chi bộ ngoài",
        },
    ),
    "exempt": _procedure(
        "member_a1", "mien-sinh-hoat", lambda w: {"starts_on": _iso(today()), "reason": "Ốm"}
    ),
    "end_exemption": _procedure("exempted", "ket-thuc-mien", lambda w: {"on": _iso(today())}),
    "assign_position": _procedure(
        "member_a1",
        "chuc-vu",
        lambda w: {
            "organization": w.cell_a1.pk,
            "title": "secretary",
            "starts_on": "2025-06-01",
        },
    ),
    "remove": _procedure(
        "member_a1", "xoa-ten", lambda w: {"on": _iso(today()), "reason": "Vi phạm"}
    ),
    "death": _procedure("member_a1", "tu-tran", lambda w: {"on": _iso(today())}),
}


class World:
    """The tree, a party group under cell A1, and members in the states the procedures need."""

    def __init__(self, tree):
        self.cell_a1, self.cell_a2, self.commune_a = tree.cell_a1, tree.cell_a2, tree.commune_a
        self.member_a1 = tree.member_a1
        self.group = org(tree.cell_a1, "Tổ đảng số 1", "TĐ", OrgKind.PARTY_GROUP)
        self.probationer = member(
            tree.cell_a1,
            "Lương Văn Dự Bị",
            status=MemberStatus.PROBATIONARY,
            admitted_on=today() - datetime.timedelta(days=400),
        )
        self.exempted = member(tree.cell_a1, "Kha Thị Miễn")
        procedures.exempt_member(
            acting_user=None, member=self.exempted, starts_on=datetime.date(2025, 1, 1), reason="Ốm"
        )
        traveller = member(tree.cell_a1, "Tạ Văn Đi")
        self.transfer = procedures.transfer_member(
            acting_user=None,
            member=traveller,
            kind="temporary",
            on=datetime.date(2025, 2, 1),
            to_organization_name="Chi bộ Sở Y tế tỉnh Yên Bái",
        )


@pytest.fixture
def world(tree):
    return World(tree)


def _login_as(client, world, who):
    if who == "anonymous":
        return
    role, where = USERS[who]
    client.force_login(user(who, roles=[(role, getattr(world, where))]))


def _state():
    return tuple(
        model.objects.count()
        for model in (Member, MemberEvent, AuditEntry, Transfer, Exemption, Position)
    ) + tuple(Member.objects.order_by("pk").values_list("status", "organization_id"))


@pytest.mark.parametrize("who", [*USERS, "anonymous"])
@pytest.mark.parametrize("page", PAGES)
def test_page_access(client, world, page, who):
    """GIVEN a user of a sibling, the parent (with and without the role), a child, the own cell,
    or nobody
    WHEN they open the page about cell A1 or its member
    THEN exactly the allowed users get it; others 404; anonymous users go to the login page."""
    url_of, allowed = PAGES[page]
    _login_as(client, world, who)

    response = client.get(url_of(world))

    if who == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("core:login"))
    else:
        assert response.status_code == (200 if who in allowed else 404)


@pytest.mark.parametrize("who", sorted(MEMBER_VIEWERS_ANYWHERE))
def test_member_lists_show_cell_a1_members_only_to_those_who_may_see_them(client, world, who):
    """GIVEN every kind of user who may open the member list
    WHEN they open it and the probation list
    THEN cell A1's members appear exactly for the users who may open their profiles."""
    _login_as(client, world, who)

    listed = client.get(reverse("organizations:member_list"))
    due = client.get(reverse("organizations:probation_due"))

    names = [m.full_name for m in listed.context["page"]]
    assert ("Nguyễn Thị Hòa" in names) == (who in MEMBER_VIEWERS)
    assert ("Lương Văn Dự Bị" in due.text) == (who in MEMBER_VIEWERS)


@pytest.mark.parametrize("who", [*USERS, "anonymous"])
@pytest.mark.parametrize("endpoint", POSTS)
def test_post_access(client, world, endpoint, who):
    """GIVEN every kind of user
    WHEN they post a valid procedure about cell A1 or its members
    THEN only the parent's specialist changes anything (302); others get 404 (anonymous: the
    login page) and nothing changed."""
    url, data = POSTS[endpoint](world)
    _login_as(client, world, who)
    before = _state()

    response = client.post(url, data)

    if who in PROCEDURE_USERS:
        assert response.status_code == 302
        assert _state() != before
        return
    if who == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("core:login"))
    else:
        assert response.status_code == 404
    assert _state() == before


def test_missing_records_answer_like_forbidden_ones(client, world):
    """GIVEN the parent's specialist
    WHEN they open a member, an organization and a letter that do not exist
    THEN each is 404, as for records they may not see."""
    _login_as(client, world, "parent")
    urls = [
        reverse("organizations:member_detail", args=[999999]),
        reverse("organizations:organization_detail", args=[999999]),
        reverse("organizations:transfer_letter", args=[999999]),
        reverse("organizations:member_procedure", args=[999999, "tu-tran"]),
    ]

    assert [client.get(u).status_code for u in urls[:3]] == [404, 404, 404]
    assert client.post(urls[3], {"on": "2025-01-01"}).status_code == 404
