"""Dashboard cards of what needs the user's attention, counted only over what the user may see.

Each card's figure is the length of the list it opens: the member list narrowed by `nhom`
(organizations.filters.CARD_GROUPS) reads the same query, and the probation card opens the list
of `due_for_official`.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.organizations import filters
from vanphong.organizations.access import OrgAction
from vanphong.organizations.milestones import previous_presentation_day  # noqa: F401 — its old home
from vanphong.organizations.models import Member
from vanphong.organizations.services.members import today
from vanphong.organizations.services.procedures import due_for_official


def _member_list(group: str) -> str:
    return reverse("organizations:member_list") + "?" + urlencode({"nhom": group})


def cards_for(user) -> list[dict]:
    """The members' cards (registered with core.dashboard)."""
    cards = []
    # for those who look after the members (the office's staff, a cell's secretary), not for
    # everyone who may read a record: the clerk, the leader and the accountant have other work
    if access.can(user, OrgAction.MEMBER_NOTICE):
        day = today()
        members = access.visible(user, Member.objects.all())
        round_day, badges = filters.badge_round(members, day)
        cards += [
            {
                "label": _("Active party members"),
                "figure": filters.active(members).count(),
                "url": _member_list("dang_sinh_hoat"),
            },
            {
                "label": _("Probationary members due for official recognition"),
                "figure": due_for_official(members, day).count(),
                "url": reverse("organizations:probation_due"),
            },
            {
                "label": _("Members exempted from activity"),
                "figure": filters.exempted(members, day).count(),
                "url": _member_list("mien_sinh_hoat"),
            },
            {
                "label": _("Party badges to present on %(date)s")
                % {"date": round_day.strftime("%d/%m/%Y")},
                "figure": badges.count(),
                "url": _member_list("huy_hieu"),
            },
        ]
    return cards
