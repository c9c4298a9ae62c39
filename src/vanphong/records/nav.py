"""The records menu of the navigation bar, registered with core."""

from django.utils.translation import gettext_lazy as _

from vanphong.core.navigation import NavEntry, register
from vanphong.records.access import RecordAction


def register_entries() -> None:
    register(
        NavEntry(
            _("Records"),
            action=RecordAction.LOAN_REQUEST,
            order=400,
            html_id="nav-records",
            children=(
                NavEntry(_("File plans"), "records:plans", action=RecordAction.VIEW),
                NavEntry(_("Files due at the archive"), "records:due", action=RecordAction.VIEW),
                NavEntry(_("Hand-overs"), "records:handovers", action=RecordAction.VIEW),
                NavEntry(
                    _("Files in the archive"), "records:archive", action=RecordAction.LOAN_REQUEST
                ),
                NavEntry(_("Loans"), "records:loans", action=RecordAction.LOAN_REQUEST),
            ),
        )
    )
