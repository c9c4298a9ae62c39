import datetime

import pytest

from tests.factories import Role, grant, user
from vanphong.core.models import AuditEntry, Notification
from vanphong.organizations.models import (
    EventKind,
    Member,
    MemberEvent,
    MemberStatus,
    Transfer,
    TransferKind,
)
from vanphong.organizations.services import procedures
from vanphong.organizations.services.errors import MemberError

pytestmark = pytest.mark.django_db
D = datetime.date

PROFILE = {
    "full_name": "Hoàng Thị Thuỷ",
    "gender": "female",
    "birth_date": D(1995, 4, 30),
    "citizen_id": "025195000123",
    "card_number": "25012345",
}


def _admit(tree, **overrides):
    values = {**PROFILE, **overrides}
    admitted_on = values.pop("admitted_on", D(2025, 3, 15))
    return procedures.admit_member(
        acting_user=None, organization=tree.cell_a1, admitted_on=admitted_on, **values
    )


def _state():
    return (Member.objects.count(), MemberEvent.objects.count(), AuditEntry.objects.count())


def test_admission_creates_a_probationary_member_with_history(
    tree, django_capture_on_commit_callbacks
):
    secretary = user("bt", roles=[(Role.CELL_SECRETARY, tree.cell_a1)])

    with django_capture_on_commit_callbacks(execute=True):
        member = _admit(tree)

    assert member.status == MemberStatus.PROBATIONARY
    assert member.full_name == "Hoàng Thị Thủy"  # canonical tone placement
    assert list(member.events.values_list("kind", flat=True)) == [EventKind.ADMITTED]
    assert AuditEntry.objects.filter(action="member.admit", target_id=str(member.pk)).count() == 1
    assert Notification.objects.get(user=secretary).title == "Kết nạp đảng viên mới: Hoàng Thị Thủy"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"card_number": "taken"}, "card_taken"),
        ({"citizen_id": "12345"}, "citizen_id_format"),
        ({"birth_date": D(2010, 1, 1)}, "too_young"),
        ({"admitted_on": D(1990, 1, 1)}, "birth_after_admission"),
        ({"admitted_on": D(2099, 1, 1)}, "future_date"),
    ],
)
def test_bad_admission_changes_nothing(tree, overrides, code):
    if overrides.get("card_number") == "taken":
        overrides = {"card_number": tree.member_a1.card_number}
    before = _state()

    with pytest.raises(MemberError) as error:
        _admit(tree, **overrides)

    assert error.value.code == code
    assert _state() == before


def test_admission_into_a_committee_is_refused(tree):
    with pytest.raises(MemberError) as error:
        procedures.admit_member(
            acting_user=None, organization=tree.commune_a, admitted_on=D(2025, 3, 15), **PROFILE
        )
    assert error.value.code == "not_a_cell"
    assert str(error.value) == "Đảng viên phải sinh hoạt tại một chi bộ."


def test_official_recognition_after_12_months_only(tree):
    member = _admit(tree)

    with pytest.raises(MemberError) as error:
        procedures.recognize_official(acting_user=None, member=member, on=D(2026, 3, 14))
    assert str(error.value) == (
        "Thời gian dự bị là 12 tháng: đảng viên này được xét công nhận chính thức từ ngày 15/03/2026."
    )

    procedures.recognize_official(acting_user=None, member=member, on=D(2026, 3, 15))
    member.refresh_from_db()
    assert (member.status, member.official_on) == (MemberStatus.OFFICIAL, D(2026, 3, 15))

    with pytest.raises(MemberError) as again:
        procedures.recognize_official(acting_user=None, member=member, on=D(2026, 4, 1))
    assert again.value.code == "not_probationary"


def test_list_of_those_due_for_official_recognition(tree):
    early = _admit(tree, admitted_on=D(2025, 10, 1))
    late = _admit(
        tree, admitted_on=D(2025, 12, 20), card_number="25099999", citizen_id="025195000999"
    )
    _admit(tree, admitted_on=D(2026, 6, 1), card_number="25088888", citizen_id="025195000888")

    due = procedures.due_for_official(Member.objects.all(), D(2026, 11, 23))

    assert list(due) == [early, late]  # within 30 days, overdue first; June 2026 not yet


