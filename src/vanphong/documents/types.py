"""Document types and their abbreviations as of a date (dated rules,
docs/rules/party-documents.md §1)."""

import datetime

from vanphong.core.models import RuleTable
from vanphong.core.rules import table_as_of, value_as_of
from vanphong.documents.services.errors import DocumentError


def type_choices(as_of: datetime.date) -> list[tuple[str, str]]:
    """(key, "Nghị quyết (NQ)") for every type in force on `as_of`, in the table's order."""
    rows = table_as_of(RuleTable.DOCUMENT_TYPE, as_of)
    return [(key, f"{v['name']} ({v['abbreviation']})") for key, v in rows.items()]


def type_rule(doc_type: str, as_of: datetime.date) -> dict:
    """{"name", "abbreviation", "administrative"} of `doc_type` in force on `as_of`."""
    value = value_as_of(RuleTable.DOCUMENT_TYPE, doc_type, as_of)
    if not value:
        raise DocumentError(DocumentError.UNKNOWN_TYPE)
    return value


def type_name(doc_type: str, as_of: datetime.date) -> str:
    value = value_as_of(RuleTable.DOCUMENT_TYPE, doc_type, as_of)
    return value["name"] if value else doc_type
