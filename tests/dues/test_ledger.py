"""A cell's month computed in one step: the preview saves nothing, a second run changes
nothing, a correction changes its line only; payments refuse bad input with nothing saved; the
unpaid flag counts three months of one calendar year."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from tests import factories
from vanphong.core.models import AuditEntry
from vanphong.dues import flags
from vanphong.dues.errors import DuesError
from vanphong.dues.models import LedgerLine, Payment, Relief
from vanphong.dues.services import ledger, payments, profile

pytestmark = pytest.mark.django_db
D = datetime.date
OCT, NOV = D(2026, 10, 1), D(2026, 11, 1)


@pytest.fixture
def month(cell):
    """Cell A1 with three salaried members, their October salaries entered."""
    others = [factories.member(cell.cell, f"Đảng viên {n}") for n in (1, 2)]
    cell.members = [cell.member, *others]
    for n, member in enumerate(cell.members):
        cell.salaried(member, 7_000_000 + n * 1_000_000, months=[OCT])
    return cell


def _state():
    return (
        list(LedgerLine.objects.order_by("pk").values()),
        list(Payment.objects.values()),
        AuditEntry.objects.count(),
    )


def test_the_preview_shows_what_changes_and_saves_nothing(month):
    before = _state()
    result = ledger.preview(acting_user=month.secretary, organization=month.cell, month=NOV)
    assert [c.kind for c in result.changes] == ["new"] * 3
    assert result.total_due == 70_000 + 80_000 + 90_000
    assert _state() == before


def test_computing_twice_changes_nothing_the_second_time(month):
    first = ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    assert len(first.changed) == 3
    state = _state()
    second = ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    assert second.changed == []
    assert _state() == state


def test_a_correction_changes_its_line_only_and_keeps_the_payments(month):
    ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    line = LedgerLine.objects.get(member=month.member, month=NOV)
    payments.record_payment(acting_user=month.secretary, line=line, value="50.000")
    month.basis(month.members[1], OCT, 8_200_000)
    preview = ledger.preview(acting_user=month.secretary, organization=month.cell, month=NOV)
    [change] = preview.changed
    assert (change.member, change.fields) == (month.members[1], ["basis", "base_due", "due"])
    assert (change.before["due"], change.after.due) == (80_000, 82_000)
    ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    assert LedgerLine.objects.get(member=month.members[1], month=NOV).due == 82_000
    assert LedgerLine.objects.get(member=month.member, month=NOV).paid == 50_000
    entry = AuditEntry.objects.filter(action="dues.compute").latest("pk")
    assert set(entry.before) >= {"due"} and entry.after["due"] == 82_000


def test_a_member_without_a_category_or_a_salary_is_listed_not_guessed(month):
    newcomer = factories.member(month.cell, "Đảng viên Mới")
    month.category(factories.member(month.cell, "Đảng viên Chưa Lương"), "social_insurance")
    result = ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    problems = {member.full_name: text for member, text in result.problems}
    assert problems["Đảng viên Mới"] == "Chưa có đối tượng đóng đảng phí từ tháng này."
    assert problems["Đảng viên Chưa Lương"] == "Chưa nhập số tiền của tháng 10/2026."
    assert not LedgerLine.objects.filter(member=newcomer).exists()


def test_a_member_who_left_loses_an_unpaid_line_and_keeps_a_paid_one(month):
    ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    paid = LedgerLine.objects.get(member=month.members[2], month=NOV)
    payments.record_payment(acting_user=month.secretary, line=paid, value=paid.due)
    for member in month.members[1:]:
        member.status, member.status_changed_on = "transferred_out", D(2026, 10, 20)
        member.save()
    result = ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    assert sorted(c.kind for c in result.changed) == ["removed", "removed"]
    assert set(LedgerLine.objects.values_list("member_id", flat=True)) == {
        month.member.pk,
        month.members[2].pk,
    }


def test_a_future_month_another_organization_and_another_role_are_refused(month, tree):
    with pytest.raises(DuesError) as error:
        ledger.compute_month(
            acting_user=month.secretary, organization=month.cell, month=D(2026, 12, 1)
        )
    assert error.value.message == "Tháng 12/2026 chưa bắt đầu."
    with pytest.raises(PermissionDenied):
        ledger.compute_month(acting_user=month.secretary, organization=tree.cell_a2, month=NOV)
    with pytest.raises(DuesError):
        ledger.compute_month(acting_user=None, organization=tree.commune_a, month=NOV)
    specialist = factories.user("cv", roles=[("specialist", tree.province)])
    with pytest.raises(PermissionDenied):
        ledger.preview(acting_user=specialist, organization=month.cell, month=NOV)
    assert not LedgerLine.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5000", "Số tiền không được âm."),
        (-5000, "Số tiền không được âm."),
        ("năm mươi", "Số tiền phải là số nguyên đồng."),
        ("70000.5", "Số tiền phải là số nguyên đồng."),
        ("7e4", "Số tiền phải là số nguyên đồng."),
        ("", "Số tiền phải là số nguyên đồng."),
        ("0", "Số tiền phải lớn hơn 0 đ."),
        ("9" * 40, "Số tiền phải là số nguyên đồng."),
        ("70.001", "70.001 đ nhiều hơn số còn phải đóng của tháng 11/2026 (70.000 đ)."),
    ],
)
def test_a_bad_payment_is_refused_in_vietnamese_and_saves_nothing(month, value, message):
    ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    line = LedgerLine.objects.get(member=month.member, month=NOV)
    state = _state()
    with pytest.raises(DuesError) as error:
        payments.record_payment(acting_user=month.secretary, line=line, value=value)
    assert error.value.message == message
    assert _state() == state


def test_a_month_already_paid_the_portal_without_reference_and_dates_are_refused(month):
    ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    line = LedgerLine.objects.get(member=month.member, month=NOV)
    first = payments.record_payment(acting_user=month.secretary, line=line, value="70.000")
    assert (first.receipt_number, first.channel) == (1, "cash")
    state = _state()
    cases = [
        ({"value": 1000}, "Đảng phí tháng 11/2026 đã đóng đủ."),
        ({"value": 1000, "paid_on": D(2026, 11, 26)}, "Ngày đóng không được sau hôm nay."),
        ({"value": 1000, "paid_on": D(2026, 10, 31)}, "Ngày đóng không được trước tháng 11/2026."),
        (
            {"value": 1000, "channel": "portal"},
            "Khoản đóng qua Cổng Dịch vụ công cần có mã giao dịch.",
        ),
        ({"value": 1000, "channel": "bank"}, "Chọn nộp tiền mặt hoặc qua Cổng Dịch vụ công."),
    ]
    for kwargs, message in cases:
        with pytest.raises(DuesError) as error:
            payments.record_payment(acting_user=month.secretary, line=line, **kwargs)
        assert error.value.message == message
    assert _state() == state
    other = LedgerLine.objects.get(member=month.members[1], month=NOV)
    portal = payments.record_payment(
        acting_user=month.accountant, line=other, value=80_000, channel="portal", reference="DVC1"
    )
    assert portal.receipt_number is None
    with pytest.raises(PermissionDenied):
        payments.record_payment(acting_user=month.member_user, line=other, value=1)


def test_a_member_exempt_owes_nothing_and_no_payment_is_taken(month):
    profile.add_relief(
        acting_user=month.secretary,
        member=month.member,
        kind="exempt",
        reason="serious_illness",
        starts_on=NOV,
        ends_on=None,
        decision="09-QĐ/CB",
        decided_on=D(2026, 11, 2),
    )
    ledger.compute_month(acting_user=month.secretary, organization=month.cell, month=NOV)
    line = LedgerLine.objects.get(member=month.member, month=NOV)
    assert (line.base_due, line.due) == (70_000, 0)
    with pytest.raises(DuesError) as error:
        payments.record_payment(acting_user=month.secretary, line=line, value=1000)
    assert error.value.message == "Tháng 11/2026 không phải đóng đảng phí."


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"kind": "reduce", "percent": 50, "ends_on": D(2027, 11, 1)},
            "Miễn, giảm vì hoàn cảnh khó khăn tối đa 12 tháng (đã nhập 13 tháng).",
        ),
        (
            {"kind": "exempt", "ends_on": D(2027, 11, 1)},
            "Miễn, giảm vì hoàn cảnh khó khăn tối đa 12 tháng (đã nhập 13 tháng).",
        ),
        (
            {"kind": "reduce", "percent": 40, "ends_on": D(2027, 1, 1)},
            "Mức giảm phải là một trong các mức 30, 50, 70%.",
        ),
        (
            {"kind": "reduce", "percent": 50, "ends_on": None},
            "Miễn, giảm vì hoàn cảnh khó khăn phải có tháng kết thúc.",
        ),
        (
            {"kind": "reduce", "percent": 50, "ends_on": D(2026, 10, 1)},
            "Tháng kết thúc không được trước tháng bắt đầu.",
        ),
        (
            {"kind": "reduce", "percent": 50, "ends_on": D(2027, 1, 1), "decision": " "},
            "Nhập số quyết định.",
        ),
        (
            {"kind": "reduce", "percent": 50, "reason": "poor_household", "ends_on": D(2027, 1, 1)},
            "Chỉ hoàn cảnh khó khăn khác mới được giảm; các lý do còn lại được miễn.",
        ),
    ],
)
def test_a_relief_against_the_rules_is_refused_and_saves_nothing(month, kwargs, message):
    values = {
        "reason": "hardship",
        "starts_on": NOV,
        "decision": "10-QĐ/CB",
        "decided_on": D(2026, 11, 2),
        **kwargs,
    }
    with pytest.raises(DuesError) as error:
        profile.add_relief(acting_user=month.secretary, member=month.member, **values)
    assert error.value.message == message
    assert not Relief.objects.exists()


def test_twelve_months_are_allowed_and_an_overlap_is_not(month):
    profile.add_relief(
        acting_user=month.secretary,
        member=month.member,
        kind="reduce",
        reason="hardship",
        percent=30,
        starts_on=NOV,
        ends_on=D(2027, 10, 1),
        decision="1",
        decided_on=NOV,
    )
    with pytest.raises(DuesError) as error:
        profile.add_relief(
            acting_user=month.secretary,
            member=month.member,
            kind="exempt",
            reason="serious_illness",
            starts_on=D(2027, 3, 1),
            ends_on=None,
            decision="2",
            decided_on=NOV,
        )
    assert error.value.message == "Đảng viên đã có quyết định miễn, giảm bao gồm tháng 03/2027."
    assert Relief.objects.count() == 1


def _lines(cell, member, months, paid=()):
    for m in months:
        cell.basis(member, m - datetime.timedelta(days=1), 7_000_000)
    for m in months:
        ledger.compute_month(acting_user=None, organization=cell.cell, month=m)
    for m in paid:
        line = LedgerLine.objects.get(member=member, month=m)
        payments.record_payment(
            acting_user=None, line=line, value=line.due, paid_on=D(2026, 11, 20)
        )


def test_three_unpaid_months_of_one_year_flag_the_member(cell):
    cell.category(cell.member, "social_insurance")
    months = [D(2026, m, 1) for m in (6, 7, 8, 9)]
    _lines(cell, cell.member, months, paid=[D(2026, 7, 1)])
    [flag] = flags.flagged(cell.secretary, 2026)
    assert flag.months == [D(2026, 6, 1), D(2026, 8, 1), D(2026, 9, 1)]
    assert flags.flagged(cell.accountant, 2026)[0].member == cell.member
    other = factories.user("bithu2", roles=[("cell_secretary", cell.tree.cell_a2)])
    assert flags.flagged(other, 2026) == []
    assert flags.flagged(cell.member_user, 2026) == []


def test_two_months_do_not_flag_and_the_month_in_course_does_not_count(cell):
    cell.category(cell.member, "social_insurance")
    _lines(cell, cell.member, [D(2026, 9, 1), D(2026, 10, 1), NOV])
    assert flags.flagged(cell.secretary, 2026) == []


def test_unpaid_months_across_two_years_do_not_add_up(cell):
    cell.category(cell.member, "social_insurance")
    with_salary = [D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]
    _lines(cell, cell.member, with_salary)
    assert flags.flagged(cell.secretary, 2025) == []
    assert flags.flagged(cell.secretary, 2026) == []
    _lines(cell, cell.member, [D(2026, 3, 1)])
    assert flags.flagged(cell.secretary, 2026)[0].months == [
        D(2026, 1, 1),
        D(2026, 2, 1),
        D(2026, 3, 1),
    ]


def test_an_exempt_month_is_never_unpaid(cell):
    cell.category(cell.member, "social_insurance")
    profile.add_relief(
        acting_user=None,
        member=cell.member,
        kind="exempt",
        reason="poor_household",
        starts_on=D(2026, 7, 1),
        ends_on=None,
        decision="3",
        decided_on=D(2026, 7, 1),
    )
    _lines(cell, cell.member, [D(2026, m, 1) for m in (6, 7, 8, 9)])
    assert flags.flagged(cell.secretary, 2026) == []


def test_arrears_are_carried_to_the_later_months(cell):
    cell.category(cell.member, "social_insurance")
    _lines(cell, cell.member, [D(2026, 9, 1), D(2026, 10, 1), NOV], paid=[D(2026, 10, 1)])
    assert ledger.arrears_before([cell.member.pk], NOV) == {cell.member.pk: 70_000}
