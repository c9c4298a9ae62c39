"""The procedure forms of the organization and member pages: a good POST changes the record, a
bad one shows a Vietnamese message with status 400 and changes nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from tests.factories import Role, member, user
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import (
    Exemption,
    Member,
    MemberEvent,
    MemberStatus,
    Position,
    Transfer,
)
from vanphong.organizations.services import procedures
from vanphong.organizations.services.members import today

pytestmark = pytest.mark.django_db
D = datetime.date
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _state():
    return tuple(
        model.objects.count()
        for model in (Member, MemberEvent, AuditEntry, Transfer, Exemption, Position)
    ) + tuple(Member.objects.order_by("pk").values_list("status", "organization_id"))


@pytest.fixture
def specialist(client, tree):
    u = user("cv", roles=[(Role.SPECIALIST, tree.commune_a)])
    client.force_login(u)
    return u


def _post(client, member_, name, data):
    url = reverse("organizations:member_procedure", args=[member_.pk, name])
    return client.post(url, data)


def _iso(day: datetime.date) -> str:
    return day.isoformat()


ADMISSION = {
    "full_name": "Hoàng Thị Thuỷ",
    "gender": "female",
    "birth_date": "1995-04-30",
    "admitted_on": "2025-03-15",
    "decision": "15-QĐ/ĐU",
    "ethnicity": "Kinh",
    "citizen_id": "025195000123",
    "card_number": "25012345",
    "education": "upper_secondary",
}


def test_admission_from_the_cell_page_creates_the_member(client, tree, specialist):
    """GIVEN a specialist of commune A
    WHEN they fill the admission form on cell A1's page
    THEN a probationary member of cell A1 exists and the browser goes to the profile."""
    response = client.post(reverse("organizations:admit", args=[tree.cell_a1.pk]), ADMISSION)

    created = Member.objects.get(card_number="25012345")
    assert response.status_code == 302
    assert response.url == reverse("organizations:member_detail", args=[created.pk])
    assert (created.full_name, created.status, created.organization_id) == (
        "Hoàng Thị Thủy",
        MemberStatus.PROBATIONARY,
        tree.cell_a1.pk,
    )
    assert created.events.get().decision == "15-QĐ/ĐU"


@pytest.mark.parametrize(
    ("target", "changes", "code", "message"),
    [
        ("cell_a1", {"birth_date": "2010-01-01"}, "too_young", "Người vào Đảng phải đủ 18 tuổi."),
        ("cell_a1", {"card_number": "00000001"}, "card_taken", None),
        ("commune_a", {}, "not_a_cell", "Đảng viên phải sinh hoạt tại một chi bộ."),
        ("cell_a1", {"admitted_on": "2025-02-30"}, None, None),
        ("cell_a1", {"full_name": ""}, None, None),
    ],
)
def test_bad_admission_shows_the_message_and_changes_nothing(
    client, tree, specialist, target, changes, code, message
):
    """GIVEN a specialist of commune A
    WHEN the admission form carries a rule violation or a malformed value
    THEN the page answers 400 with the error (its code for rule violations) and nothing changed."""
    member(tree.cell_a2, "Chủ Thẻ Cũ", card_number="00000001")
    before = _state()

    response = client.post(
        reverse("organizations:admit", args=[getattr(tree, target).pk]),
        {**ADMISSION, **changes},
    )

    assert response.status_code == 400
    assert response.context["error_code"] == code
    assert _state() == before
    if message:
        assert message in response.text
    if code is None:
        assert response.context["admit_form"].errors


def test_recognition_too_early_says_from_when(client, tree, specialist):
    """GIVEN a probationary member admitted 3 months ago
    WHEN the specialist recognizes them as official today
    THEN 400, the message gives the earliest day, nothing changed."""
    day = today()
    admitted = day - datetime.timedelta(days=90)
    m = member(tree.cell_a1, status=MemberStatus.PROBATIONARY, admitted_on=admitted)
    before = _state()

    response = _post(client, m, "cong-nhan-chinh-thuc", {"on": _iso(day)})

    assert response.status_code == 400
    assert response.context["error_code"] == "too_early"
    earliest = procedures.probation_ends_on(m).strftime("%d/%m/%Y")
    assert f"đảng viên này được xét công nhận chính thức từ ngày {earliest}" in response.text
    assert _state() == before


def test_recognition_after_twelve_months(client, tree, specialist):
    """GIVEN a probationary member admitted 13 months ago
    WHEN the specialist recognizes them as official today
    THEN they are official from today."""
    day = today()
    m = member(
        tree.cell_a1, status=MemberStatus.PROBATIONARY, admitted_on=day - datetime.timedelta(400)
    )

    response = _post(client, m, "cong-nhan-chinh-thuc", {"on": _iso(day), "decision": "7-QĐ/ĐU"})

    m.refresh_from_db()
    assert response.status_code == 302
    assert (m.status, m.official_on) == (MemberStatus.OFFICIAL, day)


def test_official_transfer_to_a_cell_moves_the_member_and_offers_the_letter(
    client, tree, specialist
):
    """GIVEN member A1 of cell A1
    WHEN the specialist transfers them officially to cell A2
    THEN the member attends cell A2, the profile offers the introduction letter, and the letter
    downloads as DOCX."""
    m = tree.member_a1
    on = today() - datetime.timedelta(days=1)

    response = _post(
        client,
        m,
        "chuyen-sinh-hoat",
        {"kind": "official", "on": _iso(on), "to_organization": tree.cell_a2.pk},
    )

    transfer = Transfer.objects.get(member=m)
    m.refresh_from_db()
    assert m.organization_id == tree.cell_a2.pk
    assert response.status_code == 302
    assert response.url == (
        reverse("organizations:member_detail", args=[m.pk]) + f"?giay_gioi_thieu={transfer.pk}"
    )
    profile = client.get(response.url)
    letter_url = reverse("organizations:transfer_letter", args=[transfer.pk])
    assert profile.context["letter_transfer"] == transfer
    assert letter_url in profile.text
    letter = client.get(letter_url)
    assert letter.status_code == 200
    assert letter["Content-Type"] == DOCX
    assert letter.content[:2] == b"PK"


def test_official_transfer_outside_marks_the_member_transferred_out(client, tree, specialist):
    """GIVEN member A1
    WHEN the specialist transfers them officially to an organization outside VanPhong
    THEN the member stays on cell A1's record, transferred out, with the receiving name kept."""
    m = tree.member_a1

    response = _post(
        client,
        m,
        "chuyen-sinh-hoat",
        {
            "kind": "official",
            "on": _iso(today()),
            "to_organization_name": "Chi bộ Sở Tài chính tỉnh Yên Bái",
            "letter_number": "12-GGT/ĐU",
        },
    )

    m.refresh_from_db()
    assert response.status_code == 302
    assert (m.status, m.organization_id) == (MemberStatus.TRANSFERRED_OUT, tree.cell_a1.pk)
    assert Transfer.objects.get(member=m).to_organization_name == "Chi bộ Sở Tài chính tỉnh Yên Bái"


