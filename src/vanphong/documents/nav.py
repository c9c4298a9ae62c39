"""The documents menu of the navigation bar, registered with core."""

from django.utils.translation import gettext_lazy as _

from vanphong.core.navigation import NavEntry, register
from vanphong.documents.access import DocumentAction


def register_entries() -> None:
    view = DocumentAction.VIEW
    register(
        NavEntry(
            _("Documents"),
            action=view,
            order=200,
            html_id="nav-documents",
            children=(
                NavEntry(_("Incoming documents"), "documents:incoming_list", action=view),
                NavEntry(_("Outgoing documents"), "documents:outgoing_list", action=view),
                None,
                NavEntry(_("Incoming register"), "documents:register", ("den",), action=view),
                NavEntry(_("Outgoing register"), "documents:register", ("di",), action=view),
                NavEntry(_("Seal-use log"), "documents:register", ("con-dau",), action=view),
                NavEntry(_("Deadlines"), "documents:deadline_dashboard", action=view),
            ),
        )
    )
