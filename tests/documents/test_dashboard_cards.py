"""The dashboard of each demo role: every card's figure is the length of the list it opens, and
each role sees the cards of its own work only."""

import pytest
from django.core.management import call_command
from django.urls import resolve

from vanphong.core.models import User

pytestmark = pytest.mark.django_db

ROLES = [
    "admin",
    "chanhvanphong",
    "chuyenvien",
    "vanthu",
    "luutru",
    "ketoan",
    "bithu",
    "bithuchibo",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command as cc

        cc("flush", interactive=False, verbosity=0)


def _count(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    context = response.context
    if "page" in context and hasattr(context["page"], "paginator"):
        return context["page"].paginator.count
    if "rows" in context:
        return len(context["rows"])
    if "years" in context:  # the members flagged for unexcused absences: this year's
        return len(context["years"][0]["flags"])
    return len(list(context["coming"]))  # a member's meetings of the coming week


@pytest.mark.parametrize("username", ROLES)
def test_every_card_counts_the_list_it_opens(client, demo, username):
    """Every card, of every area and core's own, links to a list; a card showing 0 too."""
    user = User.objects.get(username=username)
    client.force_login(user)
    cards = client.get("/").context["cards"]
    assert cards, username
    for card in cards:
        url = card["url"]
        assert url, (username, card["label"])
        resolve(url.split("?")[0])
        assert _count(client, url) == card["figure"], (username, card["label"], url)
    if username == "chanhvanphong":  # who looks after members: each member card checked too
        assert {"Đảng viên đang sinh hoạt", "Đảng viên được miễn sinh hoạt"} <= {
            c["label"] for c in cards
        }


def test_each_role_sees_the_cards_of_its_own_work(client, demo):
    def labels(username):
        client.force_login(User.objects.get(username=username))
        return {card["label"] for card in client.get("/").context["cards"]}

    clerk, leader, head = labels("vanthu"), labels("bithu"), labels("chanhvanphong")
    assert "Văn bản được giao xử lý" not in clerk  # a clerk handles no document
    assert "Đảng viên đang sinh hoạt" not in clerk and "Đảng viên đang sinh hoạt" not in leader
    assert "Văn bản đã ký chờ ban hành" in clerk
    assert "Văn bản chờ đồng chí ký" in leader
    assert "Dự thảo chờ thẩm định" in head and "Đảng viên đang sinh hoạt" in head
