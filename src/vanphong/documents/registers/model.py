"""A register as data: title, organization, period, columns and rows, ready to be written out."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from vanphong.core.formats import date_vn
from vanphong.documents.registers.period import Period


@dataclass(frozen=True)
class Column:
    label: str
    width: int  # characters, for the XLSX column; the PDF shares the page in the same ratio
    wrap: bool = True


@dataclass
class Row:
    cells: list  # str, int, date, aware datetime or None
    url: str = ""
    note_class: str = ""  # "cancelled" / "recalled": the page greys the row

    @property
    def texts(self) -> list[str]:
        return [as_text(value) for value in self.cells]


@dataclass
class Register:
    kind: str  # "incoming" / "outgoing" / "seal"
    title: str
    organization: str
    period: Period
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)

    @property
    def subtitle(self) -> str:
        return self.period.label()


def local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(moment) if moment else None


def as_text(value) -> str:
    """How a cell reads on the page and in the PDF: dates dd/mm/yyyy, times dd/mm/yyyy HH:MM."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return f"{local(value):%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return date_vn(value)
    return str(value)
