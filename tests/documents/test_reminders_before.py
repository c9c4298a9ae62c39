"""The reminder before a deadline: sent once per assignment, on the first day the deadline is
within the dated rule's days (document_deadline/due_soon_days), never earlier; on the fixed day
of the suite (25/11/2026) and the days around it."""

import datetime

import pytest

from tests.clock import TODAY
from vanphong.core import rules
from vanphong.core.models import Notification
from vanphong.documents.registers import dashboard
from vanphong.documents.services import incoming
from vanphong.documents.services.reminders import send_deadline_reminders

DAY = datetime.timedelta(days=1)


def _before(user) -> list[str]:
    return list(
        Notification.objects.filter(
            user=user, kind="document_deadline", title__startswith="Đến hạn"
        ).values_list("title", flat=True)
    )


@pytest.fixture
def routed(office):
    """Deadline on 29/11/2026, lead the specialist, co-handler the cleared one, reader the clerk."""
    document = office.register(summary="Báo cáo sơ kết")
    incoming.assign(
        acting_user=office.head,
        document=document,
        lead=office.specialist,
        co_handlers=[office.cleared_specialist],
        readers=[office.clerk],
        deadline=TODAY + 4 * DAY,
    )
    Notification.objects.all().delete()
    return document


def test_the_reminder_comes_three_days_before_once_and_not_a_day_earlier(office, routed):
    assert dashboard.soon_days(TODAY) == 3  # the seeded rule, in force since 2017
    assert send_deadline_reminders(TODAY) == 0  # 29/11 is four days ahead of 25/11
    assert _before(office.specialist) == []
    assert send_deadline_reminders(TODAY + DAY) == 2  # 26/11: lead and co-handler
    assert _before(office.specialist) == ["Đến hạn ngày 29/11/2026: 1/2026 — Báo cáo sơ kết"]
    assert len(_before(office.cleared_specialist)) == 1
    assert _before(office.clerk) == []  # a reader has no deadline
    for day in (TODAY + DAY, TODAY + 2 * DAY, TODAY + 3 * DAY, TODAY + 4 * DAY):
        assert send_deadline_reminders(day) == 0, day  # once per assignment
    assert send_deadline_reminders(TODAY + 5 * DAY) == 2  # 30/11: overdue, daily from now


def test_a_deadline_set_within_the_window_is_reminded_on_the_next_run(office):
    document = office.register(summary="Khẩn")
    incoming.assign(
        acting_user=office.head, document=document, lead=office.specialist, deadline=TODAY
    )
    Notification.objects.all().delete()
    assert send_deadline_reminders(TODAY) == 1
    assert _before(office.specialist) == ["Đến hạn ngày 25/11/2026: 1/2026 — Khẩn"]


def test_routing_again_makes_new_assignments_reminded_again(office, routed):
    assert send_deadline_reminders(TODAY + DAY) == 2
    incoming.assign(
        acting_user=office.head, document=routed, lead=office.specialist, deadline=TODAY + 5 * DAY
    )
    assert send_deadline_reminders(TODAY + DAY) == 0  # 30/11 is four days ahead of 26/11
    assert send_deadline_reminders(TODAY + 2 * DAY) == 1


def test_the_days_ahead_are_a_dated_rule(office, routed):
    """From 27/11/2026 the office reminds five days ahead: the day before, three days still rule."""
    rules.set_rule(
        acting_user=None,
        table="document_deadline",
        key="due_soon_days",
        effective_from=TODAY + 2 * DAY,
        value={"days": 5},
        source="Quyết định của Văn phòng",
    )
    document = office.register(summary="Chuẩn bị hội nghị")
    incoming.assign(
        acting_user=office.head, document=document, lead=office.specialist, deadline=TODAY + 8 * DAY
    )  # 03/12/2026
    Notification.objects.all().delete()
    assert dashboard.soon_days(TODAY + DAY) == 3 and dashboard.soon_days(TODAY + 2 * DAY) == 5
    assert send_deadline_reminders(TODAY + DAY) == 2  # 29/11 within 3 days of 26/11; 03/12 not
    assert send_deadline_reminders(TODAY + 2 * DAY) == 0  # 27/11 + 5 = 02/12
    assert send_deadline_reminders(TODAY + 3 * DAY) == 1  # 28/11 + 5 = 03/12
    soon = dashboard.narrow(
        dashboard.open_assignments(office.head), dashboard.SOON, TODAY + 3 * DAY
    )
    assert set(soon.values_list("document__summary", flat=True)) == {
        "Báo cáo sơ kết",
        "Chuẩn bị hội nghị",
    }  # the dashboard's window is the same rule


def test_a_rule_value_out_of_bounds_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        rules.set_rule(
            acting_user=None,
            table="document_deadline",
            key="due_soon_days",
            effective_from=TODAY,
            value={"days": -1},
        )
