"""The meeting in session: opening, attendance, agenda, speeches, initiatives, the close
(docs/rules/meetings.md §3)."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access, audit, notifications
from vanphong.meetings import absences
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import (
    PRESENT,
    Attendance,
    Guest,
    Initiative,
    InitiativeStatus,
    Meeting,
    Presence,
    Speech,
    Standing,
    Status,
)
from vanphong.meetings.notices import NoticeKind
from vanphong.meetings.roster import roster
from vanphong.meetings.services.common import (
    IN_PREPARATION,
    ensure_manage,
    ensure_open,
    ensure_status,
    lock,
)
from vanphong.meetings.services.errors import MeetingError
from vanphong.meetings.services.planning import sync_roster
from vanphong.organizations.models import Member

# Set by the secretary from the decision concerned: the foundation keeps no such status.
TYPED_STANDINGS = (Standing.SUSPENDED, Standing.PROSECUTED, Standing.COUNTED)


def _not_future(moment: datetime.datetime, field: str) -> None:
    if moment > timezone.now() + datetime.timedelta(minutes=5):
        raise MeetingError(MeetingError.IN_FUTURE, field=field)


def open_session(
    *,
    acting_user,
    meeting: Meeting,
    chair: Member,
    secretary: Member,
    started_at: datetime.datetime | None = None,
    purpose: str = "",
) -> Meeting:
    """Open the session: the roster of the day is taken from the foundation, the chair and the
    secretary of the meeting appointed. A chair or secretary off the roster is refused."""
    ensure_manage(acting_user, meeting)
    started_at = started_at or timezone.now()
    _not_future(started_at, _("Start time"))
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, *IN_PREPARATION)
        day = timezone.localtime(started_at).date()
        on_roster = {seat.member.pk for seat in roster(meeting.organization, meeting.body, day)}
        for person in (chair, secretary):
            if person.pk not in on_roster:
                raise MeetingError(MeetingError.NOT_ON_ROSTER, name=person.full_name)
        with audit.change(acting_user, meeting, "meeting.open"):
            sync_roster(meeting, day)
            meeting.status = Status.IN_SESSION
            meeting.started_at, meeting.roster_on = started_at, day
            meeting.chair, meeting.secretary = chair, secretary
            meeting.purpose = purpose.strip() or meeting.purpose
            meeting.save()
    return meeting


def record_attendance(
    *, acting_user, meeting: Meeting, marks: dict[int, tuple[str, str]]
) -> list[Attendance]:
    """Mark members present, late, absent with reason (the reason required) or without.
    `marks` is {member id: (presence, reason)}; a member off the roster refuses the whole set."""
    ensure_manage(acting_user, meeting)
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, Status.IN_SESSION, Status.HELD)
        ensure_open(meeting)
        rows = {a.member_id: a for a in meeting.attendance.select_related("member")}
        for member_id, (presence, reason) in marks.items():
            if member_id not in rows:
                name = Member.objects.filter(pk=member_id).values_list("full_name", flat=True)
                raise MeetingError(MeetingError.NOT_ON_ROSTER, name=next(iter(name), member_id))
            if presence not in Presence.values:
                raise MeetingError(MeetingError.WRONG_STEP, status=presence)
            if presence == Presence.EXCUSED and not reason.strip():
                raise MeetingError(MeetingError.REASON_NEEDED)
        changed = []
        for member_id, (presence, reason) in marks.items():
            row = rows[member_id]
            reason = reason.strip() if presence in (Presence.EXCUSED, Presence.UNEXCUSED) else ""
            if (row.presence, row.reason) == (presence, reason):
                continue
            with audit.change(
                acting_user, row, "meeting.attendance", organization=meeting.organization
            ):
                row.presence, row.reason = presence, reason
                row.save(update_fields=["presence", "reason"])
            changed.append(row)
    _flag_absences(meeting, [r for r in changed if r.presence == Presence.UNEXCUSED])
    return changed


def _flag_absences(meeting: Meeting, rows: list[Attendance]) -> None:
    """Tell whoever runs the meetings when a member reaches the year's unexcused absences."""
    year = timezone.localtime(meeting.starts_at).year
    if meeting.status != Status.HELD:
        return  # counted once the session is held (absences.flagged reads held meetings)
    for row in rows:
        if absences.reached(row.member_id, year):
            notifications.notify(
                access.holders(MeetingAction.MANAGE, meeting.organization),
                kind=NoticeKind.ABSENCES,
                title=_(
                    "Comrade %(name)s was absent without reason from %(n)s meetings in %(year)s"
                )
                % {"name": row.member.full_name, "n": absences.threshold(year), "year": year},
                url=reverse("meetings:absences"),
            )


