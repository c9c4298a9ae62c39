"""The conclusion notice (thông báo kết luận): drafted from the meeting's conclusions as the
organization's outgoing Thông báo, then appraised, signed, numbered and issued by the documents
area's own workflow. It is due a number of days after the session (rule `conclusion_days`)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.formats import date_vn
from vanphong.documents.models import OutgoingStatus
from vanphong.documents.services import outgoing
from vanphong.meetings import rules
from vanphong.meetings.models import PRESENT, Body, Meeting, Standing, Status
from vanphong.meetings.services.common import (
    ensure_manage,
    ensure_status,
    lock,
    meeting_day,
    superior_of,
)
from vanphong.meetings.services.errors import MeetingError

NOTICE_TYPE = "thong_bao"
# The body that met speaks in the notice ("T/M CHI ỦY" for a cell committee's meeting, which the
# organization's kind alone cannot tell). The title is the secretary's until a signer is chosen:
# at submission documents.signature_block keeps a typed "T/M <body>" and sets the title from the
# signer's position, so the two places decide different things, not the same one twice.
_SIGNATURE = {
    Body.CELL: ("T/M CHI BỘ", "BÍ THƯ"),
    Body.CELL_COMMITTEE: ("T/M CHI ỦY", "BÍ THƯ"),
    Body.COMMITTEE: ("T/M BAN CHẤP HÀNH", "BÍ THƯ"),
    Body.STANDING: ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    Body.ASSEMBLY: ("T/M ĐẢNG ỦY", "BÍ THƯ"),
}


def signature_for(body: str) -> tuple[str, str]:
    """The authority line and the title over the signature of a body's document."""
    return _SIGNATURE[body]


def due_on(meeting: Meeting) -> datetime.date | None:
    """The day the notice is due: the session's day plus the rule's days; None before the session
    ends or when no rule is in force."""
    if meeting.ended_at is None:
        return None
    days = rules.compliance("conclusion_days", meeting_day(meeting))
    if days is None:
        return None
    return timezone.localtime(meeting.ended_at).date() + datetime.timedelta(days=days)


def notice_issued(meeting: Meeting) -> bool:
    notice = meeting.conclusion_notice
    return notice is not None and notice.status == OutgoingStatus.ISSUED


def _body_text(meeting: Meeting) -> str:
    rows = meeting.attendance.exclude(standing=Standing.VISITING)
    present = rows.filter(presence__in=PRESENT).count()
    opening = _(
        "On %(day)s, %(organization)s held its meeting “%(title)s”, chaired by comrade "
        "%(chair)s, with %(present)s of %(total)s members present."
    ) % {
        "day": date_vn(meeting_day(meeting)),
        "organization": meeting.organization.name,
        "title": meeting.title,
        "chair": meeting.chair.full_name if meeting.chair else "…",
        "present": present,
        "total": rows.count(),
    }
    return "\n".join(
        [
            opening,
            _("%(organization)s gives notice of its conclusions as follows:")
            % {"organization": meeting.organization.name},
            meeting.conclusions.strip(),
        ]
    )


def draft_notice(*, acting_user, meeting: Meeting):
    """The notice's draft in the documents area, linked to the meeting. Refused before the session
    is held, without conclusions, or when the meeting already has its notice."""
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_manage(acting_user, meeting)
        ensure_status(meeting, Status.HELD)
        if meeting.conclusion_notice_id is not None:
            raise MeetingError(MeetingError.NOTICE_EXISTS)
        if not meeting.conclusions.strip():
            raise MeetingError(MeetingError.NO_CONCLUSIONS)
        organization = meeting.organization
        parent = superior_of(organization)
        authority, position = signature_for(meeting.body)
        recipients = [_("The members of %(organization)s,") % {"organization": organization.name}]
        if parent is not None:
            recipients.append(_("%(parent)s (to report),") % {"parent": parent.name})
        recipients.append(_("File."))
        document = outgoing.create_draft(
            acting_user=acting_user,
            organization=organization,
            doc_type=NOTICE_TYPE,
            summary=_("conclusions of the meeting “%(title)s”") % {"title": meeting.title},
            body=_body_text(meeting),
            issuing_body=organization.name,
            superior_body=parent.name if parent is not None else "",
            place=meeting.locality or organization.name,
            signer_position=position,
            authority_line=authority,
            recipients="\n".join(recipients),
            confidentiality=meeting.confidentiality,
        )
        with audit.change(acting_user, meeting, "meeting.conclusion_notice"):
            meeting.conclusion_notice = document
            meeting.save(update_fields=["conclusion_notice"])
    return document
