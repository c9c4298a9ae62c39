"""The member cards of the dashboard open the member list narrowed to exactly the members they
count (?nhom=, organizations.filters.CARD_GROUPS): active, exempted from activity today, party
badge at the next presentation day — including members whose periods outside activity are
worked out in Python."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import Role, member, user
from vanphong.organizations.milestones import (
    add_years,
    next_presentation_day,
    previous_presentation_day,
)
from vanphong.organizations.models import ActivityGap, MemberStatus
from vanphong.organizations.services import procedures
from vanphong.organizations.services.members import today

D = datetime.date


@pytest.fixture
def commune(tree):
    day = today()
    round_day = next_presentation_day(day)
    badge_admission = add_years(previous_presentation_day(round_day), -30) + datetime.timedelta(1)
    cell = tree.cell_a1
    people = {
        "removed": member(cell, "Phạm Văn Xóa", status=MemberStatus.REMOVED),
        "exempted": member(cell, "Đỗ Thị Miễn", admitted_on=D(2010, 1, 1)),
        "badge": member(cell, "Vũ Văn Huy", admitted_on=badge_admission),
        # ten days earlier, twenty days outside activity: the badge still falls in this round
        "badge_gap": member(
            cell, "Hoàng Thị Gián", admitted_on=badge_admission - datetime.timedelta(10)
        ),
        # five years outside activity: not this round
        "late_gap": member(cell, "Ngô Văn Muộn", admitted_on=badge_admission),
        "other_commune": member(tree.cell_b1, "Lý Văn Khác", admitted_on=badge_admission),
    }
    procedures.exempt_member(
        acting_user=None, member=people["exempted"], starts_on=D(2024, 1, 1), reason="Ốm"
    )
    ActivityGap.objects.create(
        member=people["badge_gap"], starts_on=D(2000, 1, 1), ends_on=D(2000, 1, 20)
    )
    ActivityGap.objects.create(
        member=people["late_gap"], starts_on=D(2000, 1, 1), ends_on=D(2004, 12, 31)
    )
    return people


EXPECTED = {
    "Active party members": {
        "Nguyễn Thị Hòa",
        "Trần Văn Đức",
        "Đỗ Thị Miễn",
        "Vũ Văn Huy",
        "Hoàng Thị Gián",
        "Ngô Văn Muộn",
    },
    "Members exempted from activity": {"Đỗ Thị Miễn"},
    "Party badges": {"Vũ Văn Huy", "Hoàng Thị Gián"},
}


def test_each_member_card_opens_the_list_of_exactly_its_members(client, tree, commune):
    client.force_login(user("cv", roles=[(Role.SPECIALIST, tree.commune_a)]))
    cards = client.get(reverse("core:dashboard")).context["cards"]
    member_cards = [c for c in cards if "?nhom=" in c["url"]]
    assert len(member_cards) == 3
    seen = set()
    for card in member_cards:
        response = client.get(card["url"] + "&trang=1")
        names = {m.full_name for m in response.context["page"]}
        assert response.context["page"].paginator.count == card["figure"] == len(names)
        key = next(k for k in EXPECTED if card["label"].startswith(_vi(k)))
        assert names == EXPECTED[key], card["label"]
        assert 'id="member-group"' in response.content.decode()
        seen.add(key)
    assert seen == set(EXPECTED)


def _vi(msgid: str) -> str:
    from django.utils.translation import gettext

    if msgid == "Party badges":
        return gettext("Party badges to present on %(date)s").split("%")[0]
    return gettext(msgid)


def test_the_export_and_the_api_read_the_same_group(client, tree, commune):
    from vanphong.organizations.filters import filter_members
    from vanphong.organizations.models import Member

    names = set(
        filter_members(Member.objects.all(), {"nhom": "huy_hieu"}, today()).values_list(
            "full_name", flat=True
        )
    )
    assert names == {"Vũ Văn Huy", "Hoàng Thị Gián", "Lý Văn Khác"}  # unscoped: both communes
