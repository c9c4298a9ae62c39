"""The member import service: every row checked, all or nothing, 100,000 rows in one transaction.

Rows are checked as they stream from the sheet and, while no error has been found, inserted in
batches with bulk_create, so memory stays flat. The first error stops the inserts; the remaining
rows are still checked so that the user gets the whole list, then the transaction rolls back.
One audit entry summarizes the import instead of one per member.
"""

import functools
import os
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from vanphong.core import audit, vntext
from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    CELL_KINDS,
    Member,
    MemberStatus,
    Organization,
    OrgStatus,
)
from vanphong.organizations.services.members import ADULT_AGE, today, years_between
from vanphong.organizations.xlsx import cells, reader
from vanphong.organizations.xlsx.columns import MEMBER_COLUMNS, MEMBER_SHEET, Column, Kind
from vanphong.organizations.xlsx.errors import (
    RowCode,
    RowError,
    RowsRejected,
    XlsxError,
    row_error,
)
from vanphong.organizations.xlsx.scope import SubtreeIndex

BATCH_SIZE = 2000
# Vietnamese names repeat a lot (a few thousand distinct ones per 100,000 members): deriving the
# folded form and the sort key once per distinct name is a large share of the import time.
_folded = functools.lru_cache(maxsize=65536)(vntext.fold)
_sort_key = functools.lru_cache(maxsize=65536)(vntext.person_sort_key)
MAX_REPORTED_ERRORS = 1000
_COLUMN = {column.key: column for column in MEMBER_COLUMNS}


@dataclass(frozen=True)
class ImportResult:
    created: int
    file_name: str


class RowChecker:
    """Collects errors (the first MAX_REPORTED_ERRORS of them, and the total count)."""

    def __init__(self):
        self.errors: list[RowError] = []
        self.total = 0

    def add(self, number: int, key: str, problem, /, **params) -> None:
        self.total += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(row_error(number, _COLUMN[key], problem, **params))


