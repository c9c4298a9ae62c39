"""The dues' dashboard card: the members unpaid for three months this year, for whoever records
the dues; its figure is the length of the list it opens (`dues:flagged`)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.dues import flags
from vanphong.dues.access import DuesAction


def cards_for(user) -> list[dict]:
    if not access.can(user, DuesAction.RECORD):
        return []
    year = timezone.localdate().year
    return [
        {
            "label": _("Members with party dues unpaid for %(n)s months this year")
            % {"n": flags.threshold(year) or "…"},
            "figure": len(flags.flagged(user, year)),
            "url": reverse("dues:flagged"),
        }
    ]
