"""The search box of the incoming register: summary, issuing body, number and symbol.

The text is folded (docs/decisions/0003-vietnamese-text.md). The issuing body is matched against the
directory of issuers first (`Issuer`, a few thousand names) and documents then by their exact folded
issuer. The summary is matched on PostgreSQL as a phrase of whole words (`to_tsvector('simple', …)`,
documents migration 0005), elsewhere as a substring; the number and symbol as a substring, for a
text of at most NUMBER_WORDS words. A trigram index on every document's summary and issuer read long
texts trigram by trigram: 0.2–0.9 s for "tai chinh" over 2 million documents (bench/README.md,
documents; decision 0011).

The register list takes each of the three matches in the list's order up to the cap, each by its
own index, and shows the first of them together; the API counts and pages the exact matches.
"""

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from vanphong.core import vntext
from vanphong.documents.models import IncomingDocument, Issuer
from vanphong.documents.symbols import strip_number_prefix

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
        RawSQL(
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


def number_condition(q: str) -> Q | None:
    """A number and symbol is a few characters without a sentence in it ("Số 42-HD/BTCTW",
    "42 - HD/BTCTW"): a text of more words is not looked for there, where its many trigrams
    cost more than the other two matches together."""
    number = strip_number_prefix(q)
    if len(number.split()) > NUMBER_WORDS:
        return None
    return Q(original_number__icontains=number)


def conditions(q: str) -> list[Q]:
    folded = folded_query(q)
    found = [summary_condition(folded), issuer_condition(folded), number_condition(q)]
    return [condition for condition in found if condition is not None]


def matching(documents: QuerySet, q: str) -> QuerySet:
    """Every document matching `q` (the API: counted and paged exactly)."""
    either = Q(pk__in=[])
    for condition in conditions(q):
        either |= condition
    return documents.filter(either)


def first_matching(documents: QuerySet, q: str) -> QuerySet:
    """The first SEARCH_COUNT_CAP + 1 documents matching `q` in the list's order, among
    `documents` — already narrowed by access and every other filter. Each match (summary, issuer,
    number) is read in that order by its own query, which the database plans by its own index;
    the first cap + 1 of all three are among the ids kept."""
    ordered = documents.order_by(*LIST_ORDER)
    ids: set[int] = set()
    for condition in conditions(q):
        ids.update(ordered.filter(condition).values_list("pk", flat=True)[: SEARCH_COUNT_CAP + 1])
    return documents.filter(pk__in=ids)
