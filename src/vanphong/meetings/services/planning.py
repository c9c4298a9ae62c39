"""Planning and preparing a meeting: the plan, the month's meeting, the agreed content, the
announcement, the documents published ahead, presentations (docs/rules/meetings.md §2)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access, audit, notifications
from vanphong.meetings import study
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import (
    MONTHLY_KINDS,
    AgendaItem,
    Attendance,
    Body,
    Guest,
    Kind,
    Meeting,
    MeetingPlan,
    Presence,
    Presentation,
    PresentationStatus,
    Standing,
    Status,
)
from vanphong.meetings.notices import NoticeKind
from vanphong.meetings.roster import roster
from vanphong.meetings.services.common import (
    IN_PREPARATION,
    ensure_manage,
    ensure_status,
    lock,
    meeting_day,
    month_label,
    users_of,
)
from vanphong.meetings.services.errors import MeetingError
from vanphong.organizations.models import Member, Organization, OrgKind, OrgStatus

# Which bodies meet in which kind of organization.
CELL_KINDS = (OrgKind.CELL, OrgKind.GRASSROOTS_CELL)
COMMITTEE_KINDS = (
    OrgKind.GRASSROOTS,
    OrgKind.COMMUNE,
    OrgKind.PROVINCIAL,
    OrgKind.BLOC,
    OrgKind.DIRECT_UNDER_CENTRE,
    OrgKind.CENTRAL,
)
BODIES = {
    Body.CELL: CELL_KINDS,
    Body.CELL_COMMITTEE: CELL_KINDS,
    Body.COMMITTEE: COMMITTEE_KINDS,
    Body.STANDING: COMMITTEE_KINDS,
    Body.ASSEMBLY: (OrgKind.GRASSROOTS, OrgKind.COMMUNE),
}


def bodies_of(organization: Organization) -> list[str]:
    return [body for body, kinds in BODIES.items() if organization.kind in kinds]


def default_title(body: str, kind: str, when: datetime.datetime, theme: str = "") -> str:
    label = {
        Body.CELL: _("party cell"),
        Body.CELL_COMMITTEE: _("cell committee"),
        Body.COMMITTEE: _("executive committee"),
        Body.STANDING: _("standing committee"),
        Body.ASSEMBLY: _("whole đảng bộ"),
    }[body]
    month = month_label(timezone.localtime(when).date())
    if kind == Kind.REGULAR:
        return _("Regular meeting of the %(body)s, month %(month)s") % {
            "body": label,
            "month": month,
        }
    if kind == Kind.COMBINED:
        return _("Regular and thematic meeting of the %(body)s, month %(month)s") % {
            "body": label,
            "month": month,
        }
    if kind == Kind.THEMATIC:
        return _("Thematic meeting of the %(body)s: %(theme)s") % {"body": label, "theme": theme}
    if kind == Kind.STUDY:
        return _("Study of the resolution: %(theme)s") % {"theme": theme}
    return _("Extraordinary meeting of the %(body)s, %(day)s") % {
        "body": label,
        "day": timezone.localtime(when).strftime("%d/%m/%Y"),
    }


def plan_meeting(
    *,
    acting_user,
    organization: Organization,
    body: str,
    kind: str,
    starts_at: datetime.datetime,
    place: str,
    locality: str = "",
    title: str = "",
    theme: str = "",
    planned_minutes: int = 120,
    confidentiality: int = 0,
    agenda: list[dict] | None = None,
    resolution: str = "",
    makeup_of: Meeting | None = None,
) -> Meeting:
    """Put a meeting on the body's calendar, with its agenda items (title, minutes, presenter,
    thematic). A study session names its resolution; a make-up one (`makeup_of`) takes it from
    the session it makes up for and calls only those who have not studied it yet."""
    ensure_manage(acting_user, organization)
    if body not in bodies_of(organization):
        raise MeetingError(MeetingError.NOT_A_BODY)
    if acting_user is not None and not access.clearance_allows(acting_user, confidentiality):
        raise MeetingError(MeetingError.CLEARANCE)
    resolution = _study_resolution(organization, kind, resolution, makeup_of)
    local = timezone.localtime(starts_at)
    month = local.date().replace(day=1) if kind in MONTHLY_KINDS else None
    try:
        with audit.change(acting_user, None, "meeting.plan", organization=organization) as rec:
            meeting = Meeting.objects.create(
                organization=organization,
                body=body,
                kind=kind,
                title=(title or default_title(body, kind, starts_at, theme)).strip(),
                theme=theme.strip(),
                month=month,
                starts_at=starts_at,
                planned_minutes=planned_minutes,
                place=place.strip(),
                locality=locality.strip(),
                confidentiality=confidentiality,
                resolution=resolution,
                makeup_of=makeup_of,
                created_by=acting_user,
            )
            for order, item in enumerate(agenda or [], start=1):
                AgendaItem.objects.create(meeting=meeting, order=order, **item)
            sync_roster(meeting, local.date())
            if makeup_of is not None and not meeting.attendance.exists():
                raise MeetingError(MeetingError.NOBODY_TO_MAKE_UP)
            rec.target = meeting
    except IntegrityError:
        raise MeetingError(
            MeetingError.MONTH_TAKEN,
            body=organization.name,
            month=month_label(month or local.date()),
        ) from None
    return meeting


def _study_resolution(organization, kind, resolution, makeup_of) -> str:
    if makeup_of is not None:
        if (
            makeup_of.kind != Kind.STUDY
            or makeup_of.status != Status.HELD
            or makeup_of.organization_id != organization.pk
            or kind != Kind.STUDY
        ):
            raise MeetingError(MeetingError.NOT_MAKEUP)
        return makeup_of.resolution
    if kind != Kind.STUDY:
        return ""
    resolution = study.canonical(resolution or "")
    if not resolution:
        raise MeetingError(MeetingError.RESOLUTION_NEEDED)
    return resolution


def sync_roster(meeting: Meeting, day: datetime.date) -> None:
    """Bring the meeting's roster to the body's membership on `day`: those who joined are added,
    those who left (and whose presence is not recorded) dropped, standings refreshed. Called when
    the meeting is planned (so the members see it from then on) and when the session opens."""
    seats = {seat.member.pk: seat for seat in roster(meeting.organization, meeting.body, day)}
    if meeting.makeup_of_id is not None:  # a make-up calls only those still to study
        keep = study.still_to_study(meeting, seats)
        seats = {pk: seat for pk, seat in seats.items() if pk in keep}
    rows = {row.member_id: row for row in meeting.attendance.all()}
    Attendance.objects.bulk_create(
        [
            Attendance(meeting=meeting, member=seat.member, standing=seat.standing)
            for member_id, seat in seats.items()
            if member_id not in rows
        ]
    )
    gone = [
        row.pk
        for member_id, row in rows.items()
        if member_id not in seats and row.presence == Presence.UNRECORDED
    ]
    Attendance.objects.filter(pk__in=gone).delete()
    for member_id, row in rows.items():
        seat = seats.get(member_id)
        typed = row.standing in (Standing.SUSPENDED, Standing.PROSECUTED)
        if seat is not None and not typed and row.standing != seat.standing:
            row.standing = seat.standing
            row.save(update_fields=["standing"])


def set_plan(
    *,
    acting_user,
    organization: Organization,
    body: str,
    day: int,
    time: datetime.time,
    place: str,
    planned_minutes: int = 120,
) -> MeetingPlan:
    ensure_manage(acting_user, organization)
    if body not in bodies_of(organization):
        raise MeetingError(MeetingError.NOT_A_BODY)
    plan = MeetingPlan.objects.filter(organization=organization, body=body).first()
    with audit.change(acting_user, plan, "meeting.set_plan", organization=organization) as rec:
        plan = plan or MeetingPlan(organization=organization, body=body)
        plan.day, plan.time, plan.place = max(1, min(day, 28)), time, place.strip()
        plan.planned_minutes = planned_minutes
        plan.save()
        rec.target = plan
    return plan


def monthly_of(plan: MeetingPlan, month: datetime.date):
    """The body's own meeting of `month` (regular or combined), cancelled ones aside."""
    return Meeting.objects.filter(
        organization=plan.organization,
        body=plan.body,
        month=month.replace(day=1),
        kind__in=MONTHLY_KINDS,
    ).exclude(status=Status.CANCELLED)


