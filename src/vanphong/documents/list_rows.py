"""Rows of the incoming and outgoing register lists, already turned into display strings.

A page of 50 documents rendered with `{% url %}`, `{% include "documents/_marks.html" %}`, the
`date` and `truncatechars` filters and `get_*_display` per row spent most of its time in the
template engine. Here the detail URL is reversed once per page, choice labels are translated once
per page, and each row holds only the strings the template prints — escaped there as usual (none
is marked safe). The values are those the filters gave: dates in the current time zone
(`d/m/Y H:i`, `d/m/Y`), summaries cut as `truncatechars:120` cuts them, the labels of
`_marks.html` (which the detail pages keep).

The rows are built from what the view passes in (a page already narrowed by `access.visible`):
nothing here filters them or queries for more.
"""

import datetime
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext

from vanphong.documents.holder import holding
from vanphong.documents.models import IncomingDocument, OutgoingDocument

SUMMARY_CHARS = 120  # as `truncatechars:120` did
# What `incoming_rows` reads: the list fetches only these (and the organization's branch and
# path, which `access` filters on, stay in the database).
INCOMING_COLUMNS = (
    "number",
    "year",
    "received_at",
    "original_number",
    "issuer",
    "confidentiality",
    "urgency",
    "summary",
    "deadline",
    "status",
)
_PK_SENTINEL = 987654321  # an int the `<int:pk>` converters accept, found nowhere else in a path


@dataclass(slots=True)
class IncomingRow:
    pk: int
    url: str
    number: str  # "number/year", digits without grouping (as the vi locale printed them)
    received: str  # dd/mm/yyyy HH:MM, current time zone
    original_number: str
    issuer: str
    secret: str  # confidentiality label, "" when not classified (the vp-secret badge)
    urgency: str  # urgency label, "" when normal (the text-bg-warning badge)
    summary: str  # at most SUMMARY_CHARS characters, ending with "…" when cut
    deadline: str  # dd/mm/yyyy or ""
    status: str


@dataclass(slots=True)
class OutgoingRow:
    pk: int
    url: str
    symbol: str  # the number and symbol, or "Draft" translated
    issued_on: str  # dd/mm/yyyy or ""
    secret: str
    urgency: str
    summary: str
    organization: str
    status: str
    holder: str = ""  # who holds it now (documents/holder.py)


def detail_url(name: str) -> Callable[[int], str]:
    """`pk -> reverse(name, args=[pk])`, reversing once: the path around a sentinel pk."""
    path = reverse(name, args=[_PK_SENTINEL])
    head, found, tail = path.partition(str(_PK_SENTINEL))
    if not found or str(_PK_SENTINEL) in tail:  # not a plain "<pk>" segment: reverse each time
        return lambda pk: reverse(name, args=[pk])
    return lambda pk: f"{head}{pk}{tail}"


def labels(model: type[models.Model], field: str) -> dict:
    """The field's choice labels in the active language, as `get_<field>_display` gives them."""
    return {value: str(label) for value, label in model._meta.get_field(field).flatchoices}


def truncated(text: str, length: int = SUMMARY_CHARS) -> str:
    """`text|truncatechars:length`: NFC, combining marks not counted, cut text ending with "…".
    A text no longer than `length` code points cannot be cut: it skips Truncator's loop."""
    text = unicodedata.normalize("NFC", text)
    if len(text) <= length:
        return text
    return Truncator(text).chars(length)


def local_minute(value: datetime.datetime | None, tz) -> str:
    """`value|date:"d/m/Y H:i"` in the time zone `tz` (aware values are converted)."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value, tz)
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d} {value.hour:02d}:{value.minute:02d}"


def day(value: datetime.date | None) -> str:
    """`value|date:"d/m/Y"` of a date."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def marks_of(model: type[models.Model]) -> Callable[[models.Model], tuple[str, str]]:
    """`document -> (confidentiality label, urgency label)`, "" for either when `_marks.html`
    showed no badge; the labels translated once."""
    secret_labels = labels(model, "confidentiality")
    urgency_labels = labels(model, "urgency")

    def marks(document) -> tuple[str, str]:
        secret, urgency = document.confidentiality, document.urgency
        return (
            secret_labels.get(secret, str(secret)) if secret else "",
            urgency_labels.get(urgency, str(urgency)) if urgency else "",
        )

    return marks


def incoming_rows(documents: Iterable[IncomingDocument]) -> list[IncomingRow]:
    """The rows of the incoming register list for a page (or any iterable) of documents."""
    url = detail_url("documents:incoming_detail")
    statuses = labels(IncomingDocument, "status")
    marks = marks_of(IncomingDocument)
    tz = timezone.get_current_timezone()
    rows = []
    for d in documents:
        secret, urgency = marks(d)
        rows.append(
            IncomingRow(
                pk=d.pk,
                url=url(d.pk),
                number=f"{d.number}/{d.year}",
                received=local_minute(d.received_at, tz),
                original_number=d.original_number,
                issuer=d.issuer,
                secret=secret,
                urgency=urgency,
                summary=truncated(d.summary),
                deadline=day(d.deadline),
                status=statuses.get(d.status, d.status),
            )
        )
    return rows


def outgoing_rows(documents: Iterable[OutgoingDocument]) -> list[OutgoingRow]:
    """The rows of the outgoing register list; the documents come with their organization, drafter
    and signer (`select_related`), or each row reads them."""
    url = detail_url("documents:outgoing_detail")
    statuses = labels(OutgoingDocument, "status")
    marks = marks_of(OutgoingDocument)
    draft = gettext("Draft")
    rows = []
    for d in documents:
        secret, urgency = marks(d)
        rows.append(
            OutgoingRow(
                pk=d.pk,
                url=url(d.pk),
                symbol=d.symbol or draft,
                issued_on=day(d.issued_on),
                secret=secret,
                urgency=urgency,
                summary=truncated(d.summary),
                organization=d.organization.name,
                status=statuses.get(d.status, d.status),
                holder=holding(d).holder,
            )
        )
    return rows
