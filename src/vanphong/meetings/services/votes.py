"""Votes: by show of hands (counted by the secretary, or cast from the members' devices) or by
secret ballot (cast from the devices only). The result follows the rule of docs/rules/meetings.md
§3: more than half of the body's counted members — not of those present — with its arithmetic
kept on the motion when the vote closes.

A secret ballot keeps who voted (`SecretBallotCast`) apart from what was chosen: the choice only
adds to the motion's counts, under a row lock, and the audit entry of a cast names no choice.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, notifications
from vanphong.meetings import rules
from vanphong.meetings.models import (
    PRESENT,
    Choice,
    Meeting,
    Method,
    Motion,
    MotionStatus,
    OpenBallot,
    SecretBallotCast,
    Standing,
    Status,
)
from vanphong.meetings.notices import NoticeKind
from vanphong.meetings.services.common import (
    ensure_manage,
    ensure_open,
    ensure_status,
    lock,
    users_of,
)
from vanphong.meetings.services.errors import MeetingError

# Always left out of the count; an exempted member only when absent (an exempted member who
# attends and votes counts).
ALWAYS_OUT = (Standing.ELSEWHERE, Standing.SUSPENDED, Standing.PROSECUTED)


@dataclass(frozen=True)
class Arithmetic:
    body_size: int
    excluded: list[dict] = field(default_factory=list)  # {"name", "reason"}
    counted: int = 0
    threshold: int = 0
    voters_present: int = 0


def arithmetic(meeting: Meeting) -> Arithmetic:
    """Who counts for a vote of `meeting`, from its roster of the day and the attendance."""
    rows = meeting.attendance.select_related("member").exclude(standing=Standing.VISITING)
    body_size, excluded, present = 0, [], 0
    for row in rows:
        body_size += 1
        is_present = row.presence in PRESENT
        if row.standing in ALWAYS_OUT or (row.standing == Standing.EXEMPTED and not is_present):
            excluded.append(
                {"name": row.member.full_name, "reason": str(row.get_standing_display())}
            )
            continue
        present += is_present
    counted = body_size - len(excluded)
    day = meeting.roster_on or timezone.localdate()
    try:
        needed = rules.threshold(counted, day)
    except LookupError:
        raise MeetingError(MeetingError.NO_VOTE_RULE, day=day.strftime("%d/%m/%Y")) from None
    return Arithmetic(body_size, excluded, counted, needed, present)


def open_motion(
    *, acting_user, meeting: Meeting, question: str, method: str, agenda_item=None
) -> Motion:
    ensure_manage(acting_user, meeting)
    if method not in Method.values:
        raise MeetingError(MeetingError.WRONG_STEP, status=method)
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, Status.IN_SESSION)
        ensure_open(meeting)
        with audit.change(
            acting_user, None, "meeting.motion_open", organization=meeting.organization
        ) as rec:
            rec.target = Motion.objects.create(
                meeting=meeting, question=question.strip(), method=method, agenda_item=agenda_item
            )
    voters = meeting.attendance.filter(presence__in=PRESENT).values_list("member_id", flat=True)
    notifications.notify(
        users_of(voters),
        kind=NoticeKind.VOTE_OPEN,
        title=_("A vote is open at the meeting"),
        url=f"/hop/{meeting.pk}/bieu-quyet/{rec.target.pk}/",
    )
    return rec.target


def _voter(motion: Motion, member_id: int | None):
    row = motion.meeting.attendance.select_related("member").filter(member_id=member_id).first()
    if row is None:
        raise MeetingError(MeetingError.NOT_ON_ROSTER, name=_("Comrade"))
    if row.presence not in PRESENT:
        raise MeetingError(MeetingError.NOT_PRESENT, name=row.member.full_name)
    if row.standing in (*ALWAYS_OUT, Standing.VISITING):
        raise MeetingError(MeetingError.NO_VOTE, name=row.member.full_name)
    return row


def cast_ballot(*, user, motion: Motion, choice: str) -> None:
    """A present member's vote from their own device, once per question."""
    if choice not in Choice.values:
        raise MeetingError(MeetingError.WRONG_STEP, status=choice)
    with transaction.atomic():
        motion = Motion.objects.select_for_update().select_related("meeting").get(pk=motion.pk)
        if motion.status != MotionStatus.OPEN:
            raise MeetingError(MeetingError.VOTE_CLOSED)
        ensure_open(motion.meeting)
        row = _voter(motion, user.member_id)
        try:
            with transaction.atomic():
                if motion.method == Method.SECRET:
                    SecretBallotCast.objects.create(motion=motion, member=row.member)
                else:
                    OpenBallot.objects.create(motion=motion, member=row.member, choice=choice)
        except IntegrityError:
            raise MeetingError(MeetingError.ALREADY_VOTED) from None
        setattr(motion, choice, getattr(motion, choice) + 1)
        motion.save(update_fields=[choice])
        # The entry says who voted on which question; for a secret ballot, never the choice.
        audit.record(
            actor=user,
            action="meeting.ballot",
            target=motion,
            organization=motion.meeting.organization,
            after=None if motion.method == Method.SECRET else {"choice": choice},
        )


