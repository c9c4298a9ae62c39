"""Pages that edit a member's profile and manage organizations (views_manage): a good POST changes
the record through its service (audit entry, redirect, Vietnamese message); a bad one answers 400
with a Vietnamese message and changes nothing; the access matrix covers every page and POST.

The target is cell A1 of commune A, its member and its committee term. Users hold a role at a
sibling cell (A2), at the parent commune (office head; specialist, who may change members but not
organizations; clerk, who may only look), at a party group under cell A1, and at cell A1 itself
(office head; cell secretary)."""

import datetime

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tests.factories import Role, member, org, user
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import (
    CommitteeTerm,
    Member,
    MemberStatus,
    Organization,
    OrgKind,
    OrgStatus,
)
from vanphong.organizations.services import orgs
from vanphong.organizations.services.members import today

pytestmark = pytest.mark.django_db
D = datetime.date

USERS = {
    "sibling": (Role.OFFICE_HEAD, "cell_a2"),
    "parent": (Role.OFFICE_HEAD, "commune_a"),
    "parent_specialist": (Role.SPECIALIST, "commune_a"),
    "parent_clerk": (Role.CLERK, "commune_a"),
    "child": (Role.OFFICE_HEAD, "group"),
    "own": (Role.OFFICE_HEAD, "cell_a1"),
    "own_secretary": (Role.CELL_SECRETARY, "cell_a1"),
}
ORG_CHANGERS = {"parent", "own"}
MEMBER_CHANGERS = {"parent", "parent_specialist", "own"}
ORG_VIEWERS = {"parent", "parent_specialist", "parent_clerk", "own", "own_secretary"}
IMPORTERS_HERE = {"parent", "parent_specialist", "own"}
IMPORTERS_ANYWHERE = {"sibling", "parent", "parent_specialist", "child", "own"}


class World:
    """The tree, a party group under cell A1, and a running committee term of cell A1."""

    def __init__(self, tree):
        self.tree = tree
        self.centre, self.province = tree.centre, tree.province
        self.commune_a, self.commune_b = tree.commune_a, tree.commune_b
        self.cell_a1, self.cell_a2, self.cell_b1 = tree.cell_a1, tree.cell_a2, tree.cell_b1
        self.member_a1, self.member_a2 = tree.member_a1, tree.member_a2
        self.group = org(tree.cell_a1, "Tổ đảng số 1", "TĐ", OrgKind.PARTY_GROUP)
        self.term = orgs.add_term(
            acting_user=None, organization=tree.cell_a1, name="2020–2025", starts_on=D(2020, 10, 1)
        )


@pytest.fixture
def world(tree):
    return World(tree)


def _login_as(client, world, who):
    if who == "anonymous":
        return None
    role, where = USERS[who]
    u = user(who, roles=[(role, getattr(world, where))])
    client.force_login(u)
    return u


def _state():
    """Everything the pages could change."""
    return (
        list(
            Organization.objects.order_by("pk").values_list(
                "pk",
                "path",
                "name",
                "code",
                "kind",
                "status",
                "established_on",
                "ended_on",
                "merged_into_id",
            )
        ),
        list(
            CommitteeTerm.objects.order_by("pk").values_list("pk", "name", "starts_on", "ends_on")
        ),
        list(Member.objects.order_by("pk").values()),
        AuditEntry.objects.count(),
    )


def _profile(m: Member, **changes) -> dict:
    """The edit form's POST data for `m` as it is, with `changes`."""
    data = {
        "full_name": m.full_name,
        "gender": m.gender,
        "birth_date": m.birth_date.strftime("%d/%m/%Y"),
        "ethnicity": m.ethnicity,
        "religion": m.religion,
        "hometown": m.hometown,
        "citizen_id": m.citizen_id or "",
        "card_number": m.card_number or "",
        "education": m.education,
        "professional_level": m.professional_level,
        "theory_level": m.theory_level,
        "phone": m.phone,
    }
    return {**data, **changes}


def _url(name, obj):
    return reverse(f"organizations:{name}", args=[obj.pk])