def test_official_transfer_inside_vanphong_moves_the_member(
    tree, django_capture_on_commit_callbacks
):
    office = user("cv", roles=[(Role.SPECIALIST, tree.commune_b)])
    member = tree.member_a1

    with django_capture_on_commit_callbacks(execute=True):
        transfer = procedures.transfer_member(
            acting_user=None,
            member=member,
            kind=TransferKind.OFFICIAL,
            on=D(2026, 1, 9),
            to_organization=tree.cell_b1,
        )

    member.refresh_from_db()
    assert member.organization == tree.cell_b1
    assert transfer.from_organization == tree.cell_a1
    kinds = set(member.events.values_list("kind", flat=True))
    assert {EventKind.TRANSFER_OFFICIAL, EventKind.TRANSFER_IN} <= kinds
    assert Notification.objects.filter(user=office).count() == 1


def test_official_transfer_outside_marks_transferred_out(tree):
    member = tree.member_a1
    procedures.transfer_member(
        acting_user=None,
        member=member,
        kind=TransferKind.OFFICIAL,
        on=D(2026, 1, 9),
        to_organization_name="Đảng bộ Quân sự tỉnh",
    )
    member.refresh_from_db()
    assert member.status == MemberStatus.TRANSFERRED_OUT
    with pytest.raises(MemberError) as error:
        procedures.remove_member(acting_user=None, member=member, on=D(2026, 2, 1), reason="x")
    assert error.value.code == "not_active"


def test_temporary_transfer_keeps_the_member_home(tree):
    member = tree.member_a1
    procedures.transfer_member(
        acting_user=None,
        member=member,
        kind=TransferKind.TEMPORARY,
        on=D(2026, 1, 9),
        to_organization=tree.cell_b1,
        returns_on=D(2026, 7, 9),
    )
    member.refresh_from_db()
    assert member.organization == tree.cell_a1 and member.status == MemberStatus.OFFICIAL


def test_transfer_to_the_same_cell_is_refused_and_changes_nothing(tree):
    before = (_state(), Transfer.objects.count())
    with pytest.raises(MemberError) as error:
        procedures.transfer_member(
            acting_user=None,
            member=tree.member_a1,
            kind=TransferKind.OFFICIAL,
            on=D(2026, 1, 9),
            to_organization=tree.cell_a1,
        )
    assert error.value.code == "same_organization"
    assert (_state(), Transfer.objects.count()) == before


def test_exemption_and_its_end(tree):
    member = tree.member_a1
    procedures.exempt_member(
        acting_user=None, member=member, starts_on=D(2026, 1, 1), reason="Tuổi cao, sức yếu"
    )
    with pytest.raises(MemberError) as twice:
        procedures.exempt_member(
            acting_user=None, member=member, starts_on=D(2026, 2, 1), reason="x"
        )
    assert twice.value.code == "already_exempt"

    procedures.end_exemption(acting_user=None, member=member, on=D(2026, 6, 30))
    assert procedures.current_exemption(member, D(2026, 7, 1)) is None
    assert procedures.current_exemption(member, D(2026, 3, 1)) is not None


def test_removal_and_death_keep_the_record(tree):
    procedures.remove_member(
        acting_user=None, member=tree.member_a1, on=D(2026, 3, 1), reason="Bỏ sinh hoạt 3 tháng"
    )
    procedures.record_death(acting_user=None, member=tree.member_a2, on=D(2026, 3, 2))

    assert Member.objects.get(pk=tree.member_a1.pk).status == MemberStatus.REMOVED
    assert Member.objects.get(pk=tree.member_a2.pk).status == MemberStatus.DECEASED


def test_positions_are_recorded_with_their_term(tree):
    grant(user("x"), Role.MEMBER, tree.cell_a1)
    position = procedures.assign_position(
        acting_user=None,
        member=tree.member_a1,
        organization=tree.cell_a1,
        title="secretary",
        starts_on=D(2025, 5, 15),
    )
    assert position.get_title_display() == "Bí thư"
    assert tree.member_a1.events.filter(kind=EventKind.POSITION).count() == 1


def test_admission_into_a_dissolved_cell_is_refused(tree):
    from vanphong.organizations.services import orgs

    orgs.dissolve_organization(
        acting_user=None, organization=tree.cell_a2, on=datetime.date(2025, 7, 1)
    )
    tree.cell_a2.refresh_from_db()
    with pytest.raises(MemberError) as error:
        procedures.admit_member(
            acting_user=None,
            organization=tree.cell_a2,
            admitted_on=datetime.date(2025, 8, 1),
            full_name="Phạm Minh Châu",
            gender="female",
            birth_date=datetime.date(1995, 5, 5),
        )
    assert error.value.code == "cell_not_active"
    assert error.value.message
