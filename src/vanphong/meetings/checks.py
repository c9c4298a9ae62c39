"""The rules a meeting is checked against once its times are known: the least duration and the
documents published a day ahead (docs/rules/meetings.md §2–3)."""

import datetime
from dataclasses import dataclass

from vanphong.meetings import rules
from vanphong.meetings.models import Kind, Meeting, Standing


@dataclass(frozen=True)
class DurationCheck:
    minutes: int  # held
    required: int
    rule_key: str

    @property
    def ok(self) -> bool:
        return self.minutes >= self.required


def duration_check(meeting: Meeting) -> DurationCheck | None:
    """The held duration against the rule in force on the meeting's day; None before the end,
    or for a kind without a duration rule."""
    if meeting.started_at is None or meeting.ended_at is None:
        return None
    kind = meeting.kind if meeting.kind in (Kind.REGULAR, Kind.THEMATIC, Kind.COMBINED) else None
    if kind is None:
        return None
    members = meeting.attendance.exclude(standing=Standing.VISITING).count()
    day = meeting.roster_on or meeting.started_at.date()
    rule = rules.duration_rule(kind, meeting.organization.path, members, day)
    if rule is None:
        return None
    held = int((meeting.ended_at - meeting.started_at).total_seconds() // 60)
    return DurationCheck(held, rule.minutes, rule.key)


@dataclass(frozen=True)
class NoticeCheck:
    hours_ahead: float | None  # None: not published yet
    required: int

    @property
    def ok(self) -> bool:
        return self.hours_ahead is not None and self.hours_ahead >= self.required


def notice_check(meeting: Meeting) -> NoticeCheck | None:
    """Were the documents published at least the rule's hours (24: "01 ngày", decision 0016)
    before the scheduled start?"""
    required = rules.notice_hours(meeting.starts_at.date())
    if required is None:
        return None
    if meeting.documents_published_at is None:
        return NoticeCheck(None, required)
    ahead = (meeting.starts_at - meeting.documents_published_at) / datetime.timedelta(hours=1)
    return NoticeCheck(ahead, required)