@transaction.atomic
def meeting_of_month(*, acting_user, plan: MeetingPlan, month: datetime.date) -> Meeting:
    """The body's meeting of `month` made from its plan, or the one that exists already. The
    plan's row is locked first, so two clicks (or the monthly job and a click) make one meeting."""
    ensure_manage(acting_user, plan.organization)
    plan = MeetingPlan.objects.select_for_update().get(pk=plan.pk)
    month = month.replace(day=1)
    if found := monthly_of(plan, month).first():
        return found
    starts_at = timezone.make_aware(
        datetime.datetime.combine(month.replace(day=plan.day), plan.time)
    )
    return plan_meeting(
        acting_user=acting_user,
        organization=plan.organization,
        body=plan.body,
        kind=Kind.REGULAR,
        starts_at=starts_at,
        place=plan.place,
        planned_minutes=plan.planned_minutes,
        agenda=[
            {"title": _("Review of last month's work"), "minutes": 30},
            {"title": _("Tasks for next month"), "minutes": 30},
        ],
    )


@transaction.atomic
def update_meeting(*, acting_user, meeting: Meeting, **changes) -> Meeting:
    ensure_manage(acting_user, meeting)
    meeting = lock(meeting)
    ensure_status(meeting, *IN_PREPARATION)
    level = changes.get("confidentiality", meeting.confidentiality)
    if acting_user is not None and not access.clearance_allows(acting_user, level):
        raise MeetingError(MeetingError.CLEARANCE)
    with audit.change(acting_user, meeting, "meeting.update"):
        for name, value in changes.items():
            setattr(meeting, name, value.strip() if isinstance(value, str) else value)
        if meeting.kind in MONTHLY_KINDS:
            meeting.month = timezone.localtime(meeting.starts_at).date().replace(day=1)
        else:
            meeting.month = None
        try:
            with transaction.atomic():
                meeting.save()
        except IntegrityError:
            raise MeetingError(
                MeetingError.MONTH_TAKEN,
                body=meeting.organization.name,
                month=month_label(meeting.month),
            ) from None
        sync_roster(meeting, meeting_day(meeting))
    return meeting