# page → (URL of the target, users allowed)
PAGES = {
    "member_edit": (lambda w: _url("member_edit", w.member_a1), MEMBER_CHANGERS),
    "organization_create": (lambda w: _url("organization_create", w.cell_a1), ORG_CHANGERS),
    "organization_edit": (lambda w: _url("organization_edit", w.cell_a1), ORG_CHANGERS),
    "organization_merge": (lambda w: _url("organization_merge", w.cell_a1), ORG_CHANGERS),
    "organization_dissolve": (lambda w: _url("organization_dissolve", w.cell_a1), ORG_CHANGERS),
    "term_add": (lambda w: _url("term_add", w.cell_a1), ORG_CHANGERS),
    "term_edit": (lambda w: _url("term_edit", w.term), ORG_CHANGERS),
}

# POST → (page, valid data, {user: status} for the users allowed; everyone else 404)
POSTS = {
    "member_edit": (
        lambda w: _profile(w.member_a1, hometown="Xã Bảo Thắng, tỉnh Lào Cai"),
        dict.fromkeys(MEMBER_CHANGERS, 302),
    ),
    "organization_create": (
        lambda w: {"name": "Tổ đảng số 2", "code": "TĐ", "kind": OrgKind.PARTY_GROUP},
        dict.fromkeys(ORG_CHANGERS, 302),
    ),
    "organization_edit": (
        lambda w: {"name": "Chi bộ thôn Làng Mới 2", "code": "CB", "kind": OrgKind.CELL},
        dict.fromkeys(ORG_CHANGERS, 302),
    ),
    # The head of cell A1 may change it but not cell A2: the merge target is outside their scope.
    "organization_merge": (
        lambda w: {"into": w.cell_a2.pk, "on": "01/07/2025"},
        {"parent": 302, "own": 400},
    ),
    "organization_dissolve": (
        lambda w: {"on": "01/07/2025", "confirm": "on"},
        dict.fromkeys(ORG_CHANGERS, 302),
    ),
    "term_add": (
        lambda w: {"name": "2025–2030", "starts_on": "01/10/2025"},
        dict.fromkeys(ORG_CHANGERS, 302),
    ),
    "term_edit": (lambda w: {"ends_on": "30/09/2025"}, dict.fromkeys(ORG_CHANGERS, 302)),
}


# --- access matrix -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", [*USERS, "anonymous"])
@pytest.mark.parametrize("page", PAGES)
def test_page_access(client, world, page, who):
    """GIVEN a user of a sibling, the parent (with and without the role), a child, the own cell
    (with and without the role), or nobody
    WHEN they open a management page about cell A1, its member or its term
    THEN exactly the allowed users get the form; others 404; anonymous users go to the login."""
    url_of, allowed = PAGES[page]
    _login_as(client, world, who)

    response = client.get(url_of(world))

    if who == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("core:login"))
    else:
        assert response.status_code == (200 if who in allowed else 404)


@pytest.mark.parametrize("who", [*USERS, "anonymous"])
@pytest.mark.parametrize("endpoint", POSTS)
def test_post_access(client, world, endpoint, who):
    """GIVEN every kind of user
    WHEN they post a valid change about cell A1, its member or its term
    THEN only the allowed users change anything (302); others get 404 (anonymous: the login
    page), or 400 when the merge target is outside their scope, and nothing changed."""
    url_of, _allowed = PAGES[endpoint]
    data_of, outcomes = POSTS[endpoint]
    _login_as(client, world, who)
    before = _state()

    response = client.post(url_of(world), data_of(world))

    if who == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("core:login"))
    else:
        assert response.status_code == outcomes.get(who, 404)
    if response.status_code == 302 and who != "anonymous":
        assert _state() != before
    else:
        assert _state() == before


def test_missing_records_answer_like_forbidden_ones(client, world):
    """GIVEN the parent's office head
    WHEN they open or post to the pages of a member, an organization and a term that do not exist
    THEN each answers 404, as for records they may not see."""
    _login_as(client, world, "parent")
    names = [
        "member_edit",
        "organization_create",
        "organization_edit",
        "organization_merge",
        "organization_dissolve",
        "term_add",
        "term_edit",
    ]
    urls = [reverse(f"organizations:{name}", args=[999999]) for name in names]

    assert {client.get(url).status_code for url in urls} == {404}
    assert {client.post(url, {"on": "01/07/2025"}).status_code for url in urls} == {404}


