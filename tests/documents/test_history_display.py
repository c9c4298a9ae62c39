"""A document's history reads in Vietnamese: people by name, roles and times as a user reads them."""

import datetime

from django.utils import timezone

from vanphong.core import audit_display
from vanphong.documents.services import incoming


def _changes(entry) -> dict:
    return {label: (old, new) for label, old, new in entry.changes}


def test_a_routing_shows_people_roles_and_times_as_read(office):
    document = office.register()
    incoming.assign(
        acting_user=office.leader,
        document=document,
        lead=office.specialist,
        readers=[office.head],
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        direction="Giao đồng chí Minh chủ trì tham mưu.",
    )

    [assign] = [e for e in audit_display.history(document) if e.action == "incoming.assign"]

    changes = _changes(assign)
    assert changes["Người xử lý"][1] == (
        "Nguyễn Văn Minh (Người chủ trì xử lý), Chánh VP (Để biết)"
    )
    assert changes["Người cho ý kiến chỉ đạo"] == ("—", "Trần Quốc Hùng")
    old, new = changes["Thời điểm chỉ đạo"]
    assert old == "—" and new == timezone.localtime().strftime("%d/%m/%Y %H:%M")
    assert changes["Trạng thái"] == ("Đã vào sổ", "Đã giao xử lý")
    text = repr(assign.changes)
    assert "{" not in text and "T" not in new and "directed" not in text
