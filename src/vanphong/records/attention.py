"""The records area's dashboard cards: the closed files whose hand-over to the archive is due
within the rule's warning days (or overdue); loan requests waiting for the user's decision; loans
overdue. Each figure is the length of the list it opens."""

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.records.access import RecordAction
from vanphong.records.services import handover, loans


def cards_for(user) -> list[dict]:
    cards = []
    if access.can(user, RecordAction.MANAGE) or access.can(user, RecordAction.RECEIVE):
        days = handover.warning_days()
        cards.append(
            {
                "label": _("Files to hand over to the archive within %(n)s days") % {"n": days},
                "figure": handover.due_files(user, warned=True).count(),
                "url": reverse("records:due") + "?canh_bao=1",
            }
        )
    if access.can(user, RecordAction.LOAN_APPROVE):
        cards.append(
            {
                "label": _("Loans of archived files waiting for your decision"),
                "figure": loans.to_decide(user).count(),
                "url": reverse("records:loans") + "?cho_duyet=1",
            }
        )
    if access.can(user, RecordAction.RECEIVE):
        cards.append(
            {
                "label": _("Archived files overdue from loan"),
                "figure": loans.overdue(user).count(),
                "url": reverse("records:loans") + "?qua_han=1",
            }
        )
    return cards
