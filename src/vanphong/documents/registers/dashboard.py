"""The deadline dashboard: open assignments (lead and co-handlers) of the documents the user may
see, counted per person and per department: assigned, overdue (deadline before today), due soon
(deadline from today to today + the dated rule's days, `soon_days`). Everything is counted through core.access.visible, so a
sibling organization's or a too-classified document's assignments are never counted."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from vanphong.core import access
from vanphong.core.models import User
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import Assignment, AssignmentRole, IncomingDocument, IncomingStatus
from vanphong.organizations.models import Organization

SOON_DAYS = 3  # only if the dated rule "document_deadline/due_soon_days" has no row in force


def soon_days(day: datetime.date | None = None) -> int:
    """How many days ahead of a deadline an assignment is due soon, by the rule in force on `day`
    (invariant 6): the dashboard's window and the day of the reminder before the deadline."""
    from vanphong.core import rules

    value = rules.value_as_of(
        "document_deadline", "due_soon_days", day or timezone.localdate(), {"days": SOON_DAYS}
    )
    return int(value["days"])


OVERDUE, SOON, ALL = "qua-han", "sap-den-han", "tat-ca"
KINDS = (ALL, OVERDUE, SOON)


@dataclass
class Line:
    key: int
    name: str
    assigned: int
    overdue: int
    soon: int


def open_assignments(user, organization: Organization | None = None):
    """Open lead/co assignments on the documents the user may see (in `organization`'s subtree)."""
    documents = access.visible(user, IncomingDocument.objects.all(), DocumentAction.VIEW)
    if organization is not None:
        documents = documents.filter(organization__path__startswith=organization.path)
    return Assignment.objects.filter(
        document__in=documents.values("pk"),
        role__in=[AssignmentRole.LEAD, AssignmentRole.CO],
        done_at__isnull=True,
    ).exclude(document__status=IncomingStatus.DONE)


def _window(today: datetime.date) -> tuple[Q, Q]:
    overdue = Q(deadline__lt=today)
    soon = Q(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=soon_days(today)))
    return overdue, soon


def narrow(assignments, kind: str, today: datetime.date | None = None):
    overdue, soon = _window(today or timezone.localdate())
    if kind == OVERDUE:
        return assignments.filter(overdue)
    if kind == SOON:
        return assignments.filter(soon)
    return assignments


def _count(assignments, group: str, today: datetime.date):
    overdue, soon = _window(today)
    return (
        assignments.values(group)
        .annotate(
            assigned=Count("pk"),
            overdue=Count("pk", filter=overdue),
            soon=Count("pk", filter=soon),
        )
        .order_by()
    )


def by_person(assignments, today: datetime.date | None = None) -> list[Line]:
    rows = list(_count(assignments, "user", today or timezone.localdate()))
    people = User.objects.in_bulk([r["user"] for r in rows])
    lines = [
        Line(r["user"], str(people[r["user"]]), r["assigned"], r["overdue"], r["soon"])
        for r in rows
    ]
    return sorted(lines, key=lambda line: (-line.overdue, -line.soon, line.name))


def by_department(assignments, today: datetime.date | None = None) -> list[Line]:
    rows = list(
        _count(
            assignments.filter(department__isnull=False),
            "department",
            today or timezone.localdate(),
        )
    )
    departments = Organization.objects.in_bulk([r["department"] for r in rows])
    lines = [
        Line(
            r["department"],
            departments[r["department"]].name,
            r["assigned"],
            r["overdue"],
            r["soon"],
        )
        for r in rows
    ]
    return sorted(lines, key=lambda line: (-line.overdue, -line.soon, line.name))


def totals(lines: list[Line]) -> Line:
    return Line(
        0,
        "",
        sum(line.assigned for line in lines),
        sum(line.overdue for line in lines),
        sum(line.soon for line in lines),
    )
