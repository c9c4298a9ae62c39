"""Every service that writes leaves an audit entry whose diff names every field it changed.

For each service of the documents and organizations areas, the changed row is read from the
database before and after the call; every field that differs (every field, for a row created or
deleted) must be named by the diff of an entry the call wrote about that row's record."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories
from tests.audit_diff_support import check
from tests.documents.test_uploads import pdf_bytes
from vanphong.core import audit
from vanphong.core.models import AuditEntry
from vanphong.documents import demo_pki
from vanphong.documents.models import (
    Congress,
    Dispatch,
    OutgoingDocument,
    SigningCertificate,
    TrustedRoot,
)
from vanphong.documents.services import (
    certificates,
    congresses,
    dispatch,
    files,
    incoming,
    outgoing,
)
from vanphong.organizations.models import (
    CommitteeTerm,
    Exemption,
    Member,
    Organization,
    OrgKind,
    Position,
    Transfer,
)
from vanphong.organizations.services import members, orgs, procedures

D = datetime.date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


# ------------------------------------------------------------------------------ documents


def test_incoming_services(office):
    clerk, head = office.clerk, office.head
    received = datetime.datetime(2026, 3, 5, 9, tzinfo=datetime.UTC)
    values = {
        "organization": office.tree.province,
        "received_at": received,
        "channel": "paper",
        "issuer": "Ban Tổ chức Trung ương",
        "original_number": "Số 42-HD/BTCTW",
        "document_date": D(2026, 3, 2),
        "doc_type": "huong_dan",
        "summary": "Hướng dẫn tổ chức sinh hoạt chi bộ",
    }
    document = check(lambda: incoming.register_incoming(acting_user=clerk, **values))
    scan = SimpleUploadedFile("cv.pdf", pdf_bytes(), content_type="application/pdf")
    check(lambda: incoming.register_with_scan(acting_user=clerk, scan=scan, **values))
    check(
        lambda: incoming.assign(
            acting_user=head, document=document, lead=office.specialist, direction="Xử lý"
        ),
        document,
    )
    check(
        lambda: incoming.record_direction(
            acting_user=office.leader, document=document, direction="Gấp"
        ),
        document,
    )
    check(
        lambda: incoming.add_progress(
            acting_user=office.specialist, document=document, text="Đang làm"
        ),
        document,
    )
    check(
        lambda: incoming.close(acting_user=office.specialist, document=document, result="Xong"),
        document,
    )
    # Issuing a reply closes what it answers: that closing is audited on the incoming record.
    asked = office.register()
    reply = office.signed(in_reply_to=asked)
    check(lambda: outgoing.issue(acting_user=clerk, document=reply), asked)
    upload = SimpleUploadedFile("phu-luc.pdf", pdf_bytes(), content_type="application/pdf")
    check(lambda: files.add_upload(clerk, asked, upload), asked)


def test_outgoing_services(office):
    specialist, head, leader, clerk = office.specialist, office.head, office.leader, office.clerk
    document = check(office.draft)
    check(
        lambda: outgoing.update_draft(
            acting_user=specialist, document=document, summary="về việc đã sửa", note="Sửa"
        ),
        document,
    )
    check(lambda: outgoing.send_to_appraisal(acting_user=specialist, document=document), document)
    check(
        lambda: outgoing.appraise(
            acting_user=head, document=document, verdict="revise", text="Sửa"
        ),
        document,
    )
    outgoing.send_to_appraisal(acting_user=specialist, document=document)
    check(lambda: outgoing.appraise(acting_user=head, document=document, verdict="agree"), document)
    check(
        lambda: outgoing.submit_for_signature(
            acting_user=specialist, document=document, signer=leader
        ),
        document,
    )
    check(
        lambda: outgoing.return_unsigned(acting_user=leader, document=document, reason="Chưa rõ"),
        document,
    )
    outgoing.send_to_appraisal(acting_user=specialist, document=document)
    outgoing.appraise(acting_user=head, document=document, verdict="agree")
    outgoing.submit_for_signature(acting_user=specialist, document=document, signer=leader)
    check(lambda: outgoing.sign(acting_user=leader, document=document), document)
    check(lambda: outgoing.issue(acting_user=clerk, document=document), document)
    check(lambda: dispatch.apply_seal(acting_user=clerk, document=document, copies=3), document)
    rows = check(
        lambda: dispatch.send(
            acting_user=clerk, document=document, recipients=["Lưu"], channel="paper"
        ),
        document,
    )
    check(
        lambda: dispatch.set_delivery(acting_user=clerk, dispatch=rows[0], status="delivered"),
        Dispatch.objects.get(pk=rows[0].pk),
        audited=lambda row: row.document,
    )
    check(lambda: outgoing.recall(acting_user=clerk, document=document, reason="Nhầm"), document)
    draft = office.draft()
    check(lambda: outgoing.cancel(acting_user=specialist, document=draft, reason="Bỏ"), draft)
    issued = office.issued()
    check(lambda: outgoing.cancel(acting_user=clerk, document=issued, reason="Sai"), issued)


def test_certificate_root_and_congress_services(office, admin_user):
    identity = demo_pki.demo_identity(office.tree.province.name)
    province = office.tree.province
    first = check(
        lambda: certificates.add_signing_certificate(
            admin_user, province, identity.pkcs12, identity.passphrase.decode()
        )
    )
    check(
        lambda: certificates.add_signing_certificate(
            admin_user, province, identity.pkcs12, identity.passphrase.decode()
        )
    )
    first = SigningCertificate.objects.get(pk=first.pk)
    assert not first.active  # replaced by the second one
    second = SigningCertificate.objects.get(active=True)
    check(lambda: certificates.deactivate_certificate(admin_user, second), second)
    root = check(
        lambda: certificates.add_trusted_root(admin_user, "CA thử nghiệm", identity.root_pem)
    )
    check(
        lambda: certificates.remove_trusted_root(admin_user, root),
        TrustedRoot.objects.get(pk=root.pk),
    )
    congress = Congress(
        organization=province,
        name="Đại hội XX",
        code="ĐH",
        opens_on=D(2025, 10, 1),
        closes_on=D(2025, 10, 3),
    )
    check(lambda: congresses.save_congress(acting_user=admin_user, congress=congress))
    congress.closes_on = D(2025, 10, 4)
    check(
        lambda: congresses.save_congress(acting_user=admin_user, congress=congress),
        Congress.objects.get(pk=congress.pk),
    )
    check(
        lambda: congresses.delete_congress(acting_user=admin_user, congress=congress),
        Congress.objects.get(pk=congress.pk),
    )


# -------------------------------------------------------------------------- organizations


def test_organization_services(tree, admin_user):
    commune = check(
        lambda: orgs.create_organization(
            acting_user=admin_user,
            parent=tree.province,
            name="Đảng bộ xã Bắc Hà",
            code="ĐU",
            kind=OrgKind.COMMUNE,
            established_on=D(2020, 1, 1),
        )
    )
    check(
        lambda: orgs.update_organization(
            acting_user=admin_user, organization=commune, name="Đảng bộ xã Bắc Hà mới"
        ),
        commune,
    )
    term = check(
        lambda: orgs.add_term(
            acting_user=admin_user, organization=commune, name="2020–2025", starts_on=D(2020, 10, 1)
        )
    )
    check(
        lambda: orgs.add_term(
            acting_user=admin_user, organization=commune, name="2025–2030", starts_on=D(2025, 10, 1)
        ),
        CommitteeTerm.objects.get(pk=term.pk),  # the open term it closes
    )
    check(
        lambda: orgs.change_term_end(acting_user=admin_user, term=term, ends_on=D(2025, 9, 29)),
        CommitteeTerm.objects.get(pk=term.pk),
    )
    cell = factories.org(commune, "Chi bộ thôn Na Hối", "CB", OrgKind.CELL)
    check(
        lambda: orgs.merge_organization(
            acting_user=admin_user, organization=commune, into=tree.commune_a, on=D(2026, 1, 5)
        ),
        Organization.objects.get(pk=commune.pk),
    )
    check(
        lambda: orgs.merge_organization(
            acting_user=admin_user,
            organization=tree.commune_b,
            into=tree.commune_a,
            on=D(2026, 1, 6),
        ),
        Organization.objects.get(pk=tree.commune_b.pk),
    )
    moved = Organization.objects.get(pk=cell.pk)
    assert moved.path.startswith(tree.commune_a.path)
    check(
        lambda: orgs.dissolve_organization(
            acting_user=admin_user, organization=moved, on=D(2026, 2, 1)
        ),
        moved,
    )


def test_member_services(tree, admin_user):
    profile = {
        "full_name": "Hoàng Thị Thủy",
        "gender": "female",
        "birth_date": D(1990, 5, 1),
        "card_number": "26000001",
    }
    member = check(
        lambda: procedures.admit_member(
            acting_user=admin_user, organization=tree.cell_a1, admitted_on=D(2024, 1, 10), **profile
        )
    )
    check(
        lambda: members.update_member(acting_user=admin_user, member=member, phone="0912345678"),
        Member.objects.get(pk=member.pk),
    )
    check(
        lambda: procedures.recognize_official(
            acting_user=admin_user, member=member, on=D(2025, 2, 1)
        ),
        Member.objects.get(pk=member.pk),
    )
    exemption = check(
        lambda: procedures.exempt_member(
            acting_user=admin_user, member=member, starts_on=D(2025, 6, 1), reason="Ốm dài ngày"
        )
    )
    check(
        lambda: procedures.end_exemption(acting_user=admin_user, member=member, on=D(2025, 9, 1)),
        Exemption.objects.get(pk=exemption.pk),
    )
    position = check(
        lambda: procedures.grant_position(
            acting_user=admin_user,
            member=member,
            organization=tree.cell_a1,
            title="secretary",
            starts_on=D(2025, 3, 1),
        )
    )
    check(
        lambda: procedures.end_position(
            acting_user=admin_user, position=position, on=D(2025, 12, 1)
        ),
        Position.objects.get(pk=position.pk),
    )
    transfer = check(
        lambda: procedures.transfer_member(
            acting_user=admin_user,
            member=member,
            kind="official",
            on=D(2026, 1, 5),
            to_organization=tree.cell_a2,
        ),
        Member.objects.get(pk=member.pk),
    )
    assert isinstance(transfer, Transfer)
    check(
        lambda: procedures.transfer_member(
            acting_user=admin_user,
            member=tree.member_b1,
            kind="temporary",
            on=D(2026, 1, 5),
            to_organization=tree.cell_a1,
        )
    )
    check(
        lambda: procedures.remove_member(
            acting_user=admin_user, member=member, on=D(2026, 2, 1), reason="Vi phạm"
        ),
        Member.objects.get(pk=member.pk),
    )
    check(
        lambda: procedures.record_death(
            acting_user=admin_user, member=tree.member_a2, on=D(2026, 2, 2)
        ),
        Member.objects.get(pk=tree.member_a2.pk),
    )


def test_a_step_refused_writes_nothing(office):
    """The context writes its entry only when the block ends well."""
    document = office.draft()
    before = AuditEntry.objects.count()
    with pytest.raises(Exception):  # noqa: B017, PT011 — a DocumentError: the signer is missing
        outgoing.sign(acting_user=office.leader, document=document)
    assert AuditEntry.objects.count() == before
    assert OutgoingDocument.objects.get(pk=document.pk).signed_at is None


def test_the_history_of_a_signed_and_recalled_document_shows_what_changed(office):
    document = office.issued()
    outgoing.recall(acting_user=office.clerk, document=document, reason="Thay đổi thời gian")
    rows = {e.action: audit.changed(e.before, e.after) for e in audit.history_of(document)}
    assert set(rows["outgoing.sign"]) >= {"signed_at", "status"}
    assert rows["outgoing.recall"]["ended_reason"] == ["", "Thay đổi thời gian"]
    assert set(rows["outgoing.recall"]) >= {"ended_at", "status"}


def test_dues_services(tree):
    """Categories, bases, reliefs, the month's lines (created and changed) and payments."""
    from vanphong.dues.models import LedgerLine
    from vanphong.dues.services import ledger, payments, profile

    nov, oct_ = D(2026, 11, 1), D(2026, 10, 1)
    member = tree.member_a1
    check(
        lambda: profile.set_category(
            acting_user=None, member=member, category="social_insurance", starts_on=D(2011, 1, 1)
        )
    )
    basis = check(
        lambda: profile.set_basis(acting_user=None, member=member, month=oct_, value=7_000_000)
    )
    check(
        lambda: profile.add_relief(
            acting_user=None,
            member=member,
            kind="reduce",
            reason="hardship",
            percent=30,
            starts_on=nov,
            ends_on=D(2027, 4, 1),
            decision="1-QĐ/CB",
            decided_on=nov,
        )
    )
    ledger.compute_month(acting_user=None, organization=tree.cell_a1, month=nov)
    line = LedgerLine.objects.get(member=member, month=nov)
    check(
        lambda: profile.set_basis(acting_user=None, member=member, month=oct_, value=8_000_000),
        basis,
    )
    check(
        lambda: ledger.compute_month(acting_user=None, organization=tree.cell_a1, month=nov), line
    )
    check(lambda: payments.record_payment(acting_user=None, line=line, value=1000))
    line.refresh_from_db()
    check(lambda: payments.record_payment(acting_user=None, line=line, value=1000), line)
