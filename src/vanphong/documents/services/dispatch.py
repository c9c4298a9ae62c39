"""After issue: the seal-use log, dispatch to recipients, delivery status."""

import datetime

from django.db import transaction
from django.utils import timezone

from vanphong.core import audit
from vanphong.documents.models import (
    DeliveryStatus,
    Dispatch,
    OutgoingDocument,
    OutgoingStatus,
    SealUse,
)
from vanphong.documents.services.errors import DocumentError


def _require_issued(document: OutgoingDocument) -> None:
    if document.status != OutgoingStatus.ISSUED:
        raise DocumentError(DocumentError.WRONG_STATE)


def apply_seal(*, acting_user, document: OutgoingDocument, copies: int = 1, note: str = ""):
    """An entry in the seal-use log: which document, who, when, how many copies."""
    _require_issued(document)
    if copies < 1:
        raise DocumentError(DocumentError.PAGES)
    with transaction.atomic():
        row = SealUse.objects.create(
            organization=document.organization,
            document=document,
            used_by=acting_user,
            copies=copies,
            note=note.strip(),
        )
        audit.record(
            actor=acting_user,
            action="outgoing.seal",
            target=document,
            after={"copies": copies, "note": row.note},
        )
    return row


def send(
    *,
    acting_user,
    document: OutgoingDocument,
    recipients: list[str],
    channel: str,
    sent_on: datetime.date | None = None,
) -> list[Dispatch]:
    """Record the copies sent, one row per recipient (Nơi nhận by default)."""
    _require_issued(document)
    names = [r.strip() for r in recipients if r.strip()] or document.recipient_list()
    if not names:
        raise DocumentError(DocumentError.NO_RECIPIENTS)
    day = sent_on or timezone.localdate()
    if day < document.issued_on:
        raise DocumentError(DocumentError.ISSUE_DATE)
    with transaction.atomic():
        rows = Dispatch.objects.bulk_create(
            [
                Dispatch(
                    document=document,
                    recipient=name[:255],
                    channel=channel,
                    sent_on=day,
                    sent_by=acting_user,
                )
                for name in names
            ]
        )
        audit.record(
            actor=acting_user,
            action="outgoing.dispatch",
            target=document,
            after={"recipients": names, "channel": channel, "sent_on": day.isoformat()},
        )
    return rows


def set_delivery(*, acting_user, dispatch: Dispatch, status: str) -> Dispatch:
    if status not in (DeliveryStatus.DELIVERED, DeliveryStatus.RETURNED, DeliveryStatus.SENT):
        raise DocumentError(DocumentError.WRONG_STATE)
    _require_issued(dispatch.document)
    with transaction.atomic():
        before = dispatch.status
        dispatch.status = status
        dispatch.save(update_fields=["status"])
        audit.record(
            actor=acting_user,
            action="outgoing.delivery",
            target=dispatch.document,
            before={"recipient": dispatch.recipient, "status": before},
            after={"recipient": dispatch.recipient, "status": status},
        )
    return dispatch
