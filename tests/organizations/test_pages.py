"""Pages of the organization tree and of members: what they show, and to whom."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _

from tests.factories import Role, member, org, user
from vanphong.core.models import Notification
from vanphong.organizations.models import (
    ActivityGap,
    Gender,
    MemberStatus,
    OrgKind,
    PositionTitle,
)
from vanphong.organizations.services import orgs, procedures
from vanphong.organizations.services.members import today

pytestmark = pytest.mark.django_db
D = datetime.date


def _login(client, username, **kwargs):
    u = user(username, **kwargs)
    client.force_login(u)
    return u


def _names(response):
    return [m.full_name for m in response.context["page"]]


# --- organization tree -------------------------------------------------------------------------


def test_tree_shows_the_scope_roots_with_active_member_counts(client, tree):
    """GIVEN a specialist of commune A, whose cells hold one active and one removed member more
    WHEN they open the tree
    THEN only commune A is a root, with its active members counted (the removed one not)."""
    member(tree.cell_a1, "Phạm Thị Removed", status=MemberStatus.REMOVED)
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:tree"))

    assert response.status_code == 200
    nodes = response.context["nodes"]
    assert [(n.name, n.active_members) for n in nodes] == [("Đảng bộ xã Bảo Thắng", 2)]
    assert "Đảng bộ xã Sa Pa" not in response.text
    assert reverse("organizations:tree_children", args=[tree.commune_a.pk]) in response.text


def test_tree_children_fragment_lists_children_with_counts(client, tree):
    """GIVEN a provincial office head
    WHEN the tree loads the children of the province
    THEN both communes come, each with its own active-member count, as a fragment."""
    member(tree.cell_b1, "Võ Văn Thêm")
    _login(client, "cvp", roles=[(Role.OFFICE_HEAD, tree.province)])

    response = client.get(reverse("organizations:tree_children", args=[tree.province.pk]))

    assert response.status_code == 200
    assert [(n.name, n.active_members) for n in response.context["nodes"]] == [
        ("Đảng bộ xã Bảo Thắng", 2),
        ("Đảng bộ xã Sa Pa", 2),
    ]
    assert "<html" not in response.text


def test_tree_counts_are_true_figures_for_whoever_may_open_the_node(client, tree):
    """GIVEN an archivist of the province (organizations only, no member access)
    WHEN they open the tree
    THEN the province shows its true count: a count is a fact about the organization, while the
    member records behind it stay closed to them."""
    _login(client, "lt", roles=[(Role.ARCHIVIST, tree.province)])

    response = client.get(reverse("organizations:tree"))

    assert [(n.name, n.active_members) for n in response.context["nodes"]] == [
        ("Đảng bộ tỉnh Lào Cai", 3)
    ]
    record = reverse("organizations:member_detail", args=[tree.member_a1.pk])
    assert client.get(record).status_code == 404


def test_a_member_sees_the_true_figures_of_the_cell_and_its_committee(client, tree):
    """GIVEN a member of a cell of 3 whose secretary is another member
    WHEN the member opens the cell's page
    THEN it shows 3 members and the secretary by name, says the member may open 1 of 3 records,
    and links only the member's own record."""
    from vanphong.organizations.models import Position, PositionTitle

    cell = tree.cell_a1
    secretary = member(cell, "Phạm Văn Bí")
    member(cell, "Đỗ Thị Lan")
    Position.objects.create(
        organization=cell, member=secretary, title=PositionTitle.SECRETARY, starts_on=D(2025, 1, 1)
    )
    user = _login(client, "dv", roles=[(Role.MEMBER, cell)])
    user.member = tree.member_a1
    user.save()

    response = client.get(reverse("organizations:organization_detail", args=[cell.pk]))

    page = response.content.decode()
    assert response.context["active_members"] == 3
    assert [p.member.full_name for p in response.context["positions"]] == ["Phạm Văn Bí"]
    assert "Phạm Văn Bí" in page
    assert reverse("organizations:member_detail", args=[secretary.pk]) not in page
    assert reverse("organizations:member_detail", args=[tree.member_a1.pk]) in page
    assert "Đồng chí xem được hồ sơ của 1 trong số 3 đảng viên của chi bộ." in page


