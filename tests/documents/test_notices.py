"""A new arrival reaches those who route the register; each kind of news has its own kind, so a
user can choose which come by e-mail."""

import pytest

from vanphong.core.models import Notification

pytestmark = pytest.mark.django_db


def test_a_new_arrival_notifies_whoever_routes_it(office):
    document = office.register()

    rows = Notification.objects.filter(kind="document_arrived")
    assert {n.user for n in rows} == {office.head, office.leader}  # not the clerk who entered it
    assert all(document.summary[:20] in n.title for n in rows)
    assert all(n.url.endswith(f"/van-ban/den/{document.pk}/") for n in rows)


def test_a_classified_arrival_reaches_only_the_cleared_and_says_nothing_of_its_content(office):
    document = office.register(summary="Kế hoạch bảo vệ bí mật", confidentiality=2)

    rows = Notification.objects.filter(kind="document_arrived")
    assert {n.user for n in rows} == {office.leader}  # the office head has no clearance
    assert "bảo vệ bí mật" not in rows.get().title
    assert f"{document.number}/{document.year}" in rows.get().title


def test_issuing_is_its_own_kind(office):
    document = office.issued()

    issued = Notification.objects.filter(kind="document_issued")
    assert [n.user for n in issued] == [document.drafted_by]
    assert document.symbol in issued.get().title
