"""Realistic Vietnamese people: names, birth and admission dates, ethnicity, levels."""

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass

from vanphong.organizations.models import (
    Education,
    Gender,
    MemberStatus,
    ProfessionalLevel,
    TheoryLevel,
)

# Family names and their approximate share of the population.
FAMILY_NAMES = {
    "Nguyễn": 38.0,
    "Trần": 11.0,
    "Lê": 9.5,
    "Phạm": 7.1,
    "Hoàng": 3.1,
    "Huỳnh": 2.0,
    "Phan": 4.5,
    "Vũ": 2.9,
    "Võ": 1.0,
    "Đặng": 2.1,
    "Bùi": 2.0,
    "Đỗ": 1.4,
    "Hồ": 1.3,
    "Ngô": 1.3,
    "Dương": 1.0,
    "Lý": 0.5,
    "Đinh": 0.8,
    "Trịnh": 0.6,
    "Mai": 0.5,
    "Hà": 0.6,
    "Lương": 0.4,
    "Lò": 0.3,
    "Hứa": 0.2,
    "Triệu": 0.3,
}
MIDDLE_NAMES = {
    Gender.MALE: ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Đình"],
    Gender.FEMALE: ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Phương", "Hồng"],
}
GIVEN_NAMES = {
    Gender.MALE: [
        "Anh",
        "Bình",
        "Cường",
        "Dũng",
        "Duy",
        "Đạt",
        "Định",
        "Đông",
        "Hải",
        "Hiếu",
        "Hòa",
        "Hùng",
        "Huy",
        "Khang",
        "Khánh",
        "Khoa",
        "Kiên",
        "Lâm",
        "Long",
        "Lực",
        "Mạnh",
        "Minh",
        "Nam",
        "Nghĩa",
        "Phong",
        "Phúc",
        "Quân",
        "Quang",
        "Sơn",
        "Tài",
        "Tâm",
        "Thành",
        "Thắng",
        "Thịnh",
        "Tiến",
        "Toàn",
        "Trung",
        "Tuấn",
        "Tùng",
        "Việt",
        "Vinh",
    ],
    Gender.FEMALE: [
        "An",
        "Anh",
        "Chi",
        "Dung",
        "Duyên",
        "Giang",
        "Hà",
        "Hạnh",
        "Hằng",
        "Hiền",
        "Hoa",
        "Hòa",
        "Hồng",
        "Huệ",
        "Hương",
        "Lan",
        "Liên",
        "Linh",
        "Loan",
        "Mai",
        "My",
        "Nga",
        "Ngân",
        "Nhung",
        "Oanh",
        "Phương",
        "Quyên",
        "Quỳnh",
        "Tâm",
        "Thảo",
        "Thu",
        "Thủy",
        "Trang",
        "Trinh",
        "Tuyết",
        "Uyên",
        "Vân",
        "Xuân",
        "Yến",
    ],
}
# Ethnic groups and their approximate share among party members.
ETHNICITIES = {
    "Kinh": 85.0,
    "Tày": 2.2,
    "Thái": 2.0,
    "Mường": 1.7,
    "Khmer": 1.3,
    "H'Mông": 1.0,
    "Nùng": 1.3,
    "Hoa": 0.5,
    "Dao": 0.9,
    "Gia Rai": 0.5,
    "Ê Đê": 0.5,
    "Ba Na": 0.3,
    "Sán Chay": 0.3,
    "Chăm": 0.3,
    "Cơ Ho": 0.2,
    "Xơ Đăng": 0.2,
    "Sán Dìu": 0.3,
    "Hrê": 0.2,
    "Ra Glai": 0.1,
    "Mnông": 0.1,
}
RELIGIONS = {"": 88.0, "Phật giáo": 6.0, "Công giáo": 4.0, "Cao Đài": 1.0, "Tin Lành": 1.0}
EDUCATION = {
    Education.UPPER_SECONDARY: 86.0,
    Education.LOWER_SECONDARY: 11.0,
    Education.PRIMARY: 3.0,
}
PROFESSIONAL = {
    ProfessionalLevel.NONE: 22.0,
    ProfessionalLevel.VOCATIONAL: 10.0,
    ProfessionalLevel.COLLEGE: 8.0,
    ProfessionalLevel.BACHELOR: 48.0,
    ProfessionalLevel.MASTER: 10.0,
    ProfessionalLevel.DOCTOR: 2.0,
}
THEORY = {
    TheoryLevel.NONE: 28.0,
    TheoryLevel.ELEMENTARY: 42.0,
    TheoryLevel.INTERMEDIATE: 22.0,
    TheoryLevel.ADVANCED: 7.0,
    TheoryLevel.SENIOR: 1.0,
}
# ~2% probationary; a few former members stay on the rolls with their final status.
STATUSES = {
    MemberStatus.OFFICIAL: 97.4,
    MemberStatus.PROBATIONARY: 2.0,
    MemberStatus.DECEASED: 0.3,
    MemberStatus.TRANSFERRED_OUT: 0.2,
    MemberStatus.REMOVED: 0.1,
}
# Age today (years) bands of the membership and their weights.
AGE_BANDS = [((18, 30), 14.0), ((30, 46), 36.0), ((46, 61), 30.0), ((61, 96), 20.0)]