class MemberRows:
    def __init__(self, target: Organization, positions: dict[str, int], required: set[str]):
        self.target = target
        self.positions, self.required = positions, required
        self.index = SubtreeIndex(target)
        self.today = today()
        self.check = RowChecker()
        self.lookups = {
            c.key: (c.choice_lookup(), c.choice_labels()) for c in MEMBER_COLUMNS if c.choices
        }
        self.seen = {"card_number": {}, "citizen_id": {}}
        self.pending: list[tuple[int, Member]] = []
        self.created = 0

    # -- one row ---------------------------------------------------------------------------

    def _cell(self, column: Column, values: tuple):
        position = self.positions.get(column.key)
        raw = values[position] if position is not None and position < len(values) else None
        if column.kind == Kind.DATE:
            return cells.date(raw)
        if column.kind == Kind.CHOICE:
            return cells.choice(raw, *self.lookups[column.key])
        if column.kind == Kind.DIGITS:
            return cells.digits(raw, column.max_length)
        if column.kind == Kind.ORGANIZATION:
            return self._organization(raw)
        return cells.text(raw, column.max_length)

    def _organization(self, raw):
        if raw is None or not str(raw).strip():
            return None
        org = self.index.resolve(raw)
        if org.kind not in CELL_KINDS:
            raise cells.CellProblem(RowCode.NOT_A_CELL)
        if org.status != OrgStatus.ACTIVE:
            raise cells.CellProblem(RowCode.NOT_ACTIVE)
        return org

    def _parse(self, number: int, values: tuple) -> tuple[dict, bool]:
        """Every cell's value (None when wrong or empty), and whether all were right."""
        data, ok = {}, True
        for column in MEMBER_COLUMNS:
            try:
                data[column.key] = self._cell(column, values)
            except cells.CellProblem as problem:
                self.check.add(number, column.key, problem.problem, **problem.params)
                data[column.key], ok = None, False
                continue
            if column.key in self.required and data[column.key] in (None, ""):
                self.check.add(number, column.key, RowCode.REQUIRED)
                ok = False
        return data, ok

    def _check_dates(self, number: int, data: dict) -> bool:
        ok = True
        for key in ("birth_date", "admitted_on", "official_on"):
            if data[key] and data[key] > self.today:
                self.check.add(number, key, RowCode.FUTURE_DATE)
                ok = False
        birth, admitted, official = data["birth_date"], data["admitted_on"], data["official_on"]
        if not (birth and admitted):
            return ok
        if admitted < birth:
            self.check.add(number, "admitted_on", RowCode.BIRTH_AFTER_ADMISSION)
            ok = False
        elif years_between(birth, admitted) < ADULT_AGE:
            self.check.add(number, "admitted_on", RowCode.TOO_YOUNG)
            ok = False
        if official and official < admitted:
            self.check.add(number, "official_on", RowCode.OFFICIAL_BEFORE_ADMISSION)
            ok = False
        return ok

    def _check_identifiers(self, number: int, data: dict) -> bool:
        ok = True
        if data["citizen_id"] and len(data["citizen_id"]) != 12:
            self.check.add(number, "citizen_id", RowCode.CITIZEN_ID_FORMAT)
            ok = False
        for key in ("card_number", "citizen_id"):
            value = data[key]
            if not value:
                continue
            first = self.seen[key].setdefault(value, number)
            if first != number:
                self.check.add(number, key, RowCode.DUPLICATE_IN_FILE, row=first)
                ok = False
        return ok

    def add_row(self, number: int, values: tuple) -> None:
        data, ok = self._parse(number, values)
        # Every check runs, so that one pass reports every problem of the row.
        ok = self._check_dates(number, data) and ok
        ok = self._check_identifiers(number, data) and ok
        if not ok:
            return
        # An empty cell means the chosen organization, which is then a cell (else it is required).
        organization = data["organization"] or self.target
        self.pending.append((number, self._member(data, organization)))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def _member(self, data: dict, organization: Organization) -> Member:
        name = data["full_name"]  # already canonical
        status = data["status"] or (
            MemberStatus.OFFICIAL if data["official_on"] else MemberStatus.PROBATIONARY
        )
        changed_on = (
            (data["official_on"] or data["admitted_on"]) if status in ACTIVE_STATUSES else None
        )
        return Member(
            full_name=name,
            # bulk_create does not call Member.save(), which derives these two.
            name_folded=_folded(name),
            name_sort=_sort_key(name),
            gender=data["gender"],
            birth_date=data["birth_date"],
            ethnicity=data["ethnicity"] or "Kinh",
            religion=data["religion"],
            hometown=data["hometown"],
            citizen_id=data["citizen_id"] or None,
            card_number=data["card_number"] or None,
            admitted_on=data["admitted_on"],
            official_on=data["official_on"],
            status=status,
            status_changed_on=changed_on,
            education=data["education"],
            professional_level=data["professional_level"],
            theory_level=data["theory_level"],
            organization_id=organization.pk,
            phone=data["phone"],
        )

    # -- batches ---------------------------------------------------------------------------

    def _taken(self, key: str) -> set[str]:
        values = [getattr(m, key) for _n, m in self.pending if getattr(m, key)]
        if not values:
            return set()
        lookup = {f"{key}__in": values}
        return set(Member.objects.filter(**lookup).values_list(key, flat=True))

    def flush(self) -> None:
        """Check the pending rows against the database; insert them while the file is clean."""
        cards, ids = self._taken("card_number"), self._taken("citizen_id")
        for number, member in self.pending:
            if member.card_number in cards:
                self.check.add(number, "card_number", RowCode.CARD_TAKEN)
            if member.citizen_id in ids:
                self.check.add(number, "citizen_id", RowCode.CITIZEN_ID_TAKEN)
        if not self.check.total:
            try:
                Member.objects.bulk_create([m for _n, m in self.pending], batch_size=BATCH_SIZE)
            except IntegrityError:
                # A concurrent edit took a number between the check and the insert.
                raise XlsxError(XlsxError.CONFLICT) from None
            self.created += len(self.pending)
        self.pending = []


@transaction.atomic
def import_members(*, acting_user, organization: Organization, file) -> ImportResult:
    """Import the members sheet into `organization`'s subtree; raises XlsxError (RowsRejected
    with the row errors) and imports nothing when anything is wrong."""
    file_name = os.path.basename(str(getattr(file, "name", "")))
    workbook = reader.open_workbook(file)
    try:
        rows = reader.iter_rows(reader.pick_sheet(workbook, MEMBER_SHEET))
        header = next(rows, None)
        if header is None:
            raise XlsxError(XlsxError.NO_HEADER)
        required = {c.key for c in MEMBER_COLUMNS if c.required}
        if organization.kind not in CELL_KINDS:
            required.add("organization")
        positions = reader.header_positions(header[1], MEMBER_COLUMNS, required)
        importer = MemberRows(organization, positions, required)
        seen_rows = 0
        for number, values in rows:
            if reader.is_blank(values):
                continue
            seen_rows += 1
            importer.add_row(number, values)
        importer.flush()
    finally:
        workbook.close()
    if importer.check.total:
        # Raising rolls back every batch already inserted.
        raise RowsRejected(sorted(importer.check.errors, key=_by_row), importer.check.total)
    if not seen_rows:
        raise XlsxError(XlsxError.NO_ROWS)
    audit.record(
        actor=acting_user,
        action="member.import",
        target=organization,
        after={"rows": importer.created, "file": file_name},
    )
    return ImportResult(created=importer.created, file_name=file_name)


def _by_row(error: RowError) -> tuple[int, int]:
    order = [c.key for c in MEMBER_COLUMNS]
    return error.row, order.index(error.column)
