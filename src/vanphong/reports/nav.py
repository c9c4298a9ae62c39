"""The statistics entry of the navigation bar, registered with core."""

from django.utils.translation import gettext_lazy as _

from vanphong.core.navigation import NavEntry, register
from vanphong.organizations.access import OrgAction


def register_entries() -> None:
    register(
        NavEntry(
            _("Statistics"),
            "reports:member_statistics",
            action=OrgAction.MEMBER_EXPORT,
            order=300,
        )
    )
