"""What a party document prints: the fields of the layout, already formatted
(docs/rules/party-documents.md §4).

The layout knows nothing of the database: a service builds it from a document record (number
from the register, signer from the committee, recipients from the dispatch list) and hands it to
`render_docx`. Numbers and dates arrive formatted or blank; the renderer only places them.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field, fields

from django.utils.translation import gettext_lazy as _

from .errors import LayoutError

CONFIDENTIALITY_MARKS = ("", "MẬT", "TỐI MẬT", "TUYỆT MẬT")
URGENCY_MARKS = ("", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
REQUIRED_FIELDS = {
    "issuing_body": _("issuing body"),
    "number_line": _("number and symbol"),
    "place": _("place name"),
    "summary": _("summary"),
}


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [unicodedata.normalize("NFC", item) for item in value]
    return value


@dataclass(frozen=True, kw_only=True)
class PartyDocumentLayout:
    """One party document as printed.

    - `number_line` is printed as given: "Số 15-NQ/TU", or "Số      -NQ/TU" on a draft.
    - `date` None marks a draft: the date line keeps blanks for the clerk to fill in by hand,
      in `draft_year` (default: the current year in the site's time zone).
    - `type_name` is printed in capitals ("Nghị quyết" → "NGHỊ QUYẾT"); a công văn
      (`is_official_letter`) prints no type name and shows its summary as "V/v …" under the number.
    - `recipients` are printed one per line, each prefixed "- ", with their own punctuation.
    """

    issuing_body: str
    number_line: str
    place: str
    summary: str
    superior_body: str = ""
    date: datetime.date | None = None
    draft_year: int | None = None
    type_name: str = ""
    is_official_letter: bool = False
    body: list[str] = field(default_factory=list)
    authority_line: str = ""
    signer_position: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    confidentiality_mark: str = ""
    urgency_mark: str = ""

    def __post_init__(self):
        # Invariant 5: everything printed is NFC, whatever the caller passed in.
        for item in fields(self):
            object.__setattr__(self, item.name, _nfc(getattr(self, item.name)))
        for name, label in REQUIRED_FIELDS.items():
            if not getattr(self, name).strip():
                raise LayoutError(LayoutError.MISSING_FIELD, field=label)
        if self.confidentiality_mark not in CONFIDENTIALITY_MARKS:
            raise LayoutError(LayoutError.UNKNOWN_CONFIDENTIALITY, mark=self.confidentiality_mark)
        if self.urgency_mark not in URGENCY_MARKS:
            raise LayoutError(LayoutError.UNKNOWN_URGENCY, mark=self.urgency_mark)

    @property
    def is_draft(self) -> bool:
        return self.date is None
