"""Audit entries made readable for history pages, in Vietnamese: actions by their label, fields by
their verbose name, choices by their label, dates dd/mm/yyyy and times dd/mm/yyyy HH:MM, linked
records by name, and the bookkeeping fields of a model (a tree's path and depth, folded search
copies) not at all.

Core knows no area: each app registers the labels of its audited actions, the fields it keeps out
of sight and the formatters of the values that are not plain fields (a document's handlers), from
its `AppConfig.ready`.
"""

import datetime
from collections.abc import Callable, Iterable

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, Model, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.audit import changed
from vanphong.core.models import AuditEntry

# A formatter turns the stored values of one key into text: (label, [text per value]).
Formatter = Callable[[list], tuple[str, list[str]]]

_labels: dict[str, str] = {}
_hidden: dict[str, set[str]] = {}
_formatters: dict[tuple[str, str], Formatter] = {}

# Kept out of every history: bookkeeping no user typed (django-treebeard's path, depth and numchild;
# the folded and sortable copies of names made for search and order).
_ALWAYS_HIDDEN = {"path", "depth", "numchild", "id"}
_HIDDEN_SUFFIXES = ("folded", "_sort")


def register_labels(labels: dict[str, str]) -> None:
    """Labels of audited actions ("outgoing.sign" → "Signed"), lazily translated."""
    _labels.update(labels)


def register_hidden(model_label: str, fields: Iterable[str]) -> None:
    """Fields of `model_label` ("documents.incomingdocument") a history never shows."""
    _hidden.setdefault(model_label, set()).update(fields)


def register_formatter(model_label: str, key: str, formatter: Formatter) -> None:
    """How to show a key of `model_label`'s snapshots that is not a plain field."""
    _formatters[(model_label, key)] = formatter


def label_for(action: str) -> str:
    return str(_labels.get(action, action))


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _is_hidden(model_label: str, name: str) -> bool:
    return (
        name in _ALWAYS_HIDDEN
        or name.endswith(_HIDDEN_SUFFIXES)
        or name in _hidden.get(model_label, ())
    )


def _related_names(entries) -> dict:
    """{related model: {pk: str(row)}} for every foreign key the entries name, one query each."""
    wanted: dict = {}
    for entry in entries:
        model = apps.get_model(entry.target_type)
        for values in (entry.before or {}, entry.after or {}):
            for name, value in values.items():
                field = _field(model, name)
                if isinstance(field, ForeignKey) and value is not None:
                    wanted.setdefault(field.related_model, set()).add(value)
    return {
        model: {pk: str(row) for pk, row in model.objects.in_bulk(list(ids)).items()}
        for model, ids in wanted.items()
    }


def _when(value) -> str:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%d/%m/%Y %H:%M")


def _day(value) -> str:
    try:
        return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
    except (TypeError, ValueError):
        return str(value)


def display(field, value, names: dict) -> str:
    """One stored value as a user reads it."""
    if value in (None, "", [], {}):
        return "—"
    if field is None:
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, ForeignKey):
        return names.get(field.related_model, {}).get(value, "—")
    kind = field.get_internal_type()
    if kind == "BooleanField":
        return _("Yes") if value else _("No")
    if kind == "DateTimeField":
        return _when(value)
    if kind == "DateField":
        return _day(value)
    if kind == "TimeField":
        return str(value)[:5]  # "14:00:00" → "14:00"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def readable(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Give each entry `action_label` and `changes`, a list of (label, before, after)."""
    names = _related_names(entries)
    for entry in entries:
        model = apps.get_model(entry.target_type)
        entry.action_label = label_for(entry.action)
        entry.changes = []
        for name, (old, new) in changed(entry.before, entry.after).items():
            if _is_hidden(entry.target_type, name):
                continue
            formatter = _formatters.get((entry.target_type, name))
            if formatter is not None:
                label, (shown_old, shown_new) = formatter([old, new])
                entry.changes.append((capfirst(label), shown_old, shown_new))
                continue
            field = _field(model, name)
            if field is None:
                continue  # a key no app explains is bookkeeping, not something a user changed
            label = capfirst(str(field.verbose_name))
            entry.changes.append((label, display(field, old, names), display(field, new, names)))
    return entries


def history(target: Model, related: Iterable[tuple[str, object]] = ()) -> list[AuditEntry]:
    """The readable entries of `target` and of the rows in `related` ((model label, queryset))."""
    condition = Q(target_type=target._meta.label_lower, target_id=str(target.pk))
    for label, rows in related:
        ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
        if ids:
            condition |= Q(target_type=label, target_id__in=ids)
    return readable(list(AuditEntry.objects.filter(condition).select_related("actor")))


CORE_LABELS = {
    "api_token.issue": gettext_lazy("API token issued"),
    "api_token.revoke": gettext_lazy("API token revoked"),
    "user.create": gettext_lazy("User created"),
    "user.update": gettext_lazy("User edited"),
    "user.email_preferences": gettext_lazy("E-mail preferences changed"),
    "role.grant": gettext_lazy("Role granted"),
    "role.revoke": gettext_lazy("Role revoked"),
    "rule.set": gettext_lazy("Rule version added"),
    "second_factor.enable": gettext_lazy("Two-step verification turned on"),
}
register_labels(CORE_LABELS)
