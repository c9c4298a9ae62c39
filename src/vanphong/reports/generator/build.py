"""Build the national tree and its members, and load them in batches."""

import contextlib
import datetime
import itertools
import math
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext as _

from vanphong.core import vntext
from vanphong.organizations.models import Member, Organization, OrgKind
from vanphong.reports.generator import places
from vanphong.reports.generator.people import Person, PersonFactory

MEMBER_COLUMNS = (
    "full_name",
    "name_folded",
    "name_sort",
    "gender",
    "birth_date",
    "ethnicity",
    "religion",
    "hometown",
    "citizen_id",
    "card_number",
    "admitted_on",
    "official_on",
    "status",
    "status_changed_on",
    "education",
    "professional_level",
    "theory_level",
    "organization_id",
    "phone",
)
# Grassroots committees under each committee directly under the Centre, per 1,000 communes.
CENTRAL_UNITS_PER_1000_COMMUNES = 4
BULK_INDEX_THRESHOLD = 100_000  # members; below it, dropping indexes costs more
MAX_RUNS = 9  # the run number is one digit of the generated citizen IDs


@contextlib.contextmanager
def _secondary_indexes_dropped(wanted: bool, log: Callable[[str], None]):
    """On PostgreSQL, drop the member table's plain indexes during a big load and build them again
    afterwards: one sorted build is far faster than millions of random inserts into eight B-trees
    larger than the buffer cache. Unique constraints stay, so duplicates are still refused."""
    if not (wanted and connection.vendor == "postgresql"):
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i"
            " WHERE i.tablename = 'organizations_member' AND NOT EXISTS ("
            "  SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        started = time.monotonic()
        with connection.cursor() as cursor:
            for _name, definition in indexes:
                cursor.execute(definition)
        log(
            _("%(count)s indexes rebuilt in %(seconds).1f s.")
            % {"count": len(indexes), "seconds": time.monotonic() - started}
        )


def _copy_line(row: tuple) -> str:
    """One row in COPY's text format. Generated values hold no tab, newline or backslash, so
    nothing needs escaping; this is several times faster than `copy.write_row`."""
    return "\t".join("\\N" if v is None else str(v) for v in row) + "\n"


@dataclass(frozen=True)
class Plan:
    provinces: int = 34
    communes: int = 3321
    members: int = 5_600_000
    members_per_cell: int = 19
    seed: int = 1
    batch: int = 20_000

    def scaled(self, scale: float) -> "Plan":
        return Plan(
            provinces=self.provinces,
            communes=max(self.provinces, round(self.communes * scale)),
            members=max(1, round(self.members * scale)),
            members_per_cell=self.members_per_cell,
            seed=self.seed,
            batch=self.batch,
        )


@dataclass
class Unit:
    """A commune-level or grassroots committee with the members it will hold."""

    org: Organization
    kind: str  # "commune", "ward", "zone" or "grassroots"
    place: str
    province: places.Province
    members: int = 0
    cells: list[tuple[Organization, int]] = field(default_factory=list)


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split `total` into integers proportional to `weights` (largest remainder)."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [math.floor(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: shares[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class TreeBuilder:
    """Organizations with their treebeard `path`, `depth` and `numchild` computed in memory."""

    def __init__(self, root_step: int):
        self.rows: list[Organization] = []
        self.root_step = root_step

    def add(self, parent: Organization | None, name: str, code: str, kind: str) -> Organization:
        if parent is None:
            path = Organization._get_path(None, 1, self.root_step)
        else:
            parent.numchild += 1
            path = Organization._get_path(parent.path, parent.depth + 1, parent.numchild)
        name = vntext.canonical(name)
        org = Organization(
            name=name,
            name_folded=vntext.fold(name),
            code=code,
            kind=kind,
            path=path,
            depth=1 if parent is None else parent.depth + 1,
            numchild=0,
        )
        self.rows.append(org)
        return org


