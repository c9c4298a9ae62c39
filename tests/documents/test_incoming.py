"""Incoming documents: registration, duplicates, routing, progress, closing, reminders."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from vanphong.core.models import AuditEntry, Clearance, Notification
from vanphong.documents.models import Assignment, IncomingDocument, IncomingStatus
from vanphong.documents.services import incoming
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.services.reminders import send_deadline_reminders
from vanphong.organizations.roles import Role


def test_registration_numbers_and_normalizes(office):
    a = office.register(original_number="  Số 42-HD/BTCTW ", issuer="Ban Tổ chức Trung ương")
    b = office.register(summary="Đảng uỷ Khối chỉ đạo công tác văn thư")
    assert (a.number, b.number) == (1, 2)
    assert a.original_number == "42-HD/BTCTW"
    assert b.summary == "Đảng ủy Khối chỉ đạo công tác văn thư"  # canonical tone placement
    assert b.summary_folded == "dang uy khoi chi dao cong tac van thu"
    assert AuditEntry.objects.filter(action="incoming.register", target_id=str(a.pk)).exists()


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"document_date": datetime.date(2099, 1, 1)}, "future_date"),
        ({"summary": "   "}, "empty_summary"),
        ({"pages": 0}, "pages"),
        ({"doc_type": "khong_co"}, "unknown_type"),
    ],
)
def test_bad_registration_changes_nothing(office, overrides, code):
    with pytest.raises(DocumentError) as error:
        office.register(**overrides)
    assert error.value.code == code
    assert error.value.message  # Vietnamese text through the catalog
    assert not IncomingDocument.objects.exists()
    office.register()
    assert IncomingDocument.objects.get().number == 1  # the failed attempt took no number


def test_document_dated_after_receipt_is_refused(office):
    received = timezone.make_aware(datetime.datetime(2025, 11, 3, 9))
    with pytest.raises(DocumentError) as error:
        office.register(received_at=received, document_date=datetime.date(2025, 11, 4))
    assert error.value.code == "date_after_receipt"


def test_duplicates_found_by_issuer_number_and_date(office):
    first = office.register(issuer="Ban Tổ chức Trung ương", original_number="42-HD/BTCTW")
    found = incoming.find_duplicates(
        office.tree.province,
        issuer="ban to chuc trung uong",  # typed without tone marks
        original_number="Số 42-HD/BTCTW",
        document_date=first.document_date,
    )
    assert list(found) == [first]
    found = incoming.find_duplicates(
        office.tree.province,
        issuer="BAN TỔ CHỨC TRUNG ƯƠNG",
        original_number="Số 42-HD/BTCTW",
        document_date=first.document_date,
    )
    assert list(found) == [first]
    other_day = incoming.find_duplicates(
        office.tree.province,
        issuer="Ban Tổ chức Trung ương",
        original_number="42-HD/BTCTW",
        document_date=first.document_date - datetime.timedelta(days=1),
    )
    assert not other_day.exists()


def test_assign_progress_close(office):
    document = office.register()
    deadline = timezone.localdate() + datetime.timedelta(days=5)
    incoming.assign(
        acting_user=office.head,
        document=document,
        lead=office.specialist,
        readers=[office.clerk],
        deadline=deadline,
        direction="Đề nghị Văn phòng tham mưu văn bản trả lời.",
    )
    document.refresh_from_db()
    assert document.status == IncomingStatus.ASSIGNED and document.deadline == deadline
    roles = dict(Assignment.objects.values_list("user__username", "role"))
    assert roles == {"cv": "lead", "vt": "reader"}
    assert Notification.objects.filter(user=office.specialist, kind="document_work").exists()
    incoming.add_progress(acting_user=office.specialist, document=document, text="Đã xin ý kiến")
    document.refresh_from_db()
    assert document.status == IncomingStatus.IN_PROGRESS
    with pytest.raises(DocumentError) as error:  # a reader does not handle it
        incoming.close(acting_user=office.clerk, document=document, result="Xong")
    assert error.value.code == "not_handler"
    incoming.close(acting_user=office.specialist, document=document, result="Đã báo cáo")
    document.refresh_from_db()
    assert document.status == IncomingStatus.DONE and document.result == "Đã báo cáo"
    assert not Assignment.objects.filter(done_at__isnull=True).exists()


def test_assign_refuses_people_outside_scope_or_clearance(office):
    document = office.register(confidentiality=Clearance.SECRET)
    with pytest.raises(DocumentError) as error:
        incoming.assign(acting_user=office.head, document=document, lead=office.sibling_clerk)
    assert error.value.code == "handler_scope"
    with pytest.raises(DocumentError) as error:  # the specialist has no clearance
        incoming.assign(acting_user=office.head, document=document, lead=office.specialist)
    assert error.value.code == "handler_clearance"
    assert not Assignment.objects.exists()


def test_classified_summary_never_in_notifications_or_audit(office):
    secret = "Phương án nhân sự Đại hội khóa mới"
    document = office.register(confidentiality=Clearance.SECRET, summary=secret)
    cleared = factories.user("cv2", roles=[(Role.SPECIALIST, office.tree.province)], clearance=1)
    incoming.assign(acting_user=office.head, document=document, lead=cleared)
    titles = list(Notification.objects.values_list("title", "body"))
    assert titles and all(secret not in t + b for t, b in titles)
    for entry in AuditEntry.objects.filter(target_id=str(document.pk)):
        assert secret not in str(entry.before) + str(entry.after)


def test_deadline_reminders_before_and_after(office):
    today = timezone.localdate()
    soon = office.register(summary="Sắp đến hạn")
    late = office.register(summary="Quá hạn")
    incoming.assign(
        acting_user=office.head,
        document=soon,
        lead=office.specialist,
        deadline=today + datetime.timedelta(days=2),
    )
    incoming.assign(acting_user=office.head, document=late, lead=office.specialist, deadline=today)
    Assignment.objects.filter(document=late).update(deadline=today - datetime.timedelta(days=1))
    Notification.objects.all().delete()
    assert send_deadline_reminders(today) == 2
    assert send_deadline_reminders(today) == 0  # once a day, once before
    titles = sorted(Notification.objects.values_list("title", flat=True))
    assert len(titles) == 2
    assert any("Sắp đến hạn" in t for t in titles) and any("Quá hạn" in t for t in titles)
    tomorrow = today + datetime.timedelta(days=1)
    assert send_deadline_reminders(tomorrow) == 1  # the overdue one again; the other was reminded


def test_department_must_belong_to_the_receiving_organization(office):
    from vanphong.organizations.models import OrgKind

    own = factories.org(
        office.tree.province, "Phòng Hành chính - Lưu trữ", "PHC", OrgKind.DEPARTMENT
    )
    other = factories.org(office.tree.commune_b, "Văn phòng Đảng ủy", "VPĐU", OrgKind.OFFICE)
    document = office.register()
    with pytest.raises(DocumentError) as error:
        incoming.assign(
            acting_user=office.head, document=document, lead=office.specialist, department=other
        )
    assert error.value.code == "department_scope"
    assert not Assignment.objects.exists()
    incoming.assign(
        acting_user=office.head,
        document=document,
        lead=office.specialist,
        readers=[office.clerk],
        department=own,
    )
    assert dict(Assignment.objects.values_list("role", "department")) == {
        "lead": own.pk,
        "reader": None,
    }


def test_reminder_command_queues_the_task(office):
    from django.core.management import call_command

    document = office.register()
    incoming.assign(
        acting_user=office.head,
        document=document,
        lead=office.specialist,
        deadline=timezone.localdate() + datetime.timedelta(days=1),
    )
    Notification.objects.all().delete()
    call_command("remind_document_deadlines", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        Notification.objects.filter(user=office.specialist, kind="document_deadline").count() == 1
    )
