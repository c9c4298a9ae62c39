"""The search box of the incoming register: summary, issuing body, number and symbol (typed
loosely: "12 cv" finds 12-CV/TU), the document type by name or abbreviation ("cong van") and the
urgency by its mark ("hoả tốc"); the outgoing list adds the body of the text.

The text is folded (docs/decisions/0003-vietnamese-text.md). The issuing body is matched against the
directory of issuers first (`Issuer`, a few thousand names) and documents then by their exact folded
issuer. The summary is matched on PostgreSQL as a phrase of whole words (`to_tsvector('simple', …)`,
documents migration 0005), elsewhere as a substring; the number and symbol as a substring, for a
text of at most NUMBER_WORDS words. A trigram index on every document's summary and issuer read long
texts trigram by trigram: 0.2–0.9 s for "tai chinh" over 2 million documents (bench/README.md,
documents; decision 0011).

The register list takes each of the matches in the list's order up to the cap, each by its
own index, and shows the first of them together; the API counts and pages the exact matches.
"""

import re

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core import access, vntext
from vanphong.core import search as core_search
from vanphong.core.search import SearchHit
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import URGENCY_MARKS, IncomingDocument, Issuer
from vanphong.documents.symbols import strip_number_prefix
from vanphong.documents.types import type_choices

# A search finding more than this many documents says so instead of counting them: narrow it.
SEARCH_COUNT_CAP = 200
# More issuers than this matching the text: the text is common ("tinh uy"); documents are then
# matched by substring, which the list's order finds quickly.
ISSUER_MATCHES = 50
LIST_ORDER = ("-year", "-received_at", "-number", "-pk")
NUMBER_WORDS = 3


def folded_query(q: str) -> str:
    return vntext.fold(vntext.canonical(q))


def summary_condition(folded: str) -> Q:
    if connection.vendor != "postgresql":
        return Q(summary_folded__contains=folded)
    column = f"{IncomingDocument._meta.db_table}.summary_folded"
    return Q(
        RawSQL(  # noqa: S611 — a column name of ours; the text is a bound parameter
            f"to_tsvector('simple', {column}) @@ phraseto_tsquery('simple', %s)",
            [folded],
            output_field=BooleanField(),
        )
    )


def issuer_condition(folded: str) -> Q:
    names = list(
        Issuer.objects.filter(folded__contains=folded).values_list("folded", flat=True)[
            : ISSUER_MATCHES + 1
        ]
    )
    if len(names) > ISSUER_MATCHES:
        return Q(issuer_folded__contains=folded)
    return Q(issuer_folded__in=names)


def number_variants(q: str) -> list[str]:
    """What a number and symbol may have been typed as: "12 cv" and "12 - CV" mean "12-CV", as
    "15 nq/tu" means "15-NQ/TU"."""
    number = strip_number_prefix(q)
    joined = re.sub(r"\s*([-/])\s*", r"\1", number)
    hyphened = re.sub(r"(\d)\s+(?=[^\W\d_])", r"\1-", joined)
    return list(dict.fromkeys(v for v in (number, joined, hyphened) if v))


def number_condition(q: str, field: str = "original_number") -> Q | None:
    """A number and symbol is a few characters without a sentence in it ("Số 42-HD/BTCTW",
    "42 - HD/BTCTW"): a text of more words is not looked for there, where its many trigrams
    cost more than the other two matches together."""
    variants = number_variants(q)
    if not variants or len(variants[0].split()) > NUMBER_WORDS:
        return None
    either = Q(pk__in=[])
    for variant in variants:
        either |= Q(**{f"{field}__icontains": variant})
    return either


def type_condition(folded: str) -> Q | None:
    """The types whose name or abbreviation the text names ("cong van", "cv", "nghi quyet")."""
    if len(folded) < 2:
        return None
    keys = [
        key
        for key, label in type_choices(timezone.localdate())
        if folded == vntext.fold(label.rsplit(" (", 1)[-1].rstrip(")"))
        or (len(folded) >= 4 and folded in vntext.fold(label.rsplit(" (", 1)[0]))
    ]
    return Q(doc_type__in=keys) if keys else None


def urgency_condition(folded: str) -> Q | None:
    """The urgencies the text names ("hoả tốc", "khan"), by the marks printed on documents."""
    if len(folded) < 3:
        return None
    values = [
        value for value, mark in URGENCY_MARKS.items() if mark and folded in vntext.fold(mark)
    ]
    return Q(urgency__in=values) if values else None


def conditions(q: str) -> list[Q]:
    folded = folded_query(q)
    found = [
        summary_condition(folded),
        issuer_condition(folded),
        number_condition(q),
        type_condition(folded),
        urgency_condition(folded),
    ]
    return [condition for condition in found if condition is not None]


def outgoing_matching(documents: QuerySet, q: str) -> QuerySet:
    """The outgoing list's search: summary, body, number and symbol, type, urgency."""
    folded = folded_query(q)
    either = Q(summary_folded__contains=folded) | Q(body_folded__contains=folded)
    for condition in (
        number_condition(q, "symbol"),
        type_condition(folded),
        urgency_condition(folded),
    ):
        if condition is not None:
            either |= condition
    return documents.filter(either)


def matching(documents: QuerySet, q: str) -> QuerySet:
    """Every document matching `q` (the API: counted and paged exactly)."""
    either = Q(pk__in=[])
    for condition in conditions(q):
        either |= condition
    return documents.filter(either)


def first_matching(documents: QuerySet, q: str, found: list[Q] | None = None) -> QuerySet:
    """The first SEARCH_COUNT_CAP + 1 documents matching `q` in the list's order, among
    `documents` — already narrowed by access and every other filter. Each match (summary, issuer,
    number) is read in that order by its own query, which the database plans by its own index;
    the first cap + 1 of all three are among the ids kept. `found`: the conditions of `q`,
    when the caller already made them (the list's counts search once per facet)."""
    ordered = documents.order_by(*LIST_ORDER)
    ids: set[int] = set()
    for condition in conditions(q) if found is None else found:
        ids.update(ordered.filter(condition).values_list("pk", flat=True)[: SEARCH_COUNT_CAP + 1])
    return documents.filter(pk__in=ids)


def find_incoming(user, q: str, limit: int) -> list:
    """The incoming documents kind of the search across areas (core.search): the first `limit`
    matches the user may see, in the register's order."""
    visible = access.visible(user, IncomingDocument.objects.all(), DocumentAction.VIEW)
    found = first_matching(visible, q).order_by(*LIST_ORDER)[:limit]
    return [
        SearchHit(
            title=f"{doc.number}/{doc.year} · {doc.original_number}",
            url=reverse("documents:incoming_detail", args=[doc.pk]),
            detail=f"{doc.issuer} — {doc.summary}",
        )
        for doc in found
    ]


def register_kinds() -> None:
    core_search.register(
        core_search.SearchKind(
            "incoming", _("Incoming documents"), DocumentAction.VIEW, find_incoming, order=200
        )
    )
