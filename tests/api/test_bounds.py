"""Paging and ids bounded to what the database holds: an offset or an id of 2^63 or more (past a
64-bit integer; SQLite used to fail with "datatype mismatch") answers 400 naming the field, the
largest value still answers 200, and the deadline-assignments page answers 404."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.api.conftest import errors
from tests.documents.office import Office

pytestmark = pytest.mark.django_db

PAST = 2**63
LARGEST = 2**63 - 1
OUT_OF_RANGE = "Số này nằm ngoài phạm vi cho phép."
LISTS = [
    "/incoming",
    "/outgoing",
    "/members",
    "/organizations",
    "/organizations/{province}/children",
    "/registers/deadlines/assignments",
]


@pytest.fixture
def office(tree):
    office = Office(tree)
    office.register()
    return office


def url(template: str, tree) -> str:
    return template.format(province=tree.province.pk)


@pytest.mark.parametrize("path", LISTS)
def test_an_offset_past_64_bits_is_400_and_the_largest_is_an_empty_page(api, office, tree, path):
    """GIVEN the office head WHEN a list is asked from offset 2^63 THEN 400 naming `offset`;
    from 2^63 − 1 THEN 200, no items, the true count."""
    past = api("get", f"{url(path, tree)}?offset={PAST}", office.head)
    largest = api("get", f"{url(path, tree)}?offset={LARGEST}", office.head)

    assert past.status_code == 400, past.content
    assert errors(past) == [("offset", OUT_OF_RANGE)]
    assert largest.status_code == 200, largest.content
    assert largest.json()["items"] == [] and largest.json()["offset"] == LARGEST


@pytest.mark.parametrize(
    "query",
    [
        "/registers/deadlines/assignments?person={n}",
        "/registers/deadlines/assignments?department={n}",
        "/registers/deadlines/assignments?organization={n}",
        "/registers/deadlines?organization={n}",
        "/registers/incoming?organization={n}",
        "/organizations?parent={n}",
        "/members?organization={n}",
        "/outgoing/templates/cong_van?organization={n}",
    ],
)
def test_a_query_id_past_64_bits_is_400_naming_it(api, office, query):
    field = query.split("?")[1].split("=")[0]

    past = api("get", query.format(n=PAST), office.head)
    zero = api("get", query.format(n=0), office.head)

    assert past.status_code == 400, past.content
    assert errors(past) == [(field, OUT_OF_RANGE)]
    assert errors(zero) == [(field, OUT_OF_RANGE)]


def test_the_largest_person_and_department_match_nobody(api, office):
    response = api(
        "get",
        f"/registers/deadlines/assignments?person={LARGEST}&department={LARGEST}",
        office.head,
    )

    assert response.status_code == 200, response.content
    assert response.json()["count"] == 0


@pytest.mark.parametrize(
    "method,path,body,field",
    [
        ("post", "/incoming", {"organization": PAST}, "organization"),
        ("post", "/outgoing", {"organization": PAST, "in_reply_to": PAST}, "in_reply_to"),
        ("post", "/organizations", {"parent": PAST}, "parent"),
        ("post", "/incoming/{doc}/assign", {"lead": 1, "co_handlers": [PAST]}, "co_handlers.0"),
    ],
)
def test_a_body_id_past_64_bits_is_400_naming_it(api, office, method, path, body, field):
    document = office.register()

    response = api(method, path.format(doc=document.pk), office.head, json=body)

    assert response.status_code == 400, response.content
    assert (field, OUT_OF_RANGE) in errors(response)


@pytest.mark.parametrize("param", ["nguoi", "phong"])
def test_the_assignments_page_answers_404_for_an_id_past_64_bits(office, param):
    """GIVEN the office head signed in WHEN the open-assignments page is asked for a person or
    department id of 2^63 THEN the Vietnamese 404 page; 2^63 − 1 shows an empty list."""
    client = Client()
    client.force_login(office.head)

    page = reverse("documents:deadline_assignments")
    past = client.get(page, {param: PAST})
    largest = client.get(page, {param: LARGEST})

    assert past.status_code == 404
    assert largest.status_code == 200
    assert not largest.context["page"].object_list
