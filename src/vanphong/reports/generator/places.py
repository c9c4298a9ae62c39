"""The 34 provinces and cities after the 2025 merger, the committees directly under the Centre,
and Vietnamese-sounding names for communes, wards and cells."""

import random
from dataclasses import dataclass

from vanphong.organizations.models import OrgKind


@dataclass(frozen=True)
class Province:
    name: str
    is_city: bool
    cccd_code: str  # first three digits of a citizen ID issued there
    weight: float  # population, millions (after the merger, rounded)
    special_zones: tuple[str, ...] = ()


PROVINCES = [
    Province("Hà Nội", True, "001", 8.7),
    Province("Thành phố Hồ Chí Minh", True, "079", 14.0, ("Côn Đảo",)),
    Province("Hải Phòng", True, "031", 4.7, ("Cát Hải", "Bạch Long Vĩ")),
    Province("Đà Nẵng", True, "048", 3.1, ("Hoàng Sa",)),
    Province("Cần Thơ", True, "092", 4.2),
    Province("Huế", True, "046", 1.4),
    Province("Lào Cai", False, "010", 1.8),
    Province("Phú Thọ", False, "025", 4.0),
    Province("Thanh Hóa", False, "038", 3.8),
    Province("Nghệ An", False, "040", 3.5),
    Province("Hà Tĩnh", False, "042", 1.3),
    Province("Quảng Ninh", False, "022", 1.4, ("Vân Đồn", "Cô Tô")),
    Province("Lạng Sơn", False, "020", 0.8),
    Province("Cao Bằng", False, "004", 0.5),
    Province("Lai Châu", False, "012", 0.5),
    Province("Điện Biên", False, "011", 0.6),
    Province("Sơn La", False, "014", 1.3),
    Province("Tuyên Quang", False, "008", 1.9),
    Province("Thái Nguyên", False, "019", 1.8),
    Province("Bắc Ninh", False, "027", 3.6),
    Province("Hưng Yên", False, "033", 3.6),
    Province("Ninh Bình", False, "037", 4.4),
    Province("Quảng Trị", False, "045", 1.9, ("Cồn Cỏ",)),
    Province("Quảng Ngãi", False, "051", 1.9, ("Lý Sơn",)),
    Province("Gia Lai", False, "064", 3.6),
    Province("Khánh Hòa", False, "056", 2.3, ("Trường Sa",)),
    Province("Lâm Đồng", False, "068", 3.9, ("Phú Quý",)),
    Province("Đắk Lắk", False, "066", 3.3),
    Province("Đồng Nai", False, "075", 4.5),
    Province("Tây Ninh", False, "072", 3.3),
    Province("Vĩnh Long", False, "086", 4.3),
    Province("Đồng Tháp", False, "087", 4.4),
    Province("Cà Mau", False, "096", 2.6),
    Province("An Giang", False, "089", 4.9, ("Phú Quốc", "Thổ Chu", "Kiên Hải")),
]

# Committees directly under the Centre: (name, code, kind, share of all members in %).
CENTRAL_COMMITTEES = [
    ("Đảng bộ các cơ quan Đảng Trung ương", "ĐU", OrgKind.BLOC, 0.4),
    ("Đảng bộ Chính phủ", "ĐU", OrgKind.BLOC, 1.2),
    ("Đảng bộ Quốc hội", "ĐU", OrgKind.BLOC, 0.1),
    ("Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương", "ĐU", OrgKind.BLOC, 0.1),
    ("Đảng bộ Quân đội", "QUTW", OrgKind.DIRECT_UNDER_CENTRE, 4.0),
    ("Đảng bộ Công an Trung ương", "ĐUCA", OrgKind.DIRECT_UNDER_CENTRE, 2.5),
]

_PLACE_WORDS = [
    "An",
    "Bình",
    "Cẩm",
    "Châu",
    "Đông",
    "Đức",
    "Hải",
    "Hiệp",
    "Hòa",
    "Hưng",
    "Khánh",
    "Kim",
    "Lạc",
    "Lâm",
    "Long",
    "Lộc",
    "Minh",
    "Mỹ",
    "Nam",
    "Nghĩa",
    "Ngọc",
    "Phong",
    "Phú",
    "Phúc",
    "Phước",
    "Quang",
    "Sơn",
    "Tân",
    "Thạch",
    "Thái",
    "Thanh",
    "Thạnh",
    "Thành",
    "Thịnh",
    "Thuận",
    "Thượng",
    "Tiến",
    "Trung",
    "Trường",
    "Vĩnh",
    "Xuân",
    "Yên",
]
_HAMLET_WORDS = [
    "Làng",
    "Mới",
    "Bản",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Thượng",
    "Hạ",
    "Cầu",
    "Đồng",
    "Bãi",
    "Gò",
    "Rạch",
]
_WORKPLACES = [
    "Trường Tiểu học {}",
    "Trường Trung học cơ sở {}",
    "Trạm Y tế {}",
    "Công an {}",
    "Quân sự {}",
    "Cơ quan Ủy ban nhân dân {}",
]
_DEPARTMENTS = ["Văn phòng", "Vụ Tổng hợp", "Vụ Tổ chức cán bộ", "Vụ Kế hoạch - Tài chính"]

# Share of the 3,321 units: 2,621 communes, 687 wards (special zones are listed above).
WARD_SHARE = 687 / 3321


def place_names(rng: random.Random, count: int) -> list[str]:
    """`count` distinct two-word place names (repeats get a number once the words run out)."""
    pairs = [f"{a} {b}" for a in _PLACE_WORDS for b in _PLACE_WORDS if a != b]
    rng.shuffle(pairs)
    return [
        pairs[i % len(pairs)] + ("" if i < len(pairs) else f" {i // len(pairs) + 1}")
        for i in range(count)
    ]


def cell_name(rng: random.Random, commune_kind: str, commune_place: str, index: int) -> str:
    """A cell of a commune (hamlet), a ward (residential group) or a workplace."""
    if index % 7 == 6:
        return "Chi bộ " + _WORKPLACES[(index // 7) % len(_WORKPLACES)].format(commune_place)
    if commune_kind == "ward":
        return f"Chi bộ Tổ dân phố số {index + 1}"
    return f"Chi bộ thôn {rng.choice(_HAMLET_WORDS)} {index + 1}"


def department_name(index: int) -> str:
    return f"Chi bộ {_DEPARTMENTS[index % len(_DEPARTMENTS)]} {index // len(_DEPARTMENTS) + 1}"
