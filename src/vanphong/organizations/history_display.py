"""Audit entries made readable: field names by their verbose name, choices by their label,
dates as dd/mm/yyyy, organizations and members by name (invariant 7)."""

import datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, Q
from django.utils.text import capfirst

from vanphong.core import audit
from vanphong.core.audit_labels import label_for
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import CommitteeTerm, Member, Organization

_NAMED = {Organization: "name", Member: "full_name", CommitteeTerm: "name"}


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _names_for(entries) -> dict:
    """Names of the organizations and members the entries refer to, one query per model."""
    wanted: dict = {model: set() for model in _NAMED}
    for entry in entries:
        model = apps.get_model(entry.target_type)
        for values in (entry.before or {}, entry.after or {}):
            for name, value in values.items():
                field = _field(model, name)
                target = getattr(field, "related_model", None) if field else None
                if isinstance(field, ForeignKey) and target in wanted and value is not None:
                    wanted[target].add(value)
    return {
        model: dict(model.objects.filter(pk__in=ids).values_list("pk", _NAMED[model]))
        for model, ids in wanted.items()
    }


def _display(field, value, names) -> str:
    if value in (None, ""):
        return "—"
    if field is None:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, ForeignKey) and field.related_model in names:
        return names[field.related_model].get(value, str(value))
    if field.get_internal_type() == "DateField":
        try:
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def readable(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Give each entry `action_label` and `changes`: a list of (label, before, after)."""
    names = _names_for(entries)
    for entry in entries:
        model = apps.get_model(entry.target_type)
        entry.action_label = label_for(entry.action)
        entry.changes = []
        for name, (old, new) in audit.changed(entry.before, entry.after).items():
            field = _field(model, name)
            label = capfirst(str(field.verbose_name)) if field is not None else name
            entry.changes.append((label, _display(field, old, names), _display(field, new, names)))
    return entries


def _entries(target, related) -> list[AuditEntry]:
    """Entries of `target` and of the rows in `related` ((label, queryset) pairs)."""
    condition = Q(target_type=target._meta.label_lower, target_id=str(target.pk))
    for label, rows in related:
        ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
        if ids:
            condition |= Q(target_type=label, target_id__in=ids)
    return readable(list(AuditEntry.objects.filter(condition).select_related("actor")))


def organization_history(org: Organization) -> list[AuditEntry]:
    """The organization's entries and those of its committee terms."""
    return _entries(org, [("organizations.committeeterm", org.terms.all())])


def member_history(member: Member) -> list[AuditEntry]:
    """The member's own entries and those of their exemptions, transfers and positions."""
    return _entries(
        member,
        [
            ("organizations.exemption", member.exemptions.all()),
            ("organizations.transfer", member.transfers.all()),
            ("organizations.position", member.positions.all()),
        ],
    )
