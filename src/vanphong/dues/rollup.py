"""The roll-up of a subtree's dues for a year: per organization directly under the root (its
whole subtree summed), what was due, paid and is still owed. One query."""

from dataclasses import dataclass

from django.db.models import Sum

from vanphong.core import access
from vanphong.dues.access import DuesAction
from vanphong.dues.models import LedgerLine
from vanphong.organizations.models import Organization


@dataclass
class Row:
    organization: Organization
    due: int = 0
    paid: int = 0
    members: int = 0

    @property
    def owed(self) -> int:
        return max(self.due - self.paid, 0)


def by_organization(user, root: Organization, year: int) -> tuple[list[Row], Row]:
    children = list(Organization.objects.get_children(root)) or [root]
    rows = {child.path: Row(child) for child in children}
    lines = (
        access.visible(user, LedgerLine.objects.all(), DuesAction.OVERSEE)
        .filter(organization__path__startswith=root.path, month__year=year)
        .values("organization__path")
        .annotate(due=Sum("due"), paid=Sum("paid"))
    )
    for line in lines:
        path = line["organization__path"]
        row = next((r for p, r in rows.items() if path.startswith(p)), None)
        if row is not None:
            row.due += line["due"] or 0
            row.paid += line["paid"] or 0
    total = Row(root)
    for row in rows.values():
        total.due += row.due
        total.paid += row.paid
    return list(rows.values()), total