@dataclass(frozen=True)
class Person:
    full_name: str
    gender: str
    birth_date: datetime.date
    ethnicity: str
    religion: str
    admitted_on: datetime.date
    official_on: datetime.date | None
    status: str
    status_changed_on: datetime.date | None
    education: str
    professional_level: str
    theory_level: str
    phone: str


class _Weighted:
    """A weighted choice with precomputed cumulative weights: it runs tens of millions of times,
    and `random.choices` costs three times as much per call."""

    def __init__(self, weights: dict):
        self.values = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random):
        return self.values[bisect.bisect(self.cumulative, rng.random() * self.total)]


class PersonFactory:
    def __init__(self, rng: random.Random, today: datetime.date):
        self.rng = rng
        self.today = today
        self.family = _Weighted(FAMILY_NAMES)
        self.ethnicity = _Weighted(ETHNICITIES)
        self.religion = _Weighted(RELIGIONS)
        self.education = _Weighted(EDUCATION)
        self.professional = _Weighted(PROFESSIONAL)
        self.theory = _Weighted(THEORY)
        self.status = _Weighted(STATUSES)
        self.age_band = _Weighted(dict(AGE_BANDS))

    def name(self, gender: str) -> str:
        rng = self.rng
        middle = rng.choice(MIDDLE_NAMES[gender])
        if gender == Gender.FEMALE and rng.random() < 0.15:
            middle = f"{middle} {rng.choice(GIVEN_NAMES[gender])}"
        return f"{self.family.pick(rng)} {middle} {rng.choice(GIVEN_NAMES[gender])}"

    def person(self) -> Person:
        rng, today = self.rng, self.today
        gender = Gender.FEMALE if rng.random() < 0.34 else Gender.MALE
        status = self.status.pick(rng)
        low, high = self.age_band.pick(rng)
        if status == MemberStatus.PROBATIONARY:
            low, high = 19, 40
        birth_date = today - datetime.timedelta(days=rng.randint(low * 365 + 1, high * 365 - 1))
        age_days = (today - birth_date).days
        # Admitted between 18 and 40, at least a year ago unless still on probation.
        earliest = birth_date + datetime.timedelta(days=18 * 366)
        if status == MemberStatus.PROBATIONARY:
            admitted_on = today - datetime.timedelta(days=rng.randint(1, 364))
        else:
            span = min(age_days - 18 * 366 - 366, 22 * 365)
            admitted_on = earliest + datetime.timedelta(days=rng.randint(0, max(span, 0)))
        official_on = None
        if status != MemberStatus.PROBATIONARY:
            official_on = admitted_on + datetime.timedelta(days=365)
        changed_on = None
        if status in (MemberStatus.DECEASED, MemberStatus.TRANSFERRED_OUT, MemberStatus.REMOVED):
            changed_on = today - datetime.timedelta(days=rng.randint(1, 700))
        ethnicity = self.ethnicity.pick(rng)
        return Person(
            full_name=self.name(gender),
            gender=gender,
            birth_date=birth_date,
            ethnicity=ethnicity,
            religion=self.religion.pick(rng),
            admitted_on=admitted_on,
            official_on=official_on,
            status=status,
            status_changed_on=changed_on,
            education=self.education.pick(rng),
            professional_level=self.professional.pick(rng),
            theory_level=self.theory.pick(rng),
            phone=f"09{rng.randrange(10**8):08d}",
        )
