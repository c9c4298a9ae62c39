"""The records area's dashboard card: the closed files whose hand-over to the archive is due
within the rule's warning days (or overdue). The figure is the length of the list it opens."""

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.records.access import RecordAction
from vanphong.records.services import handover


def cards_for(user) -> list[dict]:
    if not (access.can(user, RecordAction.MANAGE) or access.can(user, RecordAction.RECEIVE)):
        return []
    days = handover.warning_days()
    return [
        {
            "label": _("Files to hand over to the archive within %(n)s days") % {"n": days},
            "figure": handover.due_files(user, warned=True).count(),
            "url": reverse("records:due") + "?canh_bao=1",
        }
    ]
