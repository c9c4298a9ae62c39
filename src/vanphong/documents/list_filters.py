"""The filters of the incoming and outgoing lists: read from the address, so a filtered list can
be bookmarked and its pages keep it; each refused value is said, never silently dropped.

Facet counts (how many documents of each type, urgency, confidentiality, status, handler) are
counted over the documents the user may see with every other filter applied, one grouped query
per facet; an option that counts nothing is left out unless it is the chosen one. A list bounded
by no period, year or search counts this year's documents only: a national register holds
millions, and a count over all of them for every page would cost more than the page.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core.models import Clearance
from vanphong.documents.models import AssignmentRole, Urgency
from vanphong.documents.types import type_choices

# Address parameter → what it filters. Vietnamese slugs, like the rest of the addresses.
PARAMS = {
    "q": "q",
    "status": "trang_thai",
    "doc_type": "loai",
    "issuer": "co_quan",
    "date_from": "tu",
    "date_to": "den",
    "urgency": "do_khan",
    "confidentiality": "do_mat",
    "handler": "nguoi_xu_ly",
    "year": "nam",
    "work": "viec",  # a dashboard card's list (documents.attention)
}
MAX_TEXT = 200


@dataclass
class Filters:
    q: str = ""
    status: str = ""
    doc_type: str = ""
    issuer: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    urgency: str | None = None  # "" is a value: documents of normal urgency
    confidentiality: int | None = None
    handler: int | None = None
    year: int | None = None
    work: str = ""
    errors: list[str] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)  # as typed, to show back in the form

    def query_string(self, *, without: str = "") -> str:
        """The address's query of the filters as typed, page number excluded."""
        from urllib.parse import urlencode

        kept = {PARAMS[k]: v for k, v in self.raw.items() if v != "" and k != without}
        return urlencode(kept)

    @property
    def bounded(self) -> bool:
        """Narrowed to a period, a year or a search: small enough to count every facet over."""
        return bool(self.q or self.year or self.date_from or self.date_to)


def _date(text: str, label: str, errors: list[str]) -> datetime.date | None:
    from vanphong.documents.registers.period import PeriodError, parse_date

    try:
        return parse_date(text)
    except PeriodError:
        errors.append(
            _("%(field)s “%(value)s” is not a date: write it as dd/mm/yyyy.")
            % {"field": label, "value": text[:40]}
        )
        return None


def _int(text: str, label: str, errors: list[str], lo: int, hi: int) -> int | None:
    if text.isdigit() and lo <= int(text) <= hi:
        return int(text)
    errors.append(_("%(field)s “%(value)s” is not valid.") % {"field": label, "value": text[:40]})
    return None


def parse(params, *, statuses: list[str], clearance: int, work: tuple[str, ...] = ()) -> Filters:
    raw = {key: (params.get(name) or "").strip()[:MAX_TEXT] for key, name in PARAMS.items()}
    f = Filters(raw=raw, q=raw["q"], issuer=raw["issuer"])
    errors = f.errors
    if raw["status"]:
        if raw["status"] in statuses:
            f.status = raw["status"]
        else:
            errors.append(_("Unknown status: “%(value)s”.") % {"value": raw["status"]})
    if raw["doc_type"]:
        if raw["doc_type"] in dict(type_choices(timezone.localdate())):
            f.doc_type = raw["doc_type"]
        else:
            errors.append(_("Unknown document type: “%(value)s”.") % {"value": raw["doc_type"]})
    if raw["date_from"]:
        f.date_from = _date(raw["date_from"], _("From"), errors)
    if raw["date_to"]:
        f.date_to = _date(raw["date_to"], _("To"), errors)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        errors.append(_("The start of the period is after its end."))
        f.date_from = f.date_to = None
    if raw["urgency"]:
        value = "" if raw["urgency"] == "thuong" else raw["urgency"]
        if value in Urgency.values:
            f.urgency = value
        else:
            errors.append(_("Unknown urgency: “%(value)s”.") % {"value": raw["urgency"]})
    if raw["confidentiality"]:
        # a level above the reader's clearance would only ever list nothing: refused as unknown
        f.confidentiality = _int(raw["confidentiality"], _("Confidentiality"), errors, 0, clearance)
    if raw["handler"]:
        f.handler = _int(raw["handler"], _("Handler"), errors, 1, 2**63 - 1)
    if raw["year"]:
        f.year = _int(raw["year"], _("Year"), errors, 1900, 2999)
    if raw["work"]:
        if raw["work"] in work:
            f.work = raw["work"]
        else:
            errors.append(_("Unknown list of work: “%(value)s”.") % {"value": raw["work"]})
    return f


def apply(documents: QuerySet, f: Filters, *, incoming: bool, skip: str = "") -> QuerySet:
    """Every filter but the text search (the caller applies it last) and `skip` (a facet's own).
    Incoming documents are dated by their receipt, outgoing ones by their issue."""
    from vanphong.documents import search

    if f.status and skip != "status":
        documents = documents.filter(status=f.status)
    if f.doc_type and skip != "doc_type":
        documents = documents.filter(doc_type=f.doc_type)
    if f.urgency is not None and skip != "urgency":
        documents = documents.filter(urgency=f.urgency)
    if f.confidentiality is not None and skip != "confidentiality":
        documents = documents.filter(confidentiality=f.confidentiality)
    day = "received_at__date" if incoming else "issued_on"
    if f.date_from:
        documents = documents.filter(**{f"{day}__gte": f.date_from})
    if f.date_to:
        documents = documents.filter(**{f"{day}__lte": f.date_to})
    if incoming:
        if f.issuer:
            documents = documents.filter(search.issuer_condition(search.folded_query(f.issuer)))
        if f.handler and skip != "handler":
            documents = documents.filter(
                assignments__user_id=f.handler, assignments__role=AssignmentRole.LEAD
            )
        if f.year:
            documents = documents.filter(year=f.year)
    elif f.issuer:
        documents = documents.filter(issuing_body__icontains=f.issuer)
    return documents


def counts(documents: QuerySet, f: Filters, facet: str, *, incoming: bool, narrow=None) -> dict:
    """{option value: documents} for one facet, with every other filter applied, then `narrow`
    (the text search, the year counted)."""
    rows = apply(documents, f, incoming=incoming, skip=facet)
    if narrow is not None:
        rows = narrow(rows)
    rows = rows.order_by()
    if facet == "handler":
        rows = rows.filter(assignments__role=AssignmentRole.LEAD).values_list(
            "assignments__user_id"
        )
    else:
        rows = rows.values_list(facet)
    return dict(rows.annotate(n=Count("pk")))


def options(values_labels, tally: dict, chosen) -> list[tuple[str, str, int, bool]]:
    """(value, label, count, selected) for a facet's select, options with no document left out
    unless chosen."""
    return [
        (value, label, tally.get(value, 0), value == chosen)
        for value, label in values_labels
        if tally.get(value, 0) or value == chosen
    ]


def confidentiality_choices(clearance: int) -> list[tuple[int, str]]:
    return [(value, label) for value, label in Clearance.choices if value <= clearance]


def urgency_param(value: str) -> str:
    """Normal urgency is stored as "": it travels in the address as "thuong"."""
    return value or "thuong"
