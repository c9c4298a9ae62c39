"""Outgoing documents: draft → appraisal → submission → signature → issue (numbered) → recall.

The number is allocated at issue, in the issuing transaction, from the register of the document
type's abbreviation for the committee term in force (docs/rules/party-documents.md §3): Quy định
shares the Quyết định sequence while both abbreviate to "QĐ", and gets its own once an
administrator dates "QĐi" in.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access, audit, notifications, numbering
from vanphong.core.access import Action
from vanphong.core.formats import date_vn
from vanphong.core.models import Clearance, Notification
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import (
    AppraisalComment,
    Congress,
    DraftVersion,
    OutgoingDocument,
    OutgoingStatus,
    Verdict,
)
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.services.incoming import close_by_reply, document_url, snap
from vanphong.documents.symbols import format_symbol
from vanphong.documents.types import type_rule
from vanphong.organizations.services import orgs

EDITABLE = (OutgoingStatus.DRAFT,)


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
) -> OutgoingDocument:
    if not summary.strip():
        raise DocumentError(DocumentError.EMPTY_SUMMARY)
    type_rule(doc_type, timezone.localdate())
    with transaction.atomic():
        document = OutgoingDocument.objects.create(
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
        )
        _new_version(acting_user, document, _("First draft"))
        audit.record(
            actor=acting_user, action="outgoing.draft", target=document, after=snap(document)
        )
    return document


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


def _locked(document: OutgoingDocument, *states) -> OutgoingDocument:
    document = OutgoingDocument.objects.select_for_update().get(pk=document.pk)
    if states and document.status not in states:
        raise DocumentError(DocumentError.WRONG_STATE)
    return document


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
    if "summary" in changes and not str(changes["summary"]).strip():
        raise DocumentError(DocumentError.EMPTY_SUMMARY)
    if "doc_type" in changes:
        type_rule(changes["doc_type"], timezone.localdate())
    with transaction.atomic():
        document = _locked(document, *EDITABLE)
        before = snap(document)
        for field, value in changes.items():
            setattr(document, field, value.strip() if isinstance(value, str) else value)
        document.save()
        after = snap(document)
        if audit.changed(before, after):
            _new_version(acting_user, document, note)
            audit.record(
                actor=acting_user,
                action="outgoing.revise",
                target=document,
                before=before,
                after=after,
            )
    return document


def send_to_appraisal(*, acting_user, document: OutgoingDocument) -> OutgoingDocument:
    with transaction.atomic():
        document = _locked(document, OutgoingStatus.DRAFT)
        _set_status(acting_user, document, OutgoingStatus.APPRAISAL, "outgoing.to_appraisal")
        appraisers = _holders(document, DocumentAction.APPRAISE)
        notifications.notify(
            appraisers,
            kind=Notification.Kind.DOCUMENT_WORK,
            title=_title(document, _("Draft to appraise: %(document)s")),
            url=document_url(document),
        )
    return document


def appraise(*, acting_user, document: OutgoingDocument, verdict: str, text: str = ""):
    """Record an appraisal; "needs revision" sends the draft back to its author."""
    if verdict == Verdict.REVISE and not text.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document = _locked(document, OutgoingStatus.APPRAISAL)
        comment = AppraisalComment.objects.create(
            document=document, author=acting_user, verdict=verdict, text=text.strip()
        )
        if verdict == Verdict.REVISE:
            _set_status(acting_user, document, OutgoingStatus.DRAFT, "outgoing.revise_requested")
            notifications.notify(
                [document.drafted_by],
                kind=Notification.Kind.DOCUMENT_WORK,
                title=_title(document, _("Revise the draft: %(document)s")),
                url=document_url(document),
            )
        else:
            audit.record(
                actor=acting_user,
                action="outgoing.appraise",
                target=document,
                after={"verdict": verdict, "comments": text.strip()},
            )
    return comment


def _agreed_since_last_version(document: OutgoingDocument) -> bool:
    last_version = document.versions.order_by("-version").first()
    since = last_version.created_at if last_version else document.created_at
    return document.appraisals.filter(verdict=Verdict.AGREE, at__gte=since).exists()


def submit_for_signature(*, acting_user, document: OutgoingDocument, signer):
    """Send the appraised draft to the person who signs it."""
    with transaction.atomic():
        document = _locked(document, OutgoingStatus.APPRAISAL)
        if not _agreed_since_last_version(document):
            raise DocumentError(DocumentError.NOT_APPRAISED)
        _check_signer(signer, document)
        before = snap(document)
        document.signer = signer
        document.status = OutgoingStatus.SUBMITTED
        document.save(update_fields=["signer", "status"])
        audit.record(
            actor=acting_user,
            action="outgoing.submit",
            target=document,
            before=before,
            after=snap(document),
        )
        notifications.notify(
            [signer],
            kind=Notification.Kind.DOCUMENT_WORK,
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


def sign(*, acting_user, document: OutgoingDocument) -> OutgoingDocument:
    """The designated signer approves the text for issue (the handwritten signature's record)."""
    with transaction.atomic():
        document = _locked(document, OutgoingStatus.SUBMITTED)
        if document.signer_id != acting_user.pk:
            raise DocumentError(DocumentError.NOT_SIGNER)
        _check_signer(acting_user, document)
        document.signed_at = timezone.now()
        document.save(update_fields=["signed_at"])
        _set_status(acting_user, document, OutgoingStatus.SIGNED, "outgoing.sign")
        notifications.notify(
            _holders(document, DocumentAction.ISSUE) + [document.drafted_by],
            kind=Notification.Kind.DOCUMENT_WORK,
            title=_title(document, _("Signed, ready to issue: %(document)s")),
            url=document_url(document),
        )
    return document


def return_unsigned(*, acting_user, document: OutgoingDocument, reason: str):
    """The signer sends the document back to draft with the reason."""
    if not reason.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document = _locked(document, OutgoingStatus.SUBMITTED)
        if document.signer_id != acting_user.pk:
            raise DocumentError(DocumentError.NOT_SIGNER)
        AppraisalComment.objects.create(
            document=document, author=acting_user, verdict=Verdict.REVISE, text=reason.strip()
        )
        _set_status(acting_user, document, OutgoingStatus.DRAFT, "outgoing.returned")
        notifications.notify(
            [document.drafted_by],
            kind=Notification.Kind.DOCUMENT_WORK,
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


def issue(*, acting_user, document: OutgoingDocument, on: datetime.date | None = None):
    """Number the signed document and close the document it answers. The DOCX is rendered by a
    task after commit, so the register's row lock is held only for the numbering itself."""
    from vanphong.documents.tasks import render_issued

    day = on or timezone.localdate()
    with transaction.atomic():
        document = _locked(document, OutgoingStatus.SIGNED)
        if document.signed_at and day < timezone.localdate(document.signed_at):
            raise DocumentError(DocumentError.ISSUE_DATE)
        key, label, term, abbreviation, issuer_code = sequence_for(document, day)
        before = snap(document)
        sequence, number = numbering.allocate(document.organization, key, label)
        document.sequence = sequence
        document.term = term
        document.number = number
        document.symbol = format_symbol(number, abbreviation, issuer_code)
        document.issued_on = day
        document.issued_at = timezone.now()
        document.issued_by = acting_user
        document.status = OutgoingStatus.ISSUED
        document.save()
        audit.record(
            actor=acting_user,
            action="outgoing.issue",
            target=document,
            before=before,
            after=snap(document),
        )
        transaction.on_commit(lambda: render_issued.enqueue(document.pk))
        close_by_reply(acting_user, document)
        notifications.notify(
            [document.drafted_by],
            kind=Notification.Kind.DOCUMENT_WORK,
            title=_("Issued as no. %(symbol)s") % {"symbol": document.symbol},
            url=document_url(document),
        )
    return document


def cancel(*, acting_user, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """Cancel a draft, or an issued document's number (recorded, never reused)."""
    if not reason.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document = _locked(
            document,
            OutgoingStatus.DRAFT,
            OutgoingStatus.APPRAISAL,
            OutgoingStatus.SUBMITTED,
            OutgoingStatus.SIGNED,
            OutgoingStatus.ISSUED,
        )
        if document.status == OutgoingStatus.ISSUED:
            numbering.cancel(
                document.sequence,
                document.number,
                reason=reason.strip(),
                actor=acting_user,
                target=document,
            )
        document.ended_reason = reason.strip()
        document.ended_at = timezone.now()
        document.save(update_fields=["ended_reason", "ended_at"])
        _set_status(acting_user, document, OutgoingStatus.CANCELLED, "outgoing.cancel")
    return document


def recall(*, acting_user, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """Recall (thu hồi) an issued document: its copies are marked recalled; the number stays."""
    from vanphong.documents.models import DeliveryStatus

    if not reason.strip():
        raise DocumentError(DocumentError.REASON_REQUIRED)
    with transaction.atomic():
        document = _locked(document, OutgoingStatus.ISSUED)
        document.ended_reason = reason.strip()
        document.ended_at = timezone.now()
        document.save(update_fields=["ended_reason", "ended_at"])
        document.dispatches.update(status=DeliveryStatus.RECALLED)
        _set_status(acting_user, document, OutgoingStatus.RECALLED, "outgoing.recall")
    return document


def _set_status(acting_user, document, status: str, action: str) -> None:
    before = snap(document)
    document.status = status
    document.save(update_fields=["status"])
    audit.record(
        actor=acting_user, action=action, target=document, before=before, after=snap(document)
    )


def _holders(document, action: Action) -> list:
    """Users holding `action` over the document's organization (for notifications)."""
    return list(access.holders(action, document.organization, document.confidentiality))