@pytest.mark.parametrize(
    "destination",
    [{}, {"to_organization": "cell_a2", "to_organization_name": "Chi bộ ngoài"}],
)
def test_transfer_needs_exactly_one_destination(client, tree, specialist, destination):
    """GIVEN member A1
    WHEN the transfer names no destination, or both a cell and an outside organization
    THEN 400 with the form's Vietnamese message, nothing changed."""
    if "to_organization" in destination:
        destination = {**destination, "to_organization": tree.cell_a2.pk}
    before = _state()

    response = _post(
        client,
        tree.member_a1,
        "chuyen-sinh-hoat",
        {"kind": "temporary", "on": _iso(today()), **destination},
    )

    assert response.status_code == 400
    assert response.context["procedure_forms"]["chuyen-sinh-hoat"].non_field_errors() == [
        _("Choose a receiving cell or type the name of an organization outside, not both.")
    ]
    assert _state() == before


def test_transfer_offers_only_cells_the_user_manages(client, tree, specialist):
    """GIVEN a specialist of commune A
    WHEN they open member A1's profile, and try to transfer to commune B's cell by id
    THEN only cell A2 is offered, and the forged choice is refused with nothing changed."""
    profile = client.get(reverse("organizations:member_detail", args=[tree.member_a1.pk]))
    offered = profile.context["procedure_forms"]["chuyen-sinh-hoat"].fields["to_organization"]
    before = _state()

    response = _post(
        client,
        tree.member_a1,
        "chuyen-sinh-hoat",
        {"kind": "official", "on": _iso(today()), "to_organization": tree.cell_b1.pk},
    )

    assert list(offered.queryset) == [tree.cell_a2]
    assert response.status_code == 400
    assert _state() == before


def test_exemption_start_then_end(client, tree, specialist):
    """GIVEN member A1
    WHEN the specialist exempts them, then ends the exemption
    THEN the exemption is recorded with its dates, and the profile offers the matching form."""
    m = tree.member_a1
    start, end = today() - datetime.timedelta(days=60), today()

    first = _post(client, m, "mien-sinh-hoat", {"starts_on": _iso(start), "reason": "Ốm đau"})
    offered = list(client.get(first.url).context["procedure_forms"])
    second = _post(client, m, "ket-thuc-mien", {"on": _iso(end)})

    exemption = Exemption.objects.get(member=m)
    assert (first.status_code, second.status_code) == (302, 302)
    assert "ket-thuc-mien" in offered and "mien-sinh-hoat" not in offered
    assert (exemption.starts_on, exemption.ends_on, exemption.reason) == (start, end, "Ốm đau")


