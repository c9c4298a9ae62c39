"""The party dues menu of the navigation bar, registered with core."""

from django.utils.translation import gettext_lazy as _

from vanphong.core.navigation import NavEntry, register
from vanphong.dues.access import DuesAction


def register_entries() -> None:
    register(
        NavEntry(
            _("Party dues"),
            action=DuesAction.RECORD,
            order=400,
            html_id="nav-dues",
            children=(
                NavEntry(_("Cells' dues"), "dues:home", action=DuesAction.RECORD),
                NavEntry(_("Unpaid three months"), "dues:flagged", action=DuesAction.RECORD),
                NavEntry(_("Dues roll-up"), "dues:rollup", action=DuesAction.OVERSEE),
            ),
        )
    )
    register(NavEntry(_("My party dues"), "dues:mine", order=410, html_id="nav-my-dues"))
