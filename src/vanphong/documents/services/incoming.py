"""Incoming documents: registration in the year's register, routing, progress, closing."""

import datetime

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access, audit, notifications, numbering, vntext
from vanphong.core.lengths import check_lengths
from vanphong.core.models import Clearance
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    FileRole,
    IncomingDocument,
    IncomingStatus,
    Issuer,
    ProgressNote,
)
from vanphong.documents.notices import NoticeKind
from vanphong.documents.services import files
from vanphong.documents.services.clearance import require_clearance
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.symbols import strip_number_prefix
from vanphong.documents.types import type_rule
from vanphong.organizations.models import Organization, OrgKind


def incoming_key(year: int) -> tuple[str, str]:
    return f"incoming:{year}", _("Incoming documents %(year)s") % {"year": year}


UNIT_KINDS = (OrgKind.OFFICE, OrgKind.DEPARTMENT)


def is_unit_of(department, organization) -> bool:
    """Is `department` a unit (office, Vụ, phòng) of `organization` itself, not of one below it?"""
    path, top = department.path, organization.path
    if not path.startswith(top) or path == top:
        return False
    between = [
        path[:i] for i in range(len(top) + department.steplen, len(path) + 1, department.steplen)
    ]
    kinds = set(Organization.objects.filter(path__in=between).values_list("kind", flat=True))
    return kinds <= set(UNIT_KINDS)


def find_duplicates(organization, *, issuer: str, original_number: str, document_date):
    """Registered documents with the same issuer, number and symbol, and date (shown before saving)."""
    return IncomingDocument.objects.filter(
        organization=organization,
        issuer_folded=vntext.fold(vntext.canonical(issuer)),
        original_number=strip_number_prefix(original_number),
        document_date=document_date,
    ).order_by("year", "number")


# A receipt time a little ahead of the server's clock is a clock, not a mistake.
RECEIPT_CLOCK_SKEW = datetime.timedelta(minutes=10)


def register_incoming(
    *,
    acting_user,
    organization,
    received_at: datetime.datetime,
    channel: str,
    issuer: str,
    original_number: str,
    document_date: datetime.date,
    doc_type: str,
    summary: str,
    pages: int = 1,
    urgency: str = "",
    confidentiality: int = Clearance.NONE,
) -> IncomingDocument:
    """Enter a received document with the next number of the organization's register for the year."""
    require_clearance(acting_user, confidentiality)
    received_day = timezone.localdate(received_at)
    if received_at > timezone.now() + RECEIPT_CLOCK_SKEW:
        raise DocumentError(
            DocumentError.RECEIVED_FUTURE,
            when=timezone.localtime(received_at).strftime("%d/%m/%Y %H:%M"),
        )
    if not any(ch.isdigit() for ch in original_number or ""):
        raise DocumentError(DocumentError.NUMBER_WITHOUT_DIGITS)
    if document_date > timezone.localdate():
        raise DocumentError(DocumentError.FUTURE_DATE)
    if document_date > received_day:
        raise DocumentError(DocumentError.DATE_AFTER_RECEIPT)
    if not (summary or "").strip():
        raise DocumentError(DocumentError.EMPTY_SUMMARY)
    if pages < 1:
        raise DocumentError(DocumentError.PAGES)
    type_rule(doc_type, document_date)
    document = IncomingDocument(
        organization=organization,
        year=received_day.year,
        received_at=received_at,
        channel=channel,
        issuer=issuer.strip(),
        original_number=strip_number_prefix(original_number),
        document_date=document_date,
        doc_type=doc_type,
        summary=summary.strip(),
        pages=pages,
        urgency=urgency,
        confidentiality=confidentiality,
        registered_by=acting_user,
    )
    check_lengths(document)  # before the number is taken, which every other clerk waits for
    # From the number to the commit every other clerk of this register waits: the number is
    # taken by the INSERT itself, the audit entry is all that follows (core.numbering).
    with audit.change(acting_user, None, "incoming.register", snap=snap) as rec:
        document.clean_text()
        _remember_issuer(document)
        document.number = numbering.next_number(organization, *incoming_key(received_day.year))
        document.save(force_insert=True)
        rec.target = document
    # after the number's transaction: whoever routes the register's documents hears of it
    routers = access.holders(DocumentAction.ROUTE, organization, document.confidentiality)
    notifications.notify(
        [user for user in routers if user != acting_user],
        kind=NoticeKind.DOCUMENT_ARRIVED,
        title=notice_title(document, _("New incoming document to route: %(document)s")),
        url=document_url(document),
    )
    return document


