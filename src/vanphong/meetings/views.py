"""The meetings pages: the list (a cell secretary's month at a glance), planning, the meeting's
page with each step of preparation and session, and the POST endpoints of those steps.

Each step parses its form and calls the service; a refused step shows the service's message on
the meeting's page (status 400; the service's transaction left nothing changed)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.meetings import attention, checks, step_pages, study
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.forms import (
    CloseForm,
    CountForm,
    GuestForm,
    InitiativeForm,
    MakeupForm,
    MotionForm,
    OpenForm,
    PlanForm,
    PresentationForm,
    SpeechForm,
)
from vanphong.meetings.models import (
    PRESENT,
    Choice,
    Initiative,
    InitiativeStatus,
    Kind,
    Meeting,
    Motion,
    Presence,
    Standing,
    Status,
)
from vanphong.meetings.roster import roster
from vanphong.meetings.services import conclusions, planning, session, votes
from vanphong.meetings.services import minutes as minutes_service
from vanphong.meetings.services.common import IN_PREPARATION
from vanphong.meetings.step_pages import FormInvalid
from vanphong.organizations.models import Member, Organization

PAGE_SIZE = 50


def managed_organizations(user):
    """The organizations where the user may plan meetings (those with a body that meets)."""
    kinds = {kind for kinds in planning.BODIES.values() for kind in kinds}
    orgs = access.visible(user, Organization.objects.all(), MeetingAction.MANAGE)
    return orgs.filter(kind__in=kinds).order_by("path")


@login_required
def meeting_list(request):
    if not access.can(request.user, MeetingAction.VIEW):
        return redirect("meetings:mine")
    key = request.GET.get("viec", "")
    if key in attention.BY_KEY:
        meetings = attention.work(request.user, key)
        heading = attention.BY_KEY[key].label
    else:
        meetings = access.visible(request.user, Meeting.objects.all(), MeetingAction.VIEW)
        heading = _("Meetings")
        key = ""
    org_id = request.GET.get("don_vi", "")
    if org_id.isdigit() and len(org_id) < 12:
        meetings = meetings.filter(organization_id=int(org_id))
    meetings = meetings.select_related("organization").order_by("-starts_at", "-pk")
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("trang"))
    today = timezone.localdate()
    month = [
        m
        for m in access.visible(request.user, Meeting.objects.all(), MeetingAction.MANAGE)
        .filter(starts_at__date__gte=today.replace(day=1))
        .exclude(status=Status.CANCELLED)
        .select_related("organization")
        .order_by("starts_at")[:12]
    ]
    return render(
        request,
        "meetings/list.html",
        {
            "page": page,
            "heading": heading,
            "key": key,
            "coming": month,
            "can_plan": managed_organizations(request.user).exists(),
        },
    )


@login_required
def plan(request):
    organizations = list(managed_organizations(request.user))
    if not organizations:
        raise Http404
    form = PlanForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organization = next(o for o in organizations if str(o.pk) == data["organization"])
        try:
            meeting = planning.plan_meeting(
                acting_user=request.user,
                organization=organization,
                body=data["body"],
                kind=data["kind"],
                starts_at=data["starts_at"],
                place=data["place"],
                title=data["title"],
                theme=data["theme"],
                planned_minutes=data["planned_minutes"],
                confidentiality=data["confidentiality"],
                agenda=data["agenda_items"],
                locality=data["locality"],
                resolution=data["resolution"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The meeting was planned."))
            return redirect("meetings:detail", meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/plan.html", {"form": form}, status=status)


def _members(meeting: Meeting, present_only=False):
    rows = meeting.attendance.select_related("member").exclude(standing=Standing.VISITING)
    if present_only:
        rows = rows.filter(presence__in=PRESENT)
    return [row.member for row in rows]


def _leaders(meeting: Meeting) -> list[Member]:
    """Who may chair the session or keep its minutes: the body's members on the meeting's day. A
    make-up's roster holds only those still to study, but its chair (often the secretary) has
    studied already."""
    day = timezone.localtime(meeting.starts_at).date()
    return [seat.member for seat in roster(meeting.organization, meeting.body, day)]


def detail_context(request, meeting: Meeting, **forms) -> dict:
    user = request.user
    manage = access.can(user, MeetingAction.MANAGE, meeting)
    members = _members(meeting)
    attendance = list(meeting.attendance.select_related("member"))
    motions = list(meeting.motions.all())
    mine = (
        {row.member_id: row for row in attendance}.get(user.member_id) if user.member_id else None
    )
    voted = votes.voted_on(meeting, mine.member_id) if mine is not None else set()
    for motion in motions:
        motion.visible_results = votes.results_visible(motion)
        motion.voted = motion.pk in voted
    return {
        "meeting": meeting,
        "manage": manage,
        "preparing": meeting.status in IN_PREPARATION,
        "in_session": meeting.status == Status.IN_SESSION,
        "held": meeting.status == Status.HELD,
        "frozen": meeting.is_frozen,
        "agenda": meeting.agenda.select_related("presenter"),
        "guests": list(meeting.guests.all()),
        "attendance": attendance,
        "counts": session.counts(meeting),
        "presences": Presence.choices[1:],
        "motions": motions,
        "choices": Choice.choices,
        "my_attendance": mine,
        "speeches": meeting.speeches.select_related("member", "guest", "agenda_item"),
        "initiatives": meeting.initiatives.select_related("author", "owner"),
        "initiative_statuses": InitiativeStatus.choices,
        "presentations": meeting.presentations.select_related("member"),
        "duration": checks.duration_check(meeting),
        "notice_rule": checks.notice_check(meeting),
        "minutes": minutes_service.current(meeting),
        "notice_due": conclusions.due_on(meeting),
        "to_study": (
            len(study.still_to_study(meeting, [row.member_id for row in attendance]))
            if meeting.kind == Kind.STUDY and meeting.status == Status.HELD
            else None
        ),
        "makeup_form": forms.get("makeup_form") or MakeupForm(initial={"place": meeting.place}),
        "notice": meeting.conclusion_notice,
        "arithmetic": votes.arithmetic(meeting) if meeting.roster_on else None,
        "open_form": forms.get("open_form")
        or OpenForm(members=_leaders(meeting), initial={"started_at": timezone.localtime()}),
        "close_form": forms.get("close_form")
        or CloseForm(
            initial={"ended_at": timezone.localtime(), "conclusions": meeting.conclusions}
        ),
        "speech_form": forms.get("speech_form")
        or SpeechForm(members=members, guests=meeting.guests.all()),
        "initiative_form": forms.get("initiative_form") or InitiativeForm(members=members),
        "motion_form": forms.get("motion_form") or MotionForm(),
        "count_form": forms.get("count_form") or CountForm(),
        "guest_form": forms.get("guest_form") or GuestForm(),
        "presentation_form": forms.get("presentation_form") or PresentationForm(members=members),
        "error": forms.get("error"),
    }


@login_required
def detail(request, pk: int):
    meeting = access.get_for(
        request.user,
        Meeting.objects.select_related("organization", "chair", "secretary"),
        pk,
        MeetingAction.VIEW,
    )
    return render(request, "meetings/detail.html", detail_context(request, meeting))


def _member_of(meeting: Meeting, value) -> Member:
    row = (
        meeting.attendance.select_related("member")
        .filter(member_id=value if str(value).isdigit() else None)
        .first()
    )
    if row is None:
        raise session.MeetingError(session.MeetingError.NOT_ON_ROSTER, name=str(value)[:50])
    return row.member


# -- Steps: each (user, meeting, POST) → success message; a ServiceError is shown on the page. ---


def _agree(user, meeting, post):
    planning.agree_content(acting_user=user, meeting=meeting)
    return _("The content was agreed.")


def _announce(user, meeting, post):
    planning.announce(acting_user=user, meeting=meeting)
    return _("Time, place and agenda were sent to the members and the overseeing committee.")


def _publish(user, meeting, post):
    meeting = planning.publish_documents(acting_user=user, meeting=meeting)
    check = checks.notice_check(meeting)
    if check is not None and not check.ok:
        return _("The documents were published, later than %(hours)s hours ahead.") % {
            "hours": check.required
        }
    return _("The documents were published to the members.")


def _cancel(user, meeting, post):
    planning.cancel(acting_user=user, meeting=meeting)
    return _("The meeting was cancelled.")


def _guest(user, meeting, post):
    form = GuestForm(post)
    if not form.is_valid():
        raise FormInvalid("guest_form", form)
    planning.add_guest(acting_user=user, meeting=meeting, **form.cleaned_data)
    return _("The guest was added.")


def _presentation(user, meeting, post):
    form = PresentationForm(post, members=_members(meeting))
    if not form.is_valid():
        raise FormInvalid("presentation_form", form)
    data = form.cleaned_data
    planning.assign_presentation(
        acting_user=user,
        meeting=meeting,
        member=_member_of(meeting, data["member"]),
        topic=data["topic"],
        due_on=data["due_on"],
    )
    return _("The presentation was assigned.")


def _open(user, meeting, post):
    leaders = {str(m.pk): m for m in _leaders(meeting)}
    form = OpenForm(post, members=leaders.values())
    if not form.is_valid():
        raise FormInvalid("open_form", form)
    data = form.cleaned_data
    session.open_session(
        acting_user=user,
        meeting=meeting,
        chair=leaders[data["chair"]],
        secretary=leaders[data["secretary"]],
        started_at=data["started_at"],
        purpose=data["purpose"],
    )
    return _("The session is open. Record the attendance.")


def _attendance(user, meeting, post):
    marks = {}
    for row in meeting.attendance.all():
        presence = post.get(f"presence_{row.member_id}")
        if presence:
            marks[row.member_id] = (presence, post.get(f"reason_{row.member_id}", "")[:300])
    session.record_attendance(acting_user=user, meeting=meeting, marks=marks)
    figures = session.counts(meeting)
    return _("Attendance saved: %(present)s of %(total)s present.") % figures


def _adopt_agenda(user, meeting, post):
    session.adopt_agenda(acting_user=user, meeting=meeting)
    return _("The agenda was adopted.")


def _speech(user, meeting, post):
    form = SpeechForm(post, members=_members(meeting), guests=meeting.guests.all())
    if not form.is_valid():
        raise FormInvalid("speech_form", form)
    speaker, content = form.cleaned_data["speaker"], form.cleaned_data["content"]
    if speaker.startswith("g"):
        guest = meeting.guests.get(pk=int(speaker[1:]))
        session.add_speech(acting_user=user, meeting=meeting, content=content, guest=guest)
    else:
        member = _member_of(meeting, speaker[1:])
        session.add_speech(acting_user=user, meeting=meeting, content=content, member=member)
    return _("The speech was recorded.")


def _initiative(user, meeting, post):
    form = InitiativeForm(post, members=_members(meeting))
    if not form.is_valid():
        raise FormInvalid("initiative_form", form)
    session.raise_initiative(
        acting_user=user,
        meeting=meeting,
        author=_member_of(meeting, form.cleaned_data["author"]),
        content=form.cleaned_data["content"],
    )
    return _("The initiative was recorded.")


def _motion(user, meeting, post):
    form = MotionForm(post)
    if not form.is_valid():
        raise FormInvalid("motion_form", form)
    votes.open_motion(acting_user=user, meeting=meeting, **form.cleaned_data)
    return _("The vote is open.")


def _motion_of(meeting, post) -> Motion:
    return step_pages.posted_row(meeting.motions.all(), post, "motion")


def _count(user, meeting, post):
    form = CountForm(post)
    if not form.is_valid():
        raise FormInvalid("count_form", form)
    votes.record_counts(acting_user=user, motion=_motion_of(meeting, post), **form.cleaned_data)
    return _("The count was recorded.")


def _close_motion(user, meeting, post):
    motion = votes.close_motion(acting_user=user, motion=_motion_of(meeting, post))
    if motion.passed:
        return _("Passed: %(yes)s for, %(needed)s needed.") % {
            "yes": motion.yes,
            "needed": motion.threshold,
        }
    return _("Not passed: %(yes)s for, %(needed)s needed.") % {
        "yes": motion.yes,
        "needed": motion.threshold,
    }


def _close(user, meeting, post):
    form = CloseForm(post)
    if not form.is_valid():
        raise FormInvalid("close_form", form)
    meeting = session.close_session(acting_user=user, meeting=meeting, **form.cleaned_data)
    check = checks.duration_check(meeting)
    if check is not None and not check.ok:
        return _(
            "The session was closed after %(held)s minutes, under the %(required)s the rule requires."
        ) % {
            "held": check.minutes,
            "required": check.required,
        }
    return _("The session was closed.")


def _decide(user, meeting, post):
    initiative = step_pages.posted_row(
        Initiative.objects.filter(meeting=meeting), post, "initiative"
    )
    owner = post.get("owner", "")
    due = post.get("due_on", "")
    try:
        due_on = datetime.datetime.strptime(due, "%d/%m/%Y").date() if due else None  # noqa: DTZ007 — a date
    except ValueError:
        raise session.MeetingError(session.MeetingError.OWNER_NEEDED) from None
    session.decide_initiative(
        acting_user=user,
        initiative=initiative,
        status=post.get("status", ""),
        decision=post.get("decision", "")[:1000],
        owner=_member_of(meeting, owner) if owner else None,
        due_on=due_on,
    )
    return _("The decision on the initiative was recorded.")


def _makeup(user, meeting, post):
    form = MakeupForm(post)
    if not form.is_valid():
        raise FormInvalid("makeup_form", form)
    makeup = planning.plan_meeting(
        acting_user=user,
        organization=meeting.organization,
        body=meeting.body,
        kind=Kind.STUDY,
        starts_at=form.cleaned_data["starts_at"],
        place=form.cleaned_data["place"],
        theme=meeting.theme,
        title=_("Make-up study: %(theme)s") % {"theme": meeting.theme or meeting.resolution},
        locality=meeting.locality,
        makeup_of=meeting,
    )
    return _("A make-up session was planned for the %(n)s members who have not studied it.") % {
        "n": makeup.attendance.count()
    }


def _conclusion_notice(user, meeting, post):
    conclusions.draft_notice(acting_user=user, meeting=meeting)
    return _(
        "The conclusion notice was drafted in the outgoing documents: appraise, sign and issue it "
        "there."
    )


STEPS = {
    "thong-nhat": (_agree, MeetingAction.MANAGE),
    "thong-bao": (_announce, MeetingAction.MANAGE),
    "dang-tai-lieu": (_publish, MeetingAction.MANAGE),
    "huy": (_cancel, MeetingAction.MANAGE),
    "khach-moi": (_guest, MeetingAction.MANAGE),
    "tham-luan": (_presentation, MeetingAction.MANAGE),
    "khai-mac": (_open, MeetingAction.MANAGE),
    "diem-danh": (_attendance, MeetingAction.MANAGE),
    "thong-qua-chuong-trinh": (_adopt_agenda, MeetingAction.MANAGE),
    "phat-bieu": (_speech, MeetingAction.MANAGE),
    "sang-kien": (_initiative, MeetingAction.MANAGE),
    "xu-ly-sang-kien": (_decide, MeetingAction.MANAGE),
    "bieu-quyet": (_motion, MeetingAction.MANAGE),
    "kiem-phieu": (_count, MeetingAction.MANAGE),
    "ket-thuc-bieu-quyet": (_close_motion, MeetingAction.MANAGE),
    "be-mac": (_close, MeetingAction.MANAGE),
    "thong-bao-ket-luan": (_conclusion_notice, MeetingAction.MANAGE),
    "hoc-bu": (_makeup, MeetingAction.MANAGE),
}


@login_required
@require_POST
def step(request, pk: int, name: str):
    if name not in STEPS:
        raise Http404
    handler, action = STEPS[name]
    meeting = access.get_for(
        request.user, Meeting.objects.select_related("organization"), pk, MeetingAction.VIEW
    )
    access.require(request.user, action, meeting)
    return step_pages.run(
        request,
        meeting,
        lambda: handler(request.user, meeting, request.POST),
        template="meetings/detail.html",
        context_of=detail_context,
        done_url=reverse("meetings:detail", args=[meeting.pk]) + f"#{name}",
    )


@login_required
@require_POST
def ballot(request, pk: int, motion_pk: int):
    """A member's vote from their own device."""
    meeting = access.get_for(request.user, Meeting.objects.all(), pk, MeetingAction.VIEW)
    motion = meeting.motions.filter(pk=motion_pk).first()
    if motion is None:
        raise Http404
    try:
        votes.cast_ballot(user=request.user, motion=motion, choice=request.POST.get("choice", ""))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(reverse("meetings:detail", args=[meeting.pk]) + "#bieu-quyet")
    messages.success(request, _("Comrade's vote was recorded."))
    return redirect(reverse("meetings:detail", args=[meeting.pk]) + "#bieu-quyet")
