"""The minutes (biên bản): read from the meeting's structured record with every element the
rules list (docs/rules/meetings.md §4), adopted by the meeting, signed by its chair and secretary,
then final. A correction is a new draft linked to the record it corrects."""

from django.db import transaction
from django.utils import timezone

from vanphong.core import audit
from vanphong.meetings.checks import duration_check
from vanphong.meetings.models import (
    PRESENT,
    Meeting,
    Minutes,
    MinutesStatus,
    MotionStatus,
    Presence,
    Standing,
    Status,
)
from vanphong.meetings.services.common import ensure_manage, ensure_status, lock
from vanphong.meetings.services.errors import MeetingError


def _clock(moment) -> str:
    local = timezone.localtime(moment)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def content_of(meeting: Meeting, other_matters: str = "") -> dict:
    """Every element of the minutes, as text, from the meeting's record."""
    rows = list(meeting.attendance.select_related("member").exclude(standing=Standing.VISITING))
    present = [r for r in rows if r.presence in PRESENT]
    absent = [
        {
            "name": r.member.full_name,
            "presence": str(r.get_presence_display()),
            "reason": r.reason,
        }
        for r in rows
        if r.presence in (Presence.EXCUSED, Presence.UNEXCUSED)
    ]
    late = [r.member.full_name for r in rows if r.presence == Presence.LATE]
    parent = type(meeting.organization).objects.get_parent(meeting.organization)
    votes = []
    for motion in meeting.motions.filter(status=MotionStatus.CLOSED):
        votes.append(
            {
                "question": motion.question,
                "method": str(motion.get_method_display()),
                "yes": motion.yes,
                "no": motion.no,
                "abstain": motion.abstain,
                "body_size": motion.body_size,
                "counted": motion.counted,
                "threshold": motion.threshold,
                "excluded": motion.excluded,
                "passed": motion.passed,
            }
        )
    check = duration_check(meeting)
    return {
        "superior": parent.name if parent else "",
        "organization": meeting.organization.name,
        "title": meeting.title,
        "kind": str(meeting.get_kind_display()),
        "theme": meeting.theme,
        "started": _clock(meeting.started_at) if meeting.started_at else "",
        "ended": _clock(meeting.ended_at) if meeting.ended_at else "",
        "day": timezone.localtime(meeting.started_at or meeting.starts_at).date().isoformat(),
        "place": meeting.place,
        "purpose": meeting.purpose,
        "guests": [
            f"{g.name} — {g.position}" if g.position else g.name for g in meeting.guests.all()
        ],
        "chair": meeting.chair.full_name if meeting.chair_id else "",
        "secretary": meeting.secretary.full_name if meeting.secretary_id else "",
        "total": len(rows),
        "present": len(present),
        "late": late,
        "absent": absent,
        "agenda": [item.title for item in meeting.agenda.all()],
        "agenda_adopted": meeting.agenda_adopted,
        "speeches": [
            {"speaker": s.speaker_name, "content": s.content}
            for s in meeting.speeches.select_related("member", "guest")
        ],
        "votes": votes,
        "initiatives": [
            {"author": i.author.full_name, "content": i.content}
            for i in meeting.initiatives.select_related("author")
        ],
        "conclusions": meeting.conclusions,
        "other_matters": other_matters,
        "duration": {"held": check.minutes, "required": check.required, "ok": check.ok}
        if check
        else None,
    }


def current(meeting: Meeting) -> Minutes | None:
    """The minutes in force: the last record not corrected by a later one."""
    return meeting.minutes_set.filter(corrected_by=None).order_by("-id").first()


@transaction.atomic
def draft(*, acting_user, meeting: Meeting) -> Minutes:
    """The meeting's draft minutes (made once the session is closed)."""
    ensure_manage(acting_user, meeting)
    meeting = lock(meeting)  # steps on one meeting never interleave
    ensure_status(meeting, Status.HELD)
    if found := current(meeting):
        return found
    with audit.change(
        acting_user, None, "minutes.create", organization=meeting.organization
    ) as rec:
        rec.target = Minutes.objects.create(meeting=meeting)
    return rec.target


def _locked(minutes: Minutes) -> Minutes:
    return Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)


def edit(*, acting_user, minutes: Minutes, other_matters: str) -> Minutes:
    ensure_manage(acting_user, minutes.meeting)
    with transaction.atomic():
        minutes = _locked(minutes)
        if minutes.status != MinutesStatus.DRAFT:
            raise MeetingError(MeetingError.FROZEN)
        with audit.change(
            acting_user, minutes, "minutes.edit", organization=minutes.meeting.organization
        ):
            minutes.other_matters = other_matters.strip()
            minutes.save(update_fields=["other_matters"])
    return minutes


def adopt(*, acting_user, minutes: Minutes) -> Minutes:
    """The meeting adopts the minutes as read: their text is fixed from the record."""
    ensure_manage(acting_user, minutes.meeting)
    with transaction.atomic():
        minutes = _locked(minutes)
        if minutes.status != MinutesStatus.DRAFT:
            raise MeetingError(MeetingError.FROZEN)
        with audit.change(
            acting_user, minutes, "minutes.adopt", organization=minutes.meeting.organization
        ):
            minutes.content = content_of(minutes.meeting, minutes.other_matters)
            minutes.status = MinutesStatus.ADOPTED
            minutes.adopted_at = timezone.now()
            minutes.save()
    return minutes


def sign(*, user, minutes: Minutes) -> Minutes:
    """The chair or the secretary of the meeting signs, each for themself; both: final."""
    with transaction.atomic():
        minutes = _locked(minutes)
        meeting = minutes.meeting
        if minutes.status != MinutesStatus.ADOPTED:
            raise MeetingError(MeetingError.NOT_SIGNABLE)
        roles = []
        if user.member_id and user.member_id == meeting.chair_id and not minutes.chair_signed_at:
            roles.append("chair_signed_at")
        if (
            user.member_id
            and user.member_id == meeting.secretary_id
            and not minutes.secretary_signed_at
        ):
            roles.append("secretary_signed_at")
        if not roles:
            raise MeetingError(MeetingError.WRONG_SIGNER)
        with audit.change(user, minutes, "minutes.sign", organization=meeting.organization):
            for name in roles:
                setattr(minutes, name, timezone.now())
            if minutes.chair_signed_at and minutes.secretary_signed_at:
                minutes.status = MinutesStatus.SIGNED
            minutes.save()
    return minutes


def correct(*, acting_user, minutes: Minutes, reason: str) -> Minutes:
    """Open a correction of signed minutes: a new draft that replaces them once signed."""
    ensure_manage(acting_user, minutes.meeting)
    if not reason.strip():
        raise MeetingError(MeetingError.REASON_NEEDED)
    with transaction.atomic():
        minutes = _locked(minutes)
        lock(minutes.meeting)
        if minutes.status != MinutesStatus.SIGNED or hasattr(minutes, "corrected_by"):
            raise MeetingError(MeetingError.WRONG_STEP, status=minutes.get_status_display().lower())
        with audit.change(
            acting_user, None, "minutes.correct", organization=minutes.meeting.organization
        ) as rec:
            rec.target = Minutes.objects.create(
                meeting=minutes.meeting,
                corrects=minutes,
                correction_reason=reason.strip(),
                other_matters=minutes.other_matters,
            )
    return rec.target
