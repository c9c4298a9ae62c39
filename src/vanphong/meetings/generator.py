"""The meetings part of the national data generator (`manage.py generate_national_data`): for every
active cell, its monthly meeting plan and a year of cell meetings (the twelve months up to the
current one), with thematic ones, and each meeting's attendance rows.

- Each cell meets once a month on its plan's day; about 3 % of the cell-months have no meeting
  (what the overseeing committee's view shows). In each quarter most cells hold one of the three
  as a combined (regular + thematic) meeting, some a separate thematic meeting, the rest none.
- Meetings before today are held (started, ended, chair and secretary, the roster of the day with
  each member's presence); today's and later ones of the current month are planned, with the
  roster as planning takes it (nothing recorded yet).
- Cells that already hold cell meetings in the window (an earlier run) are left as they are.
- The roster is the cell's members active on the meeting's day, as `roster.roster` takes it (the
  generated data has no transfers or exemptions): every attendance row is a member of the cell.

Rows go in by COPY on PostgreSQL (meeting ids reserved from the sequence, so the attendance rows
can name them), by `bulk_create` in batches elsewhere. On PostgreSQL with a superuser connection
the foreign-key triggers are skipped during the load (`session_replication_role = replica`, as a
restore does): every id written was just read from the tables. Attendance's plain indexes are
dropped during a big load and built again afterwards.
"""

import datetime
import itertools
import random
import time
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core import vntext
from vanphong.core.generator import GeneratorPart
from vanphong.meetings.models import (
    Attendance,
    Body,
    Kind,
    Meeting,
    MeetingPlan,
    Presence,
    Standing,
    Status,
)
from vanphong.meetings.services.planning import CELL_KINDS, default_title
from vanphong.organizations.models import ACTIVE_STATUSES, Member, Organization, OrgStatus

MEETING_COLUMNS = (
    "id",
    "organization_id",
    "body",
    "kind",
    "title",
    "theme",
    "search_folded",
    "month",
    "starts_at",
    "planned_minutes",
    "place",
    "resolution",
    "locality",
    "confidentiality",
    "status",
    "purpose",
    "content_agreed_at",
    "announced_at",
    "documents_published_at",
    "started_at",
    "ended_at",
    "roster_on",
    "chair_id",
    "secretary_id",
    "agenda_adopted",
    "conclusions",
    "created_at",
)
ATTENDANCE_COLUMNS = ("meeting_id", "member_id", "standing", "presence", "reason")
PLAN_COLUMNS = ("organization_id", "body", "day", "time", "place", "planned_minutes")
BULK_INDEX_THRESHOLD = 200_000  # attendance rows; below it, dropping indexes costs more

NO_MEETING_SHARE = 0.03  # cell-months without a meeting
COMBINED_SHARE = 0.75  # quarters with a combined meeting
SEPARATE_THEMATIC_SHARE = 0.12  # quarters with a separate thematic meeting instead
# Presence of a member at a held meeting: (presence, share, reasons)
PRESENCES = (
    (Presence.PRESENT, 0.88, ("",)),
    (Presence.LATE, 0.04, ("",)),
    (Presence.EXCUSED, 0.06, ("Đi công tác", "Ốm", "Việc gia đình", "Trực cơ quan")),
    (Presence.UNEXCUSED, 0.02, ("",)),
)
THEMES = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Chuyển đổi số trong công tác xây dựng Đảng",
    "Xây dựng nông thôn mới, đô thị văn minh",
    "Phòng, chống tham nhũng, lãng phí, tiêu cực",
    "Công tác phát triển đảng viên",
    "Bảo đảm an ninh trật tự ở cơ sở",
    "Phát huy vai trò nêu gương của đảng viên",
)
PLACES = ("Nhà văn hóa", "Hội trường", "Phòng họp", "Trụ sở")
TIMES = (datetime.time(8, 0), datetime.time(14, 0), datetime.time(19, 30))
PLANNED_MINUTES = {Kind.REGULAR: 90, Kind.COMBINED: 120, Kind.THEMATIC: 90}


def add_arguments(parser) -> None:
    parser.add_argument(
        "--meeting-months", type=int, default=12, help="Months of cell meetings, up to this one."
    )
    parser.add_argument(
        "--meeting-cells", type=int, default=2_000, help="Cells loaded per batch of meetings."
    )


