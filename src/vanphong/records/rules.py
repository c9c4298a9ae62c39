"""The records rules applied (docs/rules/records.md, decision 0018): retention periods from the
dated retention table, and the hand-over due date and its warning."""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings

from vanphong.core.rules import table_as_of, value_as_of
from vanphong.records.errors import RecordError
from vanphong.records.rule_tables import RuleTable

PERMANENT = None


def retention_choices(as_of: datetime.date) -> list[tuple[str, str]]:
    """(key, "Nghị quyết — vĩnh viễn") for every retention category in force on `as_of`."""
    return [
        (key, f"{value['label']} — {retention_label(value['years'])}")
        for key, value in table_as_of(RuleTable.RETENTION, as_of).items()
    ]


def retention_label(years: int | None) -> str:
    return "vĩnh viễn" if years is None else f"{years} năm"


def retention_of(key: str, as_of: datetime.date) -> int | None:
    """The retention (years, None for permanent) of a category in force on `as_of`."""
    value = value_as_of(RuleTable.RETENTION, key, as_of)
    if value is None:
        raise RecordError(RecordError.UNKNOWN_RETENTION)
    return value["years"]


def document_retention(doc_type: str, as_of: datetime.date) -> int | None:
    """A document's retention: its type's row, or the `default` row."""
    value = value_as_of(RuleTable.RETENTION, doc_type, as_of) or value_as_of(
        RuleTable.RETENTION, "default", as_of
    )
    if value is None:
        raise RecordError(RecordError.UNKNOWN_RETENTION)
    return value["years"]


def longest(*periods: int | None) -> int | None:
    """The most valuable of some retentions: permanent beats any number of years."""
    if any(p is PERMANENT for p in periods):
        return PERMANENT
    return max(periods)


@dataclass(frozen=True)
class Due:
    due_on: datetime.date
    warn_from: datetime.date


def handover_due(closed_on: datetime.date) -> Due:
    """When a file closed on `closed_on` is due at the archive (decision 0018): the work ended
    in the year the file was closed; it is due by 31 December of the year `years` later, by the
    rule in force on the closing day, and warned `warn_days` before."""
    rule = value_as_of(RuleTable.HANDOVER, "current_archive", closed_on)
    if rule is None:
        raise RecordError(RecordError.NO_HANDOVER_RULE, day=closed_on.strftime("%d/%m/%Y"))
    due_on = datetime.date(closed_on.year + rule["years"], 12, 31)
    return Due(due_on, due_on - datetime.timedelta(days=rule["warn_days"]))


def check_code(code: str) -> str:
    """A file code of the structure this installation sets (VANPHONG_RECORDS_FILE_CODE)."""
    code = code.strip()
    if not re.fullmatch(settings.RECORDS_FILE_CODE_PATTERN, code):
        raise RecordError(RecordError.BAD_CODE, example=settings.RECORDS_FILE_CODE_EXAMPLE)
    return code
