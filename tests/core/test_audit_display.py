"""History pages read in Vietnamese: no ids, ISO times, slugs or a tree's bookkeeping fields."""

import datetime

from vanphong.core import audit_display
from vanphong.organizations.services import orgs


def _changes(entry) -> dict:
    return {label: (old, new) for label, old, new in entry.changes}


def test_a_moved_organization_shows_its_parents_by_name_and_no_tree_fields(tree):
    orgs.merge_organization(
        acting_user=None,
        organization=tree.commune_a,
        into=tree.commune_b,
        on=datetime.date(2026, 1, 5),
    )

    entries = audit_display.history(tree.cell_a1)

    [move] = [e for e in entries if e.action == "organization.move"]
    assert move.action_label == "Chuyển tổ chức"
    changes = _changes(move)
    assert changes["Tổ chức cấp trên"] == ("Đảng bộ xã Bảo Thắng", "Đảng bộ xã Sa Pa")
    shown = " ".join(f"{k} {o} {n}" for k, (o, n) in changes.items())
    for internal in ("Path", "Depth", "Numchild", "path", "depth", "numchild"):
        assert internal not in shown
    [merge] = audit_display.history(tree.commune_a)[-1:]
    merged = _changes(merge)
    assert merged["Trạng thái"][1] == "Đã hợp nhất"
    assert merged["Ngày kết thúc"] == ("—", "05/01/2026")