@pytest.mark.parametrize("who", sorted(ORG_VIEWERS))
def test_organization_page_shows_the_buttons_only_to_those_allowed(client, world, who):
    """GIVEN every kind of user who may open cell A1's page
    WHEN they open it
    THEN the management buttons and term links appear exactly for those who may change the
    organization, the import links for those who may import members into it."""
    _login_as(client, world, who)

    text = client.get(_url("organization_detail", world.cell_a1)).text

    management = [
        _url("organization_edit", world.cell_a1),
        _url("organization_create", world.cell_a1),
        _url("organization_merge", world.cell_a1),
        _url("organization_dissolve", world.cell_a1),
        _url("term_add", world.cell_a1),
        _url("term_edit", world.term),
        f"{reverse('organizations_xlsx:organization_import')}?to_chuc={world.cell_a1.pk}",
    ]
    imports = [
        f"{reverse('organizations_xlsx:member_import')}?to_chuc={world.cell_a1.pk}",
        reverse("organizations_xlsx:template"),
    ]
    assert [url in text for url in management] == [who in ORG_CHANGERS] * len(management)
    assert [url in text for url in imports] == [who in IMPORTERS_HERE] * len(imports)


def test_closed_organization_offers_only_editing(client, world):
    """GIVEN cell A1, dissolved, and its office head
    WHEN they open its page
    THEN they may still edit it and its terms, but not create under, merge or dissolve it."""
    orgs.dissolve_organization(acting_user=None, organization=world.cell_a1, on=D(2025, 7, 1))
    _login_as(client, world, "parent")

    text = client.get(_url("organization_detail", world.cell_a1)).text

    assert _url("organization_edit", world.cell_a1) in text
    assert _url("term_edit", world.term) in text
    assert _url("organization_create", world.cell_a1) not in text
    assert _url("organization_merge", world.cell_a1) not in text
    assert _url("organization_dissolve", world.cell_a1) not in text


@pytest.mark.parametrize("who", sorted({"parent", "parent_specialist", "parent_clerk", "own"}))
def test_member_profile_offers_editing_only_to_those_allowed(client, world, who):
    """GIVEN users who may open the profile of member A1
    WHEN they open it
    THEN the edit link appears exactly for those who may change members."""
    _login_as(client, world, who)

    text = client.get(_url("member_detail", world.member_a1)).text

    assert (_url("member_edit", world.member_a1) in text) == (who in MEMBER_CHANGERS)


@pytest.mark.parametrize("who", [*USERS])
def test_member_list_offers_import_only_to_importers(client, world, who):
    """GIVEN every kind of user who may open the member list
    WHEN they open it
    THEN the XLSX import and template links appear exactly for those who may import."""
    _login_as(client, world, who)

    response = client.get(reverse("organizations:member_list"))

    assert response.status_code == 200
    for url in (
        reverse("organizations_xlsx:member_import"),
        reverse("organizations_xlsx:template"),
    ):
        assert (url in response.text) == (who in IMPORTERS_ANYWHERE)


# --- member profile ----------------------------------------------------------------------------


@pytest.fixture
def head(client, world):
    """The office head of commune A, logged in."""
    return _login_as(client, world, "parent")


def _follow(client, response):
    return client.get(response.url).text


def test_member_edit_form_shows_the_profile(client, world, head):
    """GIVEN member A1
    WHEN the office head opens the edit page
    THEN the form holds the member's values, with Vietnamese labels."""
    response = client.get(_url("member_edit", world.member_a1))

    form = response.context["form"]
    assert form.initial["full_name"] == "Nguyễn Thị Hòa"
    assert form.initial["card_number"] == world.member_a1.card_number
    assert "Số thẻ đảng viên" in response.text
    assert "Ngày sinh" in response.text


def test_member_edit_saves_the_changes_with_an_audit_entry(client, world, head):
    """GIVEN member A1
    WHEN the office head changes the hometown, the date of birth (typed dd/mm/yyyy) and the
    education level
    THEN the profile holds them, one audit entry records before and after, and the profile page
    says so."""
    m = world.member_a1
    old_birth = m.birth_date
    data = _profile(
        m,
        hometown="Xã Bảo Thắng, tỉnh Lào Cai",
        birth_date="15/03/1980",
        education="upper_secondary",
    )

    response = client.post(_url("member_edit", m), data)

    assert response.status_code == 302
    assert response.url == _url("member_detail", m)
    m.refresh_from_db()
    assert (m.hometown, m.birth_date, m.education) == (
        "Xã Bảo Thắng, tỉnh Lào Cai",
        D(1980, 3, 15),
        "upper_secondary",
    )
    entry = AuditEntry.objects.get(action="member.update", target_id=str(m.pk))
    assert entry.actor == head
    assert entry.before["birth_date"] == old_birth.isoformat()
    assert entry.after["birth_date"] == "1980-03-15"
    assert entry.after["hometown"] == "Xã Bảo Thắng, tỉnh Lào Cai"
    assert _("The profile was saved.") in _follow(client, response)


