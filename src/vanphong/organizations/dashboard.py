"""Dashboard cards about organizations and members, counted only over what the user may see."""

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.core.access import Action
from vanphong.organizations.models import ACTIVE_STATUSES, Member
from vanphong.organizations.services.members import today
from vanphong.organizations.services.procedures import due_for_official


def cards_for(user) -> list[dict]:
    if not access.can(user, Action.MEMBER_VIEW):
        return []
    members = access.visible(user, Member.objects.all(), Action.MEMBER_VIEW)
    cards = [
        {
            "label": _("Active party members"),
            "figure": members.filter(status__in=ACTIVE_STATUSES).count(),
            "url": reverse("organizations:member_list"),
        },
        {
            "label": _("Probationary members due for official recognition"),
            "figure": due_for_official(members, today()).count(),
            "url": reverse("organizations:probation_due"),
        },
    ]
    return cards
