"""The labels of the actions the records area audits, for the history pages (core.audit_display)."""

from django.utils.translation import gettext_lazy as _

from vanphong.core import audit_display

LABELS = {
    "records.plan_create": _("File plan made"),
    "records.plan_item_add": _("File added to the plan"),
    "records.file_open": _("File opened"),
    "records.file_document": _("Document filed"),
    "records.unfile_document": _("Document taken out of the file"),
    "records.file_close": _("File closed"),
    "records.handover": _("Files received by the archive"),
    "records.file_hand_over": _("File handed over to the archive"),
    "records.loan_request": _("Loan requested"),
    "records.loan_decide": _("Loan decided"),
    "records.loan_lend": _("File lent"),
    "records.loan_return": _("File returned"),
}


def register() -> None:
    audit_display.register_labels(LABELS)
