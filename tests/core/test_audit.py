import datetime

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import user
from vanphong.core import audit, audit_display
from vanphong.core.models import AuditEntry
from vanphong.organizations.services import members

pytestmark = pytest.mark.django_db


def test_service_change_writes_who_what_before_and_after(tree):
    """GIVEN a member WHEN a specialist edits the profile THEN one audit entry holds the diff."""
    specialist = user("cv")
    members.update_member(
        acting_user=specialist, member=tree.member_a1, hometown="Hà Giang", phone="0912345678"
    )

    entry = AuditEntry.objects.get(action="member.update")
    assert entry.actor == specialist
    assert entry.organization == tree.cell_a1
    assert audit.changed(entry.before, entry.after) == {
        "hometown": ["", "Hà Giang"],
        "phone": ["", "0912345678"],
    }


def test_audit_entries_cannot_be_changed_or_deleted(tree):
    members.update_member(acting_user=None, member=tree.member_a1, hometown="Yên Bái")
    entry = AuditEntry.objects.get()

    entry.action = "forged"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    assert AuditEntry.objects.get().action == "member.update"


def test_history_reads_in_vietnamese(tree):
    members.update_member(
        acting_user=None, member=tree.member_a1, birth_date=datetime.date(1980, 5, 19)
    )

    [row] = audit_display.history(tree.member_a1)

    assert row.action_label == "Sửa hồ sơ"
    assert {label: new for label, _old, new in row.changes}["Ngày sinh"] == "19/05/1980"
