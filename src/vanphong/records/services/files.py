"""Files (hồ sơ): opened from a plan row, documents of the registers filed in them (never
copied), closed with their counts (docs/rules/records.md §2)."""

import datetime

from django.db import IntegrityError, transaction

from vanphong.core import access, audit
from vanphong.core.models import Clearance
from vanphong.documents.models import IncomingDocument, OutgoingDocument, OutgoingStatus
from vanphong.records import rules
from vanphong.records.access import RecordAction
from vanphong.records.errors import RecordError
from vanphong.records.models import FileEntry, FileStatus, PlanItem, RecordFile
from vanphong.records.services.common import ensure, ensure_open, lock, today

MAX_PAGES = 9999


def open_file(*, acting_user, item: PlanItem) -> RecordFile:
    """The file of a plan row, with the row's code, title and retention."""
    plan = item.plan
    ensure(acting_user, RecordAction.MANAGE, plan.organization)
    with transaction.atomic():
        PlanItem.objects.select_for_update().get(pk=item.pk)
        if RecordFile.objects.filter(item=item).exists():
            raise RecordError(RecordError.ALREADY_OPEN)
        with audit.change(
            acting_user, None, "records.file_open", organization=plan.organization
        ) as rec:
            rec.target = RecordFile.objects.create(
                organization=plan.organization,
                year=plan.year,
                item=item,
                code=item.code,
                title=item.title,
                retention_years=item.retention_years,
                opened_by=acting_user,
            )
    return rec.target


def document_label(document) -> str:
    """How the history names a filed document: its number and symbol, and its summary unless
    the document is classified (the trail is read by more people than the document,
    docs/rules/confidentiality.md)."""
    if isinstance(document, IncomingDocument):
        symbol = document.original_number
    else:
        symbol = document.symbol or document.doc_type
    summary = "…" if document.confidentiality else document.summary[:120]
    return f"{symbol} — {summary}"


def document_day(document) -> datetime.date:
    if isinstance(document, IncomingDocument):
        return document.document_date
    return document.issued_on


def _refresh(file: RecordFile) -> None:
    """The file's level and retention from its row and the documents it holds (invariant: a
    file is as classified as its most classified document, kept as its most valuable one)."""
    level, periods = Clearance.NONE, [file.item.retention_years]
    for entry in file.entries.select_related("incoming", "outgoing"):
        document = entry.document
        level = max(level, document.confidentiality)
        periods.append(rules.document_retention(document.doc_type, datetime.date(file.year, 1, 1)))
    file.confidentiality, file.retention_years = level, rules.longest(*periods)
    file.save(update_fields=["confidentiality", "retention_years"])


def add_document(*, acting_user, file: RecordFile, document, pages: int | None = None) -> FileEntry:
    """File one of the organization's incoming or issued outgoing documents. The document stays
    where it is; the file points at it."""
    ensure(acting_user, RecordAction.MANAGE, file)
    if not isinstance(document, IncomingDocument | OutgoingDocument):
        raise TypeError("a file holds incoming or outgoing documents")
    if document.organization_id != file.organization_id:
        raise RecordError(RecordError.OTHER_ORGANIZATION)
    if isinstance(document, OutgoingDocument) and document.status != OutgoingStatus.ISSUED:
        raise RecordError(RecordError.NOT_ISSUED)
    if acting_user is not None and not access.clearance_allows(
        acting_user, document.confidentiality
    ):
        raise RecordError(RecordError.CLEARANCE)
    if pages is None:
        pages = getattr(document, "pages", None) or 1
    if not 1 <= pages <= MAX_PAGES:
        raise RecordError(RecordError.BAD_PAGES)
    kind = "incoming" if isinstance(document, IncomingDocument) else "outgoing"
    with transaction.atomic():
        file = lock(file)
        ensure(acting_user, RecordAction.MANAGE, file)  # its level as stored now
        ensure_open(file)
        if file.entries.filter(**{kind: document}).exists():
            raise RecordError(RecordError.ALREADY_FILED)
        with audit.change(acting_user, file, "records.file_document") as rec:
            try:
                with transaction.atomic():
                    entry = FileEntry.objects.create(
                        file=file, pages=pages, added_by=acting_user, **{kind: document}
                    )
            except IntegrityError:
                raise RecordError(RecordError.ALREADY_FILED) from None
            _refresh(file)
            rec.extra_after = {"filed": document_label(document), "filed_pages": pages}
    return entry


