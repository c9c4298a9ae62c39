"""The register lists' rows (documents/list_rows.py): display strings equal to what the template
filters printed, the badges of _marks.html, one reverse per page, and rows only for the documents
the view let through (access.visible is unchanged)."""

import datetime
import re
import unicodedata

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import timezone, translation

from vanphong.core.models import Clearance
from vanphong.documents import list_rows
from vanphong.documents.models import IncomingDocument, OutgoingDocument, Urgency

UTC = datetime.UTC
FIRST_CELL = re.compile(r'<td[^>]*><a href="/van-ban/den/(\d+)/">')  # as bench/bench_documents.py
# What the list templates printed per row before the rows existed.
OLD_INCOMING = Template(
    "{% autoescape off %}{{ d.number }}/{{ d.year }}|{{ d.received_at|date:'d/m/Y H:i' }}|"
    "{{ d.deadline|date:'d/m/Y' }}|{{ d.summary|truncatechars:120 }}|{{ d.get_status_display }}"
    "{% endautoescape %}"
)
OLD_OUTGOING = Template(
    "{% load i18n %}{% autoescape off %}{{ d.symbol|default:_('Draft') }}|"
    "{{ d.issued_on|date:'d/m/Y' }}|{{ d.summary|truncatechars:120 }}|{{ d.organization.name }}|"
    "{{ d.get_status_display }}{% endautoescape %}"
)


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def _incoming(office, pk):
    return IncomingDocument.objects.select_related("organization").get(pk=pk)


def _outgoing(office, pk):
    return OutgoingDocument.objects.select_related("organization").get(pk=pk)


def test_received_time_is_local_across_midnight_utc(office):
    before = office.register(received_at=datetime.datetime(2025, 11, 3, 16, 59, tzinfo=UTC))
    after = office.register(received_at=datetime.datetime(2025, 11, 3, 17, 30, tzinfo=UTC))
    documents = [_incoming(office, after.pk), _incoming(office, before.pk)]
    rows = list_rows.incoming_rows(documents)
    assert [r.received for r in rows] == ["04/11/2025 00:30", "03/11/2025 23:59"]
    with timezone.override("UTC"):  # the current time zone, not a fixed one
        assert list_rows.incoming_rows(documents)[0].received == "03/11/2025 17:30"


def test_incoming_row_values(office):
    document = office.register(
        received_at=datetime.datetime(2025, 11, 3, 1, 5, tzinfo=UTC),
        original_number="141-CV/VPTW",
        issuer="Văn phòng Trung ương Đảng",
    )
    IncomingDocument.objects.filter(pk=document.pk).update(deadline=datetime.date(2025, 12, 1))
    plain = office.register(received_at=datetime.datetime(2025, 11, 4, 2, 0, tzinfo=UTC))
    with_deadline, without = list_rows.incoming_rows(
        [_incoming(office, document.pk), _incoming(office, plain.pk)]
    )
    assert with_deadline == list_rows.IncomingRow(
        pk=document.pk,
        url=f"/van-ban/den/{document.pk}/",
        number=f"{document.number}/2025",
        received="03/11/2025 08:05",
        original_number="141-CV/VPTW",
        issuer="Văn phòng Trung ương Đảng",
        secret="",
        urgency="",
        summary="Hướng dẫn tổ chức sinh hoạt chi bộ",
        deadline="01/12/2025",
        status="Đã vào sổ",
    )
    assert (without.deadline, without.number) == ("", f"{plain.number}/2025")


def test_rows_print_what_the_filters_printed(office):
    long = "Về việc " + "tăng cường công tác văn thư, lưu trữ " * 6
    documents = [
        office.register(summary=long),
        office.register(
            summary="Báo cáo ngắn", urgency=Urgency.FLASH, confidentiality=Clearance.SECRET
        ),
    ]
    IncomingDocument.objects.filter(pk=documents[0].pk).update(deadline=datetime.date(2026, 1, 9))
    for document in documents:
        d = _incoming(office, document.pk)
        (row,) = list_rows.incoming_rows([d])
        old = OLD_INCOMING.render(Context({"d": d}))
        assert "|".join([row.number, row.received, row.deadline, row.summary, row.status]) == old
    draft, issued = office.draft(summary=long), office.issued()
    for document in (draft, issued):
        d = _outgoing(office, document.pk)
        (row,) = list_rows.outgoing_rows([d])
        old = OLD_OUTGOING.render(Context({"d": d}))
        fields = [row.symbol, row.issued_on, row.summary, row.organization, row.status]
        assert "|".join(fields) == old


@pytest.mark.parametrize(
    "text",
    [
        "x" * 120,
        "x" * 121,
        "đ" * 119 + "…",
        "Tăng cường " * 30,
        unicodedata.normalize("NFD", "Tăng cường công tác " * 10),  # composed first, as Django does
        "x\u0301" * 100,  # 200 code points, 100 counted characters: not cut
        "y\u0301" * 130,  # cut after 119 counted characters
        "",
    ],
)
def test_truncated_is_truncatechars_120(text):
    expected = Template("{% autoescape off %}{{ s|truncatechars:120 }}{% endautoescape %}").render(
        Context({"s": text})
    )
    assert list_rows.truncated(text) == expected


