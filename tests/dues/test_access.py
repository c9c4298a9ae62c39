"""Who sees and records the dues: the cell's secretary and the accountant above it see and
record; a member sees their own months only; every other role and organization sees nothing,
and a refused request changes nothing."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from vanphong.dues.models import LedgerLine, Payment
from vanphong.dues.services import ledger, profile

pytestmark = pytest.mark.django_db
NOV = datetime.date(2026, 11, 1)


@pytest.fixture
def computed(cell):
    colleague = factories.member(cell.cell, "Đảng viên Đồng Chi Bộ")
    for member in (cell.member, colleague):
        profile.set_category(acting_user=None, member=member, category="student", starts_on=NOV)
    ledger.compute_month(acting_user=None, organization=cell.cell, month=NOV)
    cell.colleague = colleague
    return cell


def _month_url(cell):
    return reverse("dues:month", args=[cell.pk, 2026, 11])


def _login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["secretary", "accountant"])
def test_the_secretary_and_the_accountant_see_and_record_the_cells_month(client, computed, who):
    _login(client, getattr(computed, who))
    page = client.get(_month_url(computed.cell))
    assert page.status_code == 200
    assert "Đảng viên Đồng Chi Bộ" in page.content.decode()
    preview = client.post(reverse("dues:compute", args=[computed.cell.pk, 2026, 11]))
    assert "Không có gì thay đổi." in preview.content.decode()
    line = LedgerLine.objects.get(member=computed.colleague)
    answer = client.post(
        reverse("dues:pay", args=[line.pk]),
        {"amount": "5.000", "paid_on": "25/11/2026", "channel": "cash"},
        follow=True,
    )
    assert "Biên lai số 1." in answer.content.decode()
    assert LedgerLine.objects.get(pk=line.pk).paid == 5000


def test_a_bad_payment_from_the_page_is_said_and_saves_nothing(client, computed):
    _login(client, computed.secretary)
    line = LedgerLine.objects.get(member=computed.colleague)
    for data, message in (
        ({"amount": "-1", "paid_on": "25/11/2026", "channel": "cash"}, "Số tiền không được âm."),
        ({"amount": "abc", "paid_on": "25/11/2026", "channel": "cash"}, "số nguyên đồng"),
        ({"amount": "5000", "paid_on": "32/11/2026", "channel": "cash"}, "ngày"),
        ({"amount": "5000", "paid_on": "25/11/2026", "channel": "x" * 5000}, "Lựa chọn"),
    ):
        answer = client.post(reverse("dues:pay", args=[line.pk]), data, follow=True)
        assert message.lower() in answer.content.decode().lower(), data
    assert not Payment.objects.exists()


def test_computing_from_the_page_shows_first_then_saves(client, cell):
    profile.set_category(acting_user=None, member=cell.member, category="student", starts_on=NOV)
    _login(client, cell.secretary)
    url = reverse("dues:compute", args=[cell.cell.pk, 2026, 11])
    preview = client.post(url)
    assert "Dòng mới" in preview.content.decode()
    assert not LedgerLine.objects.exists()
    saved = client.post(url, {"confirm": "1"}, follow=True)
    assert "1 dòng thay đổi" in saved.content.decode()
    assert LedgerLine.objects.get().due == 5000
    future = client.post(
        reverse("dues:compute", args=[cell.cell.pk, 2026, 12]), {"confirm": "1"}, follow=True
    )
    assert "Tháng 12/2026 chưa bắt đầu." in future.content.decode()


def test_a_member_sees_their_own_months_only(client, computed):
    _login(client, computed.member_user)
    page = client.get(reverse("dues:mine"))
    assert page.status_code == 200
    assert [line.member for line in page.context["lines"]] == [computed.member]
    assert client.get(_month_url(computed.cell)).status_code == 404
    line = LedgerLine.objects.get(member=computed.member)
    posted = client.post(reverse("dues:pay", args=[line.pk]), {"amount": "5000"})
    assert posted.status_code == 404 and not Payment.objects.exists()
    assert client.get(reverse("dues:rollup")).status_code == 404
    assert client.get(reverse("dues:flagged")).status_code == 404


@pytest.mark.parametrize("role", ["specialist", "office_head", "clerk", "leader"])
def test_other_roles_see_nothing(client, computed, tree, role):
    _login(client, factories.user("khac", roles=[(role, tree.province)]))
    assert client.get(_month_url(computed.cell)).status_code == 404
    assert client.get(reverse("dues:home")).status_code == 404
    posted = client.post(
        reverse("dues:compute", args=[computed.cell.pk, 2026, 11]), {"confirm": "1"}
    )
    assert posted.status_code == 404
    assert client.get(reverse("dues:mine")).context["no_member"]


def test_a_sibling_cells_secretary_sees_nothing_of_this_cell(client, computed, tree):
    _login(client, factories.user("bithu2", roles=[("cell_secretary", tree.cell_a2)]))
    assert client.get(_month_url(computed.cell)).status_code == 404
    line = LedgerLine.objects.get(member=computed.colleague)
    assert client.post(reverse("dues:pay", args=[line.pk]), {"amount": "5000"}).status_code == 404
    assert not Payment.objects.exists()


def test_the_accountant_reads_the_roll_up_of_the_province(client, computed, tree):
    _login(client, computed.accountant)
    page = client.get(reverse("dues:rollup") + "?nam=2026")
    assert page.status_code == 200
    assert page.context["total"].due == 10_000
    by_name = {row.organization.name: row.due for row in page.context["rows"]}
    assert by_name == {tree.commune_a.name: 10_000, tree.commune_b.name: 0}
    drill = client.get(reverse("dues:rollup") + f"?nam=2026&don_vi={tree.commune_a.pk}")
    assert {row.organization.name: row.due for row in drill.context["rows"]} == {
        tree.cell_a1.name: 10_000,
        tree.cell_a2.name: 0,
    }
    assert client.get(reverse("dues:rollup") + "?nam=abc").status_code == 404
    assert client.get(reverse("dues:rollup") + f"?don_vi={tree.centre.pk}").status_code == 404


def test_the_month_page_refuses_a_month_that_is_not_one(client, computed):
    _login(client, computed.secretary)
    assert client.get(reverse("dues:month", args=[computed.cell.pk, 2026, 13])).status_code == 404
    assert (
        client.get(reverse("dues:month", args=[computed.tree.commune_a.pk, 2026, 11])).status_code
        == 404
    )
