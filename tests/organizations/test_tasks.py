import datetime

import pytest

from tests.factories import Role, user
from vanphong.core.models import Notification
from vanphong.organizations.services import procedures
from vanphong.organizations.tasks import notify_probation_due

pytestmark = pytest.mark.django_db


def test_staff_hear_once_about_members_completing_probation(tree, monkeypatch):
    """GIVEN a probationary member whose 12 months end in 20 days, and another in 5 months
    WHEN the daily task runs twice THEN the office hears once, about the first only."""
    office = user("cv", roles=[(Role.SPECIALIST, tree.province)], email="cv@vanphong.local")
    sibling = user("other", roles=[(Role.SPECIALIST, tree.commune_b)])
    monkeypatch.setattr("vanphong.organizations.tasks.today", lambda: datetime.date(2026, 11, 23))
    profile = {"gender": "male", "birth_date": datetime.date(1995, 1, 1)}
    procedures.admit_member(
        acting_user=None,
        organization=tree.cell_a1,
        admitted_on=datetime.date(2025, 12, 13),
        full_name="Đinh Công Tráng",
        card_number="26100001",
        **profile,
    )
    procedures.admit_member(
        acting_user=None,
        organization=tree.cell_a1,
        admitted_on=datetime.date(2026, 4, 20),
        full_name="Lò Văn Giàng",
        card_number="26100002",
        **profile,
    )
    Notification.objects.all().delete()

    assert notify_probation_due.call() == 1
    assert notify_probation_due.call() == 0

    [notice] = Notification.objects.filter(kind="probation_due")
    assert notice.user == office
    assert notice.title == "Đinh Công Tráng hết thời gian dự bị ngày 13/12/2026"
    assert not Notification.objects.filter(user=sibling).exists()