def add_documents(*, acting_user, file: RecordFile, documents: list) -> list[FileEntry]:
    """File several documents at once: all of them, or none if one is refused."""
    with transaction.atomic():
        return [
            add_document(acting_user=acting_user, file=file, document=document)
            for document in documents
        ]


def remove_document(*, acting_user, entry: FileEntry) -> RecordFile:
    ensure(acting_user, RecordAction.MANAGE, entry.file)
    with transaction.atomic():
        file = lock(entry.file)
        ensure(acting_user, RecordAction.MANAGE, file)
        ensure_open(file)
        entry = FileEntry.objects.select_related("incoming", "outgoing").get(pk=entry.pk)
        with audit.change(acting_user, file, "records.unfile_document") as rec:
            rec.extra_before = {"filed": document_label(entry.document)}
            entry.delete()
            _refresh(file)
    return file


def close_file(*, acting_user, file: RecordFile, on: datetime.date | None = None) -> RecordFile:
    """Close the file (today, or on an earlier day the work ended): its documents and pages
    counted, its hand-over due date set by the rule in force on the closing day (decision
    0018)."""
    ensure(acting_user, RecordAction.MANAGE, file)
    with transaction.atomic():
        file = lock(file)
        ensure(acting_user, RecordAction.MANAGE, file)  # its level as stored now
        ensure_open(file)
        day = on or today()
        if day > today():
            raise RecordError(RecordError.IN_FUTURE)
        entries = list(file.entries.all())
        if not entries:
            raise RecordError(RecordError.EMPTY_FILE)
        due = rules.handover_due(day)
        with audit.change(acting_user, file, "records.file_close"):
            file.status = FileStatus.CLOSED
            file.closed_on, file.closed_by = day, acting_user
            file.document_count = len(entries)
            file.pages = sum(e.pages for e in entries)
            file.due_on, file.warn_on = due.due_on, due.warn_from
            file.save(
                update_fields=[
                    "status",
                    "closed_on",
                    "closed_by",
                    "document_count",
                    "pages",
                    "due_on",
                    "warn_on",
                ]
            )
    return file


def visible_entries(user, file: RecordFile):
    """The file's entries whose document the user may see (the documents' clearance rules
    apply inside a file too), in the order of the table of contents."""
    incoming = access.visible(user, IncomingDocument.objects.all())
    outgoing = access.visible(user, OutgoingDocument.objects.all())
    entries = file.entries.select_related("incoming", "outgoing")
    return [
        e for e in entries.filter(incoming__in=incoming) | entries.filter(outgoing__in=outgoing)
    ]


def table_of_contents(user, file: RecordFile) -> list[dict]:
    """The automatic table of contents: the documents by their date, numbered, with the pages
    they take (from-to) in the file."""
    rows, page = [], 1
    entries = sorted(visible_entries(user, file), key=lambda e: (document_day(e.document), e.pk))
    for number, entry in enumerate(entries, start=1):
        document = entry.document
        incoming = entry.incoming is not None
        rows.append(
            {
                "number": number,
                "entry": entry,
                "document": document,
                "kind": "incoming" if incoming else "outgoing",
                "symbol": document.original_number if incoming else document.symbol,
                "day": document_day(document),
                "author": document.issuer if incoming else document.issuing_body,
                "summary": document.summary,
                "pages": entry.pages,
                "from_page": page,
                "to_page": page + entry.pages - 1,
                "confidentiality": document.confidentiality,
            }
        )
        page += entry.pages
    return rows