def test_member_edit_stores_names_nfc_with_the_canonical_tone_placement(client, world, head):
    """GIVEN member A1
    WHEN the name is sent decomposed (NFD) with the new tone placement (kiểu mới, "Thuỷ")
    THEN it is stored NFC, canonical (kiểu cũ, "Thủy")."""
    import unicodedata

    name = unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ")

    client.post(_url("member_edit", world.member_a1), _profile(world.member_a1, full_name=name))

    world.member_a1.refresh_from_db()
    assert world.member_a1.full_name == "Nguyễn Thị Thủy"


def test_member_edit_without_changes_writes_nothing(client, world, head):
    """GIVEN member A1 (whose name is stored "Hòa")
    WHEN the form is sent back unchanged, even with the new tone placement "Hoà"
    THEN no audit entry is written and the profile says nothing changed."""
    before = _state()

    response = client.post(
        _url("member_edit", world.member_a1),
        _profile(world.member_a1, full_name="Nguyễn Thị Hoà"),
    )

    assert response.status_code == 302
    assert _state() == before
    assert _("Nothing was changed.") in _follow(client, response)


@pytest.mark.parametrize(
    ("changes", "code", "field", "message"),
    [
        ({"birth_date": "30/02/1980"}, None, "birth_date", "Nhập một ngày hợp lệ."),
        ({"birth_date": "1980-02-30"}, None, "birth_date", "Nhập một ngày hợp lệ."),
        ({"birth_date": "01/01/2099"}, "future_date", "birth_date", "Ngày này ở tương lai."),
        ({"birth_date": "01/01/2024"}, "birth_after_admission", "birth_date", None),
        (
            {"card_number": "DUP"},
            "card_taken",
            "card_number",
            "Số thẻ đảng viên này đã được sử dụng.",
        ),
        ({"citizen_id": "DUP"}, "citizen_id_taken", "citizen_id", "Số CCCD này đã được sử dụng."),
        ({"citizen_id": "12345"}, "citizen_id_format", "citizen_id", "Số CCCD phải gồm đúng 12"),
        ({"full_name": ""}, None, "full_name", None),
    ],
)
def test_bad_member_edit_shows_the_message_and_changes_nothing(
    client, world, head, changes, code, field, message
):
    """GIVEN member A1 and member A2 (whose card and CCCD numbers are taken)
    WHEN the form carries an impossible date, a duplicate number or another bad value
    THEN 400, the Vietnamese message next to the field, and nothing changed."""
    taken = {"card_number": world.member_a2.card_number, "citizen_id": world.member_a2.citizen_id}
    changes = {key: taken[key] if value == "DUP" else value for key, value in changes.items()}
    before = _state()

    response = client.post(
        _url("member_edit", world.member_a1), _profile(world.member_a1, **changes)
    )

    assert response.status_code == 400
    assert response.context["error_code"] == code
    assert response.context["form"].errors[field]
    if message:
        assert message in response.text
    assert _state() == before


# --- organizations -----------------------------------------------------------------------------


def test_create_a_subordinate_organization(client, world, head):
    """GIVEN commune A
    WHEN its office head creates a cell under it (establishment typed dd/mm/yyyy)
    THEN the cell exists under commune A, an audit entry records it, and its page opens with the
    success message."""
    data = {
        "name": "Chi bộ thôn Xuân Quang",
        "code": "CB",
        "kind": OrgKind.CELL,
        "established_on": "01/07/2025",
    }

    response = client.post(_url("organization_create", world.commune_a), data)

    created = Organization.objects.get(name="Chi bộ thôn Xuân Quang")
    assert response.status_code == 302
    assert response.url == _url("organization_detail", created)
    assert Organization.objects.get_parent(created).pk == world.commune_a.pk
    assert (created.kind, created.code, created.established_on) == (
        OrgKind.CELL,
        "CB",
        D(2025, 7, 1),
    )
    entry = AuditEntry.objects.get(action="organization.create", target_id=str(created.pk))
    assert entry.actor == head
    assert _("The organization was created.") in _follow(client, response)


