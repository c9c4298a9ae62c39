"""Outgoing documents: draft → appraisal → submission → signature → issue (numbered) → recall.

Which step may be taken from which state, by whom, is documents/workflow.py: every service here
checks its step there, on the locked row, before it changes anything.

The number is allocated at issue, in the issuing transaction, from the register of the document
type's abbreviation for the committee term in force (docs/rules/party-documents.md §3): Quy định
shares the Quyết định sequence while both abbreviate to "QĐ", and gets its own once an
administrator dates "QĐi" in.
"""

import datetime
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access, audit, notifications, numbering
from vanphong.core.access import Action
from vanphong.core.formats import date_vn
from vanphong.core.models import Clearance
from vanphong.core.rules import value_as_of
from vanphong.documents import workflow
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import (
    AppraisalComment,
    Congress,
    DraftVersion,
    OutgoingDocument,
    OutgoingStatus,
    Verdict,
)
from vanphong.documents.notices import NoticeKind
from vanphong.documents.rule_tables import RuleTable
from vanphong.documents.services.clearance import require_clearance
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.services.incoming import close_by_reply, document_url, snap
from vanphong.documents.signature_block import applied, block_for
from vanphong.documents.symbols import format_symbol
from vanphong.documents.types import type_rule
from vanphong.organizations.services import orgs


def _title(document: OutgoingDocument, template: str) -> str:
    if document.confidentiality > Clearance.NONE:
        subject = _("a classified draft")
    else:
        subject = document.summary[:150]
    return template % {"document": subject}


def create_draft(
    *,
    acting_user,
    organization,
    doc_type: str,
    summary: str,
    body: str = "",
    issuing_body: str,
    superior_body: str = "",
    place: str,
    signer_position: str,
    authority_line: str = "",
    recipients: str = "",
    urgency: str = "",
    confidentiality: int = Clearance.NONE,
    in_reply_to=None,
    congress: Congress | None = None,
    note: str = "",
) -> OutgoingDocument:
    require_clearance(acting_user, confidentiality)
    check_summary(summary)
    type_rule(doc_type, timezone.localdate())
    step = workflow.check_draft(acting_user, organization)
    with audit.change(acting_user, None, step.records, snap=snap) as rec:
        rec.target = document = OutgoingDocument.objects.create(
            organization=organization,
            doc_type=doc_type,
            summary=summary.strip(),
            body=body.strip(),
            issuing_body=issuing_body.strip(),
            superior_body=superior_body.strip(),
            place=place.strip(),
            signer_position=signer_position.strip(),
            authority_line=authority_line.strip(),
            recipients=recipients.strip(),
            urgency=urgency,
            confidentiality=confidentiality,
            in_reply_to=in_reply_to,
            congress=congress,
            drafted_by=acting_user,
            status=step.target,
        )
        _new_version(acting_user, document, note.strip() or _("First draft"))
    return document


PLACEHOLDER = "…"


def check_summary(summary: str) -> None:
    """A summary (trích yếu) is written, not left empty or holding the template's "…"."""
    if not summary.strip():
        raise DocumentError(DocumentError.EMPTY_SUMMARY)
    if PLACEHOLDER in summary:
        raise DocumentError(DocumentError.PLACEHOLDER_SUMMARY)


def _new_version(acting_user, document, note: str) -> DraftVersion:
    last = document.versions.order_by("-version").values_list("version", flat=True).first() or 0
    return DraftVersion.objects.create(
        document=document,
        version=last + 1,
        summary=document.summary,
        body=document.body,
        note=note[:300],
        author=acting_user,
    )


def _locked(document: OutgoingDocument) -> OutgoingDocument:
    return OutgoingDocument.objects.select_for_update().get(pk=document.pk)


def _take(acting_user, document: OutgoingDocument, name: str):
    """Lock the document and check step `name` on it: (the locked row, the step)."""
    document = _locked(document)
    return document, workflow.check(acting_user, document, name)


DRAFT_FIELDS = (
    "doc_type",
    "summary",
    "body",
    "issuing_body",
    "superior_body",
    "place",
    "signer_position",
    "authority_line",
    "recipients",
    "urgency",
    "confidentiality",
)


def update_draft(*, acting_user, document: OutgoingDocument, note: str = "", **changes):
    """Save a new version of a draft; only drafts change (appraisal sends a draft back here)."""
    unknown = set(changes) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"not draft fields: {sorted(unknown)}")
    if "confidentiality" in changes:
        require_clearance(acting_user, changes["confidentiality"])
    if "summary" in changes:
        check_summary(str(changes["summary"]))
    if "doc_type" in changes:
        type_rule(changes["doc_type"], timezone.localdate())
    with transaction.atomic():
        document, step = _take(acting_user, document, "edit")
        with audit.change(
            acting_user, document, step.records, snap=snap, only_if_changed=True
        ) as rec:
            for field, value in changes.items():
                setattr(document, field, value.strip() if isinstance(value, str) else value)
            if audit.changed(rec.before, snap(document)):
                if step.target is not None:  # a returned draft, revised, is a draft again
                    document.status = step.target
                document.save()
                _new_version(acting_user, document, note)
    return document


