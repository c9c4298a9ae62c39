from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError


class DocumentError(ServiceError):
    UNKNOWN_TYPE = "unknown_type", _("This document type is not in force on that date.")
    FUTURE_DATE = "future_date", _("The document date is in the future.")
    RECEIVED_FUTURE = (
        "received_future",
        _("The receipt time %(when)s is later than now: a document is registered once received."),
    )
    NUMBER_WITHOUT_DIGITS = (
        "number_without_digits",
        _("The number and symbol must contain the document's number, for example 42-HD/BTCTW."),
    )
    DATE_AFTER_RECEIPT = (
        "date_after_receipt",
        _("The document is dated after the day it was received."),
    )
    DEADLINE_PAST = "deadline_past", _("The deadline is before the day of assignment.")
    EMPTY_SUMMARY = "empty_summary", _("The summary (trích yếu) is required.")
    PLACEHOLDER_SUMMARY = (
        "placeholder_summary",
        _(
            "The summary (trích yếu) still holds the template's “…”: write what the document is about."
        ),
    )
    PAGES = "pages", _("The number of pages must be at least 1.")
    WRONG_STATE = "wrong_state", _("This step is not possible in the document's current state.")
    NO_LEAD = "no_lead", _("Choose exactly one lead handler.")
    HANDLER_SCOPE = (
        "handler_scope",
        _("%(name)s does not work with documents of this organization."),
    )
    HANDLER_CLEARANCE = (
        "handler_clearance",
        _("%(name)s does not have the clearance for this document."),
    )
    DEPARTMENT_SCOPE = (
        "department_scope",
        _("The department must be a unit of the organization that received the document."),
    )
    NOT_HANDLER = "not_handler", _("Only a handler of this document can record progress.")
    NOT_SIGNER = "not_signer", _("Only the designated signer can sign this document.")
    NOT_DRAFTER = "not_drafter", _("Only the author of the draft can take this step.")
    NOT_ALLOWED = "not_allowed", _("You may not take this step on this document.")
    SIGNER_AUTHORITY = (
        "signer_authority",
        _("%(name)s has no authority to sign documents of this organization."),
    )
    NOT_APPRAISED = (
        "not_appraised",
        _("The latest version has not been appraised as agreed."),
    )
    PDF_ALREADY_SIGNED = (
        "pdf_already_signed",
        _("The issued PDF is already digitally signed: its signed copy is in the files."),
    )
    NO_TERM = (
        "no_term",
        _("No committee term of %(org)s covers %(date)s: add the term before issuing."),
    )
    CONGRESS_DATES = (
        "congress_dates",
        _("Congress documents are issued between its opening and closing days."),
    )
    CONGRESS_CLOSES_FIRST = "congress_closes_first", _("The congress closes before it opens.")
    NO_RECIPIENTS = "no_recipients", _("List at least one recipient.")
    REASON_REQUIRED = "reason_required", _("Give the reason.")
    NO_CERTIFICATE = (
        "no_certificate",
        _("The organization has no signing certificate: an administrator must add one."),
    )
    ISSUE_DATE = (
        "issue_date",
        _(
            "The issue date %(day)s is before the signing day %(first)s: issue it on or after that day."
        ),
    )
    ISSUE_DATE_AHEAD = (
        "issue_date_ahead",
        _("The issue date %(day)s is too far ahead: the latest issue date today is %(last)s."),
    )
    SENT_BEFORE_ISSUE = (
        "sent_before_issue",
        _("The sending date %(day)s is before the issue date %(issued)s."),
    )
    ABOVE_CLEARANCE = (
        "above_clearance",
        _(
            "Your clearance does not reach %(level)s: you cannot give a document a"
            " confidentiality above your own."
        ),
    )
