"""The demo: a year of registers made through the services, whatever the reference day.

The loader runs on reference days that test its calendar: New Year's day, 29 February, New Year's
eve, and a day of 2031, after the 2025–2030 term (the demo has opened the 2030–2035 terms, and
the outgoing registers start again at 01 in the new term). Each day checks every showcase state.
"""

import datetime
import io
from collections import defaultdict

import pytest
import time_machine
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.clock import TZ
from tests.dues.demo_checks import dues_showcase
from tests.meetings.demo_checks import meetings_showcase
from tests.records.demo_checks import records_showcase
from vanphong.core import demo
from vanphong.core.models import AuditEntry, CancelledNumber, Clearance, User
from vanphong.documents import demo_pki
from vanphong.documents.demo import DEMO_PASSPHRASE, first_day, load_documents
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
    SealUse,
    SigningCertificate,
    TrustedRoot,
)
from vanphong.organizations.models import CommitteeTerm, Member, MemberStatus, Organization
from vanphong.organizations.services.orgs import term_on

REFERENCE_DAYS = [
    datetime.date(2027, 1, 1),
    datetime.date(2028, 2, 29),
    datetime.date(2026, 12, 31),
    datetime.date(2031, 3, 15),  # a Saturday, after the 2025–2030 term
]


@pytest.fixture(autouse=True)
def _demo_pki_of_the_day():
    """The demo PKI is made once per process, valid from the day before: a test that moves the
    clock makes its own and leaves none behind for the tests on the suite's day."""
    demo_pki.demo_ca.cache_clear()
    demo_pki.demo_identity.cache_clear()
    yield
    demo_pki.demo_ca.cache_clear()
    demo_pki.demo_identity.cache_clear()


@pytest.mark.parametrize("day", REFERENCE_DAYS, ids=lambda d: d.isoformat())
def test_demo_on_any_day(db, day):
    """GIVEN a fresh database and the clock on `day` WHEN load_demo --as-of `day` runs THEN a
    year of documents up to that day is there, through the services (numbers, history, seal
    log), with every showcase state and work on every demo user's desk; a second run adds
    nothing. One test a day: loading takes seconds, the checks below share it."""
    out = io.StringIO()
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(10), TZ), tick=True):
        call_command("load_demo", as_of=day.isoformat(), stdout=out)
        assert "outgoing documents issued by Đảng bộ tỉnh Phú Thọ" in out.getvalue()
        _year_of_documents(day)
        _terms_up_to(day)
        _registers_are_gap_free_and_in_date_order()
        _deadlines_classified_replies_recall_and_cancel(day)
        _seed_004_documents_of_the_bloc()
        _each_demo_user_has_work()
        _probation_due_soon(day)
        _demo_signing_certificate()
        _texts_name_the_years_of_the_day(day)
        meetings_showcase(day)
        dues_showcase(day)
        records_showcase(day)
        _second_run_adds_nothing()


def test_the_same_day_gives_the_same_plan(db):
    """The random plan has a fixed seed: one reference day always plans the same documents."""
    from vanphong.documents.demo import _Loader
    from vanphong.organizations import demo as organizations_demo

    day = datetime.date(2026, 11, 20)
    organizations_demo.load(as_of=day)
    first, second = _Loader(None, day)._incoming_plan(), _Loader(None, day)._incoming_plan()
    assert first == second and len(first) > 100


