"""Load the documents benchmark's data: a national tree without members and 2,000,000 incoming
documents registered by the Centre, the provinces and the communes in 2024–2026 (COPY).

Used by bench_documents.py (`--documents`, default 2,000,000); does nothing when the database
already holds incoming documents. The registers (`core_numbersequence`) are set to the last
number loaded, so registrations during the benchmark continue them without a gap.
"""

import datetime
import random
import time
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import translation

from vanphong.core import vntext
from vanphong.core.models import Clearance, NumberSequence, RoleAssignment, User
from vanphong.documents.models import IncomingDocument
from vanphong.documents.services.incoming import incoming_key
from vanphong.organizations.models import Organization, OrgKind, branch_of
from vanphong.organizations.roles import Role
from vanphong.reports.generator.build import NationalData, Plan, apportion

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
YEARS = (2024, 2025, 2026)
COLUMNS = (
    "summary",
    "summary_folded",
    "organization_id",
    "branch",
    "year",
    "number",
    "received_at",
    "channel",
    "issuer",
    "issuer_folded",
    "original_number",
    "document_date",
    "doc_type",
    "pages",
    "urgency",
    "confidentiality",
    "status",
    "deadline",
    "direction",
    "directed_by_id",
    "directed_at",
    "result",
    "closed_at",
    "registered_by_id",
    "created_at",
)
RECEIVED = COLUMNS.index("received_at")
# (document type key, abbreviation, summary opening, share)
TYPES = (
    ("cong_van", "CV", "Công văn về việc", 30),
    ("thong_bao", "TB", "Thông báo", 12),
    ("ke_hoach", "KH", "Kế hoạch", 12),
    ("bao_cao", "BC", "Báo cáo", 10),
    ("huong_dan", "HD", "Hướng dẫn", 8),
    ("quyet_dinh", "QĐ", "Quyết định", 8),
    ("giay_moi", "GM", "Giấy mời", 8),
    ("nghi_quyet", "NQ", "Nghị quyết", 4),
    ("chi_thi", "CT", "Chỉ thị", 2),
    ("ket_luan", "KL", "Kết luận", 2),
    ("to_trinh", "TTr", "Tờ trình", 2),
    ("chuong_trinh", "CTr", "Chương trình", 2),
)
TOPICS = (
    "triển khai thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV",
    "tổ chức hội nghị sơ kết công tác xây dựng Đảng",
    "đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
    "công tác phát triển đảng viên",
    "thu, nộp và quản lý đảng phí",
    "chuẩn bị đại hội chi bộ nhiệm kỳ 2025 - 2027",
    "kiểm tra, giám sát việc thực hiện nhiệm vụ",
    "học tập, quán triệt các nghị quyết của Trung ương",
    "công tác bảo vệ chính trị nội bộ",
    "sắp xếp tổ chức bộ máy của hệ thống chính trị",
    "tăng cường công tác dân vận",
    "phòng, chống tham nhũng, lãng phí, tiêu cực",
    "công tác tuyên truyền kỷ niệm ngày thành lập Đảng",
    "tổng kết công tác văn thư, lưu trữ",
    "chuyển đổi số trong các cơ quan đảng",
    "bồi dưỡng lý luận chính trị cho đảng viên mới",
    "thực hiện quy chế dân chủ ở cơ sở",
    "công tác quốc phòng, an ninh",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "tặng Huy hiệu Đảng đợt 03/02 và 19/5",
    "rà soát, bổ sung quy hoạch cán bộ",
    "xây dựng nông thôn mới",
    "công tác thi đua, khen thưởng",
    "quản lý hồ sơ đảng viên",
)
PERIODS = ("", "năm {y}", "quý I năm {y}", "quý II năm {y}", "6 tháng đầu năm {y}", "tháng 10/{y}")
CENTRAL_ISSUERS = (
    "Văn phòng Trung ương Đảng",
    "Ban Tổ chức Trung ương",
    "Ban Tuyên giáo và Dân vận Trung ương",
    "Ủy ban Kiểm tra Trung ương",
    "Ban Nội chính Trung ương",
    "Ban Chính sách, chiến lược Trung ương",
    "Đảng ủy Chính phủ",
    "Đảng ủy Quốc hội",
)
PROVINCE_ISSUERS = (
    "{p}",
    "Văn phòng {p}",
    "Ban Tổ chức {p}",
    "Ban Tuyên giáo và Dân vận {p}",
    "Ủy ban Kiểm tra {p}",
    "Ủy ban nhân dân {n}",
    "Sở Nội vụ {n}",
    "Sở Tài chính {n}",
    "Đảng ủy Ủy ban nhân dân {n}",
)
COMMUNE_ISSUERS = ("Đảng ủy {c}", "Ủy ban nhân dân {c}", "Ủy ban Mặt trận Tổ quốc {c}")