def add_agenda_item(
    *, acting_user, meeting: Meeting, title: str, minutes: int, presenter=None, thematic=False
) -> AgendaItem:
    ensure_manage(acting_user, meeting)
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, *IN_PREPARATION, Status.IN_SESSION)
        if meeting.agenda_adopted:
            raise MeetingError(MeetingError.WRONG_STEP, status=_("agenda adopted"))
        order = meeting.agenda.count() + 1
        with audit.change(
            acting_user, None, "meeting.agenda_add", organization=meeting.organization
        ) as rec:
            rec.target = AgendaItem.objects.create(
                meeting=meeting,
                order=order,
                title=title.strip(),
                minutes=minutes,
                presenter=presenter,
                thematic=thematic,
            )
    return rec.target


def add_guest(*, acting_user, meeting: Meeting, name: str, position: str = "") -> Guest:
    ensure_manage(acting_user, meeting)
    with audit.change(
        acting_user, None, "meeting.guest_add", organization=meeting.organization
    ) as rec:
        rec.target = Guest.objects.create(
            meeting=meeting, name=name.strip(), position=position.strip()
        )
    return rec.target


def _step(acting_user, meeting: Meeting, action: str, allowed: tuple, **values) -> Meeting:
    ensure_manage(acting_user, meeting)
    with transaction.atomic():
        meeting = lock(meeting)
        ensure_status(meeting, *allowed)
        with audit.change(acting_user, meeting, action):
            for name, value in values.items():
                setattr(meeting, name, value)
            meeting.save(update_fields=[*values])
    return meeting


def agree_content(*, acting_user, meeting: Meeting) -> Meeting:
    """The cell committee (or the secretary of a small cell) agrees the meeting's content."""
    return _step(
        acting_user,
        meeting,
        "meeting.agree",
        (Status.PLANNED,),
        status=Status.AGREED,
        content_agreed_at=timezone.now(),
    )


def _roster_users(meeting: Meeting):
    return users_of(meeting.attendance.values_list("member_id", flat=True))


def announce(*, acting_user, meeting: Meeting) -> Meeting:
    """Time, place and agenda go to the members and to the overseeing committee."""
    meeting = _step(
        acting_user,
        meeting,
        "meeting.announce",
        (Status.PLANNED, Status.AGREED),
        status=Status.ANNOUNCED,
        announced_at=timezone.now(),
    )
    overseers = []
    if parent := Organization.objects.get_parent(meeting.organization):
        overseers = list(access.holders(MeetingAction.OVERSEE, parent, meeting.confidentiality))
    when = timezone.localtime(meeting.starts_at).strftime("%H:%M %d/%m/%Y")
    # No classified title reaches an inbox or a mail (core.notifications.notify).
    title = (
        _("Meeting at %(when)s, %(place)s") % {"when": when, "place": meeting.place}
        if meeting.confidentiality
        else _("%(title)s — %(when)s, %(place)s")
        % {"title": meeting.title, "when": when, "place": meeting.place}
    )
    notifications.notify(
        [*_roster_users(meeting), *overseers],
        kind=NoticeKind.MEETING_CALLED,
        title=title,
        url=f"/hop/{meeting.pk}/",
    )
    return meeting