def record_counts(*, acting_user, motion: Motion, yes: int, no: int, abstain: int) -> Motion:
    """The secretary's count of a show of hands."""
    ensure_manage(acting_user, motion.meeting)
    if motion.method == Method.SECRET:
        raise MeetingError(MeetingError.SECRET_COUNTS)
    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        if motion.status != MotionStatus.OPEN:
            raise MeetingError(MeetingError.VOTE_CLOSED)
        ensure_open(motion.meeting)
        figures = arithmetic(motion.meeting)
        given = yes + no + abstain
        if min(yes, no, abstain) < 0 or given > figures.voters_present:
            raise MeetingError(
                MeetingError.TOO_MANY_VOTES, given=given, present=figures.voters_present
            )
        with audit.change(
            acting_user, motion, "meeting.vote_count", organization=motion.meeting.organization
        ):
            motion.yes, motion.no, motion.abstain = yes, no, abstain
            motion.save(update_fields=["yes", "no", "abstain"])
    return motion


def close_motion(*, acting_user, motion: Motion) -> Motion:
    """Close the vote and decide it by the rule, keeping the arithmetic."""
    ensure_manage(acting_user, motion.meeting)
    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        if motion.status != MotionStatus.OPEN:
            raise MeetingError(MeetingError.VOTE_CLOSED)
        ensure_open(motion.meeting)
        figures = arithmetic(motion.meeting)
        if motion.yes + motion.no + motion.abstain > figures.voters_present:
            raise MeetingError(
                MeetingError.TOO_MANY_VOTES,
                given=motion.yes + motion.no + motion.abstain,
                present=figures.voters_present,
            )
        with audit.change(
            acting_user, motion, "meeting.vote_close", organization=motion.meeting.organization
        ):
            motion.status = MotionStatus.CLOSED
            motion.body_size, motion.counted = figures.body_size, figures.counted
            motion.threshold, motion.excluded = figures.threshold, figures.excluded
            motion.passed = motion.yes >= figures.threshold
            motion.save()
    return motion


def voted_on(meeting: Meeting, member_id: int) -> set[int]:
    """The motions of `meeting` on which the member has cast a ballot, open or secret."""
    open_ = OpenBallot.objects.filter(motion__meeting=meeting, member_id=member_id)
    secret = SecretBallotCast.objects.filter(motion__meeting=meeting, member_id=member_id)
    return {*open_.values_list("motion_id", flat=True), *secret.values_list("motion_id", flat=True)}


def results_visible(motion: Motion) -> bool:
    """A secret ballot's figures show only once it is closed (a running count of a few votes
    would tell who chose what)."""
    return motion.method != Method.SECRET or motion.status == MotionStatus.CLOSED