def test_tree_children_run_a_fixed_number_of_queries(client, tree):
    """GIVEN a province with 2 communes, then with 6 communes
    WHEN the province's children are loaded
    THEN the same number of queries runs."""
    _login(client, "cvp", roles=[(Role.OFFICE_HEAD, tree.province)])
    url = reverse("organizations:tree_children", args=[tree.province.pk])
    client.get(url)  # the session slides on the first request (core.sessions)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(4):
        commune = org(tree.province, f"Đảng bộ xã Mới {i}", "ĐU", OrgKind.COMMUNE)
        member(org(commune, "Chi bộ thôn 1", "CB", OrgKind.CELL))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(response.context["nodes"]) == 6
    assert len(many.captured_queries) == len(few.captured_queries)


def test_tree_shows_merged_and_dissolved_organizations_as_such(client, tree):
    """GIVEN cell A2 merged into cell A1 and cell B1 dissolved
    WHEN an office head of the province opens the children of each commune
    THEN the merged cell says into which and when, the dissolved one says when."""
    orgs.merge_organization(
        acting_user=None, organization=tree.cell_a2, into=tree.cell_a1, on=D(2025, 7, 1)
    )
    orgs.dissolve_organization(acting_user=None, organization=tree.cell_b1, on=D(2025, 8, 1))
    _login(client, "cvp", roles=[(Role.OFFICE_HEAD, tree.province)])

    commune_a = client.get(reverse("organizations:tree_children", args=[tree.commune_a.pk]))
    commune_b = client.get(reverse("organizations:tree_children", args=[tree.commune_b.pk]))

    assert (
        _("Merged into %(name)s on %(date)s")
        % {
            "name": "Chi bộ thôn Làng Mới",
            "date": "01/07/2025",
        }
        in commune_a.text
    )
    assert _("Dissolved on %(date)s") % {"date": "01/08/2025"} in commune_b.text


def test_organization_page_shows_chain_children_terms_positions_and_history(client, tree):
    """GIVEN commune A with a term, a secretary, and a specialist of commune A
    WHEN the specialist opens cell A1's page
    THEN the visible part of the chain (commune A only), the cell's members, the committee,
    the counts and the history are shown."""
    orgs.add_term(
        acting_user=None, organization=tree.cell_a1, name="2025–2030", starts_on=D(2025, 5, 1)
    )
    procedures.assign_position(
        acting_user=None,
        member=tree.member_a1,
        organization=tree.cell_a1,
        title=PositionTitle.SECRETARY,
        starts_on=D(2025, 5, 15),
    )
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:organization_detail", args=[tree.cell_a1.pk]))

    assert response.status_code == 200
    ctx = response.context
    assert [a.name for a in ctx["ancestors"]] == ["Đảng bộ xã Bảo Thắng"]
    assert [m.full_name for m in ctx["members"]] == ["Nguyễn Thị Hòa"]
    assert [(p.get_title_display(), p.member.full_name) for p in ctx["positions"]] == [
        ("Bí thư", "Nguyễn Thị Hòa")
    ]
    assert ctx["current_term"].name == "2025–2030"
    assert ctx["active_members"] == 1
    assert [h.action for h in ctx["history"]] == ["term.create"]
    assert "Đảng bộ tỉnh Lào Cai" not in response.text
    assert "admit_form" in ctx


def test_organization_page_hides_history_and_admission_without_the_roles(client, tree):
    """GIVEN a clerk of commune A (may view, no audit, no procedures)
    WHEN they open cell A1's page
    THEN there is neither history nor admission form."""
    _login(client, "vt", roles=[(Role.CLERK, tree.commune_a)])

    response = client.get(reverse("organizations:organization_detail", args=[tree.cell_a1.pk]))

    assert response.status_code == 200
    assert response.context["history"] is None
    assert "admit_form" not in response.context


# --- member list -------------------------------------------------------------------------------


@pytest.fixture
def people(tree):
    """Members of commune A with known genders, ages, statuses and positions."""
    day = today()
    for tree_member, gender in ((tree.member_a1, Gender.FEMALE), (tree.member_a2, Gender.MALE)):
        tree_member.gender, tree_member.birth_date = gender, D(1975, 3, 3)
        tree_member.save()
    young = member(
        tree.cell_a1,
        "Đặng Văn Đông",
        gender=Gender.MALE,
        birth_date=D(day.year - 25, 1, 1),
        admitted_on=D(day.year - 3, 1, 1),
    )
    old = member(
        tree.cell_a2,
        "Đặng Thị Đào",
        gender=Gender.FEMALE,
        birth_date=D(day.year - 65, 1, 1),
        status=MemberStatus.PROBATIONARY,
    )
    dang = member(tree.cell_a2, "Đang Văn Dang", gender=Gender.MALE, birth_date=D(1980, 6, 1))
    procedures.assign_position(
        acting_user=None,
        member=dang,
        organization=tree.cell_a2,
        title=PositionTitle.SECRETARY,
        starts_on=D(2024, 1, 1),
    )
    return {"young": young, "old": old, "dang": dang}


