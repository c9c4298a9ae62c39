import datetime

import pytest
from django.utils import timezone

from tests import factories
from vanphong.meetings.models import Kind
from vanphong.meetings.services import planning, session
from vanphong.organizations.roles import Role


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class Cell:
    """Cell A1 of the small tree with `size` members (the tree's own first), its secretary's
    account, a member's account, and a meeting planned for yesterday afternoon."""

    def __init__(self, tree, size=7):
        self.tree = tree
        self.members = [tree.member_a1] + [
            factories.member(tree.cell_a1, f"Đảng viên Số {n}") for n in range(1, size)
        ]
        self.secretary = factories.user(
            "bithuchibo", roles=[(Role.CELL_SECRETARY, tree.cell_a1)], member_=self.members[1]
        )
        self.member_user = factories.user("dangvien", member_=self.members[0])
        self.day = datetime.date(2026, 11, 24)  # the suite's clock: 25/11/2026 10:00

    def plan(self, kind=Kind.REGULAR, **extra):
        return planning.plan_meeting(
            acting_user=self.secretary,
            organization=self.tree.cell_a1,
            body="cell",
            kind=kind,
            starts_at=at(self.day, 14),
            place="Nhà văn hóa thôn",
            theme="Chuyển đổi số" if kind != Kind.REGULAR else "",
            **extra,
        )

    def open(self, meeting):
        return session.open_session(
            acting_user=self.secretary,
            meeting=meeting,
            chair=self.members[1],
            secretary=self.members[2],
            started_at=at(self.day, 14),
        )

    def all_present(self, meeting, overrides=None):
        marks = {m.pk: ("present", "") for m in self.members}
        marks.update(overrides or {})
        session.record_attendance(acting_user=self.secretary, meeting=meeting, marks=marks)


@pytest.fixture
def cell(tree):
    return Cell(tree)