def test_create_under_a_dissolved_organization_is_refused(client, world, head):
    """GIVEN cell A2, dissolved
    WHEN the office head creates a party group under it
    THEN 400, "no longer active", nothing changed."""
    orgs.dissolve_organization(acting_user=None, organization=world.cell_a2, on=D(2025, 7, 1))
    before = _state()

    response = client.post(
        _url("organization_create", world.cell_a2),
        {"name": "Tổ đảng mới", "code": "TĐ", "kind": OrgKind.PARTY_GROUP},
    )

    assert response.status_code == 400
    assert response.context["error_code"] == "not_active"
    assert "Tổ chức này không còn hoạt động." in response.text
    assert _state() == before


def test_create_form_does_not_offer_a_second_centre(client, world, head):
    """GIVEN commune A
    WHEN the office head asks for a new Central Committee under it
    THEN 400 (not a choice), nothing changed."""
    before = _state()

    response = client.post(
        _url("organization_create", world.commune_a),
        {"name": "Trung ương 2", "code": "TW", "kind": OrgKind.CENTRAL},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["kind"]
    assert _state() == before


def test_edit_an_organization(client, world, head):
    """GIVEN commune B
    WHEN the office head of the province changes its name, code and kind
    THEN they are saved, one audit entry records them, and the page says so."""
    client.force_login(user("cvp_tinh", roles=[(Role.OFFICE_HEAD, world.province)]))
    data = {"name": "Đảng bộ phường Sa Pa", "code": "ĐUP", "kind": OrgKind.GRASSROOTS}

    response = client.post(_url("organization_edit", world.commune_b), data)

    world.commune_b.refresh_from_db()
    assert response.status_code == 302
    assert (world.commune_b.name, world.commune_b.code, world.commune_b.kind) == (
        "Đảng bộ phường Sa Pa",
        "ĐUP",
        OrgKind.GRASSROOTS,
    )
    entry = AuditEntry.objects.get(action="organization.update", target_id=str(world.commune_b.pk))
    assert (entry.before["name"], entry.after["name"]) == (
        "Đảng bộ xã Sa Pa",
        "Đảng bộ phường Sa Pa",
    )
    assert _("The organization was saved.") in _follow(client, response)


def test_edit_without_changes_writes_nothing(client, world, head):
    """GIVEN cell A1
    WHEN its edit form is sent back unchanged
    THEN no audit entry, and the page says nothing changed."""
    before = _state()
    data = {"name": "Chi bộ thôn Làng Mới", "code": "CB", "kind": OrgKind.CELL}

    response = client.post(_url("organization_edit", world.cell_a1), data)

    assert response.status_code == 302
    assert _state() == before
    assert _("Nothing was changed.") in _follow(client, response)


def test_a_cell_with_members_stays_a_cell(client, world, head):
    """GIVEN cell A1, which has members
    WHEN the office head tries to make it a commune committee
    THEN 400 (members attend cells), nothing changed."""
    before = _state()

    response = client.post(
        _url("organization_edit", world.cell_a1),
        {"name": "Chi bộ thôn Làng Mới", "code": "CB", "kind": OrgKind.COMMUNE},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["kind"]
    assert _state() == before


def test_merge_moves_members_and_closes_the_organization(client, world, head):
    """GIVEN cells A1 and A2 of commune A
    WHEN the office head merges A1 into A2 on 01/07/2025
    THEN A1 is closed as merged into A2 on that day, its members attend A2, an audit entry
    records it, and A2's page opens with the success message."""
    response = client.post(
        _url("organization_merge", world.cell_a1), {"into": world.cell_a2.pk, "on": "01/07/2025"}
    )

    world.cell_a1.refresh_from_db()
    world.member_a1.refresh_from_db()
    assert response.status_code == 302
    assert response.url == _url("organization_detail", world.cell_a2)
    assert (world.cell_a1.status, world.cell_a1.merged_into_id, world.cell_a1.ended_on) == (
        OrgStatus.MERGED,
        world.cell_a2.pk,
        D(2025, 7, 1),
    )
    assert world.member_a1.organization_id == world.cell_a2.pk
    entry = AuditEntry.objects.get(action="organization.merge", target_id=str(world.cell_a1.pk))
    assert entry.actor == head
    message = _("%(name)s was merged into %(target)s.") % {
        "name": "Chi bộ thôn Làng Mới",
        "target": "Chi bộ thôn Phú Hà",
    }
    assert message in _follow(client, response)


def test_merge_menu_lists_nearby_organizations_of_the_same_level(client, world, head):
    """GIVEN the province's office head and cell A1
    WHEN they open the merge page
    THEN the menu lists the other cells of the province, not A1 itself nor other levels."""
    client.force_login(user("cvp_tinh", roles=[(Role.OFFICE_HEAD, world.province)]))

    response = client.get(_url("organization_merge", world.cell_a1))

    offered = [label for value, label in response.context["form"].fields["into"].choices if value]
    assert offered == ["Chi bộ thôn Phú Hà (CB)", "Chi bộ tổ dân phố 1 (CB)"]


@pytest.mark.parametrize(
    ("source", "target", "code", "message"),
    [
        ("cell_a1", "cell_a1", "same_organization", "Không thể hợp nhất một tổ chức vào chính nó."),
        (
            "commune_a",
            "cell_a1",
            "merge_into_descendant",
            "Không thể hợp nhất một tổ chức vào tổ chức trực thuộc của nó.",
        ),
        ("cell_a1", "group", "merge_into_descendant", "tổ chức trực thuộc của nó"),
    ],
)
def test_bad_merge_shows_the_message_and_changes_nothing(
    client, world, source, target, code, message
):
    """GIVEN the province's office head
    WHEN they merge an organization into itself or into one of its own subordinates
    THEN 400, the Vietnamese message, nothing changed."""
    client.force_login(user("cvp_tinh", roles=[(Role.OFFICE_HEAD, world.province)]))
    before = _state()

    response = client.post(
        _url("organization_merge", getattr(world, source)),
        {"into": getattr(world, target).pk, "on": "01/07/2025"},
    )

    assert response.status_code == 400
    assert response.context["error_code"] == code
    assert message in response.text
    assert _state() == before


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"on": "31/04/2025"}, "on", "Nhập một ngày hợp lệ."),
        ({"on": ""}, "on", None),
        (
            {"into": "CLOSED"},
            "into",
            gettext_lazy("Choose an active organization that you manage."),
        ),
    ],
)
def test_merge_with_bad_input_changes_nothing(client, world, head, data, field, message):
    """GIVEN the office head of commune A
    WHEN the merge form has an impossible date, no date, or a dissolved cell as target
    THEN 400 with the error next to the field, nothing changed."""
    closed = org(world.commune_a, "Chi bộ thôn Cũ", "CB", OrgKind.CELL)
    orgs.dissolve_organization(acting_user=None, organization=closed, on=D(2025, 1, 1))
    data = {"into": world.cell_a2.pk, "on": "01/07/2025", **data}
    if data["into"] == "CLOSED":
        data["into"] = closed.pk
    before = _state()

    response = client.post(_url("organization_merge", world.cell_a1), data)

    assert response.status_code == 400
    assert response.context["form"].errors[field]
    if message:
        assert str(message) in response.text
    assert _state() == before