def test_the_reference_day_is_checked(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("load_demo", as_of="15/03/2031")
    with pytest.raises(CommandError, match="sau hôm nay"):
        call_command("load_demo", as_of="2031-03-15")  # the clock is on 25/11/2026
    with pytest.raises(CommandError, match="01/01/2026"):
        call_command("load_demo", as_of="2025-06-01")


def test_apps_register_their_loaders_in_order():
    assert [name for name, _loader in demo.loaders()] == [
        "organizations",
        "documents",
        "meetings",
        "dues",
        "records",
    ]


def _users():
    return {u.username: u for u in User.objects.all()}


def _year_of_documents(today):
    now = timezone.now()
    start = first_day(today)
    province = IncomingDocument.objects.filter(organization__name="Đảng bộ tỉnh Phú Thọ")
    assert 100 <= province.count() <= 160
    issued = OutgoingDocument.objects.filter(
        organization__name="Đảng bộ tỉnh Phú Thọ", number__isnull=False
    )
    assert 45 <= issued.count() <= 80
    # A year: from the first of the month a year ago to today, office hours in Asia/Ho_Chi_Minh,
    # nothing in the future.
    first = timezone.localtime(province.order_by("received_at").first().received_at)
    last = timezone.localtime(province.order_by("received_at").last().received_at)
    assert start <= first.date() < start + datetime.timedelta(days=10)
    assert last <= now and (today - last.date()).days <= 7
    assert all(
        7 <= timezone.localtime(t).hour <= 16
        for t in province.values_list("received_at", flat=True)
    )
    assert not AuditEntry.objects.filter(at__gt=now).exists()
    assert not issued.filter(issued_on__gt=today).exists()
    # The history is dated back: the first document's audit entry is of its day, not of today.
    oldest = province.order_by("received_at").first()
    entry = AuditEntry.objects.get(action="incoming.register", target_id=str(oldest.pk))
    assert timezone.localtime(entry.at).date() == first.date()
    # Every type of the brief was issued, under the term's numbering ("01-NQ/TU").
    abbreviations = {
        symbol.split("-")[1].split("/")[0] for symbol in issued.values_list("symbol", flat=True)
    }
    assert {"NQ", "QĐ", "CT", "KL", "KH", "BC", "TB", "CV", "TTr", "BB", "GM"} <= abbreviations
    assert issued.filter(symbol="01-NQ/TU").exists()
    # Each document is numbered in the committee term in force on its day.
    province = Organization.objects.get(name="Đảng bộ tỉnh Phú Thọ")
    for document in issued.select_related("term"):
        assert document.term == term_on(province, document.issued_on, inherited=True)


def _terms_up_to(today):
    """The 2025–2030 terms, and after them the next five-year terms, opened by the demo."""
    expected = {"2025–2030"} | ({"2030–2035"} if today >= datetime.date(2030, 10, 1) else set())
    for name in ("Đảng bộ tỉnh Phú Thọ", "Đảng bộ Khối các cơ quan Trung ương"):
        terms = CommitteeTerm.objects.filter(organization__name=name, starts_on__year__gte=2025)
        assert set(terms.values_list("name", flat=True)) == expected
        current = terms.get(ends_on__isnull=True)
        assert current.name == max(expected)
    if today.year >= 2031:
        issued = OutgoingDocument.objects.filter(
            organization__name="Đảng bộ tỉnh Phú Thọ", number__isnull=False
        )
        assert issued.filter(term__name="2025–2030").exists()
        assert issued.filter(term__name="2030–2035", number=1).count() >= 5


def _registers_are_gap_free_and_in_date_order():
    incoming = defaultdict(list)
    for row in IncomingDocument.objects.values("organization_id", "year", "number", "received_at"):
        incoming[(row["organization_id"], row["year"])].append((row["number"], row["received_at"]))
    assert len(incoming) >= 5  # province 2025, 2026; bloc 2017, 2018, 2026; cell 2026
    for rows in incoming.values():
        rows.sort()
        assert [n for n, _t in rows] == list(range(1, len(rows) + 1))
        times = [t for _n, t in rows]
        assert times == sorted(times)
    outgoing = defaultdict(list)
    for row in OutgoingDocument.objects.filter(number__isnull=False).values(
        "sequence_id", "number", "issued_on", "sequence__last_number"
    ):
        outgoing[row["sequence_id"]].append(row)
    assert len(outgoing) >= 11
    for rows in outgoing.values():
        rows.sort(key=lambda r: r["number"])
        assert [r["number"] for r in rows] == list(range(1, len(rows) + 1))
        assert rows[-1]["sequence__last_number"] == len(rows)
        days = [r["issued_on"] for r in rows]
        assert days == sorted(days)


def _deadlines_classified_replies_recall_and_cancel(today):
    province = IncomingDocument.objects.filter(organization__name="Đảng bộ tỉnh Phú Thọ")
    open_docs = province.exclude(status=IncomingStatus.DONE)
    assert open_docs.filter(deadline__lt=today).count() >= 3  # overdue
    assert open_docs.filter(deadline__lt=today, confidentiality__gt=Clearance.NONE).exists()
    assert open_docs.filter(
        deadline__gte=today, deadline__lte=today + datetime.timedelta(days=3)
    ).exists()
    assert open_docs.filter(status=IncomingStatus.REGISTERED).exists()  # to route
    done = province.filter(status=IncomingStatus.DONE)
    assert done.count() >= 50
    assert not done.filter(result="").exists()
    assert not done.filter(closed_at__isnull=True).exists()
    assert province.filter(confidentiality=Clearance.SECRET).count() >= 5
    assert province.filter(confidentiality=Clearance.TOP_SECRET).exists()
    assert province.exclude(urgency="").count() >= 5
    # Replies close what they answer, at their issue.
    replies = OutgoingDocument.objects.filter(in_reply_to__isnull=False, status="issued")
    assert replies.exists()
    for reply in replies:
        assert reply.in_reply_to.status == IncomingStatus.DONE
        assert timezone.localdate(reply.in_reply_to.closed_at) == reply.issued_on
    assert OutgoingDocument.objects.filter(status=OutgoingStatus.RECALLED).count() == 1
    cancelled = OutgoingDocument.objects.get(status=OutgoingStatus.CANCELLED)
    assert CancelledNumber.objects.get(target_id=str(cancelled.pk)).number == cancelled.number
    classified = OutgoingDocument.objects.filter(
        confidentiality__gt=Clearance.NONE, number__isnull=False
    )
    province = Organization.objects.get(name="Đảng bộ tỉnh Phú Thọ")
    assert classified.filter(term=term_on(province, today, inherited=True)).exists()
    sealed = SealUse.objects.filter(organization__name="Đảng bộ tỉnh Phú Thọ")
    assert sealed.count() >= 40
    assert all(
        timezone.localdate(s.used_at) == s.document.issued_on
        for s in sealed.select_related("document")
    )


def _seed_004_documents_of_the_bloc():
    bloc = IncomingDocument.objects.filter(organization__name="Đảng bộ Khối các cơ quan Trung ương")
    report = bloc.get(summary__startswith="Báo cáo tổng kết công tác văn phòng cấp ủy năm 2017")
    assert report.doc_type == "bao_cao"
    assert report.document_date == datetime.date(2017, 12, 20)
    assert (report.year, report.number) == (2017, 1)
    direction = bloc.get(summary__contains="Phạm Quang Thao")
    assert direction.document_date == datetime.date(2018, 1, 11)
    assert (direction.year, direction.number) == (2018, 1)
    assert "sáu nhiệm vụ trọng tâm năm 2018" in direction.result
    assert (
        OutgoingDocument.objects.filter(
            organization__name="Đảng bộ Khối các cơ quan Trung ương", symbol__endswith="/ĐUK"
        ).count()
        == 3
    )


def _each_demo_user_has_work():
    users = _users()
    province_out = OutgoingDocument.objects.filter(organization__name="Đảng bộ tỉnh Phú Thọ")
    assert province_out.filter(status=OutgoingStatus.SIGNED).count() >= 1  # vanthu issues
    assert province_out.filter(status=OutgoingStatus.SUBMITTED, signer=users["bithu"]).count() >= 1
    assert province_out.filter(status=OutgoingStatus.APPRAISAL).count() >= 1  # chanhvanphong
    assert (
        province_out.filter(status=OutgoingStatus.DRAFT, drafted_by=users["chuyenvien"]).count()
        >= 1
    )
    open_rows = Assignment.objects.filter(
        user=users["chuyenvien"], role=AssignmentRole.LEAD, done_at__isnull=True
    ).exclude(document__status=IncomingStatus.DONE)
    assert open_rows.count() >= 5
    assert (
        OutgoingDocument.objects.filter(
            organization__name="Chi bộ Kinh tế - Ngân sách", drafted_by=users["bithuchibo"]
        ).count()
        == 3 + 1  # and the conclusion notice the meetings' demo drafts
    )


def _probation_due_soon(today):
    """One probationary member, admitted a year ago less two weeks."""
    member = Member.objects.get(status=MemberStatus.PROBATIONARY)
    assert 300 <= (today - member.admitted_on).days <= 360


def _texts_name_the_years_of_the_day(today):
    """No text is left in a year the demo does not cover: the years named are of the demo year,
    the one before (reports on it) or the next (plans); periods ("2025–2030") aside."""
    import re

    years = set()
    for summary in OutgoingDocument.objects.filter(
        organization__name="Đảng bộ tỉnh Phú Thọ"
    ).values_list("summary", flat=True):
        years |= {int(y) for y in re.findall(r"(?<![\d–])(20\d\d)(?![\d–])", summary)}
    start = first_day(today)
    assert years and years <= set(range(start.year - 1, today.year + 2)), years


def _demo_signing_certificate():
    certificate = SigningCertificate.objects.get(organization__name="Đảng bộ tỉnh Phú Thọ")
    key, cert, _cas = pkcs12.load_key_and_certificates(
        bytes(certificate.pkcs12), DEMO_PASSPHRASE.encode()
    )
    assert key is not None and "Phú Thọ" in cert.subject.rfc4514_string()
    assert certificate.valid_until > timezone.now()
    root = TrustedRoot.objects.get()
    assert cert.issuer.rfc4514_string() in root.name or root.name == "VanPhong Demo CA"
    assert "BEGIN CERTIFICATE" in root.pem


def _second_run_adds_nothing():
    counts = (
        IncomingDocument.objects.count(),
        OutgoingDocument.objects.count(),
        AuditEntry.objects.count(),
        SigningCertificate.objects.count(),
    )
    call_command("load_demo", stdout=io.StringIO())
    assert load_documents() is False
    assert (
        IncomingDocument.objects.count(),
        OutgoingDocument.objects.count(),
        AuditEntry.objects.count(),
        SigningCertificate.objects.count(),
    ) == counts
