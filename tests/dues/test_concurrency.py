"""Concurrent payments and computations on PostgreSQL with real threads."""

import datetime
import threading

import pytest
from django.db import connection

from tests import factories
from vanphong.dues.errors import DuesError
from vanphong.dues.models import LedgerLine, Payment
from vanphong.dues.services import ledger, payments, profile

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
NOV = datetime.date(2026, 11, 1)


def _run(count, target):
    barrier = threading.Barrier(count)
    outcomes = []

    def work(i):
        try:
            barrier.wait()
            target(i)
            outcomes.append("ok")
        except DuesError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(outcomes)


@pytest.fixture
def line(tree):
    from vanphong.core.models import DatedRule
    from vanphong.dues import rule_seeds

    rule_seeds.load(DatedRule)
    profile.set_category(acting_user=None, member=tree.member_a1, category="student", starts_on=NOV)
    ledger.compute_month(acting_user=None, organization=tree.cell_a1, month=NOV)
    return LedgerLine.objects.get(member=tree.member_a1, month=NOV)


def test_eight_secretaries_paying_the_same_month_at_once(line):
    """GIVEN a month of 5,000 đ WHEN 8 threads record 5,000 đ at the same moment THEN one is
    taken, the others hear the month is paid, and one receipt number is used."""
    outcomes = _run(8, lambda i: payments.record_payment(acting_user=None, line=line, value=5000))
    assert outcomes == ["already_paid"] * 7 + ["ok"]
    line.refresh_from_db()
    assert line.paid == 5000
    assert list(Payment.objects.values_list("receipt_number", flat=True)) == [1]


def test_partial_payments_at_once_never_exceed_the_due(line):
    outcomes = _run(6, lambda i: payments.record_payment(acting_user=None, line=line, value=2000))
    assert outcomes.count("ok") == 2
    line.refresh_from_db()
    assert line.paid == 4000
    assert sorted(Payment.objects.values_list("receipt_number", flat=True)) == [1, 2]


def test_two_computations_of_one_month_at_once(tree, line):
    factories.member(tree.cell_a1, "Đảng viên Thêm")
    outcomes = _run(
        4,
        lambda i: ledger.compute_month(acting_user=None, organization=tree.cell_a1, month=NOV),
    )
    assert outcomes == ["ok"] * 4
    assert LedgerLine.objects.filter(month=NOV).count() == 1