class Generator:
    def __init__(self, seed: int, today: datetime.date):
        self.rng = random.Random(seed)
        self.today = today
        self.folded: dict[str, str] = {}
        self.type_weights = [t[3] for t in TYPES]

    def fold(self, text: str) -> str:
        folded = self.folded.get(text)
        if folded is None:
            folded = self.folded[text] = vntext.fold(text)
        return folded

    def documents(self, org, year, count, issuers, user_id):
        rng, today = self.rng, self.today
        start = datetime.datetime(year, 1, 2, 7, tzinfo=TZ)
        end = min(
            datetime.datetime(year, 12, 31, 17, tzinfo=TZ),
            datetime.datetime.combine(today, datetime.time(7), tzinfo=TZ),
        )
        span = int((end - start).total_seconds())
        offsets = sorted(rng.randrange(span) for _ in range(count))
        recent = datetime.datetime.combine(today, datetime.time(), tzinfo=TZ) - datetime.timedelta(
            days=30
        )
        for number, offset in enumerate(offsets, 1):
            received = start + datetime.timedelta(seconds=offset)
            key, abbreviation, opening, _share = rng.choices(TYPES, self.type_weights)[0]
            period = rng.choice(PERIODS).format(y=year)
            summary = f"{opening} {rng.choice(TOPICS)} {period}".strip()
            issuer = rng.choice(issuers)
            roll = rng.random()
            confidentiality = (
                Clearance.NONE
                if roll < 0.96
                else Clearance.SECRET
                if roll < 0.99
                else Clearance.TOP_SECRET
                if roll < 0.998
                else Clearance.ABSOLUTE_SECRET
            )
            roll = rng.random()
            if received < recent:
                status = "done" if roll < 0.9 else "in_progress" if roll < 0.96 else "assigned"
            else:
                status = "registered" if roll < 0.4 else "assigned" if roll < 0.7 else "in_progress"
            document_date = received.date() - datetime.timedelta(days=rng.randrange(6))
            received_s = received.isoformat(sep=" ")
            yield (
                summary,
                self.fold(summary),
                org.pk,
                branch_of(org.path),
                year,
                number,
                received_s,
                "electronic" if rng.random() < 0.7 else "paper",
                issuer,
                self.fold(issuer),
                f"{rng.randrange(1, 2000)}-{abbreviation}/{org.code}",
                document_date.isoformat(),
                key,
                rng.randrange(1, 12),
                "" if rng.random() < 0.9 else "urgent",
                int(confidentiality),
                status,
                None,
                "",
                None,
                None,
                "",
                received_s if status == "done" else None,
                user_id,
                received_s,
            )


def _line(row: tuple) -> str:
    return "\t".join("\\N" if v is None else str(v) for v in row) + "\n"


def _tree(log) -> None:
    """The national tree of bench_member_stats (34 provinces, 3,321 communes), one cell each."""
    data = NationalData(Plan(members=0), today=datetime.date.today(), log=log)
    from vanphong.reports.generator.build import TreeBuilder

    builder = TreeBuilder(root_step=data._next_root_step())
    data._build_tree(builder)
    data._load_organizations(builder.rows)


