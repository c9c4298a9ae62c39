"""Loans of archived files (docs/rules/records.md §5): a classified file needs the reader's
clearance and the higher authority; one loan out at a time; due dates and the overdue list."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests import factories
from tests.clock import TZ
from vanphong.core.models import Clearance
from vanphong.organizations.roles import Role
from vanphong.records.errors import RecordError
from vanphong.records.models import Loan, LoanStatus
from vanphong.records.services import files, handover, loans

pytestmark = pytest.mark.django_db
D = datetime.date


def _archived(archive, item=None, level=Clearance.NONE):
    file = archive.file(item)
    document = archive.secret_incoming(level) if level else archive.register()
    files.add_document(acting_user=archive.cleared_clerk, file=file, document=document)
    file = files.close_file(acting_user=archive.cleared_clerk, file=file)
    receiver = archive.archivist if level <= 1 else None
    handover.receive(acting_user=receiver, files=[file], handed_by_name="Lê Thị Hạnh")
    file.refresh_from_db()
    return file


def _code(call):
    with pytest.raises(RecordError) as raised:
        call()
    return raised.value.code


def test_a_loan_from_request_to_return(archive):
    file = _archived(archive)
    loan = loans.request_loan(acting_user=archive.specialist, file=file, purpose="Tham khảo")
    assert (
        _code(lambda: loans.request_loan(acting_user=archive.specialist, file=file, purpose="Lại"))
        == "loan_open"
    )
    assert _code(lambda: loans.lend(acting_user=archive.archivist, loan=loan)) == "loan_step"
    with pytest.raises(PermissionDenied):
        loans.decide(acting_user=archive.archivist, loan=loan, approve=True)
    loans.decide(acting_user=archive.head, loan=loan, approve=True)
    loan = loans.lend(acting_user=archive.archivist, loan=loan)
    assert (loan.status, loan.lent_on, loan.due_on) == (
        LoanStatus.LENT,
        D(2026, 11, 25),
        D(2026, 12, 5),
    )
    other = loans.request_loan(acting_user=archive.clerk, file=file, purpose="Đối chiếu")
    loans.decide(acting_user=archive.head, loan=other, approve=True)
    assert _code(lambda: loans.lend(acting_user=archive.archivist, loan=other)) == "on_loan"
    loan = loans.record_return(acting_user=archive.archivist, loan=loan)
    assert (loan.status, loan.returned_on) == (LoanStatus.RETURNED, D(2026, 11, 25))
    assert loans.lend(acting_user=archive.archivist, loan=other).status == LoanStatus.LENT


def test_a_classified_file_needs_the_readers_clearance_and_a_leaders_decision(archive):
    file = _archived(archive, level=Clearance.SECRET)
    before = Loan.objects.count()
    assert (
        _code(lambda: loans.request_loan(acting_user=archive.specialist, file=file, purpose="Xem"))
        == "loan_clearance"
    )
    assert Loan.objects.count() == before
    reader = archive.cleared_specialist
    loan = loans.request_loan(acting_user=reader, file=file, purpose="Xem")
    assert loan.confidentiality == Clearance.SECRET
    head = archive.cleared(archive.head, Clearance.SECRET)
    with pytest.raises(PermissionDenied):  # an unclassified loan's authority is not enough
        loans.decide(acting_user=head, loan=loan, approve=True)
    assert not loans.to_decide(head).exists() and loans.to_decide(archive.leader).count() == 1
    assert (
        _code(lambda: loans.decide(acting_user=archive.leader, loan=loan, approve=False))
        == "note_needed"
    )
    loan = loans.decide(acting_user=archive.leader, loan=loan, approve=False, note="Chưa cần")
    assert loan.status == LoanStatus.REFUSED


def test_a_borrower_does_not_decide_their_own_loan(archive):
    file = _archived(archive)
    loan = loans.request_loan(acting_user=archive.head, file=file, purpose="Tự mượn")
    assert _code(lambda: loans.decide(acting_user=archive.head, loan=loan, approve=True)) == (
        "own_loan"
    )
    assert not loans.to_decide(archive.head).exists()


def test_only_a_file_of_the_archive_is_lent_and_a_purpose_is_needed(archive):
    file = archive.file()
    assert (
        _code(lambda: loans.request_loan(acting_user=archive.specialist, file=file, purpose="Xem"))
        == "not_in_archive"
    )
    archived = _archived(archive, archive.item2)
    assert (
        _code(
            lambda: loans.request_loan(acting_user=archive.specialist, file=archived, purpose="  ")
        )
        == "purpose_needed"
    )
    sibling = factories.user("cv_xa", roles=[(Role.SPECIALIST, archive.tree.commune_b)])
    with pytest.raises(PermissionDenied):
        loans.request_loan(acting_user=sibling, file=archived, purpose="Xem")
    assert not Loan.objects.exists()


def test_a_loan_is_overdue_the_day_after_its_due_date(archive, client):
    file = _archived(archive)
    loan = loans.request_loan(acting_user=archive.specialist, file=file, purpose="Tham khảo")
    loans.decide(acting_user=archive.head, loan=loan, approve=True)
    loan = loans.lend(acting_user=archive.archivist, loan=loan)
    for day, figure in ((D(2026, 12, 5), 0), (D(2026, 12, 6), 1)):
        with time_machine.travel(datetime.datetime.combine(day, datetime.time(10), TZ)):
            assert loans.overdue(archive.archivist).count() == figure
            client.force_login(archive.archivist)
            cards = {c["label"]: c for c in client.get("/").context["cards"]}
            card = cards["Hồ sơ lưu trữ cho mượn quá hạn"]
            assert card["figure"] == figure
            assert len(client.get(card["url"]).context["rows"]) == figure


def test_the_loan_pages_and_refused_steps(archive, client):
    file = _archived(archive)
    client.force_login(archive.specialist)
    page = client.get(reverse("records:archive")).content.decode()
    assert file.title in page
    response = client.post(reverse("records:loan_new", args=[file.pk]), {"purpose": ""})
    assert response.status_code == 400 and not Loan.objects.exists()
    response = client.post(reverse("records:loan_new", args=[file.pk]), {"purpose": "x" * 1001})
    assert response.status_code == 400 and not Loan.objects.exists()
    response = client.post(reverse("records:loan_new", args=[file.pk]), {"purpose": "Tham khảo"})
    assert response.status_code == 302
    loan = Loan.objects.get()
    for user in (archive.specialist, archive.archivist, archive.member_user):
        client.force_login(user)
        response = client.post(reverse("records:loan_step", args=[loan.pk, "duyet"]))
        assert response.status_code == 404
    loan.refresh_from_db()
    assert loan.status == LoanStatus.REQUESTED
    client.force_login(archive.head)
    assert client.post(reverse("records:loan_step", args=[loan.pk, "khac"])).status_code == 404
    listed = client.get(reverse("records:loans") + "?cho_duyet=1")
    assert [row.pk for row in listed.context["rows"]] == [loan.pk]
    response = client.post(reverse("records:loan_step", args=[loan.pk, "tu-choi"]))
    assert response.status_code == 400 and "lý do" in response.content.decode()
    assert client.post(reverse("records:loan_step", args=[loan.pk, "duyet"])).status_code == 302
    client.force_login(archive.archivist)
    assert client.post(reverse("records:loan_step", args=[loan.pk, "cho-muon"])).status_code == 302
    response = client.post(reverse("records:loan_step", args=[loan.pk, "cho-muon"]))
    assert response.status_code == 400
    assert client.post(reverse("records:loan_step", args=[loan.pk, "tra"])).status_code == 302
    loan.refresh_from_db()
    assert loan.status == LoanStatus.RETURNED
    client.force_login(archive.member_user)
    assert client.get(reverse("records:loans")).status_code == 404
    assert client.get(reverse("records:archive")).status_code == 404
