"""The demo documents: a year of registers made through the services."""

import datetime
import io
from collections import defaultdict

from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.management import call_command
from django.utils import timezone

from vanphong.core.models import AuditEntry, CancelledNumber, Clearance, User
from vanphong.documents.demo import DEMO_PASSPHRASE, START, load_documents
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


def test_demo_documents(db):
    """GIVEN a fresh database WHEN load_demo runs THEN a year of documents is there, through the
    services (numbers, history, seal log), with work on every demo user's desk; a second run adds
    nothing. One test: loading takes seconds, the checks below share it."""
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "outgoing documents issued by Đảng bộ tỉnh Phú Thọ" in out.getvalue()
    _year_of_documents()
    _registers_are_gap_free_and_in_date_order()
    _deadlines_classified_replies_recall_and_cancel()
    _seed_004_documents_of_the_bloc()
    _each_demo_user_has_work()
    _demo_signing_certificate()
    _second_run_adds_nothing()


def _users():
    return {u.username: u for u in User.objects.all()}


def _year_of_documents():
    today = timezone.localdate()
    now = timezone.now()
    province = IncomingDocument.objects.filter(organization__name="Đảng bộ tỉnh Phú Thọ")
    assert 100 <= province.count() <= 160
    issued = OutgoingDocument.objects.filter(
        organization__name="Đảng bộ tỉnh Phú Thọ", number__isnull=False
    )
    assert 45 <= issued.count() <= 80
    # A year: from 01/12/2025 to today, office hours in Asia/Ho_Chi_Minh, nothing in the future.
    first = timezone.localtime(province.order_by("received_at").first().received_at)
    last = timezone.localtime(province.order_by("received_at").last().received_at)
    assert first.date() >= START and first.date() < START + datetime.timedelta(days=10)
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
    assert issued.exclude(term__name="2025–2030").count() == 0


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


def _deadlines_classified_replies_recall_and_cancel():
    today = timezone.localdate()
    province = IncomingDocument.objects.filter(organization__name="Đảng bộ tỉnh Phú Thọ")
    open_docs = province.exclude(status=IncomingStatus.DONE)
    assert open_docs.filter(deadline__lt=today).count() >= 3  # overdue
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
    assert OutgoingDocument.objects.filter(
        confidentiality__gt=Clearance.NONE, number__isnull=False
    ).exists()
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
        == 3
    )


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
