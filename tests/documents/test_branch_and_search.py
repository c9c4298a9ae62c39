"""A document keeps its organization's branch (the province it belongs to), which narrows every
list by an index; a merge that moves a subtree moves its documents' branch. The register's
search: issuers through their directory, the summary, the number; with the other filters first."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests import factories
from vanphong.core import access
from vanphong.documents import search
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import IncomingDocument, Issuer, OutgoingDocument
from vanphong.organizations.models import OrgKind
from vanphong.organizations.roles import Role
from vanphong.organizations.services.orgs import merge_organization


def _visible(user):
    return set(access.visible(user, IncomingDocument.objects.all(), DocumentAction.VIEW))


def test_branch_is_the_province_and_scopes_follow_the_tree(office, tree):
    at_province = office.register()
    at_commune = office.register(organization=tree.commune_a, summary="Báo cáo của xã")
    at_cell = office.register(organization=tree.cell_b1, summary="Báo cáo của chi bộ")
    assert {at_province.branch, at_commune.branch, at_cell.branch} == {tree.province.path}
    draft = office.draft()
    assert draft.branch == tree.province.path
    centre_clerk = factories.user("vt_tw", roles=[(Role.CLERK, tree.centre)])
    commune_clerk = factories.user("vt_a", roles=[(Role.CLERK, tree.commune_a)])
    assert _visible(office.clerk) == {at_province, at_commune, at_cell}
    assert _visible(centre_clerk) == {at_province, at_commune, at_cell}
    assert _visible(commune_clerk) == {at_commune}
    assert _visible(office.sibling_clerk) == {at_cell}
    assert set(access.visible(commune_clerk, OutgoingDocument.objects.all())) == set()


def test_a_merge_moves_the_documents_branch_with_the_subtree(office, tree, admin_user):
    other = factories.org(tree.centre, "Đảng bộ tỉnh Yên Bái", "TU", OrgKind.PROVINCIAL)
    other_clerk = factories.user("vt_yb", roles=[(Role.CLERK, other)])
    at_commune = office.register(organization=tree.commune_a)
    at_province = office.register()
    merge_organization(
        acting_user=admin_user, organization=tree.province, into=other, on=datetime.date.today()
    )
    at_commune.refresh_from_db()
    at_province.refresh_from_db()
    assert at_commune.branch == other.path != at_province.branch == tree.province.path
    assert _visible(other_clerk) == {at_commune}
    assert _visible(office.clerk) == {at_province}


def test_registration_fills_the_directory_of_issuers_once(office):
    office.register(issuer="Văn phòng Trung ương Đảng")
    office.register(issuer="  VĂN PHÒNG Trung ương Đảng ")
    office.register(issuer="Ban Tổ chức Trung ương")
    assert sorted(Issuer.objects.values_list("folded", flat=True)) == [
        "ban to chuc trung uong",
        "van phong trung uong dang",
    ]


def _found(client, **params):
    response = client.get(reverse("documents:incoming_list"), params)
    assert response.status_code == 200
    return [d.number for d in response.context["page"]]


def test_search_by_issuer_summary_and_number(client, office):
    office.register(
        issuer="Sở Tài chính tỉnh Lào Cai",
        summary="Về quyết toán ngân sách",
        original_number="7-STC",
    )
    office.register(
        issuer="Ban Tổ chức Trung ương",
        summary="Hướng dẫn công tác tài chính đảng",
        original_number="15-HD/BTCTW",
    )
    office.register(original_number="Số 42-HD/BTCTW", summary="Hướng dẫn sinh hoạt chi bộ")
    client.force_login(office.clerk)
    assert _found(client, q="Sở Tài chính tỉnh Lào Cai") == [1]  # the whole issuer
    assert _found(client, q="tai chinh") == [2, 1]  # a summary's words, an issuer's part
    assert _found(client, q="Số 42-HD") == [3]  # a number, "Số" or not
    assert _found(client, q="hd/btctw") == [3, 2]
    assert _found(client, q="cong tac tai chinh dang") == [2]
    assert _found(client, q="khong co van ban nay") == []


def test_a_long_text_is_not_looked_for_in_numbers(office):
    assert search.number_condition("42 - HD/BTCTW") is not None
    assert search.number_condition("Số 42 - HD") is not None
    assert search.number_condition("so tai chinh thanh pho") is None


def test_a_common_issuer_text_matches_documents_by_substring(client, office, monkeypatch):
    monkeypatch.setattr(search, "ISSUER_MATCHES", 2)
    for name in ("Huyện ủy Bảo Thắng", "Huyện ủy Sa Pa", "Huyện ủy Bát Xát"):
        office.register(issuer=name, summary="Báo cáo")
    client.force_login(office.clerk)
    assert _found(client, q="huyen uy") == [3, 2, 1]
    assert _found(client, q="Huyện ủy Sa Pa") == [2]


def test_search_picks_its_matches_after_the_other_filters(client, office, monkeypatch):
    """The matches are picked in the list's order up to the cap: a filter applied after them
    would leave out older matches beyond the cap."""
    monkeypatch.setattr(search, "SEARCH_COUNT_CAP", 2)
    old = timezone.make_aware(datetime.datetime(2025, 12, 1, 9))
    office.register(received_at=old, summary="Công văn năm cũ")
    for _ in range(4):
        office.register(summary="Công văn năm nay")
    client.force_login(office.clerk)
    year = str(timezone.localdate().year)  # 2026: the suite's clock (tests/clock.py)
    assert _found(client, q="cong van", nam="2025") == [1]
    assert len(_found(client, q="cong van", nam=year)) == 2  # capped: "more than 2"


def test_the_api_counts_every_match(client, office, monkeypatch):
    from tests.api.conftest import bearer

    monkeypatch.setattr(search, "SEARCH_COUNT_CAP", 2)
    for i in range(5):
        office.register(summary=f"Công văn số {i}")
    response = client.get("/api/v1/incoming", {"q": "cong van"}, **bearer(office.clerk))
    assert response.status_code == 200
    assert response.json()["count"] == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL matches whole words")
def test_postgresql_matches_the_summary_by_whole_words(client, office):
    office.register(summary="Về công tác tài chính")
    client.force_login(office.clerk)
    assert _found(client, q="tai chinh") == [1]
    assert _found(client, q="tai chin") == []


def test_odd_and_oversized_search_texts_are_only_texts(client, office):
    office.register(summary="Về công tác tài chính")
    client.force_login(office.clerk)
    for text in ("tai & chinh | !(x):*", "' OR 1=1 --", "chính" * 1000, "%_\\"):
        assert _found(client, q=text) == []
    assert _found(client, q="tai chinh") == [1]
