"""Import errors: a file-level problem stops at once; row problems are all collected first."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError
from vanphong.organizations.services.errors import MemberError, OrganizationError


class XlsxError(ServiceError):
    TOO_LARGE = (
        "too_large",
        _("The file is too large: the limit is %(limit)s MB."),
    )
    EMPTY_FILE = "empty_file", _("The file is empty.")
    NOT_XLSX = (
        "not_xlsx",
        _("This is not an Excel workbook (.xlsx). Save the file as .xlsx and try again."),
    )
    MALFORMED = (
        "malformed",
        _("The workbook cannot be read: the file is damaged or not a valid .xlsx file."),
    )
    NO_HEADER = "no_header", _("The sheet has no header row.")
    WRONG_COLUMNS = (
        "wrong_columns",
        _(
            "The header row does not match the template. Missing columns: %(missing)s. "
            "Unknown or repeated columns: %(unknown)s."
        ),
    )
    NO_ROWS = "no_rows", _("The sheet has no data rows.")
    TOO_MANY_ROWS = "too_many_rows", _("The sheet has more than %(max)s rows: split the file.")
    INVALID_ROWS = (
        "invalid_rows",
        _("%(count)s errors found: nothing was imported. Correct the file and import it again."),
    )
    CONFLICT = (
        "conflict",
        _("Another change saved the same card number or citizen ID meanwhile: nothing imported."),
    )


class RowCode:
    """Row-level problems; those that single edits also meet are the services' own codes."""

    REQUIRED = "required", _("This value is required.")
    TOO_LONG = "too_long", _("At most %(max)s characters.")
    DATE_FORMAT = "date_format", _("Write the date as dd/mm/yyyy.")
    IMPOSSIBLE_DATE = "impossible_date", _("This date does not exist.")
    FUTURE_DATE = MemberError.FUTURE_DATE
    BIRTH_AFTER_ADMISSION = MemberError.BIRTH_AFTER_ADMISSION
    TOO_YOUNG = MemberError.TOO_YOUNG
    OFFICIAL_BEFORE_ADMISSION = (
        "official_before_admission",
        _("The official membership date is before the admission date."),
    )
    INVALID_CHOICE = "invalid_choice", _("Unknown value. Allowed values: %(allowed)s.")
    CITIZEN_ID_FORMAT = MemberError.CITIZEN_ID_FORMAT
    NOT_DIGITS = "not_digits", _("Only digits are allowed.")
    DUPLICATE_IN_FILE = "duplicate_in_file", _("The same value appears in row %(row)s.")
    CARD_TAKEN = MemberError.CARD_TAKEN
    CITIZEN_ID_TAKEN = MemberError.CITIZEN_ID_TAKEN
    UNKNOWN_ORGANIZATION = (
        "unknown_organization",
        _("No organization with this code or name in the chosen organization."),
    )
    AMBIGUOUS_ORGANIZATION = (
        "ambiguous_organization",
        _("Several organizations have this name: write the organization code instead."),
    )
    NOT_A_CELL = MemberError.NOT_A_CELL
    NOT_ACTIVE = OrganizationError.NOT_ACTIVE
    NAME_TAKEN = (
        "name_taken",
        _("The parent organization already has a subordinate organization with this name."),
    )


@dataclass(frozen=True)
class RowError:
    row: int  # the spreadsheet's row number, as the user sees it
    column: str  # column key
    label: str  # column header in the UI language
    code: str
    message: str


def row_error(number: int, column, problem: tuple[str, object], /, **params) -> RowError:
    code, template = problem
    message = str(template) % params if params else str(template)
    return RowError(row=number, column=column.key, label=column.label, code=code, message=message)


class RowsRejected(XlsxError):
    """At least one row is wrong: nothing was imported. `errors` holds the first ones, by row."""

    def __init__(self, errors: list[RowError], total: int):
        super().__init__(XlsxError.INVALID_ROWS, count=total)
        self.errors, self.total = errors, total