def test_merge_target_outside_the_scope_is_refused(client, world):
    """GIVEN the office head of cell A1 (who may not change cell A2)
    WHEN they merge cell A1 into cell A2
    THEN 400, a Vietnamese message, nothing changed."""
    _login_as(client, world, "own")
    before = _state()

    response = client.post(
        _url("organization_merge", world.cell_a1), {"into": world.cell_a2.pk, "on": "01/07/2025"}
    )

    assert response.status_code == 400
    assert str(_("Choose an active organization that you manage.")) in response.text
    assert _state() == before


def test_dissolve_closes_the_organization(client, world, head):
    """GIVEN the party group under cell A1
    WHEN the office head dissolves it on 01/07/2025, confirming
    THEN it is dissolved on that day, an audit entry records it, and its page says so."""
    response = client.post(
        _url("organization_dissolve", world.group), {"on": "01/07/2025", "confirm": "on"}
    )

    world.group.refresh_from_db()
    assert response.status_code == 302
    assert response.url == _url("organization_detail", world.group)
    assert (world.group.status, world.group.ended_on) == (OrgStatus.DISSOLVED, D(2025, 7, 1))
    entry = AuditEntry.objects.get(action="organization.dissolve", target_id=str(world.group.pk))
    assert entry.actor == head
    page = _follow(client, response)
    assert _("The organization was dissolved.") in page
    assert _("Dissolved on %(date)s") % {"date": "01/07/2025"} in page


