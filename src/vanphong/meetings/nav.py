"""The meetings menu of the navigation bar, registered with core."""

from django.utils.translation import gettext_lazy as _

from vanphong.core.navigation import NavEntry, register
from vanphong.meetings.access import MeetingAction


def register_entries() -> None:
    register(
        NavEntry(
            _("Meetings"),
            action=MeetingAction.VIEW,
            order=300,
            html_id="nav-meetings",
            children=(
                NavEntry(_("Meetings"), "meetings:list", action=MeetingAction.VIEW),
                NavEntry(_("Meetings of the month"), "meetings:month", action=MeetingAction.MANAGE),
                NavEntry(_("Draft resolutions"), "meetings:drafts", action=MeetingAction.MANAGE),
                NavEntry(
                    _("Absent without reason"), "meetings:absences", action=MeetingAction.MANAGE
                ),
                NavEntry(_("Compliance"), "meetings:compliance", action=MeetingAction.OVERSEE),
                NavEntry(_("Study of resolutions"), "meetings:study", action=MeetingAction.OVERSEE),
            ),
        )
    )
    # A member without an office role reaches their meetings from "Của tôi".
    register(NavEntry(_("My meetings"), "meetings:mine", order=310, html_id="nav-my-meetings"))
