"""What the dues services share: the acting user's right, the cell, amounts typed by people."""

import datetime
import re

from vanphong.core import access
from vanphong.core.formats import money_vn
from vanphong.dues.access import DuesAction
from vanphong.dues.errors import DuesError
from vanphong.dues.rates import month_of
from vanphong.organizations.models import CELL_KINDS
from vanphong.organizations.services.members import today

AMOUNT_LIMIT = 1_000_000_000  # a month's dues or basis above this is a typing error
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")


def ensure_record(user, obj) -> None:
    """Refuse (PermissionDenied) a user who may not record this cell's dues; None is the system."""
    access.ensure_allowed(user, DuesAction.RECORD, obj)


def ensure_cell(organization) -> None:
    if organization.kind not in CELL_KINDS:
        raise DuesError(DuesError.NOT_A_CELL)


def ensure_begun(month: datetime.date) -> datetime.date:
    month = month_of(month)
    if month > month_of(today()):
        raise DuesError(DuesError.FUTURE_MONTH, month=month.strftime("%m/%Y"))
    return month


def amount(value, *, allow_zero: bool = False) -> int:
    """A whole number of đồng from what a person typed ("85000", "85.000", 85000)."""
    if isinstance(value, bool):
        raise DuesError(DuesError.NOT_AN_AMOUNT)
    if isinstance(value, int):
        number = value
    else:
        text = str(value or "").strip().replace(" ", "").removesuffix("đ").removesuffix("đ")
        if text.startswith("-") and text[1:].replace(".", "").isdigit():
            raise DuesError(DuesError.NEGATIVE)
        if _GROUPED.match(text):
            text = text.replace(".", "")
        if not text.isascii() or not text.isdigit() or len(text) > 12:
            raise DuesError(DuesError.NOT_AN_AMOUNT)
        number = int(text)
    if number < 0:
        raise DuesError(DuesError.NEGATIVE)
    if number == 0 and not allow_zero:
        raise DuesError(DuesError.ZERO)
    if number > AMOUNT_LIMIT:
        raise DuesError(DuesError.TOO_LARGE, limit=money_vn(AMOUNT_LIMIT))
    return number