def test_dissolve_page_warns_about_active_members(client, world, head):
    """GIVEN cell A1 with one active member
    WHEN the office head opens its dissolution page
    THEN it warns that members still belong to it."""
    response = client.get(_url("organization_dissolve", world.cell_a1))

    warning = ngettext(
        "%(count)s active member still belongs to it: transfer them first.",
        "%(count)s active members still belong to it: transfer them first.",
        1,
    )
    assert warning % {"count": 1} in response.text


def test_dissolving_an_already_dissolved_organization_is_refused(client, world, head):
    """GIVEN the party group, dissolved on 01/01/2025
    WHEN the office head dissolves it again
    THEN 400, "no longer active", nothing changed."""
    orgs.dissolve_organization(acting_user=None, organization=world.group, on=D(2025, 1, 1))
    before = _state()

    response = client.post(
        _url("organization_dissolve", world.group), {"on": "01/07/2025", "confirm": "on"}
    )

    assert response.status_code == 400
    assert response.context["error_code"] == "not_active"
    assert "Tổ chức này không còn hoạt động." in response.text
    assert _state() == before


@pytest.mark.parametrize(
    ("data", "field", "code", "message"),
    [
        ({"on": "01/07/2025"}, "confirm", None, None),
        ({"on": "29/02/2025", "confirm": "on"}, "on", None, "Nhập một ngày hợp lệ."),
        ({"on": "01/01/2019", "confirm": "on"}, "on", "end_before_start", "Ngày kết thúc trước"),
    ],
)
def test_bad_dissolution_changes_nothing(client, world, head, data, field, code, message):
    """GIVEN the party group, established on 01/01/2020
    WHEN the dissolution is not confirmed, has an impossible date or a date before the
    establishment
    THEN 400 with the Vietnamese message, nothing changed."""
    Organization.objects.filter(pk=world.group.pk).update(established_on=D(2020, 1, 1))
    before = _state()

    response = client.post(_url("organization_dissolve", world.group), data)

    assert response.status_code == 400
    assert response.context["error_code"] == code
    assert response.context["form"].errors[field]
    if message:
        assert message in response.text
    assert _state() == before


# --- committee terms ---------------------------------------------------------------------------


def test_add_a_term_closes_the_running_one(client, world, head):
    """GIVEN cell A1 with the term 2020–2025 running since 01/10/2020
    WHEN the office head adds the term 2025–2030 from 01/10/2025
    THEN the new term exists, the old one ends on 30/09/2025, both are audited, and the page
    lists both with the success message."""
    response = client.post(
        _url("term_add", world.cell_a1), {"name": "2025–2030", "starts_on": "01/10/2025"}
    )

    assert response.status_code == 302
    assert response.url == _url("organization_detail", world.cell_a1) + "#nhiem-ky"
    terms = list(
        CommitteeTerm.objects.filter(organization=world.cell_a1)
        .order_by("starts_on")
        .values_list("name", "starts_on", "ends_on")
    )
    assert terms == [
        ("2020–2025", D(2020, 10, 1), D(2025, 9, 30)),
        ("2025–2030", D(2025, 10, 1), None),
    ]
    assert AuditEntry.objects.filter(action="term.create", actor=head).count() == 1
    assert AuditEntry.objects.filter(action="term.close", actor=head).count() == 1
    page = _follow(client, response)
    assert _("The committee term was added.") in page
    assert "30/09/2025" in page


@pytest.mark.parametrize(
    ("data", "field", "code", "message"),
    [
        (
            {"name": "2025–2030", "starts_on": "01/10/2025", "ends_on": "30/09/2025"},
            "ends_on",
            "term_dates",
            "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.",
        ),
        (
            {"name": "2015–2021", "starts_on": "01/10/2015", "ends_on": "01/10/2021"},
            None,
            "term_overlap",
            "Nhiệm kỳ này trùng với một nhiệm kỳ khác của tổ chức.",
        ),
        (
            {"name": "2020–2025", "starts_on": "01/10/2020"},
            None,
            "term_overlap",
            "Nhiệm kỳ này trùng với một nhiệm kỳ khác của tổ chức.",
        ),
        ({"name": "2025–2030", "starts_on": "31/09/2025"}, "starts_on", None, "Nhập một ngày"),
        ({"name": "", "starts_on": "01/10/2025"}, "name", None, None),
    ],
)
def test_bad_term_changes_nothing(client, world, head, data, field, code, message):
    """GIVEN cell A1 with the term 2020–2025 running since 01/10/2020
    WHEN a term ends before it starts, overlaps the running one, has an impossible date or no
    name
    THEN 400, the Vietnamese message, nothing changed (the running term is not closed)."""
    before = _state()

    response = client.post(_url("term_add", world.cell_a1), data)

    assert response.status_code == 400
    assert response.context["error_code"] == code
    errors = response.context["form"].errors
    assert errors[field or "__all__"]
    if message:
        assert message in response.text
    assert _state() == before


