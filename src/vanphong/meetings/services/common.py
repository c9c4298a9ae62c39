"""What every meetings service shares: the acting user's right, the meeting's state."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format

from vanphong.core import access
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import Meeting, Status
from vanphong.meetings.services.errors import MeetingError


def ensure_manage(user, meeting_or_org) -> None:
    """Refuse (PermissionDenied) a user who may not run this meeting; None is the system."""
    access.ensure_allowed(user, MeetingAction.MANAGE, meeting_or_org)


def lock(meeting: Meeting) -> Meeting:
    """The meeting re-read under a row lock, so that two clerks' steps do not interleave."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def ensure_status(meeting: Meeting, *allowed: str) -> None:
    if meeting.status not in allowed:
        raise MeetingError(MeetingError.WRONG_STEP, status=meeting.get_status_display().lower())


def ensure_open(meeting: Meeting) -> None:
    """The session's record may change: not frozen by signed minutes."""
    if meeting.is_frozen:
        raise MeetingError(MeetingError.FROZEN)


def meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def month_label(month: datetime.date) -> str:
    return date_format(month, "m/Y")


def users_of(member_ids):
    """The active accounts of these party members (for their notifications)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(member_id__in=list(member_ids), is_active=True)


def superior_of(organization):
    """The committee named above the organization on its documents' head: its parent, unless
    that is the tree's root (nothing is printed above a body under the Centre)."""
    parent = type(organization).objects.get_parent(organization)
    return parent if parent is not None and parent.depth > 1 else None


IN_PREPARATION = (Status.PLANNED, Status.AGREED, Status.ANNOUNCED)
