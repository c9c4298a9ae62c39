"""The meeting rules in force on a day, read from the dated rule tables (invariant 6).

A rule missing from the tables is not checked and says so: the code holds no fallback value.
"""

import datetime
from dataclasses import dataclass

from vanphong.core import rules
from vanphong.meetings.rule_tables import RuleTable


@dataclass(frozen=True)
class DurationRule:
    minutes: int
    key: str  # which row applied: "regular", or "regular@<path>" for a committee's own rule


def duration_rule(kind: str, path: str, members: int, on: datetime.date) -> DurationRule | None:
    """The least duration of a `kind` session of the organization at `path` with `members` on
    its roster: the nearest committee's own rule for small cells that applies, else the general
    one; None when the kind has no duration rule (an extraordinary meeting)."""
    table = rules.table_as_of(RuleTable.DURATION, on)
    own = [
        (key, value)
        for key, value in table.items()
        if key.startswith(f"{kind}@") and path.startswith(key.split("@", 1)[1])
    ]
    for key, value in sorted(own, key=lambda kv: len(kv[0]), reverse=True):
        if members < value.get("cells_below", 0):
            return DurationRule(value["minutes"], key)
    general = table.get(kind)
    return DurationRule(general["minutes"], kind) if general else None


def notice_hours(on: datetime.date) -> int | None:
    value = rules.value_as_of(RuleTable.NOTICE, "documents", on)
    return value["hours"] if value else None


def compliance(key: str, on: datetime.date) -> int | None:
    value = rules.value_as_of(RuleTable.COMPLIANCE, key, on)
    return value[key] if value else None


def vote_fraction(on: datetime.date) -> tuple[int, int]:
    value = rules.value_as_of(RuleTable.VOTE, "resolution", on)
    if value is None:
        raise LookupError("vote_threshold/resolution has no row in force")
    return value["numerator"], value["denominator"]


def threshold(counted: int, on: datetime.date) -> int:
    """Votes needed: more than the fraction of the counted members, ⌊n·a/b⌋ + 1 (n=17 → 9,
    n=16 → 9 for a half)."""
    numerator, denominator = vote_fraction(on)
    return counted * numerator // denominator + 1