def test_second_exemption_is_refused(client, tree, specialist):
    """GIVEN member A1 already exempted
    WHEN the specialist posts another exemption
    THEN 400 with the Vietnamese message, nothing changed."""
    m = tree.member_a1
    procedures.exempt_member(acting_user=None, member=m, starts_on=D(2025, 1, 1), reason="Ốm")
    before = _state()

    response = _post(client, m, "mien-sinh-hoat", {"starts_on": "2025-02-01", "reason": "Lần hai"})

    assert response.status_code == 400
    assert response.context["error_code"] == "already_exempt"
    assert "Đảng viên này đang được miễn sinh hoạt." in response.text
    assert _state() == before


def test_removal_and_death(client, tree, specialist):
    """GIVEN members A1 and A2
    WHEN the specialist records A1's removal and A2's death
    THEN their statuses change, and neither profile offers procedures any more."""
    on = today() - datetime.timedelta(days=3)

    removed = _post(client, tree.member_a1, "xoa-ten", {"on": _iso(on), "reason": "Bỏ sinh hoạt"})
    died = _post(client, tree.member_a2, "tu-tran", {"on": _iso(on)})

    statuses = dict(Member.objects.values_list("pk", "status"))
    assert (removed.status_code, died.status_code) == (302, 302)
    assert statuses[tree.member_a1.pk] == MemberStatus.REMOVED
    assert statuses[tree.member_a2.pk] == MemberStatus.DECEASED
    assert client.get(removed.url).context["procedure_forms"] == {}


@pytest.mark.parametrize(
    ("name", "data", "code", "message"),
    [
        ("tu-tran", {"on": "2999-01-01"}, "future_date", "Ngày này ở tương lai."),
        ("xoa-ten", {"on": "2025-01-01"}, None, None),  # reason missing
        ("mien-sinh-hoat", {"starts_on": "không phải ngày", "reason": "x"}, None, None),
    ],
)
def test_bad_procedure_input_changes_nothing(client, tree, specialist, name, data, code, message):
    """GIVEN member A1
    WHEN a procedure is posted with an impossible date or a missing or malformed field
    THEN 400, the form shows the error, nothing changed."""
    before = _state()

    response = _post(client, tree.member_a1, name, data)

    assert response.status_code == 400
    assert response.context["error_code"] == code
    assert response.context["procedure_forms"][name].errors
    if message:
        assert message in response.text
    assert _state() == before


def test_procedure_on_a_removed_member_is_refused(client, tree, specialist):
    """GIVEN member A1 already removed
    WHEN the specialist posts their death
    THEN 400 with 'no longer active', nothing changed."""
    procedures.remove_member(acting_user=None, member=tree.member_a1, on=D(2025, 1, 1), reason="x")
    before = _state()

    response = _post(client, tree.member_a1, "tu-tran", {"on": "2025-02-01"})

    assert response.status_code == 400
    assert response.context["error_code"] == "not_active"
    assert "Đảng viên này không còn sinh hoạt đảng." in response.text
    assert _state() == before


def test_assign_position_in_the_cell_with_its_term(client, tree, specialist):
    """GIVEN cell A1 with a term since 2025
    WHEN the specialist makes member A1 the cell's secretary from 01/06/2025
    THEN the position is recorded in that term, and an end before the start is refused."""
    from vanphong.organizations.services import orgs

    term = orgs.add_term(
        acting_user=None, organization=tree.cell_a1, name="2025–2030", starts_on=D(2025, 5, 1)
    )
    good = {"organization": tree.cell_a1.pk, "title": "secretary", "starts_on": "2025-06-01"}

    refused = _post(client, tree.member_a1, "chuc-vu", {**good, "ends_on": "2025-01-01"})
    count_after_refusal = Position.objects.count()
    accepted = _post(client, tree.member_a1, "chuc-vu", good)

    assert (refused.status_code, refused.context["error_code"]) == (400, "end_before_start")
    assert count_after_refusal == 0
    assert accepted.status_code == 302
    position = Position.objects.get()
    assert (position.title, position.term, position.organization) == (
        "secretary",
        term,
        tree.cell_a1,
    )


def test_unknown_procedure_is_404(client, tree, specialist):
    """GIVEN a specialist
    WHEN they post to a procedure name that does not exist
    THEN 404."""
    assert _post(client, tree.member_a1, "khong-co", {}).status_code == 404


def test_position_page_checks_like_the_api(client, tree, specialist):
    """GIVEN member A1 of cell A1
    WHEN the specialist gives A1 a position in cell A2 (not the member's own line), or the same
    position twice at the same time
    THEN both are refused and nothing is recorded twice."""
    good = {"organization": tree.cell_a1.pk, "title": "secretary", "starts_on": "2025-06-01"}
    wrong_line = _post(client, tree.member_a1, "chuc-vu", {**good, "organization": tree.cell_a2.pk})
    first = _post(client, tree.member_a1, "chuc-vu", good)
    again = _post(client, tree.member_a1, "chuc-vu", good)
    assert wrong_line.status_code == 400  # the form offers only the member's own line
    assert first.status_code == 302
    assert (again.status_code, again.context["error_code"]) == (400, "already_held")
    assert Position.objects.count() == 1
