"""Vietnamese text: one canonical stored form, a folded form for search, a sort key.

Canonical form (docs/decisions/0003-vietnamese-text.md):
- Unicode NFC, runs of white space collapsed, ends stripped.
- Tone placement in the OLD style (kiểu cũ), the one party documents print: in an open syllable
  ending in "oa", "oe" or "uy" the tone sits on the glide, the first vowel ("hòa", "khỏe", "thủy"),
  not on the main vowel as the NEW style (kiểu mới) writes it ("hoà", "khoẻ", "thuỷ"). Text typed
  in the new style is moved to the old one. Syllables starting with "qu" are left alone ("quý").
"""

import re
import unicodedata

_TONE_MARKS = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
_WORD_CHAR = r"[^\W\d_]"
# New-style placement (kiểu mới), to be moved: glide + toned main vowel at the end of a
# syllable ("oà", "uỷ"), not after "q".
_NEW_PLACEMENT = re.compile(
    rf"(?<![qQ])([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])(?!{_WORD_CHAR})"
    rf"|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?!{_WORD_CHAR})"
)
_SPACES = re.compile(r"\s+")


def _move_tone(match: re.Match) -> str:
    """ "oà" → "òa": the tone moves from the main vowel to the glide before it."""
    glide, vowel = (match.group(1), match.group(2)) if match.group(1) else match.groups()[2:]
    decomposed = unicodedata.normalize("NFD", vowel)
    tone = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    bare = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", glide + tone) + unicodedata.normalize("NFC", bare)


def canonical(text: str | None) -> str:
    """The stored form of user text: NFC, single spaces, old-style (kiểu cũ) tone placement."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text).strip()
    return _NEW_PLACEMENT.sub(_move_tone, text)


def fold(text: str | None) -> str:
    """Search form: lowercase, no tone or vowel marks, "đ" → "d", single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", canonical(text).lower().replace("đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


# Vietnamese alphabetical order; "dd" (đ) follows "d", and the marked vowels follow their base.
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_LETTER_CODE = {letter: index + 12 for index, letter in enumerate(_ALPHABET)}
_END, _SPACE = "00", "01"


def _split_tone(char: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((_TONE_MARKS[ch] for ch in decomposed if ch in _TONE_MARKS), 0)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return base, tone


def sort_key(text: str | None) -> str:
    """A digits-only key that orders Vietnamese text alphabetically in any database collation.

    Two digits per letter (a < ă < â < b … < đ …), then the tones (ngang, huyền, hỏi, ngã, sắc,
    nặng) as a second level, so "ba" < "bà" < "bả" < "bác" < "bạc" < "bàn".
    """
    primary, tones = [], []
    for char in canonical(text).lower():
        if char.isspace():
            primary.append(_SPACE)
            continue
        if char.isdigit() and char.isascii():
            primary.append(f"{2 + int(char):02d}")
            continue
        base, tone = _split_tone(char)
        code = _LETTER_CODE.get(base)
        if code is None:
            continue  # punctuation does not sort
        primary.append(f"{code:02d}")
        tones.append(str(tone))
    return "".join(primary) + _END + "".join(tones)


def person_sort_key(full_name: str | None) -> str:
    """Vietnamese lists sort people by given name (the last word), then by the full name."""
    name = canonical(full_name)
    given = name.rsplit(" ", 1)[-1] if name else ""
    return sort_key(given) + _END + sort_key(name)
