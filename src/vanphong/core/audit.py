"""The audit trail: every service writes who, when, what, before and after (invariant 3)."""

import datetime
import decimal
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import models, transaction

from vanphong.core.models import AuditEntry


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def snapshot(obj: models.Model, exclude: tuple[str, ...] = ()) -> dict:
    """The concrete field values of `obj` as JSON-ready data (foreign keys by id)."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude or not field.editable:
            continue
        data[field.name] = _plain(getattr(obj, field.attname))
    return data


def changed(before: dict | None, after: dict | None) -> dict:
    """Only the keys whose values differ, as {field: [before, after]}."""
    before, after = before or {}, after or {}
    keys = sorted(set(before) | set(after))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def record(
    *,
    actor,
    action: str,
    target: models.Model,
    organization=None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Write one audit entry. Call it inside the service's transaction."""
    if organization is None:
        organization = target if target._meta.model_name == "organization" else None
        organization = organization or getattr(target, "organization", None)
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:300],
        organization=organization,
        before=before,
        after=after,
    )


class Change:
    """An audited change in progress: `target` and what it was (`before`) when it was opened.

    `extra_before` / `extra_after` carry what the row's own fields do not show (the handlers of
    a routing, the verdict of an appraisal); `entry` is the audit row written at the end.
    """

    def __init__(self, actor, action: str, target, snap, organization):
        self.actor, self.action, self.target = actor, action, target
        self.snap, self.organization = snap, organization
        self.before = snap(target) if target is not None else None
        self.extra_before: dict = {}
        self.extra_after: dict = {}
        self.entry: AuditEntry | None = None


@contextmanager
def change(
    actor,
    target: models.Model | None,
    action: str,
    *,
    snap: Callable[[models.Model], dict] = snapshot,
    organization=None,
    only_if_changed: bool = False,
) -> Iterator[Change]:
    """Audit what the block changes, in the block's own transaction: the snapshot is taken here,
    before the caller changes anything, and the entry with the diff is written when the block
    ends (nothing if it raises). `target=None` creates a record: set `rec.target` in the block.

        with audit.change(user, document, "outgoing.sign", snap=snap) as rec:
            document.signed_at = timezone.now()
            document.save(update_fields=["signed_at"])
    """
    with transaction.atomic():
        rec = Change(actor, action, target, snap, organization)
        yield rec
        if rec.target is None:
            raise ValueError("audit.change: the block did not set the record it created")
        before = {**rec.before, **rec.extra_before} if rec.before is not None else None
        if before is None and rec.extra_before:
            before = dict(rec.extra_before)
        after = {**rec.snap(rec.target), **rec.extra_after}
        if only_if_changed and not changed(before, after):
            return
        rec.entry = record(
            actor=actor,
            action=action,
            target=rec.target,
            organization=organization,
            before=before,
            after=after,
        )


def history_of(target: models.Model):
    return AuditEntry.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")
