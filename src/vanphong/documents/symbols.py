"""Numbers and symbols of party documents (docs/rules/party-documents.md §2): "Số 15-NQ/TU",
never "Số: 12/QĐ-UBND"."""

import re

from vanphong.core import vntext

# number - type abbreviation / issuer code; letters include Vietnamese capitals (Đ) and the
# lower-case tails seen in practice (QĐi, CTr, TTr).
_PARTY = re.compile(
    r"^(?P<number>\d{1,6})-(?P<abbr>[^\W\d_][^\W_]{0,9})/(?P<issuer>[^\W_][^\W_-]{0,19})$"
)


def format_symbol(number: int, abbreviation: str, issuer_code: str) -> str:
    """(15, "NQ", "TU") → "15-NQ/TU"; numbers below 10 keep two digits ("01-QĐ/TW")."""
    return f"{number:02d}-{abbreviation}/{issuer_code}"


def number_line(symbol: str) -> str:
    """The line printed under the issuing body: "Số 15-NQ/TU" (no colon)."""
    return f"Số {symbol}"


def draft_number_line(abbreviation: str, issuer_code: str) -> str:
    """What a draft shows before its number is allocated: "Số      -NQ/TU"."""
    return f"Số      -{abbreviation}/{issuer_code}"


def strip_number_prefix(text: str) -> str:
    """ "Số 15-NQ/TU" / "số: 15-NQ/TU" / " 15-NQ/TU " → "15-NQ/TU" (as received)."""
    text = vntext.canonical(" ".join((text or "").split()))
    return re.sub(r"^(số|so)\s*[:.]?\s*", "", text, flags=re.IGNORECASE).strip()


def parse_party_symbol(text: str) -> tuple[int, str, str] | None:
    """ "Số 12-QĐ/ĐU" → (12, "QĐ", "ĐU"); a state-style "Số: 12/QĐ-UBND" → None."""
    raw = vntext.canonical((text or "").strip())
    if re.match(r"^số\s*:", raw, flags=re.IGNORECASE):
        return None  # the party writes "Số 12-…" without a colon
    match = _PARTY.match(strip_number_prefix(raw))
    if not match:
        return None
    return int(match["number"]), match["abbr"], match["issuer"]


# Words that name a party body once folded: "Tỉnh ủy", "Đảng ủy", "Ban Tổ chức Trung ương", ...
# A state body ("Ủy ban nhân dân tỉnh", "Sở Tài chính") matches none of them.
_PARTY_BODY = re.compile(
    r"\b(dang|tinh uy|thanh uy|huyen uy|quan uy|thi uy|chi bo|chi uy|bo chinh tri|ban bi thu"
    r"|uy ban kiem tra|van phong trung uong"
    r"|ban (to chuc|tuyen giao|dan van|noi chinh|kinh te|doi ngoai|chinh sach)[\w ]* trung uong)\b"
)


def is_party_issuer(issuer: str) -> bool:
    """Whether an issuing body's name is a party body's: its documents use the party's form."""
    return bool(_PARTY_BODY.search(vntext.fold(issuer)))


def off_party_form(issuer: str, typed: str) -> bool:
    """A party body's number and symbol not typed in the party's form ("Số: 12/QĐ-UBND" from a
    Tỉnh ủy): registered as typed, since the register records what the paper says, and flagged
    so the clerk checks it against the original."""
    return is_party_issuer(issuer) and parse_party_symbol(typed) is None