def test_edit_a_terms_end_date(client, world, head):
    """GIVEN the running term 2020–2025 of cell A1
    WHEN the office head sets its end date to 30/09/2025
    THEN it is saved, audited with before and after, and the page says so."""
    response = client.post(_url("term_edit", world.term), {"ends_on": "30/09/2025"})

    world.term.refresh_from_db()
    assert response.status_code == 302
    assert world.term.ends_on == D(2025, 9, 30)
    entry = AuditEntry.objects.get(action="term.update", target_id=str(world.term.pk))
    assert (entry.actor, entry.before["ends_on"], entry.after["ends_on"]) == (
        head,
        None,
        "2025-09-30",
    )
    assert _("The end date of the term was saved.") in _follow(client, response)


def test_term_end_unchanged_writes_nothing(client, world, head):
    """GIVEN the running term of cell A1 (no end date)
    WHEN the form is sent back empty
    THEN nothing is written and the page says nothing changed."""
    before = _state()

    response = client.post(_url("term_edit", world.term), {"ends_on": ""})

    assert response.status_code == 302
    assert _state() == before
    assert _("Nothing was changed.") in _follow(client, response)


@pytest.mark.parametrize(
    ("ends_on", "code", "message"),
    [
        ("30/09/2020", "term_dates", "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."),
        ("", "term_overlap", "Nhiệm kỳ này trùng với một nhiệm kỳ khác của tổ chức."),
        ("01/10/2026", "term_overlap", "Nhiệm kỳ này trùng với một nhiệm kỳ khác của tổ chức."),
        ("31/02/2025", None, "Nhập một ngày hợp lệ."),
    ],
)
def test_bad_term_end_changes_nothing(client, world, head, ends_on, code, message):
    """GIVEN cell A1's terms 2020–2025 (ended 30/09/2025) and 2025–2030 (from 01/10/2025)
    WHEN the first term's end is set before its start, cleared, or pushed into the next term,
    or is an impossible date
    THEN 400, the Vietnamese message, nothing changed."""
    orgs.add_term(
        acting_user=None, organization=world.cell_a1, name="2025–2030", starts_on=D(2025, 10, 1)
    )
    before = _state()

    response = client.post(_url("term_edit", world.term), {"ends_on": ends_on})

    assert response.status_code == 400
    assert response.context["error_code"] == code
    assert message in response.text
    assert _state() == before


def test_term_of_a_sibling_organization_cannot_be_edited(client, world):
    """GIVEN the office head of cell A2 and a term of cell A1
    WHEN they post a new end date for it
    THEN 404 and nothing changed."""
    _login_as(client, world, "sibling")
    before = _state()

    response = client.post(_url("term_edit", world.term), {"ends_on": "30/09/2025"})

    assert response.status_code == 404
    assert _state() == before


def test_today_is_accepted_as_a_dissolution_date(client, world, head):
    """GIVEN the party group
    WHEN it is dissolved today, typed as the date picker sends it (ISO)
    THEN it is dissolved on today's date."""
    client.post(
        _url("organization_dissolve", world.group),
        {"on": today().isoformat(), "confirm": "on"},
    )

    world.group.refresh_from_db()
    assert (world.group.status, world.group.ended_on) == (OrgStatus.DISSOLVED, today())


def test_member_of_a_removed_status_can_still_be_corrected(client, world, head):
    """GIVEN a member removed from the party
    WHEN the office head corrects the hometown
    THEN the correction is saved (the profile keeps the history right)."""
    removed = member(world.cell_a1, "Đinh Văn Cũ", status=MemberStatus.REMOVED)

    response = client.post(_url("member_edit", removed), _profile(removed, hometown="Sa Pa"))

    removed.refresh_from_db()
    assert response.status_code == 302
    assert removed.hometown == "Sa Pa"
