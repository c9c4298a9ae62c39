"""Who holds an outgoing document now and what its next step is ("Người đang giữ"), read from its
state: the detail page says both, the list shows the holder. The list reads no more than the row
(its drafter and signer come with it); the page also tells an agreed appraisal from an open one."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanphong.documents.models import OutgoingDocument
from vanphong.documents.models import OutgoingStatus as S


@dataclass(frozen=True)
class Holding:
    holder: str
    next_step: str


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def holding(document: OutgoingDocument, *, agreed: bool | None = None) -> Holding:
    """`agreed`: whether the latest version was appraised as agreed (the page knows it; the list
    passes None and names the appraisers)."""
    drafter = _name(document.drafted_by)
    status = document.status
    if status == S.DRAFT:
        return Holding(drafter, _("The drafter sends it for appraisal."))
    if status == S.RETURNED:
        return Holding(drafter, _("The drafter revises it and sends it for appraisal again."))
    if status == S.APPRAISAL:
        if agreed:
            return Holding(
                drafter, _("Agreed: the drafter or the office submits it for signature.")
            )
        return Holding(_("The appraisers (the office)"), _("The office appraises it."))
    if status == S.SUBMITTED:
        return Holding(_name(document.signer), _("The signer reads it, then signs or returns it."))
    if status == S.SIGNED:
        return Holding(_("The clerk (văn thư)"), _("The clerk issues it: number and date."))
    if status == S.ISSUED:
        return Holding(
            _("The clerk (văn thư)"), _("The clerk sends it to its recipients and keeps a copy.")
        )
    return Holding("—", _("None: the document is closed."))