def _copy_line(row: tuple) -> str:
    """One row in COPY's text format (generated values hold no tab, newline or backslash)."""
    return "\t".join("\\N" if v is None else _text(v) for v in row) + "\n"


def _text(value) -> str:
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def months_up_to(today: datetime.date, count: int) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for _i in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


class MeetingsData:
    def __init__(self, *, today: datetime.date, months: int, cells_per_batch: int, seed: int, log):
        if not 1 <= months <= 120:
            raise ValueError(_("The months of meetings must be between 1 and 120."))
        self.today = today
        self.months = months_up_to(today, months)
        self.cells_per_batch = max(1, cells_per_batch)
        self.rng = random.Random(seed * 7919 + 57)  # noqa: S311 — repeatable synthetic data
        self.log = log
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self.now = datetime.datetime.combine(today, datetime.time(0, 0), self.tz)
        self._titles: dict[tuple, tuple[str, str, str]] = {}
        self._presence_weights = [share for _p, share, _r in PRESENCES]

    # -- the whole run ---------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        # Cells that already have meetings in these months (an earlier run) are left as they are.
        done = Meeting.objects.filter(body=Body.CELL, month__gte=self.months[0])
        cells = list(
            Organization.objects.filter(kind__in=CELL_KINDS, status=OrgStatus.ACTIVE)
            .exclude(pk__in=done.values("organization_id"))
            .order_by("id")
            .values_list("id", "name")
        )
        planned = self._plans(cells)
        members = Member.objects.filter(organization__kind__in=CELL_KINDS).count()
        expected = members * len(self.months)
        started, counts = time.monotonic(), {"cells": len(cells), "meetings": 0, "attendance": 0}
        with self._bulk_load(expected >= BULK_INDEX_THRESHOLD):
            for start in range(0, len(cells), self.cells_per_batch):
                batch = cells[start : start + self.cells_per_batch]
                meetings, attendance = self._batch(batch, planned)
                counts["meetings"] += meetings
                counts["attendance"] += attendance
                seconds = max(time.monotonic() - started, 1e-6)
                self.log(
                    _(
                        "%(done)s / %(total)s cells: %(meetings)s meetings, %(rows)s attendance"
                        " rows, %(rate)s rows/s"
                    )
                    % {
                        "done": f"{start + len(batch):,}",
                        "total": f"{len(cells):,}",
                        "meetings": f"{counts['meetings']:,}",
                        "rows": f"{counts['attendance']:,}",
                        "rate": f"{counts['attendance'] / seconds:,.0f}",
                    }
                )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in ("meetings_meetingplan", "meetings_meeting", "meetings_attendance"):
                    cursor.execute(f"ANALYZE {table}")
        return counts

    # -- plans -----------------------------------------------------------------------------------

    def _plans(self, cells: list[tuple[int, str]]) -> dict[int, tuple[int, datetime.time, str]]:
        """Each cell's plan: (day of the month, time, place); stored as its MeetingPlan."""
        rng, plans = self.rng, {}
        existing = set(
            MeetingPlan.objects.filter(body=Body.CELL).values_list("organization_id", flat=True)
        )
        rows = []
        for cell_id, name in cells:
            plan = (rng.randint(3, 25), rng.choice(TIMES), f"{rng.choice(PLACES)} {name}"[:300])
            plans[cell_id] = plan
            if cell_id not in existing:
                rows.append((cell_id, Body.CELL.value, plan[0], plan[1], plan[2], 90))
        for start in range(0, len(rows), 50_000):
            self._insert("meetings_meetingplan", PLAN_COLUMNS, rows[start : start + 50_000])
        return plans

    # -- one batch of cells ----------------------------------------------------------------------

    def _batch(self, cells, plans) -> tuple[int, int]:
        ids = [cell_id for cell_id, _name in cells]
        roll: dict[int, list[tuple]] = {cell_id: [] for cell_id in ids}
        for row in (
            Member.objects.filter(organization_id__in=ids)
            .order_by()
            .values_list(
                "organization_id", "id", "name_sort", "admitted_on", "status", "status_changed_on"
            )
        ):
            roll[row[0]].append(row[1:])
        for people in roll.values():
            people.sort(key=lambda p: (p[1], p[0]))
        meetings = [m for cell_id in ids for m in self._cell_meetings(cell_id, plans[cell_id])]
        with transaction.atomic():
            first_id = self._reserve_ids(len(meetings))
            meeting_rows, attendance_rows = [], []
            for offset, meeting in enumerate(meetings):
                meeting_id = first_id + offset
                rows = self._attendance(meeting_id, meeting, roll[meeting["organization_id"]])
                attendance_rows += rows
                meeting_rows.append(self._meeting_row(meeting_id, meeting, rows, roll))
            self._insert("meetings_meeting", MEETING_COLUMNS, meeting_rows)
            self._insert("meetings_attendance", ATTENDANCE_COLUMNS, attendance_rows)
        return len(meeting_rows), len(attendance_rows)

    def _cell_meetings(self, cell_id: int, plan) -> Iterator[dict]:
        """The cell's meetings of the window, as dicts (the roster is added afterwards)."""
        rng = self.rng
        day, at, place = plan
        quarters = itertools.groupby(self.months, key=lambda m: (m.year, (m.month - 1) // 3))
        for _quarter, months in quarters:
            months = list(months)
            draw = rng.random()
            combined = rng.choice(months) if draw < COMBINED_SHARE else None
            separate = (
                rng.choice(months)
                if COMBINED_SHARE <= draw < COMBINED_SHARE + SEPARATE_THEMATIC_SHARE
                else None
            )
            for month in months:
                theme = rng.choice(THEMES)
                if rng.random() >= NO_MEETING_SHARE:
                    kind = Kind.COMBINED if month == combined else Kind.REGULAR
                    starts = datetime.datetime.combine(month.replace(day=day), at, self.tz)
                    yield self._meeting(cell_id, kind, month, starts, place, theme)
                if month == separate:
                    starts = datetime.datetime.combine(
                        month.replace(day=min(day + 2, 28)), datetime.time(19, 30), self.tz
                    )
                    yield self._meeting(cell_id, Kind.THEMATIC, None, starts, place, theme)

    def _meeting(self, cell_id, kind, month, starts, place, theme) -> dict:
        key = (kind, month, theme if kind != Kind.REGULAR else "")
        if key not in self._titles:
            shown = key[2]
            title = vntext.canonical(default_title(Body.CELL, kind, starts, shown))
            self._titles[key] = (title, shown, vntext.fold(f"{title} {shown}"))
        title, theme, folded = self._titles[key]
        return {
            "organization_id": cell_id,
            "kind": kind.value,
            "month": month,
            "starts_at": starts,
            "planned_minutes": PLANNED_MINUTES[kind],
            "place": place,
            "title": title,
            "theme": theme,
            "search_folded": folded,
            "held": starts < self.now,
        }

    def _attendance(self, meeting_id: int, meeting: dict, people: list[tuple]) -> list[tuple]:
        day = meeting["starts_at"].date()
        on_roll = [
            person
            for person in people
            if person[2] is not None
            and person[2] <= day
            and (person[3] in ACTIVE_STATUSES or (person[4] or day) > day)
        ]
        counted = Standing.COUNTED.value
        if not meeting["held"]:
            unrecorded = Presence.UNRECORDED.value
            return [(meeting_id, p[0], counted, unrecorded, "") for p in on_roll]
        rng, rows = self.rng, []
        picks = rng.choices(PRESENCES, weights=self._presence_weights, k=len(on_roll))
        for person, (presence, _share, reasons) in zip(on_roll, picks, strict=True):
            reason = reasons[0] if len(reasons) == 1 else rng.choice(reasons)
            rows.append((meeting_id, person[0], counted, presence.value, reason))
        return rows

    def _meeting_row(self, meeting_id: int, meeting: dict, attendance: list[tuple], roll) -> tuple:
        starts, rng = meeting["starts_at"], self.rng
        status = Status.HELD if meeting["held"] and attendance else Status.PLANNED
        agreed = announced = published = started = ended = roster_on = chair = secretary = None
        if meeting["held"] and not attendance:
            status = Status.CANCELLED  # no member on the roll that day: nobody to meet
        if status == Status.HELD:
            agreed = starts - datetime.timedelta(days=10)
            announced = starts - datetime.timedelta(days=7)
            # About one in twenty publishes the documents late (less than a day ahead).
            hours = rng.choice((6, 12)) if rng.random() < 0.05 else rng.choice((48, 72))
            published = starts - datetime.timedelta(hours=hours)
            started = starts + datetime.timedelta(minutes=rng.randint(0, 15))
            # A few sessions fall short of the duration rule.
            short = rng.random() < 0.04
            ended = started + datetime.timedelta(
                minutes=meeting["planned_minutes"] + (-30 if short else rng.randint(0, 30))
            )
            roster_on = starts.date()
            chair = attendance[0][1]
            secretary = attendance[1][1] if len(attendance) > 1 else chair
        elif starts < self.now + datetime.timedelta(days=10):
            agreed = starts - datetime.timedelta(days=10)
        return (
            meeting_id,
            meeting["organization_id"],
            Body.CELL.value,
            meeting["kind"],
            meeting["title"],
            meeting["theme"],
            meeting["search_folded"],
            meeting["month"],
            starts,
            meeting["planned_minutes"],
            meeting["place"],
            "",
            "",
            0,
            status.value,
            "",
            agreed,
            announced,
            published,
            started,
            ended,
            roster_on,
            chair,
            secretary,
            status == Status.HELD,
            "",
            self.now,
        )

    # -- the database ----------------------------------------------------------------------------

    @staticmethod
    def _reserve_ids(count: int) -> int:
        """The first of `count` consecutive meeting ids no one else will be given."""
        if count == 0:
            return 0
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("LOCK TABLE meetings_meeting IN SHARE ROW EXCLUSIVE MODE")
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence('meetings_meeting', 'id'),"
                    " GREATEST(nextval(pg_get_serial_sequence('meetings_meeting', 'id')),"
                    " (SELECT COALESCE(MAX(id), 0) + 1 FROM meetings_meeting)) + %s - 1)",
                    [count],
                )
                last = cursor.fetchone()[0]
            return last - count + 1
        last = Meeting.objects.order_by("-id").values_list("id", flat=True).first() or 0
        return last + 1

    @staticmethod
    def _insert(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        if connection.vendor == "postgresql":
            sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
                copy.write("".join(map(_copy_line, rows)))
            return
        model = {
            "meetings_meeting": Meeting,
            "meetings_attendance": Attendance,
            "meetings_meetingplan": MeetingPlan,
        }[table]
        fields = {f.column: f.attname for f in model._meta.concrete_fields}
        objects = [
            model(**{fields[c]: v for c, v in zip(columns, row, strict=True)}) for row in rows
        ]
        # bulk_create does not call save(): the generated titles are canonical and folded above.
        model.objects.bulk_create(objects, batch_size=5_000)

    def _bulk_load(self, big: bool):
        return _BulkLoad(big and connection.vendor == "postgresql", self.log)


class _BulkLoad:
    """During a big PostgreSQL load: attendance's plain indexes dropped (built again in one sorted
    pass at the end) and, for a superuser, the foreign-key triggers skipped."""

    def __init__(self, wanted: bool, log: Callable[[str], None]):
        self.wanted, self.log, self.indexes, self.replica = wanted, log, [], False

    def __enter__(self):
        if not self.wanted:
            return self
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i"
                " WHERE i.tablename = 'meetings_attendance' AND NOT EXISTS ("
                "  SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
            )
            self.indexes = cursor.fetchall()
            for name, _definition in self.indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("SELECT current_setting('is_superuser')")
            if cursor.fetchone()[0] == "on":
                cursor.execute("SET session_replication_role = replica")
                self.replica = True
        return self

    def __exit__(self, *exc):
        if not self.wanted:
            return False
        started = time.monotonic()
        with connection.cursor() as cursor:
            if self.replica:
                cursor.execute("SET session_replication_role = DEFAULT")
            for _name, definition in self.indexes:
                cursor.execute(definition)
        self.log(
            _("%(count)s indexes rebuilt in %(seconds).1f s.")
            % {"count": len(self.indexes), "seconds": time.monotonic() - started}
        )
        return False


def run(options, *, today, log) -> str:
    with translation.override(settings.LANGUAGE_CODE):  # the titles are Vietnamese
        counts = MeetingsData(
            today=today,
            months=options["meeting_months"],
            cells_per_batch=options["meeting_cells"],
            seed=options.get("seed") or 1,
            log=log,
        ).run()
        return _(
            "Generated %(meetings)s cell meetings of %(cells)s cells with %(attendance)s"
            " attendance rows."
        ) % {k: f"{v:,}" for k, v in counts.items()}


PART = GeneratorPart(
    "meetings", gettext_lazy("Cell meetings and attendance"), add_arguments, run, order=300
)
