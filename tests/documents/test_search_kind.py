"""The incoming documents kind of the search across areas (core.search): what the user may see."""

import pytest
from django.urls import reverse

from vanphong.core import search
from vanphong.core.models import Clearance

pytestmark = pytest.mark.django_db


def test_incoming_documents_are_found_among_those_the_user_may_see(client, office):
    office.register(summary="Hướng dẫn đại hội chi bộ nhiệm kỳ 2025–2027")
    office.register(summary="Kế hoạch đại hội mật", confidentiality=Clearance.SECRET)
    office.register(summary="Báo cáo tài chính quý IV")

    def titles(user, q):
        return {kind.key: [hit.detail for hit in hits] for kind, hits in search.search(user, q)}

    found = titles(office.leader, "dai hoi")  # folded: tone marks are not needed
    assert len(found["incoming"]) == 2  # the leader is cleared for "Mật"
    assert titles(office.sibling_clerk, "dai hoi") == {}  # another commune's office
    assert titles(office.specialist, "đại hội")["incoming"] == [
        "Ban Tổ chức Trung ương — Hướng dẫn đại hội chi bộ nhiệm kỳ 2025–2027"
    ]

    client.force_login(office.specialist)
    page = client.get(reverse("core:search"), {"q": "đại hội"}).text
    assert "Hướng dẫn đại hội chi bộ" in page and "Kế hoạch đại hội mật" not in page
