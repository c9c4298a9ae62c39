"""Loans of archived files (docs/rules/records.md §5): a reader asks with a purpose; who has
the authority decides (the office head for an unclassified file, a committee leader for a
classified one); the archivist hands it out with its due date and records its return."""

import datetime

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from vanphong.core import access, audit
from vanphong.core.rules import value_as_of
from vanphong.core.vntext import canonical
from vanphong.records.access import RecordAction
from vanphong.records.errors import RecordError
from vanphong.records.models import FileStatus, Loan, LoanStatus, RecordFile
from vanphong.records.rule_tables import RuleTable
from vanphong.records.services.common import ensure, today

OPEN = (LoanStatus.REQUESTED, LoanStatus.APPROVED, LoanStatus.LENT)


def approver_action(loan_or_file) -> RecordAction:
    """A classified file needs the higher authority."""
    if loan_or_file.confidentiality:
        return RecordAction.LOAN_APPROVE_CLASSIFIED
    return RecordAction.LOAN_APPROVE


def request_loan(*, acting_user, file: RecordFile, purpose: str) -> Loan:
    if not access.clearance_allows(acting_user, file.confidentiality):
        raise RecordError(
            RecordError.LOAN_CLEARANCE, level=file.get_confidentiality_display().lower()
        )
    ensure(acting_user, RecordAction.LOAN_REQUEST, file)
    purpose = canonical(purpose or "")
    if not purpose:
        raise RecordError(RecordError.PURPOSE_NEEDED)
    with transaction.atomic():
        file = RecordFile.objects.select_for_update().get(pk=file.pk)
        if file.status != FileStatus.HANDED_OVER:
            raise RecordError(RecordError.NOT_IN_ARCHIVE)
        if file.loans.filter(borrower=acting_user, status__in=OPEN).exists():
            raise RecordError(RecordError.LOAN_OPEN)
        with audit.change(
            acting_user, None, "records.loan_request", organization=file.organization
        ) as rec:
            rec.target = Loan.objects.create(
                organization=file.organization,
                file=file,
                borrower=acting_user,
                purpose=purpose,
                confidentiality=file.confidentiality,
            )
    return rec.target


def _lock(loan: Loan) -> Loan:
    return Loan.objects.select_for_update().get(pk=loan.pk)


def _step(loan: Loan, *allowed: str) -> None:
    if loan.status not in allowed:
        raise RecordError(RecordError.LOAN_STEP, status=loan.get_status_display().lower())


def decide(*, acting_user, loan: Loan, approve: bool, note: str = "") -> Loan:
    ensure(acting_user, approver_action(loan), loan)
    if acting_user is not None and acting_user.pk == loan.borrower_id:
        raise RecordError(RecordError.OWN_LOAN)
    note = canonical(note or "")
    if not approve and not note:
        raise RecordError(RecordError.NOTE_NEEDED)
    with transaction.atomic():
        loan = _lock(loan)
        _step(loan, LoanStatus.REQUESTED)
        with audit.change(acting_user, loan, "records.loan_decide"):
            loan.status = LoanStatus.APPROVED if approve else LoanStatus.REFUSED
            loan.decided_by, loan.decided_at = acting_user, timezone.now()
            loan.decision_note = note
            loan.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return loan


def lend(*, acting_user, loan: Loan) -> Loan:
    """The archivist hands the approved file out; it is due back after the rule's days."""
    ensure(acting_user, RecordAction.RECEIVE, loan)
    day = today()
    rule = value_as_of(RuleTable.LOAN, "days", day)
    if rule is None:
        raise RecordError(RecordError.NO_LOAN_RULE)
    with transaction.atomic():
        RecordFile.objects.select_for_update().get(pk=loan.file_id)  # one loan out at a time
        loan = _lock(loan)
        _step(loan, LoanStatus.APPROVED)
        if Loan.objects.filter(file_id=loan.file_id, status=LoanStatus.LENT).exists():
            raise RecordError(RecordError.ON_LOAN)
        with audit.change(acting_user, loan, "records.loan_lend"):
            loan.status, loan.lent_on, loan.handled_by = LoanStatus.LENT, day, acting_user
            loan.due_on = day + datetime.timedelta(days=rule["days"])
            loan.save(update_fields=["status", "lent_on", "handled_by", "due_on"])
    return loan


def record_return(*, acting_user, loan: Loan) -> Loan:
    ensure(acting_user, RecordAction.RECEIVE, loan)
    with transaction.atomic():
        loan = _lock(loan)
        _step(loan, LoanStatus.LENT)
        with audit.change(acting_user, loan, "records.loan_return"):
            loan.status, loan.returned_on = LoanStatus.RETURNED, today()
            loan.save(update_fields=["status", "returned_on"])
    return loan


def overdue(user, on: datetime.date | None = None) -> QuerySet:
    """Loans out past their due date, among those the archivist handles."""
    loans = access.visible(user, Loan.objects.all(), RecordAction.RECEIVE)
    return loans.filter(status=LoanStatus.LENT, due_on__lt=on or today())


def to_decide(user) -> QuerySet:
    """Requests waiting for the user's decision: the unclassified ones where they may approve
    loans, the classified ones where they hold the higher authority; never their own."""
    plain = access.visible(
        user, Loan.objects.filter(confidentiality=0), RecordAction.LOAN_APPROVE
    ).values("pk")
    classified = access.visible(
        user, Loan.objects.filter(confidentiality__gt=0), RecordAction.LOAN_APPROVE_CLASSIFIED
    ).values("pk")
    return Loan.objects.filter(
        Q(pk__in=plain) | Q(pk__in=classified), status=LoanStatus.REQUESTED
    ).exclude(borrower=user)


def to_hand_out(user) -> QuerySet:
    return access.visible(user, Loan.objects.all(), RecordAction.RECEIVE).filter(
        status__in=(LoanStatus.APPROVED, LoanStatus.LENT)
    )


def mine(user) -> QuerySet:
    """The user's own loans, among the files they may still borrow."""
    return access.visible(user, Loan.objects.all(), RecordAction.LOAN_REQUEST).filter(borrower=user)
