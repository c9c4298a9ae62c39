"""Turn one spreadsheet cell into a checked value, or say what is wrong with it."""

import datetime
import re

from vanphong.core import vntext
from vanphong.organizations.xlsx.errors import RowCode

_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class CellProblem(Exception):
    def __init__(self, problem: tuple[str, object], **params):
        super().__init__(problem[0])
        self.problem, self.params = problem, params


def text(value, max_length: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = vntext.canonical(str(value))
    if len(result) > max_length:
        raise CellProblem(RowCode.TOO_LONG, max=max_length)
    return result


def digits(value, max_length: int) -> str:
    """Identifiers: a number cell is accepted too (leading zeros are then lost, and the length
    check reports it)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = re.sub(r"\s+", "", str(value)) if value is not None else ""
    if result and not result.isdigit():
        raise CellProblem(RowCode.NOT_DIGITS)
    if len(result) > max_length:
        raise CellProblem(RowCode.TOO_LONG, max=max_length)
    return result


def date(value) -> datetime.date | None:
    """dd/mm/yyyy text, or a cell Excel already holds as a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = _DATE.match(str(value).strip())
    if not match:
        raise CellProblem(RowCode.DATE_FORMAT)
    day, month, year = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CellProblem(RowCode.IMPOSSIBLE_DATE) from None


def choice(value, lookup: dict[str, str], allowed: list[str]) -> str:
    if value is None or not str(value).strip():
        return ""
    code = lookup.get(vntext.fold(str(value)))
    if code is None:
        raise CellProblem(RowCode.INVALID_CHOICE, allowed=", ".join(allowed))
    return code