def set_standing(*, acting_user, attendance: Attendance, standing: str, reason: str) -> Attendance:
    """Leave a member out of the body's count (suspended, prosecuted or detained), by the
    decision named in `reason`; or count them again."""
    meeting = attendance.meeting
    ensure_manage(acting_user, meeting)
    ensure_open(meeting)
    if standing not in TYPED_STANDINGS:
        raise MeetingError(MeetingError.WRONG_STEP, status=standing)
    if standing != Standing.COUNTED and not reason.strip():
        raise MeetingError(MeetingError.REASON_NEEDED)
    with audit.change(
        acting_user, attendance, "meeting.standing", organization=meeting.organization
    ):
        attendance.standing = standing
        attendance.reason = reason.strip()
        attendance.save(update_fields=["standing", "reason"])
    return attendance


def counts(meeting: Meeting) -> dict[str, int]:
    """Live figures of the roster: total, present (late included), absent with and without
    reason, not yet recorded."""
    figures = dict.fromkeys(["total", "present", "excused", "unexcused", "unrecorded"], 0)
    for presence, standing in meeting.attendance.values_list("presence", "standing"):
        if standing == Standing.VISITING:
            continue
        figures["total"] += 1
        key = "present" if presence in PRESENT else presence
        figures[key] += 1
    return figures


def adopt_agenda(*, acting_user, meeting: Meeting) -> Meeting:
    ensure_manage(acting_user, meeting)
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, Status.IN_SESSION)
        with audit.change(acting_user, meeting, "meeting.adopt_agenda"):
            meeting.agenda_adopted = True
            meeting.save(update_fields=["agenda_adopted"])
    return meeting


@transaction.atomic
def add_speech(
    *,
    acting_user,
    meeting: Meeting,
    content: str,
    member: Member | None = None,
    guest: Guest | None = None,
    agenda_item=None,
) -> Speech:
    """What a member (or a guest) said, for the minutes."""
    ensure_manage(acting_user, meeting)
    meeting = lock(meeting)  # steps on one meeting never interleave
    ensure_status(meeting, Status.IN_SESSION, Status.HELD)
    ensure_open(meeting)
    if not content.strip():
        raise MeetingError(MeetingError.EMPTY_TEXT)
    if member is not None and not meeting.attendance.filter(member=member).exists():
        raise MeetingError(MeetingError.NOT_ON_ROSTER, name=member.full_name)
    with audit.change(
        acting_user, None, "meeting.speech", organization=meeting.organization
    ) as rec:
        rec.target = Speech.objects.create(
            meeting=meeting,
            member=member,
            guest=guest if member is None else None,
            agenda_item=agenda_item,
            content=content.strip(),
        )
    return rec.target


@transaction.atomic
def raise_initiative(*, acting_user, meeting: Meeting, author: Member, content: str) -> Initiative:
    ensure_manage(acting_user, meeting)
    meeting = lock(meeting)  # steps on one meeting never interleave
    ensure_status(meeting, Status.IN_SESSION, Status.HELD)
    ensure_open(meeting)
    if not meeting.attendance.filter(member=author).exists():
        raise MeetingError(MeetingError.NOT_ON_ROSTER, name=author.full_name)
    if not content.strip():
        raise MeetingError(MeetingError.EMPTY_TEXT)
    with audit.change(
        acting_user, None, "meeting.initiative", organization=meeting.organization
    ) as rec:
        rec.target = Initiative.objects.create(
            meeting=meeting, author=author, content=content.strip()
        )
    return rec.target