def send_to_appraisal(*, acting_user, document: OutgoingDocument) -> OutgoingDocument:
    with transaction.atomic():
        document, step = _take(acting_user, document, "to_appraisal")
        check_summary(document.summary)  # a draft saved before the check was made
        _move(acting_user, document, step)
        appraisers = _holders(document, DocumentAction.APPRAISE)
        notifications.notify(
            appraisers,
            kind=NoticeKind.DOCUMENT_WORK,
            title=_title(document, _("Draft to appraise: %(document)s")),
            url=document_url(document),
        )
    return document


def appraise(*, acting_user, document: OutgoingDocument, verdict: str, text: str = ""):
    """Record an appraisal; "needs revision" sends the draft back to its author."""
    if verdict == Verdict.REVISE and not text.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    if verdict not in Verdict.values:
        raise DocumentError(DocumentError.WRONG_STATE)
    with transaction.atomic():
        document, step = _take(acting_user, document, workflow.appraisal_step(verdict))
        with _moving(acting_user, document, step) as rec:
            comment = AppraisalComment.objects.create(
                document=document, author=acting_user, verdict=verdict, text=text.strip()
            )
            rec.extra_after = {"verdict": verdict, "comments": comment.text}
        if step.target == OutgoingStatus.RETURNED:
            notifications.notify(
                [document.drafted_by],
                kind=NoticeKind.DOCUMENT_WORK,
                title=_title(document, _("Revise the draft: %(document)s")),
                url=document_url(document),
            )
    return comment


def submit_for_signature(*, acting_user, document: OutgoingDocument, signer):
    """Send the appraised draft to the person who signs it."""
    with transaction.atomic():
        document, step = _take(acting_user, document, "submit")
        _check_signer(signer, document)
        with _moving(acting_user, document, step):
            document.signer = signer
            _follow_signer(document, timezone.localdate())
            document.save(update_fields=["signer", "authority_line", "signer_position"])
        notifications.notify(
            [signer],
            kind=NoticeKind.DOCUMENT_WORK,
            title=_title(document, _("To sign: %(document)s")),
            url=document_url(document),
        )
    return document


def _check_signer(signer, document) -> None:
    name = (signer.get_full_name() or signer.get_username()) if signer else "?"
    if signer is None or not access.can(signer, DocumentAction.SIGN, document.organization):
        raise DocumentError(DocumentError.SIGNER_AUTHORITY, name=name)
    if not access.clearance_allows(signer, document.confidentiality):
        raise DocumentError(DocumentError.HANDLER_CLEARANCE, name=name)


def _follow_signer(document: OutgoingDocument, day: datetime.date) -> None:
    """The signature block follows the signer's capacity on `day` (documents/signature_block.py):
    the title always, the authority line unless the draft names the body signed for ("T/M …");
    a signer whose capacity is not on record keeps the block typed on the draft."""
    block = block_for(document.signer, document.organization, day)
    if block is not None:
        block = applied(block, document.authority_line)
        document.authority_line = block.authority_line
        document.signer_position = block.signer_position


def sign(*, acting_user, document: OutgoingDocument) -> OutgoingDocument:
    """The designated signer approves the text for issue (the handwritten signature's record)."""
    with transaction.atomic():
        document, step = _take(acting_user, document, "sign")
        _check_signer(acting_user, document)
        with _moving(acting_user, document, step):
            document.signed_at = timezone.now()
            _follow_signer(document, timezone.localdate(document.signed_at))
            document.save(update_fields=["signed_at", "authority_line", "signer_position"])
        notifications.notify(
            _holders(document, DocumentAction.ISSUE) + [document.drafted_by],
            kind=NoticeKind.DOCUMENT_WORK,
            title=_title(document, _("Signed, ready to issue: %(document)s")),
            url=document_url(document),
        )
    return document


def return_unsigned(*, acting_user, document: OutgoingDocument, reason: str):
    """The signer sends the document back to draft with the reason."""
    if not reason.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document, step = _take(acting_user, document, "return")
        with _moving(acting_user, document, step) as rec:
            AppraisalComment.objects.create(
                document=document, author=acting_user, verdict=Verdict.REVISE, text=reason.strip()
            )
            rec.extra_after = {"reason": reason.strip()}
        notifications.notify(
            [document.drafted_by],
            kind=NoticeKind.DOCUMENT_WORK,
            title=_title(document, _("Returned by the signer: %(document)s")),
            url=document_url(document),
        )
    return document