def test_summary_cut_at_120_with_an_ellipsis(office):
    summary = "Hướng dẫn " * 20  # 200 characters, canonical (NFC) once saved
    document = office.register(summary=summary)
    (row,) = list_rows.incoming_rows([_incoming(office, document.pk)])
    assert len(row.summary) == 120 and row.summary.endswith("…")
    assert row.summary == document.summary[:119] + "…"
    exact = office.register(summary="a" * 120)
    assert list_rows.incoming_rows([_incoming(office, exact.pk)])[0].summary == "a" * 120


def test_badges_of_a_classified_urgent_document(client, office):
    secret = office.register(
        confidentiality=Clearance.SECRET, urgency=Urgency.URGENT, summary="Nhân sự khóa mới"
    )
    d = _incoming(office, secret.pk)
    (row,) = list_rows.incoming_rows([d])
    assert (row.secret, row.urgency) == ("Mật", "Khẩn")
    badges = (
        '<span class="badge text-bg-danger vp-secret">Mật</span> '
        '<span class="badge text-bg-warning">Khẩn</span>'
    )
    assert render_to_string("documents/_marks.html", {"d": d}).strip() == badges  # detail pages
    client.force_login(office.leader)  # clearance 3
    page = client.get(reverse("documents:incoming_list")).content.decode()
    assert f'<td class="vp-summary">{badges}\n Nhân sự khóa mới</td>' in page
    draft = office.draft(confidentiality=Clearance.TOP_SECRET, urgency=Urgency.VERY_URGENT)
    (row,) = list_rows.outgoing_rows([_outgoing(office, draft.pk)])
    assert (row.secret, row.urgency) == ("Tối mật", "Thượng khẩn")
    plain = office.register()
    (row,) = list_rows.incoming_rows([_incoming(office, plain.pk)])
    assert (row.secret, row.urgency) == ("", "")


def test_outgoing_rows_draft_and_issued(office):
    draft = office.draft()
    issued = office.issued(on=datetime.date(2026, 2, 3))
    rows = list_rows.outgoing_rows([_outgoing(office, draft.pk), _outgoing(office, issued.pk)])
    assert rows[0].symbol == "Dự thảo" == translation.gettext("Draft")
    assert rows[0].issued_on == ""
    assert rows[0].status == str(draft.get_status_display())
    assert rows[1].symbol == issued.symbol and issued.symbol
    assert rows[1].issued_on == "03/02/2026"
    assert rows[1].organization == office.tree.province.name
    assert [r.url for r in rows] == [f"/van-ban/di/{draft.pk}/", f"/van-ban/di/{issued.pk}/"]
    with translation.override("en"):
        assert list_rows.outgoing_rows([_outgoing(office, draft.pk)])[0].symbol == "Draft"


def test_detail_urls_reverse_once_and_match_reverse(office, monkeypatch):
    documents = [_incoming(office, office.register().pk) for _ in range(3)]
    calls = []
    real = list_rows.reverse
    monkeypatch.setattr(list_rows, "reverse", lambda *a, **k: calls.append(a) or real(*a, **k))
    rows = list_rows.incoming_rows(documents)
    assert len(calls) == 1
    assert [r.url for r in rows] == [
        reverse("documents:incoming_detail", args=[d.pk]) for d in documents
    ]
    set_script_prefix("/vanphong/")  # deployed under a path: the prefix is kept
    try:
        (row,) = list_rows.incoming_rows(documents[:1])
        assert row.url == f"/vanphong/van-ban/den/{documents[0].pk}/"
    finally:
        clear_script_prefix()


def test_rows_only_for_what_the_view_let_through(client, office):
    secret = office.register(confidentiality=Clearance.SECRET, summary="Nhân sự khóa mới")
    plain = office.register(summary="Kế hoạch <b>công tác</b> năm")
    url = reverse("documents:incoming_list")
    client.force_login(office.clerk)  # clearance 0
    response = client.get(url)
    rows, page = response.context["rows"], response.context["page"]
    assert [r.pk for r in rows] == [d.pk for d in page] == [plain.pk]
    html = response.content.decode()
    assert FIRST_CELL.findall(html) == [str(plain.pk)]
    assert "Nhân sự khóa mới" not in html and "vp-secret" not in html
    assert "Kế hoạch &lt;b&gt;công tác&lt;/b&gt; năm" in html  # still escaped
    client.force_login(office.leader)  # clearance 3
    response = client.get(url)
    assert [r.pk for r in response.context["rows"]] == [plain.pk, secret.pk]  # newest first
    assert FIRST_CELL.findall(response.content.decode()) == [str(plain.pk), str(secret.pk)]


def test_outgoing_list_page(client, office):
    draft = office.draft(summary="Dự thảo <i>kế hoạch</i>")
    client.force_login(office.specialist)
    response = client.get(reverse("documents:outgoing_list"))
    assert [r.pk for r in response.context["rows"]] == [draft.pk]
    html = response.content.decode()
    assert f'<a href="/van-ban/di/{draft.pk}/">Dự thảo</a></td>' in html
    assert "Dự thảo &lt;i&gt;kế hoạch&lt;/i&gt;" in html
    assert f'<td data-label="Tổ chức đảng">{office.tree.province.name}</td>' in html


def test_empty_lists(client, office):
    client.force_login(office.clerk)
    for name in ("documents:incoming_list", "documents:outgoing_list"):
        response = client.get(reverse(name))
        assert response.context["rows"] == []
        assert '<tr><td colspan="' in (html := response.content.decode())
        assert "Không có văn bản." in html
