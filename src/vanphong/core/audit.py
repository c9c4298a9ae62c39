"""The audit trail: every service writes who, when, what, before and after (invariant 3)."""

import datetime
import decimal
import uuid

from django.db import models

from vanphong.core.models import AuditEntry


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
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


def history_of(target: models.Model):
    return AuditEntry.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")
