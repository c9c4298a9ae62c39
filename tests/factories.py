"""Factories for realistic Vietnamese organizations, members and users.

They build rows directly (fixtures, not behaviour): tests of behaviour call the services.
"""

import datetime
import itertools

from faker import Faker

from vanphong.core.models import RoleAssignment, User
from vanphong.organizations.models import Gender, Member, MemberStatus, Organization, OrgKind
from vanphong.organizations.roles import Role

fake = Faker("vi_VN")
Faker.seed(2026)
_counter = itertools.count(1)


def org(parent: Organization | None, name: str, code: str, kind: str, **extra) -> Organization:
    values = {"name": name, "code": code, "kind": kind, **extra}
    if parent is None:
        return Organization.objects.add_root(values)
    return Organization.objects.add_child(Organization.objects.get(pk=parent.pk), values)


def member(organization: Organization, full_name: str | None = None, **extra) -> Member:
    n = next(_counter)
    gender = extra.pop("gender", Gender.FEMALE if n % 2 else Gender.MALE)
    if full_name is None:
        full_name = fake.name_female() if gender == Gender.FEMALE else fake.name_male()
    values = {
        "full_name": full_name,
        "gender": gender,
        "birth_date": datetime.date(1970 + n % 30, 1 + n % 12, 1 + n % 28),
        "admitted_on": datetime.date(2005 + n % 15, 1 + n % 12, 1 + n % 28),
        "status": MemberStatus.OFFICIAL,
        "card_number": f"{n:08d}",
        "citizen_id": f"{n:012d}",
        **extra,
    }
    return Member.objects.create(organization=organization, **values)


def user(username: str, *, roles=(), member_=None, clearance=0, **extra) -> User:
    u = User.objects.create_user(
        username=username, password="vanphong", member=member_, clearance=clearance, **extra
    )
    for role, organization in roles:
        RoleAssignment.objects.create(user=u, role=role, organization=organization)
    return u


class Tree:
    """A small party tree: a province with two communes, each with two cells."""

    def __init__(self):
        self.centre = org(None, "Ban Chấp hành Trung ương", "TW", OrgKind.CENTRAL)
        self.province = org(self.centre, "Đảng bộ tỉnh Lào Cai", "TU", OrgKind.PROVINCIAL)
        self.commune_a = org(self.province, "Đảng bộ xã Bảo Thắng", "ĐU", OrgKind.COMMUNE)
        self.commune_b = org(self.province, "Đảng bộ xã Sa Pa", "ĐU", OrgKind.COMMUNE)
        self.cell_a1 = org(self.commune_a, "Chi bộ thôn Làng Mới", "CB", OrgKind.CELL)
        self.cell_a2 = org(self.commune_a, "Chi bộ thôn Phú Hà", "CB", OrgKind.CELL)
        self.cell_b1 = org(self.commune_b, "Chi bộ tổ dân phố 1", "CB", OrgKind.CELL)
        self.member_a1 = member(self.cell_a1, "Nguyễn Thị Hoà")
        self.member_a2 = member(self.cell_a2, "Trần Văn Đức")
        self.member_b1 = member(self.cell_b1, "Lê Văn Bình")


def grant(u: User, role: str, organization: Organization) -> None:
    RoleAssignment.objects.create(user=u, role=role, organization=organization)


__all__ = ["Role", "Tree", "grant", "member", "org", "user"]
