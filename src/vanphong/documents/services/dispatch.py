"""After issue: the seal-use log, dispatch to recipients, delivery status (steps of
documents/workflow.py, checked there on the locked document)."""

import datetime

from django.db import transaction
from django.utils import timezone

from vanphong.core import audit
from vanphong.core.formats import date_vn
from vanphong.documents import workflow
from vanphong.documents.models import DeliveryStatus, Dispatch, OutgoingDocument, SealUse
from vanphong.documents.services.errors import DocumentError


def _take(acting_user, document: OutgoingDocument, name: str):
    """The document locked, after step `name` is checked on it (its state, the user's right)."""
    document = OutgoingDocument.objects.select_for_update().get(pk=document.pk)
    return document, workflow.check(acting_user, document, name)


def apply_seal(*, acting_user, document: OutgoingDocument, copies: int = 1, note: str = ""):
    """An entry in the seal-use log: which document, who, when, how many copies."""
    if copies < 1:
        raise DocumentError(DocumentError.PAGES)
    with transaction.atomic():
        document, step = _take(acting_user, document, "seal")
        row = SealUse.objects.create(
            organization=document.organization,
            document=document,
            used_by=acting_user,
            copies=copies,
            note=note.strip(),
        )
        audit.record(
            actor=acting_user,
            action=step.records,
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
    with transaction.atomic():
        document, step = _take(acting_user, document, "dispatch")
        names = [r.strip() for r in recipients if r.strip()] or document.recipient_list()
        if not names:
            raise DocumentError(DocumentError.NO_RECIPIENTS)
        day = sent_on or timezone.localdate()
        if day < document.issued_on:
            raise DocumentError(
                DocumentError.SENT_BEFORE_ISSUE,
                day=date_vn(day),
                issued=date_vn(document.issued_on),
            )
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
            action=step.records,
            target=document,
            after={"recipients": names, "channel": channel, "sent_on": day.isoformat()},
        )
    return rows


def set_delivery(*, acting_user, dispatch: Dispatch, status: str) -> Dispatch:
    if status not in (DeliveryStatus.DELIVERED, DeliveryStatus.RETURNED, DeliveryStatus.SENT):
        raise DocumentError(DocumentError.WRONG_STATE)
    with transaction.atomic():
        document, step = _take(acting_user, dispatch.document, "delivery")
        dispatch = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
        before = dispatch.status
        dispatch.status = status
        dispatch.save(update_fields=["status"])
        audit.record(
            actor=acting_user,
            action=step.records,
            target=document,
            before={"recipient": dispatch.recipient, "status": before},
            after={"recipient": dispatch.recipient, "status": status},
        )
    return dispatch
