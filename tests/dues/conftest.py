import datetime

import pytest

from tests import factories
from vanphong.dues.services import profile
from vanphong.organizations.roles import Role

D = datetime.date
LEGACY = D(2011, 1, 1)


class Cell:
    """Cell A1 of the small tree: its members, its secretary's account, the province's
    accountant, and a member's own account; the suite's clock is 25/11/2026."""

    def __init__(self, tree):
        self.tree = tree
        self.cell = tree.cell_a1
        self.member = tree.member_a1
        self.secretary = factories.user("bithuchibo", roles=[(Role.CELL_SECRETARY, self.cell)])
        self.accountant = factories.user("ketoan", roles=[(Role.ACCOUNTANT, tree.province)])
        self.member_user = factories.user("dangvien", member_=self.member)

    def category(self, member, category, starts_on=LEGACY, region=""):
        return profile.set_category(
            acting_user=self.secretary,
            member=member,
            category=category,
            starts_on=starts_on,
            region=region,
        )

    def basis(self, member, month, amount):
        return profile.set_basis(
            acting_user=self.secretary, member=member, month=month, value=amount
        )

    def salaried(self, member, amount=8_500_000, months=()):
        self.category(member, "social_insurance")
        for month in months:
            self.basis(member, month, amount)


@pytest.fixture
def cell(tree):
    return Cell(tree)