class NationalData:
    def __init__(self, plan: Plan, *, today: datetime.date, log: Callable[[str], None]):
        if plan.communes < plan.provinces or not 1 <= plan.provinces <= len(places.PROVINCES):
            raise ValueError("provinces must be 1–34 and communes at least the provinces")
        self.plan = plan
        self.today = today
        self.log = log
        self.rng = random.Random(plan.seed)  # noqa: S311 — repeatable synthetic data

    def run(self) -> dict[str, int]:
        run_number = Organization.objects.get_root_nodes().count()
        if run_number > MAX_RUNS:
            raise ValueError("too many generated trees in this database")
        started = time.monotonic()
        builder = TreeBuilder(root_step=self._next_root_step())
        units = self._build_tree(builder)
        self._load_organizations(builder.rows)
        self.log(
            _("%(count)s organizations loaded in %(seconds).1f s.")
            % {"count": f"{len(builder.rows):,}", "seconds": time.monotonic() - started}
        )
        members = self._load_members(units, run_number)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE organizations_organization")
                cursor.execute("ANALYZE organizations_member")
        return {"organizations": len(builder.rows), "members": members}

    def _next_root_step(self) -> int:
        last = Organization.objects.get_last_root_node()
        return 1 if last is None else Organization._str2int(last.path[: Organization.steplen]) + 1

    def _build_tree(self, builder: TreeBuilder) -> list[Unit]:
        plan, rng = self.plan, self.rng
        centre = builder.add(None, "Ban Chấp hành Trung ương Đảng", "TW", OrgKind.CENTRAL)
        provinces = places.PROVINCES[: plan.provinces]
        central_share = sum(c[3] for c in places.CENTRAL_COMMITTEES) / 100
        central_members = round(plan.members * central_share)
        province_members = apportion(plan.members - central_members, [p.weight for p in provinces])
        # Big provinces have more communes, but not in proportion to their population.
        communes = apportion(plan.communes - len(provinces), [p.weight**0.5 for p in provinces])
        units: list[Unit] = []
        for province, extra, members in zip(provinces, communes, province_members, strict=True):
            units += self._province(builder, centre, province, extra + 1, members)
        central_counts = apportion(central_members, [c[3] for c in places.CENTRAL_COMMITTEES])
        per_committee = max(1, round(plan.communes * CENTRAL_UNITS_PER_1000_COMMUNES / 1000))
        for (name, code, kind, _share), members in zip(
            places.CENTRAL_COMMITTEES, central_counts, strict=True
        ):
            committee = builder.add(centre, name, code, kind)
            counts = apportion(members, [rng.uniform(0.5, 1.5) for _ in range(per_committee)])
            for i, count in enumerate(counts):
                org = builder.add(
                    committee, f"Đảng bộ cơ sở {i + 1} - {name}", "ĐU", OrgKind.GRASSROOTS
                )
                units.append(Unit(org, "grassroots", name, rng.choice(provinces), count))
        for unit in units:
            self._cells(builder, unit)
        return units

    def _province(self, builder, centre, province, count, members) -> list[Unit]:
        rng = self.rng
        prefix = "Đảng bộ thành phố" if province.is_city else "Đảng bộ tỉnh"
        if province.name.startswith("Thành phố"):
            prefix = "Đảng bộ"
        org = builder.add(centre, f"{prefix} {province.name}", "TU", OrgKind.PROVINCIAL)
        names = places.place_names(rng, count)
        zones = list(province.special_zones[: max(0, count - 1)])
        wards = round((count - len(zones)) * places.WARD_SHARE)
        kinds = ["zone"] * len(zones) + ["ward"] * wards
        kinds += ["commune"] * (count - len(kinds))
        counts = apportion(members, [rng.uniform(0.4, 1.6) for _ in range(count)])
        units = []
        for i, (kind, unit_members) in enumerate(zip(kinds, counts, strict=True)):
            place = zones[i] if kind == "zone" else names[i]
            title = {"zone": "đặc khu", "ward": "phường", "commune": "xã"}[kind]
            unit = builder.add(org, f"Đảng bộ {title} {place}", "ĐU", OrgKind.COMMUNE)
            units.append(Unit(unit, kind, place, province, unit_members))
        return units

    def _cells(self, builder: TreeBuilder, unit: Unit) -> None:
        rng = self.rng
        count = max(1, round(unit.members / self.plan.members_per_cell))
        sizes = apportion(unit.members, [rng.uniform(0.3, 1.7) for _ in range(count)])
        for i, size in enumerate(sizes):
            if unit.kind == "grassroots":
                name = places.department_name(i)
            else:
                name = places.cell_name(rng, unit.kind, unit.place, i)
            unit.cells.append((builder.add(unit.org, name, "CB", OrgKind.CELL), size))

    def _load_organizations(self, rows: list[Organization]) -> None:
        for start in range(0, len(rows), self.plan.batch):
            Organization.objects.bulk_create(rows[start : start + self.plan.batch])
        ids = dict(
            Organization.objects.filter(path__startswith=rows[0].path).values_list("path", "id")
        )
        for org in rows:
            org.pk = org.id = ids[org.path]

    def _member_rows(self, units: list[Unit], run_number: int) -> Iterator[tuple]:
        factory = PersonFactory(self.rng, self.today)
        names: dict[str, tuple[str, str]] = {}
        serials: Counter = Counter()
        card_numbers = itertools.count(1)
        for unit in units:
            for cell, size in unit.cells:
                for _position in range(size):
                    person = factory.person()
                    folded = names.get(person.full_name)
                    if folded is None:
                        folded = names[person.full_name] = (
                            vntext.fold(person.full_name),
                            vntext.person_sort_key(person.full_name),
                        )
                    citizen_id = self._citizen_id(person, unit.province, run_number, serials)
                    yield (
                        person.full_name,
                        *folded,
                        person.gender,
                        person.birth_date,
                        person.ethnicity,
                        person.religion,
                        unit.province.name,
                        citizen_id,
                        f"{run_number:02d}{next(card_numbers):09d}",
                        person.admitted_on,
                        person.official_on,
                        person.status,
                        person.status_changed_on,
                        person.education,
                        person.professional_level,
                        person.theory_level,
                        cell.pk,
                        person.phone,
                    )

    @staticmethod
    def _citizen_id(person: Person, province, run_number: int, serials: Counter) -> str:
        """Province code, century-and-gender digit, birth year, then a serial (12 digits)."""
        century = 0 if person.birth_date.year < 2000 else 2
        digit = century + (1 if person.gender == "female" else 0)
        key = (province.cccd_code, digit, person.birth_date.year % 100)
        serials[key] += 1
        serial = run_number * 100_000 + serials[key]
        return f"{key[0]}{digit}{key[2]:02d}{serial:06d}"

    def _load_members(self, units: list[Unit], run_number: int) -> int:
        total = sum(unit.members for unit in units)
        rows = self._member_rows(units, run_number)
        started, done = time.monotonic(), 0
        with _secondary_indexes_dropped(total >= BULK_INDEX_THRESHOLD, self.log):
            while batch := list(itertools.islice(rows, self.plan.batch)):
                self._insert_members(batch)
                done += len(batch)
                rate = done / max(time.monotonic() - started, 1e-6)
                self.log(
                    _("%(done)s / %(total)s members, %(rate)s rows/s")
                    % {"done": f"{done:,}", "total": f"{total:,}", "rate": f"{rate:,.0f}"}
                )
        return done

    @staticmethod
    def _insert_members(batch: list[tuple]) -> None:
        if connection.vendor == "postgresql":
            sql = f"COPY organizations_member ({', '.join(MEMBER_COLUMNS)}) FROM STDIN"
            with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
                copy.write("".join(map(_copy_line, batch)))
            return
        Member.objects.bulk_create(
            [Member(**dict(zip(MEMBER_COLUMNS, row, strict=True))) for row in batch]
        )