def register_with_scan(*, acting_user, scan=None, **fields) -> IncomingDocument:
    """Register a received document together with its scan: the file is checked first (a refused
    file takes no number), then the document and the file are saved in one transaction, both or
    neither."""
    from vanphong.documents.uploads import FileKind, check_upload

    checked = check_upload(scan, allowed=set(FileKind)) if scan else None
    with transaction.atomic():
        document = register_incoming(acting_user=acting_user, **fields)
        if scan:
            files.store_checked_upload(acting_user, document, scan, checked, FileRole.SCAN)
    return document


def _remember_issuer(document: IncomingDocument) -> None:
    """Add the document's issuer to the directory of issuers (documents.search), nothing if it
    is there; before the number is taken. One plain statement: it runs for every registration,
    where the ORM's own work would be most of its cost."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Issuer._meta.db_table} (name, folded) VALUES (%s, %s)"  # noqa: S608 — values bound
            " ON CONFLICT (folded) DO NOTHING",
            [document.issuer, document.issuer_folded],
        )


def snap(document) -> dict:
    """An audit snapshot; a classified document's summary and text stay out of the trail,
    which more people read than the document (docs/rules/confidentiality.md)."""
    secret = ("summary", "body") if document.confidentiality > Clearance.NONE else ()
    return audit.snapshot(document, exclude=secret)


def notice_title(document, template: str) -> str:
    """A notification title that never carries a classified summary
    (docs/rules/confidentiality.md)."""
    if document.confidentiality > Clearance.NONE:
        subject = _("classified document no. %(number)s/%(year)s") % {
            "number": document.number,
            "year": document.year,
        }
    else:
        subject = f"{document.number}/{document.year} — {document.summary[:120]}"
    return template % {"document": subject}


def assign(
    *,
    acting_user,
    document: IncomingDocument,
    lead,
    co_handlers=(),
    readers=(),
    deadline: datetime.date | None = None,
    direction: str = "",
    department=None,
) -> list[Assignment]:
    """Route the document: one lead handler, co-handlers and readers, one deadline; the handling
    department (a unit of the office, for the deadline dashboard) when given."""
    if document.status == IncomingStatus.DONE:
        raise DocumentError(DocumentError.WRONG_STATE)
    if deadline is not None and deadline < timezone.localdate():
        raise DocumentError(DocumentError.DEADLINE_PAST)
    if lead is None:
        raise DocumentError(DocumentError.NO_LEAD)
    if department is not None and not is_unit_of(department, document.organization):
        raise DocumentError(DocumentError.DEPARTMENT_SCOPE)
    people = [(lead, AssignmentRole.LEAD)]
    people += [(u, AssignmentRole.CO) for u in co_handlers if u.pk != lead.pk]
    seen = {u.pk for u, _r in people}
    people += [(u, AssignmentRole.READER) for u in readers if u.pk not in seen]
    for user, role in people:
        action = DocumentAction.VIEW if role == AssignmentRole.READER else DocumentAction.HANDLE
        if not access.can(user, action, document.organization):
            raise DocumentError(DocumentError.HANDLER_SCOPE, name=user.get_full_name() or user)
        if not access.clearance_allows(user, document.confidentiality):
            raise DocumentError(DocumentError.HANDLER_CLEARANCE, name=user.get_full_name() or user)
    with transaction.atomic():
        document = IncomingDocument.objects.select_for_update().get(pk=document.pk)
        with audit.change(acting_user, document, "incoming.assign", snap=snap) as rec:
            rec.extra_before["handlers"] = {
                str(a.user_id): a.role for a in document.assignments.all()
            }
            document.assignments.all().delete()
            rows = [
                Assignment.objects.create(
                    document=document,
                    user=user,
                    role=role,
                    deadline=deadline if role != AssignmentRole.READER else None,
                    department=department if role != AssignmentRole.READER else None,
                    assigned_by=acting_user,
                )
                for user, role in people
            ]
            document.deadline = deadline
            document.status = IncomingStatus.ASSIGNED
            if direction.strip():
                document.direction = direction.strip()
                document.directed_by = acting_user
                document.directed_at = timezone.now()
            document.save()
            rec.extra_after["handlers"] = {str(u.pk): role for u, role in people}
        notifications.notify(
            [user for user, _role in people],
            kind=NoticeKind.DOCUMENT_WORK,
            title=notice_title(document, _("New assignment: %(document)s")),
            url=document_url(document),
        )
    return rows


def record_direction(*, acting_user, document: IncomingDocument, direction: str):
    """The leader's direction (ý kiến chỉ đạo) on a document."""
    if not direction.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document = IncomingDocument.objects.select_for_update().get(pk=document.pk)
        with audit.change(acting_user, document, "incoming.direct", snap=snap):
            document.direction = direction.strip()
            document.directed_by = acting_user
            document.directed_at = timezone.now()
            document.save(update_fields=["direction", "directed_by", "directed_at"])
        handlers = [a.user for a in document.assignments.select_related("user")]
        notifications.notify(
            handlers,
            kind=NoticeKind.DOCUMENT_WORK,
            title=notice_title(document, _("Leader's direction on %(document)s")),
            url=document_url(document),
        )
    return document


