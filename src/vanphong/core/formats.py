"""Vietnamese formats for dates and money (invariant 7) and the party's date line
(docs/rules/party-documents.md §4)."""

import datetime


def date_vn(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def party_date_line(place: str, day: datetime.date) -> str:
    """'Hà Nội, ngày 09 tháng 01 năm 2026': days below 10 and months 1–2 are padded
    (docs/rules/party-documents.md §4)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_vn(value: int) -> str:
    """1234567 → '1.234.567' (the dot groups thousands)."""
    return f"{value:,}".replace(",", ".")


def money_vn(amount: int) -> str:
    """1234567 → '1.234.567 đ'."""
    return number_vn(amount) + " đ"