def test_member_list_is_limited_to_the_scope_and_sorted_by_name(client, tree, people):
    """GIVEN members in communes A and B, and a specialist of commune A
    WHEN they open the member list
    THEN only commune A's members are listed, in Vietnamese name order (given name first)."""
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:member_list"))

    assert response.status_code == 200
    assert _names(response) == [
        "Đang Văn Dang",
        "Đặng Thị Đào",
        "Đặng Văn Đông",
        "Trần Văn Đức",
        "Nguyễn Thị Hòa",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"to_chuc": "cell_a2"}, ["Đang Văn Dang", "Đặng Thị Đào", "Trần Văn Đức"]),
        ({"trang_thai": "probationary"}, ["Đặng Thị Đào"]),
        ({"chuc_vu": "secretary"}, ["Đang Văn Dang"]),
        ({"gioi_tinh": "female"}, ["Đặng Thị Đào", "Nguyễn Thị Hòa"]),
        ({"nhom_tuoi": "duoi30"}, ["Đặng Văn Đông"]),
        ({"nhom_tuoi": "tren60"}, ["Đặng Thị Đào"]),
        ({"q": "dang"}, ["Đang Văn Dang", "Đặng Thị Đào", "Đặng Văn Đông"]),
        ({"q": "Đặng"}, ["Đặng Thị Đào", "Đặng Văn Đông", "Đang Văn Dang"]),
        ({"q": "hoà"}, ["Nguyễn Thị Hòa"]),
        ({"q": "dang", "gioi_tinh": "male", "nhom_tuoi": "duoi30"}, ["Đặng Văn Đông"]),
    ],
)
def test_member_list_filters(client, tree, people, params, expected):
    """GIVEN commune A's members
    WHEN the list is filtered (subtree, status, position, gender, age group, folded name search)
    THEN exactly the matching members come, exact spellings of the name first."""
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    if "to_chuc" in params:
        params = {**params, "to_chuc": getattr(tree, params["to_chuc"]).pk}

    response = client.get(reverse("organizations:member_list"), params)

    assert _names(response) == expected


def test_member_list_organization_picker_offers_only_visible_organizations(client, tree):
    """GIVEN a specialist of commune A
    WHEN they open the member list
    THEN the organization filter offers the whole scope, commune A and its two cells only."""
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:member_list"))

    choices = [label.strip() for _v, label in response.context["form"].fields["to_chuc"].choices]
    assert choices == [
        _("Whole scope"),
        "Đảng bộ xã Bảo Thắng",
        "Chi bộ thôn Làng Mới",
        "Chi bộ thôn Phú Hà",
    ]


def test_member_list_of_another_subtree_is_empty(client, tree):
    """GIVEN a specialist of commune A
    WHEN they filter the list by commune B's id
    THEN nothing is listed."""
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:member_list"), {"to_chuc": tree.commune_b.pk})

    assert _names(response) == []


def test_member_list_pages_by_fifty_and_keeps_the_filters(client, tree):
    """GIVEN 55 members in cell A1
    WHEN the filtered list's second page is opened
    THEN it holds the last 6 (55 + the tree's member), and the pager keeps the filter."""
    for i in range(55):
        member(tree.cell_a1, f"Bùi Văn Số {i:02d}")
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    url = reverse("organizations:member_list")

    first = client.get(url, {"to_chuc": tree.cell_a1.pk})
    second = client.get(url, {"to_chuc": tree.cell_a1.pk, "trang": 2})

    assert len(first.context["page"]) == 50
    assert len(second.context["page"]) == 6
    assert f"?to_chuc={tree.cell_a1.pk}&amp;trang=2" in first.text


@pytest.mark.parametrize("size", [5, 50])
def test_member_list_runs_a_fixed_number_of_queries(client, tree, size, django_assert_num_queries):
    """GIVEN 5, then 50 members with positions in cell A1
    WHEN the filtered member list is opened
    THEN the same fixed number of queries runs."""
    for i in range(size):
        m = member(tree.cell_a1, f"Vũ Thị Mẫu {i:02d}")
        procedures.assign_position(
            acting_user=None,
            member=m,
            organization=tree.cell_a1,
            title=PositionTitle.COMMITTEE_MEMBER,
            starts_on=D(2024, 1, 1),
        )
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    url = reverse("organizations:member_list")

    with django_assert_num_queries(10):
        response = client.get(url, {"q": "vu thi", "chuc_vu": "committee_member"})

    assert len(response.context["page"]) == size


