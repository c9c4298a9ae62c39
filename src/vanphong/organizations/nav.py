"""The navigation entries of the organization tree and the members, registered with core."""

from django.utils.translation import gettext_lazy as _

from vanphong.core.navigation import NavEntry, register
from vanphong.organizations.access import OrgAction


def register_entries() -> None:
    register(
        NavEntry(_("Organizations"), "organizations:tree", action=OrgAction.ORG_VIEW, order=100)
    )
    register(
        NavEntry(
            _("Party members"),
            "organizations:member_list",
            action=OrgAction.MEMBER_VIEW,
            order=110,
        )
    )
