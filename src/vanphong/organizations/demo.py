"""The organizations' demo: the organizations of the seed articles, 32 members of the Văn phòng
HĐND tỉnh party committee, the 6 members of the Central Office's Chi bộ Vụ Hành chính - Cơ yếu
(seed 000), their committee terms up to the reference day, and one user per role
(password "vanphong"). Registered with `vanphong.core.demo`; runs once.
"""

import datetime
import random

from django.db import transaction

from vanphong.core import services as core_services
from vanphong.core.models import User
from vanphong.organizations.models import Gender, OrgKind, PositionTitle
from vanphong.organizations.roles import Role
from vanphong.organizations.services import orgs, procedures

DEMO_PASSWORD = "vanphong"  # noqa: S105 — the demo's published password (README)
SEED = 2018
TERM_YEARS = 5
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


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier (28 February for a 29 February without its year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def next_terms(first: datetime.date, as_of: datetime.date) -> list[tuple[str, datetime.date]]:
    """Five-year committee terms from the one opening on `first`, each that has opened by
    `as_of`: after the 2025–2030 term the demo goes on with 2030–2035, dated alike."""
    terms, start = [], first
    while start <= as_of:
        terms.append((f"{start.year}–{start.year + TERM_YEARS}", start))
        start = start.replace(year=start.year + TERM_YEARS)
    return terms


def load(*, as_of: datetime.date, out=None) -> None:
    if User.objects.filter(username="admin").exists():
        _say(out, "Demo organizations already loaded.")
        return
    with transaction.atomic():
        _load(as_of)
    _say(out, "Demo organizations loaded.")


def _say(out, text: str) -> None:
    if out is not None:
        out.write(text)


def _load(as_of: datetime.date) -> None:
    rng = random.Random(SEED)  # noqa: S311 — a repeatable demo, not a secret
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
    central_cell = create(vptw, "Chi bộ Vụ Hành chính - Cơ yếu", "CB", OrgKind.CELL)
    bloc = create(centre, "Đảng bộ Khối các cơ quan Trung ương", "ĐUK", OrgKind.BLOC)
    create(bloc, "Văn phòng Đảng ủy Khối", "VPĐUK", OrgKind.OFFICE)
    for name in (
        "Đảng bộ Cơ quan Ban Tổ chức Trung ương",
        "Đảng bộ Cơ quan Ủy ban Kiểm tra Trung ương",
    ):
        committee = create(bloc, name, "ĐU", OrgKind.GRASSROOTS)
        create(committee, "Chi bộ Văn phòng", "CB", OrgKind.CELL)
    province = create(centre, "Đảng bộ tỉnh Phú Thọ", "TU", OrgKind.PROVINCIAL)
    terms = [("2020–2025", datetime.date(2020, 10, 16))]
    for name, starts_on in terms + next_terms(datetime.date(2025, 10, 1), as_of):
        orgs.add_term(acting_user=admin, organization=province, name=name, starts_on=starts_on)
    office = create(province, "Văn phòng Tỉnh ủy", "VPTU", OrgKind.OFFICE)
    for name in ("Phòng Tổng hợp", "Phòng Hành chính - Lưu trữ", "Phòng Quản trị - Tài chính"):
        create(office, name, "P", OrgKind.DEPARTMENT)
    hdnd = create(province, "Đảng bộ Cơ quan Văn phòng HĐND tỉnh", "ĐU", OrgKind.GRASSROOTS)
    for name, starts_on in next_terms(datetime.date(2025, 6, 20), as_of):
        orgs.add_term(acting_user=admin, organization=hdnd, name=name, starts_on=starts_on)
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
            birth = datetime.date(rng.randint(1966, 1996), rng.randint(1, 12), rng.randint(1, 28))
            admitted = datetime.date(
                max(birth.year + 22, 1995), rng.randint(1, 12), rng.randint(1, 28)
            )
            probationary = i == size - 1 and cell_name.endswith("Ngân sách")
            if probationary:  # admitted a year ago less two weeks: due for recognition soon
                admitted = years_before(as_of, 1) + datetime.timedelta(days=14)
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
            if not probationary:
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
    # The province's secretary (bithu) is a party member with the secretary's position in the
    # term: what they sign carries "T/M BAN THƯỜNG VỤ / BÍ THƯ" (documents/signature_block.py).
    # Made without the random generator, so the other members stay as they were.
    secretary = procedures.admit_member(
        acting_user=admin,
        organization=cells[-1],
        admitted_on=datetime.date(1996, 5, 19),
        full_name="Đỗ Quang Vinh",
        gender=Gender.MALE,
        birth_date=datetime.date(1970, 3, 8),
        hometown="Phú Thọ",
        citizen_id="025000000999",
        card_number="25000999",
        education="upper_secondary",
        professional_level="master",
        theory_level="advanced",
    )
    procedures.recognize_official(
        acting_user=admin, member=secretary, on=datetime.date(1997, 5, 19)
    )
    procedures.assign_position(
        acting_user=admin,
        member=secretary,
        organization=province,
        title=PositionTitle.SECRETARY,
        starts_on=datetime.date(2025, 10, 1),
    )
    users = [
        ("chanhvanphong", "Nguyễn Văn", "Thành", Role.OFFICE_HEAD, province, None, 2),
        ("chuyenvien", "Trần Thị", "Mai", Role.SPECIALIST, province, None, 1),
        ("vanthu", "Lê Thị", "Hạnh", Role.CLERK, province, None, 2),
        ("luutru", "Phạm Văn", "Long", Role.ARCHIVIST, province, None, 1),
        ("ketoan", "Hoàng Thị", "Nga", Role.ACCOUNTANT, province, None, 0),
        ("bithu", "Đỗ Quang", "Vinh", Role.LEADER, province, secretary, 3),
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
    core_services.grant_role(acting_user=admin, user=admin, organization=centre, role=Role.ADMIN)
    _central_cell_members(admin, central_cell)


# Seed 000: the cell of the Central Office's administration and cipher department, as it met in
# November 2018 (its secretary, its deputy secretary who heads the department, and a deputy head
# of the Central Office who attends this cell), with members of its party groups beside them.
CENTRAL_CELL = [
    ("Lê Phạm Mạnh Hà", Gender.MALE, 1972, 1998, PositionTitle.SECRETARY),
    ("Lý Hồng Quang", Gender.MALE, 1968, 1994, PositionTitle.DEPUTY_SECRETARY),
    ("Trần Việt Hùng", Gender.MALE, 1966, 1990, None),
    ("Nguyễn Thị Thanh Hương", Gender.FEMALE, 1980, 2006, None),
    ("Phạm Quốc Khánh", Gender.MALE, 1983, 2010, None),
    ("Đào Thị Minh Ngọc", Gender.FEMALE, 1986, 2012, None),
]


def _central_cell_members(admin, cell) -> None:
    for serial, (name, gender, born, admitted, title) in enumerate(CENTRAL_CELL, start=1):
        admitted_on = datetime.date(admitted, 5, 19)
        member = procedures.admit_member(
            acting_user=admin,
            organization=cell,
            admitted_on=admitted_on,
            full_name=name,
            gender=gender,
            birth_date=datetime.date(born, 9, 2),
            hometown="Hà Nội",
            citizen_id=f"0010{serial:08d}",
            card_number=f"010{serial:05d}",
            education="upper_secondary",
            professional_level="master",
            theory_level="advanced",
        )
        procedures.recognize_official(
            acting_user=admin, member=member, on=admitted_on.replace(year=admitted + 1)
        )
        if title is not None:
            procedures.assign_position(
                acting_user=admin,
                member=member,
                organization=cell,
                title=title,
                starts_on=datetime.date(2017, 6, 1),
            )
