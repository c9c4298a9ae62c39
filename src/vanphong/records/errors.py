from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError


class RecordError(ServiceError):
    PLAN_EXISTS = ("plan_exists", _("%(organization)s already has its file plan for %(year)s."))
    BAD_YEAR = ("bad_year", _("A file plan is made for this year or the next one."))
    BAD_CODE = (
        "bad_code",
        _("The file code does not follow the structure set for files (for example %(example)s)."),
    )
    CODE_TAKEN = ("code_taken", _("The plan already has a file coded %(code)s."))
    EMPTY_TITLE = ("empty_title", _("The file needs a title."))
    UNKNOWN_RETENTION = ("unknown_retention", _("This retention category is not in the table."))
    NOT_RESPONSIBLE = (
        "not_responsible",
        _("The responsible person must be someone who keeps this organization's files."),
    )
    ALREADY_OPEN = ("already_open", _("This file is already opened."))
    NOT_OPEN = ("not_open", _("This file is %(status)s: it can no longer change."))
    HANDED_OVER = (
        "handed_over",
        _("This file is handed over to the archive: it and its documents are read-only."),
    )
    ALREADY_FILED = ("already_filed", _("This document is already in this file."))
    OTHER_ORGANIZATION = (
        "other_organization",
        _("Only the organization's own registered documents can be filed."),
    )
    NOT_ISSUED = ("not_issued", _("Only an issued outgoing document can be filed."))
    CLEARANCE = (
        "clearance",
        _("Your clearance does not allow you to file a document of this level."),
    )
    EMPTY_FILE = ("empty_file", _("A file without any document cannot be closed."))
    NO_HANDOVER_RULE = (
        "no_handover_rule",
        _("No hand-over rule is in force on %(day)s: ask the administrator."),
    )
    NOTHING_TO_RECEIVE = ("nothing_to_receive", _("Choose at least one closed file to receive."))
    NOT_CLOSED = ("not_closed", _("Only closed files can be handed over (%(code)s is not)."))
    MIXED_ORGANIZATIONS = (
        "mixed_organizations",
        _("One hand-over receives the files of one organization."),
    )
    NAME_NEEDED = ("name_needed", _("Write who hands the files over."))
    IN_FUTURE = ("in_future", _("The day cannot be later than today."))
    BAD_PAGES = ("bad_pages", _("The number of pages must be between 1 and 9999."))
    NOT_IN_ARCHIVE = ("not_in_archive", _("Only a file handed over to the archive is lent."))
    PURPOSE_NEEDED = ("purpose_needed", _("Write what the file is borrowed for."))
    LOAN_OPEN = ("loan_open", _("You already have a request or a loan of this file."))
    LOAN_CLEARANCE = (
        "loan_clearance",
        _("This file is %(level)s: your clearance does not allow you to borrow it."),
    )
    OWN_LOAN = ("own_loan", _("A loan is decided by someone other than its borrower."))
    LOAN_STEP = ("loan_step", _("This step cannot be taken now: the loan is %(status)s."))
    ON_LOAN = ("on_loan", _("The file is out on another loan until it is returned."))
    NOTE_NEEDED = ("note_needed", _("A refusal needs its reason."))
    NO_LOAN_RULE = ("no_loan_rule", _("No loan period is in force today: ask the administrator."))