def _require_handler(user, document: IncomingDocument) -> Assignment | None:
    assignment = document.assignments.filter(
        user=user, role__in=[AssignmentRole.LEAD, AssignmentRole.CO]
    ).first()
    if assignment is None and not access.can(user, DocumentAction.ROUTE, document):
        raise DocumentError(DocumentError.NOT_HANDLER)
    return assignment


def add_progress(*, acting_user, document: IncomingDocument, text: str) -> ProgressNote:
    if document.status == IncomingStatus.DONE:
        raise DocumentError(DocumentError.WRONG_STATE)
    if not text.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    _require_handler(acting_user, document)
    with transaction.atomic():
        document = IncomingDocument.objects.select_for_update().get(pk=document.pk)
        with audit.change(acting_user, document, "incoming.progress", snap=snap) as rec:
            note = ProgressNote.objects.create(
                document=document, author=acting_user, text=text.strip()
            )
            if document.status == IncomingStatus.ASSIGNED:
                document.status = IncomingStatus.IN_PROGRESS
                document.save(update_fields=["status"])
            rec.extra_after["progress"] = note.text if not document.confidentiality else "…"
    return note


def close(*, acting_user, document: IncomingDocument, result: str, reply=None):
    """Close the document with a result, or with the reply document that answered it."""
    if document.status == IncomingStatus.DONE:
        raise DocumentError(DocumentError.WRONG_STATE)
    if not result.strip() and reply is None:
        raise DocumentError(DocumentError.REASON_REQUIRED)
    _require_handler(acting_user, document)
    with transaction.atomic():
        return _close(acting_user, document, result.strip() or _reply_result(reply))


def _reply_result(reply) -> str:
    return _("Answered by document no. %(symbol)s") % {"symbol": reply.symbol}


def _close(acting_user, document: IncomingDocument, result: str) -> IncomingDocument:
    document = IncomingDocument.objects.select_for_update().get(pk=document.pk)
    with audit.change(acting_user, document, "incoming.close", snap=snap):
        now = timezone.now()
        document.status = IncomingStatus.DONE
        document.result = result
        document.closed_at = now
        document.save(update_fields=["status", "result", "closed_at"])
        document.assignments.filter(done_at__isnull=True).update(done_at=now)
    return document


def close_by_reply(acting_user, reply) -> None:
    """Issuing a reply closes the document it answers (called inside the issue transaction)."""
    document = reply.in_reply_to
    if document is not None and document.status != IncomingStatus.DONE:
        _close(acting_user, document, _reply_result(reply))


def document_url(document) -> str:
    from django.urls import reverse

    if isinstance(document, IncomingDocument):
        return reverse("documents:incoming_detail", args=[document.pk])
    return reverse("documents:outgoing_detail", args=[document.pk])
