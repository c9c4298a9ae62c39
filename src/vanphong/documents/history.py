"""A document's history page: its audit entries with readable field names and values, and, for
those who audit, who viewed or downloaded it when it is classified."""

from django.core.exceptions import FieldDoesNotExist

from vanphong.core import access, audit
from vanphong.core.access import Action
from vanphong.documents.models import ConfidentialAccess


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _value(model, name: str, value):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if field.choices and value is not None:
        return dict(field.flatchoices).get(value, value)
    if field.get_internal_type() == "DateField" and isinstance(value, str) and len(value) == 10:
        y, m, d = value.split("-")
        return f"{d}/{m}/{y}"
    return value


def rows_for(document) -> list:
    model = type(document)
    rows = audit.history_rows(document)
    for row in rows:
        row.changes = {
            _label(model, name): [_value(model, name, before), _value(model, name, after)]
            for name, (before, after) in row.changes.items()
        }
    return rows


def accesses_for(user, document):
    """Views and downloads of a classified document, for users who may read audit trails."""
    if not document.confidentiality or not access.can(user, Action.AUDIT_VIEW, document):
        return None
    return ConfidentialAccess.objects.filter(
        target_type=document._meta.label_lower, target_id=str(document.pk)
    ).select_related("user")