def publish_documents(
    *, acting_user, meeting: Meeting, at: datetime.datetime | None = None
) -> Meeting:
    """The meeting's documents reach the members; late if under the notice rule's hours."""
    return _step(
        acting_user,
        meeting,
        "meeting.publish_documents",
        IN_PREPARATION,
        documents_published_at=at or timezone.now(),
    )


def cancel(*, acting_user, meeting: Meeting) -> Meeting:
    return _step(acting_user, meeting, "meeting.cancel", IN_PREPARATION, status=Status.CANCELLED)


# -- Presentations (tham luận) ------------------------------------------------------------------


@transaction.atomic
def assign_presentation(
    *, acting_user, meeting: Meeting, member: Member, topic: str, due_on: datetime.date
) -> Presentation:
    ensure_manage(acting_user, meeting)
    meeting = lock(meeting)  # steps on one meeting never interleave
    ensure_status(meeting, *IN_PREPARATION)
    if not meeting.attendance.filter(member=member).exists():
        raise MeetingError(MeetingError.NOT_ON_ROSTER, name=member.full_name)
    if due_on >= meeting_day(meeting):
        raise MeetingError(MeetingError.DUE_AFTER_MEETING)
    with audit.change(
        acting_user, None, "meeting.presentation_assign", organization=meeting.organization
    ) as rec:
        rec.target = Presentation.objects.create(
            meeting=meeting, member=member, topic=topic.strip(), due_on=due_on
        )
    notifications.notify(
        users_of([member.pk]),
        kind=NoticeKind.PRESENTATION,
        title=_("A presentation is assigned to comrade, due %(day)s")
        % {"day": due_on.strftime("%d/%m/%Y")},
        url=f"/hop/tham-luan/{rec.target.pk}/",
    )
    return rec.target


def submit_presentation(*, user, presentation: Presentation, text: str) -> Presentation:
    """The member hands in their draft (again, after it was returned)."""
    if user.member_id != presentation.member_id:
        raise MeetingError(MeetingError.NOT_YOURS)
    if not text.strip():
        raise MeetingError(MeetingError.EMPTY_TEXT)
    with transaction.atomic():
        presentation = Presentation.objects.select_for_update().get(pk=presentation.pk)
        if presentation.status not in (PresentationStatus.ASSIGNED, PresentationStatus.RETURNED):
            raise MeetingError(
                MeetingError.WRONG_STEP, status=presentation.get_status_display().lower()
            )
        with audit.change(
            user,
            presentation,
            "meeting.presentation_submit",
            organization=presentation.meeting.organization,
        ):
            presentation.text = text.strip()
            presentation.status = PresentationStatus.SUBMITTED
            presentation.submitted_at = timezone.now()
            presentation.save()
    return presentation


def review_presentation(
    *, acting_user, presentation: Presentation, accept: bool, remarks: str = ""
) -> Presentation:
    """The secretary accepts the presentation into the agenda, or returns it with remarks."""
    meeting = presentation.meeting
    ensure_manage(acting_user, meeting)
    if not accept and not remarks.strip():
        raise MeetingError(MeetingError.REMARKS_NEEDED)
    with transaction.atomic():
        presentation = Presentation.objects.select_for_update().get(pk=presentation.pk)
        if presentation.status != PresentationStatus.SUBMITTED:
            raise MeetingError(MeetingError.NOT_SUBMITTED)
        with audit.change(
            acting_user,
            presentation,
            "meeting.presentation_review",
            organization=meeting.organization,
        ):
            presentation.remarks = remarks.strip()
            if accept:
                presentation.status = PresentationStatus.ACCEPTED
                presentation.agenda_item = AgendaItem.objects.create(
                    meeting=meeting,
                    order=meeting.agenda.count() + 1,
                    title=_("Presentation: %(topic)s") % {"topic": presentation.topic},
                    presenter=presentation.member,
                    minutes=10,
                    thematic=meeting.is_thematic,
                )
            else:
                presentation.status = PresentationStatus.RETURNED
            presentation.save()
    return presentation


def make_monthly_meetings(month: datetime.date) -> int:
    """The monthly job: every standing plan of an active organization gets its meeting of
    `month` (the system acts; those that exist are left as they are). Returns how many were
    made."""
    made = 0
    plans = MeetingPlan.objects.filter(organization__status=OrgStatus.ACTIVE).select_related(
        "organization"
    )
    for plan in plans:
        if not monthly_of(plan, month).exists():
            meeting_of_month(acting_user=None, plan=plan, month=month)
            made += 1
    return made
