"""The labels of the actions the dues area audits, for the history pages (core.audit_display)."""

from django.utils.translation import gettext_lazy as _

from vanphong.core import audit_display

LABELS = {
    "dues.category": _("Dues category set"),
    "dues.basis": _("Dues basis entered"),
    "dues.relief": _("Dues exemption or reduction decided"),
    "dues.compute": _("Month's dues computed"),
    "dues.remove_line": _("Month's dues line removed"),
    "dues.payment": _("Dues payment recorded"),
    "dues.paid": _("Dues paid amount updated"),
}


def register() -> None:
    audit_display.register_labels(LABELS)
