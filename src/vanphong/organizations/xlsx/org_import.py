"""The organization import service: new organizations under a parent in the user's scope.

A row names its parent by id or name: an existing organization of the chosen subtree, or one
created by an earlier row of the same file. All rows are checked before anything is created;
each organization is then created through the ordinary service (with its own audit entry).
"""

import os
from dataclasses import dataclass

from django.db import transaction

from vanphong.core import vntext
from vanphong.organizations.models import Organization, OrgStatus
from vanphong.organizations.services.members import today
from vanphong.organizations.services.orgs import create_organization
from vanphong.organizations.xlsx import cells, reader
from vanphong.organizations.xlsx.columns import ORGANIZATION_COLUMNS, ORGANIZATION_SHEET, Kind
from vanphong.organizations.xlsx.errors import RowCode, RowsRejected, XlsxError, row_error
from vanphong.organizations.xlsx.importer import ImportResult
from vanphong.organizations.xlsx.scope import SubtreeIndex

MAX_ORGANIZATION_ROWS = 5000
_COLUMN = {column.key: column for column in ORGANIZATION_COLUMNS}


@dataclass
class PlannedOrg:
    """A row that will become an organization; later rows may name it as their parent."""

    row: int
    name: str
    code: str
    kind: str
    parent: "Organization | PlannedOrg"
    established_on: object
    status: str = OrgStatus.ACTIVE
    created: Organization | None = None


class OrganizationRows:
    def __init__(self, target: Organization, positions: dict[str, int]):
        self.target, self.positions = target, positions
        self.index = SubtreeIndex(target)
        self.kinds = _COLUMN["kind"].choice_lookup(), _COLUMN["kind"].choice_labels()
        self.errors, self.planned = [], []
        self.names_under: dict[object, set[str]] = {}

    def _error(self, number: int, key: str, problem, /, **params) -> None:
        self.errors.append(row_error(number, _COLUMN[key], problem, **params))

    def _raw(self, key: str, values: tuple):
        position = self.positions.get(key)
        return values[position] if position is not None and position < len(values) else None

    def _parse(self, number: int, values: tuple) -> dict | None:
        data, ok = {}, True
        for column in ORGANIZATION_COLUMNS:
            raw = self._raw(column.key, values)
            try:
                if column.kind == Kind.DATE:
                    data[column.key] = cells.date(raw)
                elif column.kind == Kind.CHOICE:
                    data[column.key] = cells.choice(raw, *self.kinds)
                elif column.kind == Kind.ORGANIZATION:
                    data[column.key] = self._parent(raw)
                else:
                    data[column.key] = cells.text(raw, column.max_length)
            except cells.CellProblem as problem:
                self._error(number, column.key, problem.problem, **problem.params)
                ok = False
                continue
            if column.required and not data[column.key]:
                self._error(number, column.key, RowCode.REQUIRED)
                ok = False
        if data.get("established_on") and data["established_on"] > today():
            self._error(number, "established_on", RowCode.FUTURE_DATE)
            ok = False
        return data if ok else None

    def _parent(self, raw):
        if raw is None or not str(raw).strip():
            return self.target
        parent = self.index.resolve(raw)
        if parent.status != OrgStatus.ACTIVE:
            raise cells.CellProblem(RowCode.NOT_ACTIVE)
        return parent

    def _sibling_names(self, parent) -> set[str]:
        key = id(parent)
        if key not in self.names_under:
            names = set()
            if isinstance(parent, Organization):
                # By path, not get_children(): that trusts a possibly stale child count.
                children = Organization.objects.filter(
                    path__startswith=parent.path, depth=parent.depth + 1
                ).values_list("name", flat=True)
                names = {vntext.fold(name) for name in children}
            self.names_under[key] = names
        return self.names_under[key]

    def add_row(self, number: int, values: tuple) -> None:
        data = self._parse(number, values)
        if data is None:
            return
        siblings = self._sibling_names(data["parent"])
        if vntext.fold(data["name"]) in siblings:
            self._error(number, "name", RowCode.NAME_TAKEN)
            return
        siblings.add(vntext.fold(data["name"]))
        planned = PlannedOrg(row=number, **data)
        self.planned.append(planned)
        self.index.add_name(planned)


def _saved(parent) -> Organization:
    return parent.created if isinstance(parent, PlannedOrg) else parent


@transaction.atomic
def import_organizations(*, acting_user, organization: Organization, file) -> ImportResult:
    """Create the organizations of the organizations sheet under `organization`'s subtree;
    raises XlsxError (RowsRejected with the row errors) and creates nothing when anything is
    wrong."""
    file_name = os.path.basename(str(getattr(file, "name", "")))
    workbook = reader.open_workbook(file)
    try:
        rows = reader.iter_rows(reader.pick_sheet(workbook, ORGANIZATION_SHEET))
        header = next(rows, None)
        if header is None:
            raise XlsxError(XlsxError.NO_HEADER)
        required = {c.key for c in ORGANIZATION_COLUMNS if c.required}
        positions = reader.header_positions(header[1], ORGANIZATION_COLUMNS, required)
        checker = OrganizationRows(organization, positions)
        for number, values in rows:
            if not reader.is_blank(values):
                checker.add_row(number, values)
            if len(checker.planned) + len(checker.errors) > MAX_ORGANIZATION_ROWS:
                raise XlsxError(XlsxError.TOO_MANY_ROWS, max=MAX_ORGANIZATION_ROWS)
    finally:
        workbook.close()
    if checker.errors:
        raise RowsRejected(checker.errors, len(checker.errors))
    if not checker.planned:
        raise XlsxError(XlsxError.NO_ROWS)
    for planned in checker.planned:
        planned.created = create_organization(
            acting_user=acting_user,
            parent=_saved(planned.parent),
            name=planned.name,
            code=planned.code,
            kind=planned.kind,
            established_on=planned.established_on,
        )
    return ImportResult(created=len(checker.planned), file_name=file_name)
