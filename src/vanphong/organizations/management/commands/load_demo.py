"""Load the demo: the organizations of the seed articles, 32 members of the Văn phòng HĐND tỉnh
party committee, and one user per role (password "vanphong"). Runs once: a second call does nothing.
"""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import transaction

from vanphong.core import services as core_services
from vanphong.core.models import User
from vanphong.organizations.models import Gender, OrgKind, PositionTitle
from vanphong.organizations.roles import Role
from vanphong.organizations.services import orgs, procedures

DEMO_PASSWORD = "vanphong"
HDND_CELLS = [
    ("Chi bộ Kinh tế - Ngân sách", 7),
    ("Chi bộ Thông tin - Tổng hợp", 7),
    ("Chi bộ Văn hóa - Xã hội", 6),
    ("Chi bộ Pháp chế", 6),
    ("Chi bộ Hành chính - Tổ chức - Quản trị", 6),
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Hà"]
MALE = ["Văn Hùng", "Đức Minh", "Quang Huy", "Văn Thắng", "Mạnh Cường", "Hữu Nghĩa", "Tiến Dũng"]
FEMALE = ["Thị Hương", "Thị Lan", "Thu Hà", "Thị Hoà", "Ngọc Anh", "Thị Thủy", "Minh Phương"]
ETHNICITIES = ["Kinh"] * 8 + ["Mường", "Dao"]


class Command(BaseCommand):
    help = "Load the VanPhong demo data (once)."

    def handle(self, *args, **options):
        from vanphong.documents.demo import load_documents

        if User.objects.filter(username="admin").exists():
            self.stdout.write("Demo data already loaded.")
        else:
            with transaction.atomic():
                self._load()
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        load_documents(self.stdout)  # once; also for a database loaded before documents existed

    def _load(self) -> None:
        rng = random.Random(2018)
        admin = User.objects.create_superuser("admin", "admin@vanphong.local", DEMO_PASSWORD)
        admin.last_name, admin.first_name = "Quản trị", "hệ thống"  # shown "Quản trị hệ thống"
        admin.save()

        def create(parent, name, code, kind, established=datetime.date(1990, 1, 1)):
            return orgs.create_organization(
                acting_user=admin,
                parent=parent,
                name=name,
                code=code,
                kind=kind,
                established_on=established,
            )

        centre = create(None, "Ban Chấp hành Trung ương", "TW", OrgKind.CENTRAL, None)
        vptw = create(centre, "Văn phòng Trung ương Đảng", "VPTW", OrgKind.OFFICE)
        create(vptw, "Chi bộ Vụ Hành chính - Cơ yếu", "CB", OrgKind.CELL)
        bloc = create(centre, "Đảng bộ Khối các cơ quan Trung ương", "ĐUK", OrgKind.BLOC)
        create(bloc, "Văn phòng Đảng ủy Khối", "VPĐUK", OrgKind.OFFICE)
        for name in (
            "Đảng bộ Cơ quan Ban Tổ chức Trung ương",
            "Đảng bộ Cơ quan Ủy ban Kiểm tra Trung ương",
        ):
            committee = create(bloc, name, "ĐU", OrgKind.GRASSROOTS)
            create(committee, "Chi bộ Văn phòng", "CB", OrgKind.CELL)
        province = create(centre, "Đảng bộ tỉnh Phú Thọ", "TU", OrgKind.PROVINCIAL)
        orgs.add_term(
            acting_user=admin,
            organization=province,
            name="2020–2025",
            starts_on=datetime.date(2020, 10, 16),
        )
        orgs.add_term(
            acting_user=admin,
            organization=province,
            name="2025–2030",
            starts_on=datetime.date(2025, 10, 1),
        )
        office = create(province, "Văn phòng Tỉnh ủy", "VPTU", OrgKind.OFFICE)
        for name in ("Phòng Tổng hợp", "Phòng Hành chính - Lưu trữ", "Phòng Quản trị - Tài chính"):
            create(office, name, "P", OrgKind.DEPARTMENT)
        hdnd = create(province, "Đảng bộ Cơ quan Văn phòng HĐND tỉnh", "ĐU", OrgKind.GRASSROOTS)
        orgs.add_term(
            acting_user=admin,
            organization=hdnd,
            name="2025–2030",
            starts_on=datetime.date(2025, 6, 20),
        )
        create(province, "Đảng bộ xã Thanh Sơn", "ĐU", OrgKind.COMMUNE, datetime.date(2025, 7, 1))

        cells, members = [], []
        serial = 0
        for cell_name, size in HDND_CELLS:
            cell = create(hdnd, cell_name, "CB", OrgKind.CELL)
            cells.append(cell)
            for i in range(size):
                serial += 1
                female = rng.random() < 0.4
                name = f"{rng.choice(FAMILY)} {rng.choice(FEMALE if female else MALE)}"
                birth = datetime.date(
                    rng.randint(1966, 1996), rng.randint(1, 12), rng.randint(1, 28)
                )
                admitted = datetime.date(
                    max(birth.year + 22, 1995), rng.randint(1, 12), rng.randint(1, 28)
                )
                if i == size - 1 and cell_name.endswith("Ngân sách"):
                    admitted = datetime.date(2025, 12, 3)  # a probationary member, due in 12/2026
                member = procedures.admit_member(
                    acting_user=admin,
                    organization=cell,
                    admitted_on=admitted,
                    full_name=name,
                    gender=Gender.FEMALE if female else Gender.MALE,
                    birth_date=birth,
                    ethnicity=rng.choice(ETHNICITIES),
                    hometown="Phú Thọ",
                    citizen_id=f"0250{serial:08d}",
                    card_number=f"250{serial:05d}",
                    education="upper_secondary",
                    professional_level=rng.choice(["bachelor", "bachelor", "master"]),
                    theory_level=rng.choice(["intermediate", "advanced", "elementary"]),
                )
                if admitted.year < 2025:
                    procedures.recognize_official(
                        acting_user=admin,
                        member=member,
                        on=admitted.replace(year=admitted.year + 1),
                    )
                if i == 0:
                    procedures.assign_position(
                        acting_user=admin,
                        member=member,
                        organization=cell,
                        title=PositionTitle.SECRETARY,
                        starts_on=datetime.date(2025, 5, 15),
                    )
                members.append(member)

        economy = cells[0]
        users = [
            ("chanhvanphong", "Nguyễn Văn", "Thành", Role.OFFICE_HEAD, province, None, 2),
            ("chuyenvien", "Trần Thị", "Mai", Role.SPECIALIST, province, None, 1),
            ("vanthu", "Lê Thị", "Hạnh", Role.CLERK, province, None, 1),
            ("luutru", "Phạm Văn", "Long", Role.ARCHIVIST, province, None, 1),
            ("ketoan", "Hoàng Thị", "Nga", Role.ACCOUNTANT, province, None, 0),
            ("bithu", "Đỗ Quang", "Vinh", Role.LEADER, province, None, 3),
            ("bithuchibo", "", "", Role.CELL_SECRETARY, economy, members[0], 0),
            ("dangvien", "", "", Role.MEMBER, economy, members[1], 0),
        ]
        # Django's last_name is the family and middle names (họ), first_name the given name (tên):
        # get_full_name() shows them in the Vietnamese order, "Hoàng Thị Nga".
        for username, family, given, role, org, member, clearance in users:
            if member is not None:
                family, given = member.full_name.rsplit(" ", 1)
            user = core_services.create_user(
                acting_user=admin,
                username=username,
                password=DEMO_PASSWORD,
                member=member,
                clearance=clearance,
                first_name=given,
                last_name=family,
                email=f"{username}@vanphong.local",
            )
            core_services.grant_role(acting_user=admin, user=user, organization=org, role=role)
        core_services.grant_role(
            acting_user=admin, user=admin, organization=centre, role=Role.ADMIN
        )
