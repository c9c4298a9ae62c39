"""The spreadsheet columns of members and organizations, shared by the template, the import and
the export, so that a header, its validation list and its parser can never drift apart.

Headers and enumerations are written in the UI language (Vietnamese labels of the model
choices); on import, headers and values are matched folded (case, tone marks and "đ" ignored),
and the English header or the stored code is accepted as well.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vanphong.core import vntext
from vanphong.organizations.models import (
    Education,
    Gender,
    MemberStatus,
    OrgKind,
    ProfessionalLevel,
    TheoryLevel,
)


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    DIGITS = "digits"  # identifiers kept as text so that leading zeros survive
    ORGANIZATION = "organization"  # an organization id, or its name


@dataclass(frozen=True)
class Column:
    key: str
    header: Promise
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: type[TextChoices] | None = None
    max_length: int = 255
    width: int = 18

    @property
    def label(self) -> str:
        return str(self.header)

    def choice_labels(self) -> list[str]:
        return [str(label) for label in self.choices.labels]

    def choice_lookup(self) -> dict[str, str]:
        """Folded label or code → stored code."""
        lookup = {vntext.fold(value): value for value in self.choices.values}
        lookup |= {vntext.fold(str(label)): value for value, label in self.choices.choices}
        return lookup


MEMBER_COLUMNS = (
    Column("full_name", _("Full name"), required=True, max_length=200, width=28),
    Column("gender", _("Gender"), Kind.CHOICE, required=True, choices=Gender, width=10),
    Column("birth_date", _("Date of birth"), Kind.DATE, required=True, width=14),
    Column("ethnicity", _("Ethnicity"), max_length=64, width=12),
    Column("religion", _("Religion"), max_length=64, width=12),
    Column("hometown", _("Hometown"), width=28),
    Column("citizen_id", _("Citizen ID (CCCD)"), Kind.DIGITS, max_length=12, width=16),
    Column("card_number", _("Party card number"), Kind.DIGITS, max_length=20, width=16),
    Column("admitted_on", _("Admission date"), Kind.DATE, required=True, width=14),
    Column("official_on", _("Official membership date"), Kind.DATE, width=14),
    Column("status", _("Status"), Kind.CHOICE, choices=MemberStatus, width=14),
    Column("education", _("General education"), Kind.CHOICE, choices=Education, width=16),
    Column(
        "professional_level",
        _("Professional level"),
        Kind.CHOICE,
        choices=ProfessionalLevel,
        width=16,
    ),
    Column("theory_level", _("Political theory"), Kind.CHOICE, choices=TheoryLevel, width=16),
    Column("organization", _("Party cell"), Kind.ORGANIZATION, width=32),
    Column("phone", _("Phone"), max_length=20, width=14),
)

ORGANIZATION_COLUMNS = (
    Column("name", _("Organization name"), required=True, width=40),
    Column("code", _("Short code"), required=True, max_length=32, width=12),
    Column("kind", _("Organization kind"), Kind.CHOICE, required=True, choices=OrgKind, width=36),
    Column("parent", _("Parent organization"), Kind.ORGANIZATION, width=40),
    Column("established_on", _("Established on"), Kind.DATE, width=14),
)

MEMBER_SHEET = _("Party members")
ORGANIZATION_SHEET = _("Organizations")
INSTRUCTIONS_SHEET = _("Instructions")
LISTS_SHEET = _("Lists")
CELLS_SHEET = _("Party cells")