def sequence_for(document: OutgoingDocument, day: datetime.date):
    """(register key, register label, term, abbreviation, issuer code) for issuing on `day`."""
    rule = type_rule(document.doc_type, day)
    abbreviation = rule["abbreviation"]
    if document.congress_id:
        congress = document.congress
        if not congress.opens_on <= day <= congress.closes_on:
            raise DocumentError(DocumentError.CONGRESS_DATES)
        label = _("%(congress)s — all types") % {"congress": congress.name}
        return f"congress:{congress.pk}", label, None, abbreviation, congress.code
    term = orgs.term_on(document.organization, day, inherited=True)
    if term is None:
        raise DocumentError(
            DocumentError.NO_TERM, org=document.organization.name, date=date_vn(day)
        )
    label = _("%(abbr)s — term %(term)s") % {"abbr": abbreviation, "term": term.name}
    key = f"outgoing:term:{term.pk}:{abbreviation}"
    return key, label, term, abbreviation, document.organization.code


def issue_date_bounds(document: OutgoingDocument) -> tuple[datetime.date | None, datetime.date]:
    """(first, last) issue date `document` may take today: from its signing day to the rule's
    number of days ahead of today (RuleTable.ISSUE_DATE; none on record: today)."""
    today = timezone.localdate()
    rule = value_as_of(RuleTable.ISSUE_DATE, "outgoing", today) or {}
    last = today + datetime.timedelta(days=rule.get("days_ahead", 0))
    first = timezone.localdate(document.signed_at) if document.signed_at else None
    return first, last


def check_issue_date(document: OutgoingDocument, day: datetime.date) -> None:
    first, last = issue_date_bounds(document)
    if first is not None and day < first:
        raise DocumentError(DocumentError.ISSUE_DATE, first=date_vn(first), day=date_vn(day))
    if day > last:
        raise DocumentError(DocumentError.ISSUE_DATE_AHEAD, last=date_vn(last), day=date_vn(day))


def issue(*, acting_user, document: OutgoingDocument, on: datetime.date | None = None):
    """Number the signed document and close the document it answers. The DOCX is rendered by a
    task after commit, so the register's row lock is held only for the numbering itself."""
    from vanphong.documents.tasks import render_issued

    day = on or timezone.localdate()
    with transaction.atomic():
        document, step = _take(acting_user, document, "issue")
        check_issue_date(document, day)
        key, label, term, abbreviation, issuer_code = sequence_for(document, day)
        with _moving(acting_user, document, step):
            sequence, number = numbering.allocate(document.organization, key, label)
            document.sequence = sequence
            document.term = term
            document.number = number
            document.symbol = format_symbol(number, abbreviation, issuer_code)
            document.issued_on = day
            document.issued_at = timezone.now()
            document.issued_by = acting_user
            document.save()
        transaction.on_commit(lambda: render_issued.enqueue(document.pk))
        close_by_reply(acting_user, document)
        notifications.notify(
            [document.drafted_by],
            kind=NoticeKind.DOCUMENT_ISSUED,
            title=_("Issued as no. %(symbol)s") % {"symbol": document.symbol},
            url=document_url(document),
        )
    return document


def cancel(*, acting_user, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """Cancel a draft, or an issued document's number (recorded, never reused)."""
    if not reason.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document, step = _take(acting_user, document, "cancel")
        if document.status == OutgoingStatus.ISSUED:
            numbering.cancel(
                document.sequence,
                document.number,
                reason=reason.strip(),
                actor=acting_user,
                target=document,
            )
        with _moving(acting_user, document, step):
            document.ended_reason = reason.strip()
            document.ended_at = timezone.now()
            document.save(update_fields=["ended_reason", "ended_at"])
    return document


def recall(*, acting_user, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """Recall (thu hồi) an issued document: its copies are marked recalled; the number stays."""
    from vanphong.documents.models import DeliveryStatus

    if not reason.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document, step = _take(acting_user, document, "recall")
        with _moving(acting_user, document, step) as rec:
            document.ended_reason = reason.strip()
            document.ended_at = timezone.now()
            document.save(update_fields=["ended_reason", "ended_at"])
            recalled = document.dispatches.update(status=DeliveryStatus.RECALLED)
            rec.extra_after = {"copies_recalled": recalled}
    return document


@contextmanager
def _moving(acting_user, document, step: workflow.Step):
    """Audit the block's changes and the step's move to its target state as one entry."""
    with audit.change(acting_user, document, step.records, snap=snap) as rec:
        yield rec
        if step.target is not None and document.status != step.target:
            document.status = step.target
            document.save(update_fields=["status"])


def _move(acting_user, document, step: workflow.Step) -> None:
    with _moving(acting_user, document, step):
        pass


def _holders(document, action: Action) -> list:
    """Users holding `action` over the document's organization (for notifications)."""
    return list(access.holders(action, document.organization, document.confidentiality))
