import datetime

import pytest

from tests import factories
from tests.documents.office import Office
from vanphong.core.models import Clearance, DatedRule
from vanphong.organizations.roles import Role
from vanphong.records import rule_seeds
from vanphong.records.services import files, plans


class Archive(Office):
    """The province's office (tests/documents) with an archivist, this year's file plan
    (2026, the suite's clock) of two rows, and documents in its registers."""

    def __init__(self, tree):
        super().__init__(tree)
        rule_seeds.load(DatedRule)  # transactional tests flush the data migration's rows
        p = tree.province
        self.archivist = factories.user(
            "lt", roles=[(Role.ARCHIVIST, p)], clearance=1, first_name="Long", last_name="Phạm"
        )
        self.member_user = factories.user(
            "dv", roles=[(Role.MEMBER, tree.cell_a1)], member_=tree.member_a1
        )
        self.plan = plans.create_plan(acting_user=self.clerk, organization=p, year=2026)
        self.item = plans.add_item(
            acting_user=self.clerk,
            plan=self.plan,
            code="01",
            title="Hồ sơ hướng dẫn của cấp trên",
            retention_key="ho_so_theo_doi",
            responsible=self.clerk,
        )
        self.item2 = plans.add_item(
            acting_user=self.clerk,
            plan=self.plan,
            code="02",
            title="Tập công văn",
            retention_key="cong_van",
        )

    def file(self, item=None):
        return files.open_file(acting_user=self.clerk, item=item or self.item)

    def secret_incoming(self, level=Clearance.SECRET, **overrides):
        return self.register(confidentiality=level, **overrides)


@pytest.fixture
def archive(tree):
    return Archive(tree)


D = datetime.date