def _registers(rng: random.Random, total: int) -> list[tuple[Organization, int, list[str]]]:
    """(organization, documents over the three years, issuers) for every registering office."""
    offices: list[tuple[Organization, float, list[str]]] = []
    centre = Organization.objects.get(depth=1, kind=OrgKind.CENTRAL)
    offices.append((centre, 25_000, list(CENTRAL_ISSUERS)))
    provinces = Organization.objects.filter(kind=OrgKind.PROVINCIAL).order_by("path")
    for province in provinces:
        city = "thành phố" in province.name.lower()
        short = province.name.removeprefix("Đảng bộ ")
        for prefix in ("Thành phố ", "thành phố ", "tỉnh "):
            short = short.removeprefix(prefix)
        p = ("Thành ủy " if city else "Tỉnh ủy ") + short
        n = ("thành phố " if city else "tỉnh ") + short
        province_issuers = [i.format(p=p, n=n) for i in PROVINCE_ISSUERS]
        communes = list(province.get_children())
        offices.append(
            (province, 1_500 + 120 * len(communes), province_issuers + list(CENTRAL_ISSUERS[:3]))
        )
        for commune in communes:
            c = commune.name.removeprefix("Đảng bộ ")
            issuers = [i.format(c=c) for i in COMMUNE_ISSUERS] + province_issuers[:6]
            offices.append((commune, 150 * rng.uniform(0.4, 1.6), issuers))
    counts = apportion(total, [weight for _org, weight, _i in offices])
    return [
        (org, count, issuers) for (org, _w, issuers), count in zip(offices, counts, strict=True)
    ]


def load(total: int, log=print, seed: int = 1) -> None:
    if IncomingDocument.objects.exists():
        return
    started = time.monotonic()
    if not Organization.objects.exists():
        _tree(log)
        log(f"{Organization.objects.count():,} organizations in {time.monotonic() - started:.0f} s")
    loader, _created = User.objects.get_or_create(
        username="docbench_loader", defaults={"last_name": "Văn thư", "first_name": "nạp"}
    )
    rng = random.Random(seed)
    generator = Generator(seed, datetime.date.today())
    registers = _registers(rng, total)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i"
            " WHERE i.tablename = 'documents_incomingdocument' AND NOT EXISTS ("
            "  SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    # Rows go in by day of receipt, as a real register fills: the documents of one organization
    # lie scattered over the whole table, not side by side.
    done, sequences, days = 0, [], {}
    with translation.override("vi"):
        for org, count, issuers in registers:
            per_year = apportion(count, [1.0, 1.05, 0.95])
            for year, n in zip(YEARS, per_year, strict=True):
                if not n:
                    continue
                for row in generator.documents(org, year, n, issuers, loader.pk):
                    days.setdefault(row[RECEIVED][:10], []).append(_line(row))
                key, label = incoming_key(year)
                sequences.append(
                    NumberSequence(organization=org, key=key, label=label, last_number=n)
                )
                done += n
    log(f"{done:,} documents generated in {time.monotonic() - started:.0f} s")
    sql = f"COPY documents_incomingdocument ({', '.join(COLUMNS)}) FROM STDIN"
    buffer: list[str] = []
    copied = 0
    for day in sorted(days):
        buffer.extend(days.pop(day))
        if len(buffer) >= 50_000 or not days:
            with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
                copy.write("".join(buffer))
            copied += len(buffer)
            buffer.clear()
            log(f"{copied:,} / {done:,} documents copied")
    NumberSequence.objects.bulk_create(sequences, batch_size=5_000)
    with connection.cursor() as cursor:  # the directory of issuers, as registration keeps it
        cursor.execute(
            "INSERT INTO documents_issuer (name, folded) SELECT min(issuer), issuer_folded"
            " FROM documents_incomingdocument GROUP BY issuer_folded ON CONFLICT DO NOTHING"
        )
    log(f"{done:,} documents copied in {time.monotonic() - started:.0f} s; building indexes")
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
    log(f"loaded in {time.monotonic() - started:.0f} s")


def clerk(username: str, org: Organization, clearance: int = Clearance.NONE) -> User:
    """A clerk (văn thư) holding the clerk role at `org`."""
    with transaction.atomic():
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={"last_name": "Văn thư", "first_name": username, "clearance": clearance},
        )
        RoleAssignment.objects.get_or_create(user=user, organization=org, role=Role.CLERK)
    return user
