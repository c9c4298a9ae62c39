"""Every records service that writes leaves an audit entry naming every field it changed
(the check of tests/audit_diff_support.py)."""

import pytest

from tests.audit_diff_support import check
from vanphong.core.models import AuditEntry, Clearance
from vanphong.records.services import files, handover, plans

pytestmark = pytest.mark.django_db


def test_records_services(archive):
    clerk = archive.clerk
    nxt = check(
        lambda: plans.create_plan(acting_user=clerk, organization=archive.tree.province, year=2027)
    )
    check(
        lambda: plans.add_item(
            acting_user=clerk, plan=nxt, code="09", title="Hồ sơ mới", retention_key="cong_van"
        )
    )
    file = check(lambda: files.open_file(acting_user=clerk, item=archive.item))
    secret = archive.secret_incoming(doc_type="nghi_quyet")
    check(
        lambda: files.add_document(acting_user=archive.cleared_clerk, file=file, document=secret),
        file,
    )
    file.refresh_from_db()
    assert file.confidentiality == Clearance.SECRET
    cleared = archive.cleared_clerk  # the file is Mật now
    entry = files.add_document(acting_user=cleared, file=file, document=archive.register())
    check(lambda: files.remove_document(acting_user=cleared, entry=entry), file)
    check(lambda: files.close_file(acting_user=cleared, file=file), file)
    received = check(
        lambda: handover.receive(acting_user=archive.archivist, files=[file], handed_by_name="A")
    )
    entry = AuditEntry.objects.filter(action="records.file_hand_over").get()
    assert entry.target_id == str(file.pk) and entry.after["handover"] == received.pk
    filed = AuditEntry.objects.filter(action="records.file_document").order_by("pk").first()
    assert filed.after["filed"].endswith("— …")  # a classified summary stays out of the trail
    assert secret.summary not in str(filed.after)


def test_loan_services(archive):
    from vanphong.records.services import loans

    file = archive.file()
    files.add_document(acting_user=archive.clerk, file=file, document=archive.register())
    file = files.close_file(acting_user=archive.clerk, file=file)
    handover.receive(acting_user=archive.archivist, files=[file], handed_by_name="A")
    file.refresh_from_db()
    loan = check(
        lambda: loans.request_loan(acting_user=archive.specialist, file=file, purpose="Xem")
    )
    check(lambda: loans.decide(acting_user=archive.head, loan=loan, approve=True), loan)
    check(lambda: loans.lend(acting_user=archive.archivist, loan=loan), loan)
    check(lambda: loans.record_return(acting_user=archive.archivist, loan=loan), loan)