def test_member_list_offers_the_export_only_to_those_who_may_export(client, tree):
    """GIVEN a specialist (may export) and a clerk (may not)
    WHEN each opens the filtered list
    THEN only the specialist gets the export link, with the same filters."""
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    allowed = client.get(reverse("organizations:member_list"), {"gioi_tinh": "female"})
    _login(client, "vt", roles=[(Role.CLERK, tree.commune_a)])
    refused = client.get(reverse("organizations:member_list"), {"gioi_tinh": "female"})

    export = reverse("organizations_xlsx:member_export")
    assert f'href="{export}?gioi_tinh=female"' in allowed.text
    assert export not in refused.text


def test_probation_due_lists_visible_probationary_members_due(client, tree):
    """GIVEN a probationary member of cell A1 admitted 12 months ago, another one admitted last
    month, and one due in commune B
    WHEN a specialist of commune A opens the probation list
    THEN only the first is listed, with the day the probation ends."""
    day = today()
    due = member(
        tree.cell_a1,
        "Lý Thị Đến Hạn",
        status=MemberStatus.PROBATIONARY,
        admitted_on=D(day.year - 1, day.month, 1),
    )
    member(tree.cell_a1, "Lý Văn Chưa", status=MemberStatus.PROBATIONARY, admitted_on=day)
    member(tree.cell_b1, "Lý Văn Xa", status=MemberStatus.PROBATIONARY, admitted_on=due.admitted_on)
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:probation_due"))

    assert [m.full_name for m in response.context["rows"]] == ["Lý Thị Đến Hạn"]
    assert D(day.year, day.month, 1).strftime("%d/%m/%Y") in response.text


# --- member profile and history -----------------------------------------------------------------


def test_member_profile_shows_fields_party_age_badge_and_exemption(client, tree):
    """GIVEN a member admitted on 10/03/1996 with one year outside activity, currently exempted
    WHEN a specialist of commune A opens the profile
    THEN the fields, party age (gap excluded), the next badge and the exemption are shown."""
    m = tree.member_a1
    m.admitted_on, m.hometown, m.ethnicity = D(1996, 3, 10), "Bảo Thắng, Lào Cai", "Tày"
    m.birth_date = D(1970, 5, 2)
    m.save()
    ActivityGap.objects.create(member=m, starts_on=D(2000, 1, 1), ends_on=D(2000, 12, 31))
    procedures.exempt_member(
        acting_user=None, member=m, starts_on=D(2025, 1, 1), reason="Ốm đau dài ngày"
    )
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:member_detail", args=[m.pk]))

    assert response.status_code == 200
    ctx = response.context
    day = today()
    start = D(1997, 3, 11)  # the 366 days of 2000 later
    assert ctx["party_age"] == day.year - start.year - ((day.month, day.day) < (3, 11))
    assert ctx["next_badge"].years == 30
    assert ctx["next_badge"].reached_on == D(2027, 3, 11)
    assert ctx["exemption"].reason == "Ốm đau dài ngày"
    for text in ("Bảo Thắng, Lào Cai", "Tày", "02/05/1970", "10/03/1996", "Ốm đau dài ngày"):
        assert text in response.text
    assert list(ctx["procedure_forms"]) == [
        "chuyen-sinh-hoat",
        "ket-thuc-mien",
        "chuc-vu",
        "xoa-ten",
        "tu-tran",
    ]


def test_member_profile_lists_events_newest_first_and_offers_no_procedure_to_a_viewer(client, tree):
    """GIVEN a member admitted then recognized, and a cell secretary (view only)
    WHEN the secretary opens the profile
    THEN the events are newest first and no procedure form is offered."""
    m = procedures.admit_member(
        acting_user=None,
        organization=tree.cell_a1,
        admitted_on=D(2024, 2, 1),
        full_name="Mai Văn Mới",
        gender=Gender.MALE,
        birth_date=D(1999, 1, 1),
    )
    procedures.recognize_official(acting_user=None, member=m, on=D(2025, 2, 1))
    _login(client, "btcb", roles=[(Role.CELL_SECRETARY, tree.cell_a1)])

    response = client.get(reverse("organizations:member_detail", args=[m.pk]))

    assert [e.kind for e in response.context["events"]] == ["official", "admitted"]
    assert response.context["procedure_forms"] == {}
    assert "thu-tuc" not in response.text


