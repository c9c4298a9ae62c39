"""The meetings API under /api/v1/meetings (docs/rules/meetings.md §8). HTTP only: what a user
sees is what `core.access` lets them see (a member, the meetings whose roster holds them; a
classified meeting only with the clearance), and the writes — a member's ballot, the attendance
a manager records, and every step of the meeting's page (`/steps/{name}`) — go through the same
forms and services as the pages. A secret ballot's
figures show only once it is closed, and no answer says what a member chose."""

import datetime
from typing import Annotated

from django.http import Http404, QueryDict
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError
from pydantic import StringConstraints

from vanphong.core import access
from vanphong.core.api import Id, Input, Page, Paging, choice, page, text
from vanphong.meetings import views
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import (
    TITLE_MAX,
    Body,
    Choice,
    Kind,
    Meeting,
    Method,
    MotionStatus,
    Presence,
    Standing,
    Status,
)
from vanphong.meetings.services import session, votes
from vanphong.meetings.step_pages import FormInvalid
from vanphong.organizations.models import Organization

router = Router(tags=["meetings"])

# A month as yyyy-mm (the years the application can hold meetings in).
Month = Annotated[str, StringConstraints(pattern=r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")]
ChoiceValue = choice(Choice)
ROSTER_MAX = 5000  # the marks one request may carry (a party-wide meeting of a large đảng bộ)


class MeetingFilters(Paging):
    organization: Id | None = Field(None, description="Tổ chức (cả các tổ chức trực thuộc)")
    month: Month | None = Field(None, description="Tháng họp, dạng yyyy-mm (giờ Việt Nam)")
    status: choice(Status) | None = Field(None, description="Trạng thái cuộc họp")


class MeetingOrganizationOut(Schema):
    id: int
    name: str


class MeetingOut(Schema):
    id: int
    organization: MeetingOrganizationOut
    body: choice(Body)
    kind: choice(Kind)
    title: str
    theme: str
    status: choice(Status)
    starts_at: datetime.datetime = Field(description="Giờ bắt đầu dự kiến (giờ Việt Nam)")
    planned_minutes: int
    place: str
    confidentiality: int = Field(description="Độ mật: 0 thường, 1 mật, 2 tối mật, 3 tuyệt mật")

    @staticmethod
    def resolve_starts_at(obj):
        # A meeting of the list, or the dict of a meeting's detail (already local).
        return obj["starts_at"] if isinstance(obj, dict) else timezone.localtime(obj.starts_at)


class MeetingPage(Page):
    items: list[MeetingOut]


class MeetingAgendaItemOut(Schema):
    order: int
    title: str
    minutes: int
    thematic: bool


class MeetingCountsOut(Schema):
    total: int = Field(description="Đảng viên trong danh sách (không kể người sinh hoạt tạm thời)")
    present: int = Field(description="Có mặt (kể cả đến muộn)")
    excused: int = Field(description="Vắng có lý do")
    unexcused: int = Field(description="Vắng không lý do")
    unrecorded: int = Field(description="Chưa điểm danh")


class MeetingResultsOut(Schema):
    yes: int
    no: int
    abstain: int
    body_size: int | None = Field(description="Số đảng viên của tổ chức (khi đã kết thúc)")
    counted: int | None = Field(description="Số được tính (khi đã kết thúc)")
    threshold: int | None = Field(description="Số phiếu tán thành cần có (khi đã kết thúc)")
    passed: bool | None


class MeetingMotionOut(Schema):
    id: int
    question: str
    method: choice(Method)
    status: choice(MotionStatus)
    voted: bool = Field(description="Người dùng đã biểu quyết vấn đề này")
    results: MeetingResultsOut | None = Field(
        description="Kết quả; bỏ phiếu kín chỉ có khi đã kết thúc"
    )


class MeetingDetailOut(MeetingOut):
    purpose: str
    started_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    agenda_adopted: bool
    agenda: list[MeetingAgendaItemOut]
    counts: MeetingCountsOut
    motions: list[MeetingMotionOut]


class MeetingBallotIn(Input):
    choice: ChoiceValue = Field(description="yes: tán thành, no: không tán thành, abstain")


class MeetingMarkIn(Input):
    member: Id = Field(description="Đảng viên trong danh sách cuộc họp")
    presence: choice(Presence) = Field(description="Có mặt, đến muộn, vắng có/không lý do")
    reason: text(TITLE_MAX) = Field("", description="Lý do vắng (bắt buộc khi vắng có lý do)")


class MeetingAttendanceIn(Input):
    marks: list[MeetingMarkIn] = Field(min_length=1, max_length=ROSTER_MAX)


class MeetingAttendanceOut(Schema):
    member: int
    name: str
    standing: choice(Standing)
    presence: choice(Presence)
    reason: str


def _visible(user):
    return access.visible(user, Meeting.objects.all(), MeetingAction.VIEW)


def _meeting(user, pk: int) -> Meeting:
    return access.get_for(user, Meeting.objects.select_related("organization"), pk)


def _results(motion) -> dict | None:
    if not votes.results_visible(motion):
        return None
    fields = ("yes", "no", "abstain", "body_size", "counted", "threshold", "passed")
    return {name: getattr(motion, name) for name in fields}


def _local(moment):
    return moment and timezone.localtime(moment)


def _detail(user, meeting: Meeting) -> dict:
    voted = votes.voted_on(meeting, user.member_id) if user.member_id else set()
    fields = ("id", "body", "kind", "title", "theme", "status", "planned_minutes", "place")
    return {
        **{name: getattr(meeting, name) for name in fields},
        "organization": {"id": meeting.organization_id, "name": meeting.organization.name},
        "confidentiality": meeting.confidentiality,
        "purpose": meeting.purpose,
        "starts_at": _local(meeting.starts_at),
        "started_at": _local(meeting.started_at),
        "ended_at": _local(meeting.ended_at),
        "agenda_adopted": meeting.agenda_adopted,
        "agenda": [
            {"order": i.order, "title": i.title, "minutes": i.minutes, "thematic": i.thematic}
            for i in meeting.agenda.all()
        ],
        "counts": session.counts(meeting),
        "motions": [
            {
                "id": m.pk,
                "question": m.question,
                "method": m.method,
                "status": m.status,
                "voted": m.pk in voted,
                "results": _results(m),
            }
            for m in meeting.motions.all()
        ],
    }


@router.get("", response=MeetingPage, summary="Danh sách cuộc họp")
def list_meetings(request, filters: Query[MeetingFilters]):
    """The meetings the user may see, the latest first: those of their scope, and for a member
    the meetings whose roster holds them; a classified one only with the clearance."""
    meetings = _visible(request.auth).select_related("organization")
    if filters.organization is not None:
        # Narrows the visible list only: an unknown organization matches nothing.
        node = Organization.objects.filter(pk=filters.organization).only("path").first()
        meetings = (
            meetings.filter(organization__path__startswith=node.path) if node else meetings.none()
        )
    if filters.month:
        year, month = map(int, filters.month.split("-"))
        zone = timezone.get_current_timezone()
        start = datetime.datetime(year, month, 1, tzinfo=zone)
        end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
        meetings = meetings.filter(starts_at__gte=start, starts_at__lt=end)
    if filters.status:
        meetings = meetings.filter(status=filters.status)
    return page(meetings.order_by("-starts_at", "-pk"), filters)


@router.get("/{int:meeting_id}", response=MeetingDetailOut, summary="Một cuộc họp")
def get_meeting(request, meeting_id: Id):
    """The meeting with its agenda, the roster's counts and its votes: the figures of a secret
    ballot only once closed, and never what a member chose."""
    return _detail(request.auth, _meeting(request.auth, meeting_id))


@router.post(
    "/{int:meeting_id}/motions/{int:motion_id}/ballot",
    response=MeetingDetailOut,
    summary="Biểu quyết (đảng viên có mặt)",
)
def cast_ballot(request, meeting_id: Id, motion_id: Id, payload: MeetingBallotIn):
    """A present member's vote on an open question, once; as the meeting's page does it."""
    meeting = _meeting(request.auth, meeting_id)
    motion = meeting.motions.filter(pk=motion_id).first()
    if motion is None:
        raise Http404
    votes.cast_ballot(user=request.auth, motion=motion, choice=payload.choice)
    return _detail(request.auth, meeting)


@router.post(
    "/{int:meeting_id}/attendance",
    response=list[MeetingAttendanceOut],
    summary="Điểm danh (người điều hành cuộc họp)",
)
def record_attendance(request, meeting_id: Id, payload: MeetingAttendanceIn):
    """Marks for members of the roster; a member off the roster, or an absence with reason
    without its reason, refuses the whole set (nothing changes). Answers the roster."""
    user = request.auth
    meeting = _meeting(user, meeting_id)
    access.require(user, MeetingAction.MANAGE, meeting)
    marks = {mark.member: (mark.presence, mark.reason) for mark in payload.marks}
    session.record_attendance(acting_user=user, meeting=meeting, marks=marks)
    return [
        {
            "member": row.member_id,
            "name": row.member.full_name,
            "standing": row.standing,
            "presence": row.presence,
            "reason": row.reason,
        }
        for row in meeting.attendance.select_related("member").order_by("member__name_sort", "pk")
    ]


# -- Every step of the meeting's page, through the same forms and services ----------------------

StepKey = Annotated[str, StringConstraints(max_length=64)]
StepValue = Annotated[str, StringConstraints(max_length=20000)]


class MeetingStepIn(Input):
    values: dict[StepKey, StepValue | int | list[StepValue | int]] = Field(
        {},
        max_length=ROSTER_MAX,
        description=(
            "Các trường của bước, đúng như trang cuộc họp gửi lên (ngày giờ dạng dd/mm/yyyy "
            "HH:MM; trường nhiều giá trị là một danh sách)"
        ),
    )


class MeetingStepOut(Schema):
    message: str = Field(description="Kết quả của bước, bằng tiếng Việt")
    meeting: MeetingDetailOut


def _posted(values: dict) -> QueryDict:
    posted = QueryDict(mutable=True)
    for key, value in values.items():
        posted.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return posted


@router.post(
    "/{int:meeting_id}/steps/{name}",
    response=MeetingStepOut,
    summary="Một bước của cuộc họp (như trên trang)",
    description=(
        "Các bước: " + ", ".join(views.STEPS) + ". Mỗi bước nhận các trường của biểu mẫu "
        "tương ứng trên trang cuộc họp; trường bị từ chối được trả về từng trường (400), "
        "không có gì thay đổi."
    ),
)
def take_step(request, meeting_id: Id, name: StepKey, payload: MeetingStepIn):
    """One step of the meeting, as its page takes it: the same form, the same service, the same
    rights (the step's action on this meeting), so the API can do all the page can."""
    user = request.auth
    if name not in views.STEPS:
        raise Http404
    handler, action = views.STEPS[name]
    meeting = _meeting(user, meeting_id)
    access.require(user, action, meeting)
    try:
        message = handler(user, meeting, _posted(payload.values))
    except FormInvalid as refused:
        raise ValidationError(
            [
                {"loc": ("body", "payload", "values", field), "type": "vanphong", "msg": error}
                for field, errors in refused.form.errors.items()
                for error in errors
            ]
        ) from None
    meeting.refresh_from_db()
    return {"message": str(message), "meeting": _detail(user, meeting)}
