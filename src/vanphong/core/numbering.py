"""Gap-free numbering registers (invariant 2 of docs/architecture.md; decision 0010).

A number is taken inside the transaction that stores the numbered record. The increment is one
UPDATE on the register's row: on PostgreSQL concurrent callers queue on that row's lock until the
holder commits or rolls back, so numbers are handed out in order with no duplicate and no gap; on
SQLite the IMMEDIATE transaction mode (settings) serializes writers the same way.

Two ways in: `allocate` numbers a row that exists (an outgoing document at issue);
`next_number` numbers a row being inserted, and on PostgreSQL takes the lock inside
that INSERT (core migration 0006: `vp_next_number`), so that the Python building the row runs
before the lock and every other clerk of the register waits for one statement and the commit
(bench/README.md, documents).
"""

from django.db import connection, models, transaction

from vanphong.core import audit
from vanphong.core.models import CancelledNumber, NumberSequence

_NEXT = (
    f"UPDATE {NumberSequence._meta.db_table} SET last_number = last_number + 1"  # noqa: S608 — a table name, values bound
    " WHERE organization_id = %s AND key = %s RETURNING id, last_number"
)


def allocate(organization, key: str, label: str) -> tuple[NumberSequence, int]:
    """The next number of the register `key` of `organization` (created at 0 if new).

    One statement in the usual case: the row lock is then held for as little work as possible
    (UPDATE … RETURNING; PostgreSQL, and SQLite since 3.35).
    """
    if not connection.in_atomic_block:
        raise RuntimeError("numbering.allocate must run inside the record's transaction")
    with connection.cursor() as cursor:
        cursor.execute(_NEXT, [organization.pk, key])
        row = cursor.fetchone()
        if row is None:  # a new register: create it (race-safe), then take its first number
            NumberSequence.objects.get_or_create(
                organization=organization, key=key, defaults={"label": label}
            )
            cursor.execute(_NEXT, [organization.pk, key])
            row = cursor.fetchone()
    pk, number = row
    sequence = NumberSequence(
        pk=pk, organization=organization, key=key, label=label, last_number=number
    )
    return sequence, number


def next_number(organization, key: str, label: str) -> int | models.Func:
    """The next number of the register `key` of `organization` (created at 0 if new), as the
    value of the number field of a row about to be inserted in the current transaction.

    On PostgreSQL an expression that the INSERT evaluates (the field needs a `db_default` so that
    Django reads the stored number back from the INSERT's RETURNING); elsewhere the number itself,
    taken now.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("numbering.next_number must run inside the record's transaction")
    if connection.vendor == "postgresql":
        return models.Func(
            models.Value(organization.pk),
            models.Value(key),
            models.Value(label),
            function="vp_next_number",
            output_field=models.PositiveIntegerField(),
        )
    return allocate(organization, key, label)[1]


def cancel(sequence: NumberSequence, number: int, *, reason: str, actor, target=None):
    """Record that `number` of `sequence` is cancelled; it stays taken for ever."""
    with transaction.atomic():
        row = CancelledNumber.objects.create(
            sequence=sequence,
            number=number,
            reason=reason,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            cancelled_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit.record(
            actor=actor,
            action="number.cancel",
            target=row,
            organization=sequence.organization,
            after={"register": sequence.label, "number": number, "reason": reason},
        )
    return row
