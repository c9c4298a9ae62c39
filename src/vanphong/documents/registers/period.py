"""The period of a register: from–to dates typed as dd/mm/yyyy (or yyyy-mm-dd), this year by
default."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError
from vanphong.core.formats import date_vn

MAX_DAYS = 366 * 5


class PeriodError(ServiceError):
    BAD_DATE = (
        "bad_date",
        _("“%(value)s” is not a valid date: write it as dd/mm/yyyy, e.g. 09/01/2026."),
    )
    REVERSED = "reversed", _("The start date must not be after the end date.")
    TOO_LONG = "too_long", _("A register covers at most five years: choose a shorter period.")


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def label(self) -> str:
        return f"Từ ngày {date_vn(self.start)} đến ngày {date_vn(self.end)}"

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """[start of the first day, start of the day after the last) in local time, aware."""
        zone = timezone.get_current_timezone()
        first = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        after = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        return first, after

    def query(self) -> dict[str, str]:
        return {"tu": date_vn(self.start), "den": date_vn(self.end)}


def this_year(today: datetime.date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31))


def parse_date(value: str) -> datetime.date:
    text = (value or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007 — a calendar day
        except ValueError:
            continue
    raise PeriodError(PeriodError.BAD_DATE, value=text[:40])


def parse(params) -> Period:
    """The period asked for in `params` (GET: tu, den); a missing end defaults to the default
    period's; raise PeriodError on bad input."""
    default = this_year()
    start = parse_date(params["tu"]) if params.get("tu", "").strip() else default.start
    end = parse_date(params["den"]) if params.get("den", "").strip() else default.end
    if start > end:
        raise PeriodError(PeriodError.REVERSED)
    if (end - start).days > MAX_DAYS:
        raise PeriodError(PeriodError.TOO_LONG)
    return Period(start, end)