def test_member_history_is_readable(client, tree):
    """GIVEN a member whose gender and birth date were edited, then exempted
    WHEN a specialist opens the history
    THEN fields carry their Vietnamese names, choices their labels, dates dd/mm/yyyy, and the
    exemption's entry is there too."""
    from vanphong.organizations.services.members import update_member

    m = tree.member_a1
    m.gender = Gender.FEMALE
    m.save()
    old_birth = m.birth_date
    update_member(acting_user=None, member=m, gender=Gender.MALE, birth_date=D(1980, 12, 31))
    procedures.exempt_member(acting_user=None, member=m, starts_on=D(2025, 1, 1), reason="Ốm")
    _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])

    response = client.get(reverse("organizations:member_history", args=[m.pk]))

    assert response.status_code == 200
    history = response.context["history"]
    assert [h.action for h in history] == ["member.exempt", "member.update"]
    assert ("Giới tính", "Nữ", "Nam") in history[1].changes
    assert ("Ngày sinh", old_birth.strftime("%d/%m/%Y"), "31/12/1980") in history[1].changes
    assert ("Từ ngày", "—", "01/01/2025") in history[0].changes
    assert [e.kind for e in response.context["events"]] == ["exempted"]
    assert "Lịch sử của Nguyễn Thị Hòa" in response.text


def test_a_member_sees_their_own_profile_and_history_but_no_other(client, tree):
    """GIVEN a user who is member A1 with only the member role
    WHEN they open their own profile and history, and member A2's profile
    THEN their own pages open and the other is 404."""
    _login(client, "dv", roles=[(Role.MEMBER, tree.cell_a1)], member_=tree.member_a1)

    own = client.get(reverse("organizations:member_detail", args=[tree.member_a1.pk]))
    history = client.get(reverse("organizations:member_history", args=[tree.member_a1.pk]))
    other = client.get(reverse("organizations:member_detail", args=[tree.member_a2.pk]))

    assert (own.status_code, history.status_code, other.status_code) == (200, 200, 404)


# --- dashboard -------------------------------------------------------------------------------


def test_dashboard_counts_attention_cards_over_visible_records(client, tree):
    """GIVEN in commune A: a probationary member due, an exempted member, a member whose
    30-year badge falls in the next presentation round; the same again in commune B; and two
    unread notifications
    WHEN a specialist of commune A opens the dashboard
    THEN each card counts commune A's record only."""
    from vanphong.organizations.dashboard import previous_presentation_day
    from vanphong.organizations.milestones import add_years, next_presentation_day

    day = today()
    round_day = next_presentation_day(day)
    badge_admission = add_years(previous_presentation_day(round_day), -30) + datetime.timedelta(1)
    for cell in (tree.cell_a1, tree.cell_b1):
        member(cell, status=MemberStatus.PROBATIONARY, admitted_on=D(day.year - 2, 1, 1))
        exempted = member(cell, admitted_on=D(2010, 1, 1))
        procedures.exempt_member(
            acting_user=None, member=exempted, starts_on=D(2024, 1, 1), reason="Ốm"
        )
        member(cell, admitted_on=badge_admission)
    u = _login(client, "cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    for title in ("Một", "Hai"):
        Notification.objects.create(user=u, kind="system", title=title)

    response = client.get(reverse("core:dashboard"))

    figures = {card["label"]: card["figure"] for card in response.context["cards"]}
    assert figures == {
        _("Active party members"): 5,
        _("Probationary members due for official recognition"): 1,
        _("Members exempted from activity"): 1,
        _("Party badges to present on %(date)s") % {"date": round_day.strftime("%d/%m/%Y")}: 1,
        # a specialist handles documents too: the documents' own cards (tests/documents)
        _("Documents assigned to you"): 0,
        _("Of them overdue"): 0,
        _("Your drafts sent back to revise"): 0,
        # and runs meetings: the meetings' own cards (tests/meetings)
        _("Meetings in the next 7 days without their documents"): 0,
        _("Presentations waiting for review"): 0,
        _("Meetings held whose minutes are not signed"): 0,
        _("Meetings of the last 60 days whose conclusion notice is not issued"): 0,
        _("Members absent without reason from %(n)s meetings this year") % {"n": 3}: 0,
        _("Unread notifications"): 2,
    }