def decide_initiative(
    *,
    acting_user,
    initiative: Initiative,
    status: str,
    decision: str = "",
    owner: Member | None = None,
    due_on: datetime.date | None = None,
    done_on: datetime.date | None = None,
) -> Initiative:
    """Follow an initiative after the meeting: adopted (with who carries it out and by when),
    to be studied, declined, carried out. Allowed after the minutes are signed: it is follow-up."""
    ensure_manage(acting_user, initiative.meeting)
    if status not in InitiativeStatus.values:
        raise MeetingError(MeetingError.WRONG_STEP, status=status)
    if status in (InitiativeStatus.ADOPTED, InitiativeStatus.DONE) and (
        owner is None or due_on is None
    ):
        raise MeetingError(MeetingError.OWNER_NEEDED)
    with audit.change(
        acting_user,
        initiative,
        "meeting.initiative_decide",
        organization=initiative.meeting.organization,
    ):
        initiative.status, initiative.decision = status, decision.strip()
        initiative.owner, initiative.due_on = owner, due_on
        initiative.done_on = done_on if status == InitiativeStatus.DONE else None
        initiative.save()
    return initiative


def close_session(
    *,
    acting_user,
    meeting: Meeting,
    ended_at: datetime.datetime | None = None,
    conclusions: str = "",
) -> Meeting:
    """Close the session: every member's attendance recorded, the end after the start."""
    ensure_manage(acting_user, meeting)
    ended_at = ended_at or timezone.now()
    _not_future(ended_at, _("End time"))
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, Status.IN_SESSION)
        if meeting.chair_id is None or meeting.secretary_id is None:
            raise MeetingError(MeetingError.NEEDS_CHAIR)
        left = meeting.attendance.filter(presence=Presence.UNRECORDED).count()
        if left:
            raise MeetingError(MeetingError.ATTENDANCE_OPEN, left=left)
        if ended_at <= meeting.started_at:
            raise MeetingError(MeetingError.END_BEFORE_START)
        with audit.change(acting_user, meeting, "meeting.close"):
            meeting.status, meeting.ended_at = Status.HELD, ended_at
            meeting.conclusions = conclusions.strip() or meeting.conclusions
            meeting.save()
        unexcused = meeting.attendance.filter(presence=Presence.UNEXCUSED).exclude(
            standing=Standing.VISITING
        )
        _flag_absences(meeting, list(unexcused.select_related("member")))
    return meeting


def correct_times(
    *, acting_user, meeting: Meeting, started_at: datetime.datetime, ended_at: datetime.datetime
) -> Meeting:
    """Correct the recorded start and end before the minutes are signed."""
    ensure_manage(acting_user, meeting)
    _not_future(ended_at, _("End time"))
    if ended_at <= started_at:
        raise MeetingError(MeetingError.END_BEFORE_START)
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, Status.HELD)
        ensure_open(meeting)
        with audit.change(acting_user, meeting, "meeting.correct_times"):
            meeting.started_at, meeting.ended_at = started_at, ended_at
            meeting.save(update_fields=["started_at", "ended_at"])
    return meeting


def update_conclusions(*, acting_user, meeting: Meeting, conclusions: str) -> Meeting:
    ensure_manage(acting_user, meeting)
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, Status.IN_SESSION, Status.HELD)
        ensure_open(meeting)
        with audit.change(acting_user, meeting, "meeting.conclusions"):
            meeting.conclusions = conclusions.strip()
            meeting.save(update_fields=["conclusions"])
    return meeting
