"""The pages that list things cost a fixed number of queries whatever their size: a register, the
lists, the deadline dashboard and the dashboard read each page in a bounded number of statements
(counted at two sizes, and below a ceiling at the larger one)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from vanphong.documents.services import incoming

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)


def _fill(office, start: int, count: int) -> None:
    for n in range(start, start + count):
        document = office.register(
            received_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 8))
            + datetime.timedelta(minutes=n),
            document_date=DAY,
            original_number=f"{n + 1}-CV/VPTW",
            doc_type="cong_van",
            summary=f"Công văn số {n + 1} về việc triển khai nhiệm vụ",
        )
        incoming.assign(
            acting_user=office.head,
            document=document,
            lead=office.specialist,
            deadline=timezone.localdate() + datetime.timedelta(days=n % 20),
        )


def _queries(client, url, params=None) -> int:
    client.get(url, params)  # the session slides on the first request (core.sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


PAGES = [
    ("documents:incoming_list", {}, 40),
    # a search reads each of its matches by its own index, for the list and for each count
    ("documents:incoming_list", {"q": "cong van", "loai": "cong_van"}, 50),
    ("documents:outgoing_list", {}, 30),
    ("documents:register", {"tu": "01/03/2026", "den": "31/03/2026"}, 30),
    ("documents:deadline_dashboard", {}, 30),
    ("documents:deadline_assignments", {}, 30),
    ("core:dashboard", {}, 40),
]


@pytest.mark.parametrize(("name", "params", "ceiling"), PAGES)
def test_a_list_costs_the_same_at_ten_and_at_seventy_documents(
    client, office, name, params, ceiling
):
    args = ["den"] if name == "documents:register" else []
    url = reverse(name, args=args)
    client.force_login(office.head)
    _fill(office, 0, 10)
    few = _queries(client, url, params)
    _fill(office, 10, 60)
    many = _queries(client, url, params)
    assert many == few, f"{name}: {few} queries for 10 documents, {many} for 70"
    assert many <= ceiling
