"""The demo's content on any reference day: its texts are written for a demo year of 2026 (from
December 2025 to December 2026, the 2025–2030 term) and moved here to the years a reference day
needs.

Moving a text by `shift` years adds `shift` to every year it names ("quý I/2026" → "quý I/2027"),
renames the lunar years of Tết ("Tết Bính Ngọ" → "Tết Đinh Mùi"), counts the Party's age again
("96 năm Ngày thành lập Đảng" → "97 năm"), and writes the committee term in force instead of
"2025–2030". Subjects tied to the five-yearly cycle (the national congress, the elections, the
opening of a term) are only used in a year of that cycle, with their ordinals moved too
("Đại hội XIV" → "Đại hội XV" five years on). A subject tied to a moment of the year keeps its
window (`demo_data.WINDOWS`), moved by the same years.
"""

import datetime
import re

from vanphong.documents.demo_data import WINDOWS

BASE_YEAR = 2026  # the year the demo's texts are written for
BASE_TERM = "2025–2030"
PARTY_FOUNDED = 1930
CYCLE = 5
_STEMS = ["Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ"]
_BRANCHES = ["Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi"]
_TET_YEARS = {"Bính Ngọ": 2026, "Đinh Mùi": 2027}  # the lunar years the texts name
# Words of the five-yearly cycle, with the ordinal each carries in the base year.
_CYCLE_ORDINALS = {"Đại hội": 14, "khóa": 16}
_CYCLE_WORDS = ("Đại hội XIV", "khóa XVI", "2026–2031", "bầu cử", "nhiệm kỳ 2025–2030")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def can_chi(year: int) -> str:
    """The lunar year's name: 2026 → "Bính Ngọ"."""
    return f"{_STEMS[year % 10]} {_BRANCHES[year % 12]}"


def roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def in_cycle(text: str) -> bool:
    return any(word in text for word in _CYCLE_WORDS)


def usable(text: str, shift: int) -> bool:
    """A subject of the five-yearly cycle is used only in a year of its cycle."""
    return shift % CYCLE == 0 or not in_cycle(text)


def moved(text: str, shift: int, term: str | None = None) -> str:
    """`text` written for the base year, moved by `shift` years (see the module's docstring)."""
    text = text.replace(BASE_TERM, "\0")
    for name, year in _TET_YEARS.items():
        text = text.replace(f"Tết {name}", f"Tết {can_chi(year + shift)}")
    age = BASE_YEAR - PARTY_FOUNDED
    text = text.replace(f"{age} năm Ngày thành lập", f"{age + shift} năm Ngày thành lập")
    if shift % CYCLE == 0:
        for word, ordinal in _CYCLE_ORDINALS.items():
            text = text.replace(
                f"{word} {roman(ordinal)}", f"{word} {roman(ordinal + shift // CYCLE)}"
            )
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    if term is None:
        start = 2025 + shift - shift % CYCLE
        term = f"{start}–{start + CYCLE}"
    return text.replace("\0", term)


def window(text: str, shift: int) -> tuple[datetime.date, datetime.date] | None:
    """The days `text` (written for the base year) may be dated, moved by `shift` years; None
    when any day will do."""
    for words, first, last in WINDOWS:
        if words in text:
            return _years_on(first, shift), _years_on(last, shift)
    return None


def fitting_shift(text: str, first: datetime.date, last: datetime.date, around: int) -> int | None:
    """The shift (of `around` - 1, `around`, `around` + 1) that puts `text`'s window latest
    inside the days from `first` to `last`; `around` for a text without a window; None when no
    shift fits (the text is not used)."""
    if window(text, around) is None:
        return around if usable(text, around) else None
    for shift in (around + 1, around, around - 1):
        if not usable(text, shift):
            continue
        start, end = window(text, shift)
        if start <= last and first <= end:
            return shift
    return None


def _years_on(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February moved to a common year
        return day.replace(year=day.year + years, day=28)
