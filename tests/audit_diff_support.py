"""The check every area's audit-diff test uses: the row read before and after a service call,
and every field that differs named by the diff of an entry the call wrote about its record."""

from vanphong.core import audit
from vanphong.core.models import AuditEntry
from vanphong.documents.models import SigningCertificate

# Kept out of the trail on purpose: a certificate's private key.
SECRET_FIELDS = {SigningCertificate: {"pkcs12"}}


def _fields(row) -> dict:
    return audit.snapshot(row, exclude=tuple(SECRET_FIELDS.get(type(row), ())))


def _named(entries) -> set[str]:
    names = set()
    for entry in entries:
        names |= set(audit.changed(entry.before, entry.after))
    return names


def check(call, row=None, *, model=None, audited=None):
    """Run `call`; `row` is the existing row it changes (None: the row it returns is created;
    `model` and a row: the row is deleted). `audited(row)` is the record the entries are about
    when it is not the row itself (a copy's delivery is recorded on its document)."""
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    before = _fields(type(row).objects.get(pk=row.pk)) if row is not None else {}
    result = call()
    if row is None:
        row = result if not isinstance(result, list) else result[0]
    still = type(row).objects.filter(pk=row.pk).first()
    after = _fields(still) if still is not None else {}
    changed = set(audit.changed(before, after))
    target = audited(row) if audited else row
    entries = AuditEntry.objects.filter(
        pk__gt=last, target_type=target._meta.label_lower, target_id=str(target.pk)
    )
    assert entries.exists(), "no audit entry"
    missing = changed - _named(entries)
    assert not missing, f"changed but not in the audit diff: {sorted(missing)}"
    return result
