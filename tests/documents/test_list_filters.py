"""Finding documents in the lists: the search reads the type, the urgency, the body and a loosely
typed number; the filters (type, issuer, period, urgency, confidentiality, handler) count their
options, stay in the address and say what they refuse."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from vanphong.documents.services import incoming
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def desk(office):
    """The province's incoming register: a công văn, an urgent plan, a secret guide; routed."""
    secret_clerk = factories.user("vt2", roles=[(Role.CLERK, office.tree.province)], clearance=1)
    cv = office.register(
        received_at=at(datetime.date(2026, 3, 2)),
        document_date=datetime.date(2026, 3, 2),
        doc_type="cong_van",
        original_number="Số 12-CV/VPTW",
        issuer="Văn phòng Trung ương Đảng",
        summary="Về việc báo cáo sơ kết quý I",
    )
    flash = office.register(
        received_at=at(datetime.date(2026, 4, 8)),
        document_date=datetime.date(2026, 4, 7),
        doc_type="ke_hoach",
        original_number="Số 15-KH/TU",
        issuer="Ban Thường vụ Tỉnh ủy",
        summary="Kế hoạch tổ chức hội nghị",
        urgency="flash",
    )
    secret = office.register(
        acting_user=secret_clerk,
        received_at=at(datetime.date(2026, 5, 4)),
        document_date=datetime.date(2026, 5, 4),
        summary="Hướng dẫn bảo vệ bí mật",
        confidentiality=1,
    )
    incoming.assign(acting_user=office.head, document=cv, lead=office.specialist)
    return {"cv": cv, "flash": flash, "secret": secret, "secret_clerk": secret_clerk}


def listed(client, user, name="documents:incoming_list", **params):
    client.force_login(user)
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response, [r.pk for r in response.context["rows"]]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("cong van", ["cv"]),  # the type, not a word of the summary
        ("CV", ["cv"]),  # its abbreviation
        ("hoả tốc", ["flash"]),  # the urgency, new tone placement
        ("hỏa tốc", ["flash"]),  # and old
        ("12 cv", ["cv"]),  # a loosely typed number and symbol
        ("15 - KH/TU", ["flash"]),
        ("so ket quy", ["cv"]),  # the summary, without marks
    ],
)
def test_the_search_reads_type_urgency_and_loose_numbers(client, office, desk, q, expected):
    _response, pks = listed(client, office.head, q=q)
    assert pks == [desk[k].pk for k in expected]


def test_the_outgoing_search_reads_the_body(client, office):
    draft = office.draft(body="Đoạn một.\nTăng cường kỷ luật phát ngôn của cán bộ.")
    office.draft(body="Một văn bản khác.")
    _response, pks = listed(
        client, office.specialist, "documents:outgoing_list", q="ky luat phat ngon"
    )
    assert pks == [draft.pk]


def test_filters_narrow_count_and_stay_in_the_address(client, office, desk):
    response, pks = listed(
        client, desk["secret_clerk"], loai="cong_van", tu="01/03/2026", den="31/03/2026"
    )
    assert pks == [desk["cv"].pk]
    selects = {param: choices for param, _label, choices in response.context["facets"]["selects"]}
    # type counts apply the other filters (the period): one công văn in March, no plan
    assert [(v, n, chosen) for v, _t, n, chosen in selects["loai"]] == [("cong_van", 1, True)]
    assert response.context["facets"]["counted_year"] is None  # bounded by a period
    page = response.content.decode()
    assert "loai=cong_van" in response.context["query_prefix"]
    assert 'value="01/03/2026"' in page

    _r, by_handler = listed(client, office.head, nguoi_xu_ly=office.specialist.pk)
    assert by_handler == [desk["cv"].pk]
    _r, by_urgency = listed(client, office.head, do_khan="flash")
    assert by_urgency == [desk["flash"].pk]
    _r, by_issuer = listed(client, office.head, co_quan="ban thuong vu")
    assert by_issuer == [desk["flash"].pk]
    _r, by_level = listed(client, desk["secret_clerk"], do_mat="1")
    assert by_level == [desk["secret"].pk]


def test_counts_never_reveal_what_the_reader_may_not_open(client, office, desk):
    """The head of office has no clearance: the secret guide is in no count, and asking for the
    secret level is refused as unknown, not answered with an empty list that confirms it."""
    response, pks = listed(client, office.head, nam="2026")
    assert desk["secret"].pk not in pks
    selects = {param: choices for param, _label, choices in response.context["facets"]["selects"]}
    assert sum(n for _v, _t, n, _c in selects["loai"]) == 2
    assert [v for v, *_ in selects["do_mat"]] == ["0"]
    response, pks = listed(client, office.head, do_mat="1")
    assert "Độ mật “1” không hợp lệ." in [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"nam": "abcd"}, "Năm “abcd” không hợp lệ."),
        ({"tu": "31/02/2026"}, "không phải là ngày"),
        ({"tu": "02/03/2026", "den": "01/03/2026"}, "Ngày bắt đầu ở sau ngày kết thúc"),
        ({"loai": "khong_co"}, "Không có loại văn bản “khong_co”."),
    ],
)
def test_a_refused_filter_is_said_not_silently_dropped(client, office, desk, params, message):
    response, pks = listed(client, office.head, **params)
    assert any(message in str(m) for m in response.context["messages"])
    assert sorted(pks) == sorted([desk["cv"].pk, desk["flash"].pk])  # the list, unfiltered


def test_pages_keep_the_filters(client, office, settings):
    for n in range(55):
        office.register(
            received_at=at(datetime.date(2026, 6, 1)),
            document_date=datetime.date(2026, 6, 1),
            doc_type="cong_van",
            original_number=f"{n + 1}-CV/X",
            summary=f"Công văn {n}",
        )
    response, _pks = listed(client, office.head, loai="cong_van")
    assert 'href="?loai=cong_van&amp;trang=2"' in response.content.decode()
