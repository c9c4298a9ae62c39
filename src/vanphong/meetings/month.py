"""The month at a glance for whoever runs a body's meetings (a cell secretary, a committee's
office): for each body they run, its standing plan, the month's meetings with their state, and
whether the month's meeting and the quarter's thematic meeting are held (docs/rules/meetings.md
§1)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from vanphong.meetings.compliance import month_of, quarter_of
from vanphong.meetings.models import (
    MONTHLY_KINDS,
    THEMATIC_KINDS,
    Body,
    Meeting,
    MeetingPlan,
    Status,
)
from vanphong.meetings.services.planning import bodies_of
from vanphong.organizations.models import Organization


@dataclass
class BodyMonth:
    organization: Organization
    body: str
    body_label: str
    plan: MeetingPlan | None
    meetings: list[Meeting] = field(default_factory=list)
    thematic_held: int = 0

    @property
    def monthly(self) -> Meeting | None:
        """The month's own meeting (regular or combined), if it is planned or held."""
        return next((m for m in self.meetings if m.kind in MONTHLY_KINDS), None)

    @property
    def month_held(self) -> bool:
        return any(m.kind in MONTHLY_KINDS and m.status == Status.HELD for m in self.meetings)


def parse_month(text: str, today: datetime.date) -> datetime.date | None:
    """The month typed mm/yyyy (“12/2026” → 01/12/2026); empty → this month; else None."""
    text = (text or "").strip()
    if not text:
        return today.replace(day=1)
    month, _, year = text.partition("/")
    if not (month.isdigit() and year.isdigit() and len(year) == 4):
        return None
    if not 1 <= int(month) <= 12 or not 2000 <= int(year) <= 2100:
        return None
    return datetime.date(int(year), int(month), 1)


def shifted(month: datetime.date, by: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + by
    return datetime.date(index // 12, index % 12 + 1, 1)


def overview(organizations, month: datetime.date) -> list[BodyMonth]:
    """One row per (organization, body) the user runs; three queries whatever their number."""
    organizations = list(organizations)
    labels = dict(Body.choices)
    plans = {
        (p.organization_id, p.body): p
        for p in MeetingPlan.objects.filter(organization__in=organizations)
    }
    rows = {
        (o.pk, body): BodyMonth(o, body, labels[body], plans.get((o.pk, body)))
        for o in organizations
        for body in bodies_of(o)
    }
    start, after = month_of(month)
    quarter_start, quarter_after = quarter_of(month)
    meetings = Meeting.objects.filter(
        organization__in=organizations,
        starts_at__date__gte=quarter_start,
        starts_at__date__lt=quarter_after,
    ).exclude(status=Status.CANCELLED)
    for meeting in meetings.order_by("starts_at"):
        row = rows.get((meeting.organization_id, meeting.body))
        if row is None:
            continue
        day = timezone.localtime(meeting.starts_at).date()
        if start <= day < after:
            row.meetings.append(meeting)
        if meeting.kind in THEMATIC_KINDS and meeting.status == Status.HELD:
            row.thematic_held += 1
    return list(rows.values())
