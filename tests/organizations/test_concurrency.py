"""Concurrent requests on PostgreSQL with real threads."""

import datetime
import threading

import pytest
from django.db import connection

from vanphong.organizations.models import Member
from vanphong.organizations.services import procedures
from vanphong.organizations.services.errors import MemberError

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_two_clerks_admitting_the_same_card_number_at_once(tree):
    """GIVEN 8 threads admitting members with one card number at the same moment
    THEN exactly one is admitted and the others get the Vietnamese 'card taken' error."""
    barrier = threading.Barrier(8)
    outcomes = []

    def admit(i):
        try:
            barrier.wait()
            procedures.admit_member(
                acting_user=None,
                organization=tree.cell_a1,
                admitted_on=datetime.date(2025, 3, 15),
                full_name=f"Đảng viên {i}",
                gender="male",
                birth_date=datetime.date(1990, 1, 1),
                card_number="26000001",
            )
            outcomes.append("ok")
        except MemberError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=admit, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(outcomes) == ["card_taken"] * 7 + ["ok"]
    assert Member.objects.filter(card_number="26000001").count() == 1
