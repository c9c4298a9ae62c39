"""Outgoing documents: versions, appraisal, signature by the designated signer, issue with its
DOCX, reply closing the incoming document, dispatch, seal log, recall."""

import datetime
import io

import pytest
from docx import Document as Docx

from tests import factories
from vanphong.documents.models import (
    DeliveryStatus,
    FileRole,
    IncomingStatus,
    OutgoingStatus,
    SealUse,
)
from vanphong.documents.services import dispatch, files, outgoing
from vanphong.documents.services.errors import DocumentError
from vanphong.organizations.roles import Role

DAY = datetime.date(2026, 2, 3)


def test_versions_kept_and_only_drafts_change(office):
    document = office.draft()
    outgoing.update_draft(
        acting_user=office.specialist, document=document, body="Đoạn mới.", note="Sửa theo góp ý"
    )
    outgoing.update_draft(acting_user=office.specialist, document=document, body="Đoạn mới.")
    assert list(document.versions.values_list("version", "body")) == [
        (1, "Đoạn một.\nĐoạn hai."),
        (2, "Đoạn mới."),
    ]  # an unchanged save adds no version
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    with pytest.raises(DocumentError) as error:
        outgoing.update_draft(acting_user=office.specialist, document=document, body="x")
    assert error.value.code == "wrong_state"


def test_revision_requested_sends_back_and_needs_new_agreement(office):
    document = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    with pytest.raises(DocumentError):  # "needs revision" without a comment
        outgoing.appraise(acting_user=office.head, document=document, verdict="revise")
    outgoing.appraise(
        acting_user=office.head, document=document, verdict="revise", text="Bổ sung số liệu"
    )
    document.refresh_from_db()
    assert document.status == OutgoingStatus.RETURNED  # bị trả lại, its own state
    outgoing.update_draft(acting_user=office.specialist, document=document, body="Có số liệu.")
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    with pytest.raises(DocumentError) as error:
        outgoing.submit_for_signature(
            acting_user=office.specialist, document=document, signer=office.leader
        )
    assert error.value.code == "not_appraised"


def test_only_the_designated_signer_with_authority_signs(office):
    document = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    outgoing.appraise(acting_user=office.head, document=document, verdict="agree")
    with pytest.raises(DocumentError) as error:
        outgoing.submit_for_signature(
            acting_user=office.specialist, document=document, signer=office.clerk
        )
    assert error.value.code == "signer_authority"
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=document, signer=office.leader
    )
    other_leader = factories.user("pbt", roles=[(Role.LEADER, office.tree.province)])
    with pytest.raises(DocumentError) as error:
        outgoing.sign(acting_user=other_leader, document=document)
    assert error.value.code == "not_signer"
    outgoing.sign(acting_user=office.leader, document=document)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.SIGNED and document.signed_at


def test_issue_stores_docx_with_the_number(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = office.issued(on=DAY)
    row = document.files.get(role=FileRole.ISSUED_DOCX)
    assert row.name == "01-NQ-TU.docx"
    text = "\n".join(
        p.text for p in Docx(io.BytesIO(files.read_file(office.clerk, row))).paragraphs
    )
    table_text = "\n".join(
        cell.text
        for t in Docx(io.BytesIO(files.read_file(office.clerk, row))).tables
        for r in t.rows
        for cell in r.cells
    )
    assert "Số 01-NQ/TU" in table_text
    assert "Lào Cai, ngày 03 tháng 02 năm 2026" in table_text
    assert "NGHỊ QUYẾT" in text


def test_reply_closes_the_incoming_document(office):
    received = office.register()
    reply = office.issued(on=None, doc_type="cong_van", in_reply_to=received)
    received.refresh_from_db()
    assert received.status == IncomingStatus.DONE
    assert reply.symbol in received.result


def test_dispatch_seal_and_recall(office):
    document = office.issued(on=DAY)
    rows = dispatch.send(
        acting_user=office.clerk, document=document, recipients=[], channel="paper"
    )
    assert [r.recipient for r in rows] == ["Các đảng ủy trực thuộc", "Lưu Văn phòng Tỉnh ủy"]
    dispatch.apply_seal(acting_user=office.clerk, document=document, copies=3)
    assert SealUse.objects.get().copies == 3
    dispatch.set_delivery(acting_user=office.clerk, dispatch=rows[0], status="delivered")
    outgoing.recall(acting_user=office.clerk, document=document, reason="Sai thể thức")
    document.refresh_from_db()
    assert document.status == OutgoingStatus.RECALLED
    assert set(document.dispatches.values_list("status", flat=True)) == {DeliveryStatus.RECALLED}
    with pytest.raises(DocumentError):
        dispatch.apply_seal(acting_user=office.clerk, document=document)


def test_dispatch_before_issue_is_refused(office):
    document = office.signed()
    with pytest.raises(DocumentError) as error:
        dispatch.send(
            acting_user=office.clerk, document=document, recipients=["A"], channel="paper"
        )
    assert error.value.code == "wrong_state"
    assert not document.dispatches.exists()
