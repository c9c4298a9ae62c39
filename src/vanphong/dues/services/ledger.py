"""The computation of a cell's month in one step (docs/rules/dues.md §4): what each member owes,
shown first as what would change (`preview`), then saved (`compute_month`). Running it again
changes nothing; after a correction (a category, a basis, a relief) it changes only the lines
concerned. Payments already recorded stay with their lines."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from vanphong.core import audit
from vanphong.dues.models import Basis, LedgerLine, MemberCategory, Relief
from vanphong.dues.rates import Due, compute, month_of, next_month, previous_month
from vanphong.dues.services.common import ensure_begun, ensure_cell, ensure_record
from vanphong.organizations.models import ACTIVE_STATUSES, ActivityGap, Member, Organization

COMPARED = (
    "category",
    "rate_key",
    "basis",
    "per_10000",
    "fixed",
    "base_due",
    "relief_id",
    "relief_note",
    "due",
    "rule_source",
)


@dataclass
class Change:
    member: Member
    kind: str  # "new", "changed", "removed", "same"
    before: dict | None
    after: Due | None
    fields: list[str] = field(default_factory=list)
    line: LedgerLine | None = None


@dataclass
class Preview:
    organization: Organization
    month: datetime.date
    changes: list[Change]
    problems: list[tuple[Member, str]]

    @property
    def changed(self) -> list[Change]:
        return [c for c in self.changes if c.kind != "same"]

    @property
    def total_due(self) -> int:
        return sum(c.after.due for c in self.changes if c.after is not None)


def members_of(cell: Organization, month: datetime.date):
    """The members the cell collects from in `month`: admitted by its last day, and active, or
    left after its first day."""
    end = next_month(month) - datetime.timedelta(days=1)
    return (
        Member.objects.filter(organization=cell, admitted_on__lte=end)
        .filter(Q(status__in=ACTIVE_STATUSES) | Q(status_changed_on__gt=month))
        .order_by("name_sort", "id")
    )


def _dues(cell: Organization, month: datetime.date) -> tuple[dict, list]:
    members = list(members_of(cell, month))
    ids = [m.pk for m in members]
    categories: dict[int, MemberCategory] = {}
    for row in MemberCategory.objects.filter(member_id__in=ids, starts_on__lte=month).order_by(
        "starts_on"
    ):
        categories[row.member_id] = row  # the latest one that has begun
    bases: dict[int, dict] = {}
    for row in Basis.objects.filter(member_id__in=ids, month__in=(month, previous_month(month))):
        bases.setdefault(row.member_id, {})[row.month] = row.amount
    reliefs: dict[int, list] = {}
    for row in Relief.objects.filter(member_id__in=ids, starts_on__lte=month).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=month)
    ):
        reliefs.setdefault(row.member_id, []).append(row)
    gaps: dict[int, list] = {}
    for row in ActivityGap.objects.filter(member_id__in=ids):
        gaps.setdefault(row.member_id, []).append((row.starts_on, row.ends_on))
    result, problems = {}, []
    for member in members:
        due = compute(
            member=member,
            month=month,
            category=categories.get(member.pk),
            bases=bases.get(member.pk, {}),
            reliefs=reliefs.get(member.pk, []),
            gaps=gaps.get(member.pk, ()),
        )
        if due.problem:
            problems.append((member, due.problem))
        else:
            result[member.pk] = (member, due)
    return result, problems


def _line_fields(line: LedgerLine) -> dict:
    return {name: getattr(line, name) for name in COMPARED}


def preview(*, acting_user, organization: Organization, month: datetime.date) -> Preview:
    """What computing the month would change, without saving anything."""
    ensure_record(acting_user, organization)
    ensure_cell(organization)
    month = ensure_begun(month)
    return _preview(
        organization, month, LedgerLine.objects.filter(organization=organization, month=month)
    )


def _preview(organization, month, lines) -> Preview:
    dues, problems = _dues(organization, month)
    existing = {line.member_id: line for line in lines.select_related("member")}
    changes = []
    for member_id, (member, due) in dues.items():
        line = existing.pop(member_id, None)
        if line is None:
            changes.append(Change(member, "new", None, due))
            continue
        before, after = _line_fields(line), due.fields()
        names = [n for n in COMPARED if before[n] != after[n]]
        changes.append(Change(member, "changed" if names else "same", before, due, names, line))
    for line in existing.values():
        if not any(member.pk == line.member_id for member, _p in problems):
            changes.append(Change(line.member, "removed", _line_fields(line), None, [], line))
    return Preview(organization, month, changes, problems)


def compute_month(*, acting_user, organization: Organization, month: datetime.date) -> Preview:
    """Compute and save the cell's month: new lines, changed lines updated, lines of members who
    no longer belong removed unless paid (then kept as they were). One audit entry per line
    that changed; nothing for a line that stays the same. Two secretaries computing the same
    month queue on the cell's row."""
    ensure_record(acting_user, organization)
    ensure_cell(organization)
    month = ensure_begun(month)
    now = timezone.now()
    with transaction.atomic():
        Organization.objects.select_for_update().filter(pk=organization.pk).first()
        lines = LedgerLine.objects.select_for_update().filter(
            organization=organization, month=month
        )
        result = _preview(organization, month, lines)
        for change in result.changes:
            if change.kind == "new":
                with audit.change(
                    acting_user, None, "dues.compute", organization=organization
                ) as rec:
                    rec.target = LedgerLine.objects.create(
                        member=change.member,
                        organization=organization,
                        month=month,
                        computed_at=now,
                        **change.after.fields(),
                    )
                change.line = rec.target
            elif change.kind == "changed":
                with audit.change(
                    acting_user, change.line, "dues.compute", organization=organization
                ):
                    for name, value in change.after.fields().items():
                        setattr(change.line, name, value)
                    change.line.computed_at = now
                    change.line.save()
            elif change.kind == "removed" and not change.line.paid:
                if change.line.payments.exists():
                    continue
                audit.record(
                    actor=acting_user,
                    action="dues.remove_line",
                    target=change.line,
                    organization=organization,
                    before=audit.snapshot(change.line),
                )
                change.line.delete()
    return result


def month_lines(organization: Organization, month: datetime.date):
    return (
        LedgerLine.objects.filter(organization=organization, month=month_of(month))
        .select_related("member", "relief")
        .prefetch_related("payments")
        .order_by("member__name_sort", "member_id")
    )


def arrears_before(member_ids, month: datetime.date) -> dict[int, int]:
    """What each member still owes for the months before `month` (the arrears carried)."""
    owed: dict[int, int] = {}
    for member_id, due, paid in LedgerLine.objects.filter(
        member_id__in=list(member_ids), month__lt=month_of(month)
    ).values_list("member_id", "due", "paid"):
        if due > paid:
            owed[member_id] = owed.get(member_id, 0) + due - paid
    return owed
