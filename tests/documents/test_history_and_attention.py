"""A document's history page, its log of classified reads, the dashboard's document cards and the
delivery status of a dispatch."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests import factories
from vanphong.core.models import Clearance
from vanphong.documents.models import DeliveryStatus
from vanphong.documents.services import dispatch, incoming, outgoing
from vanphong.organizations.roles import Role


def test_outgoing_history_names_the_steps_in_vietnamese(client, office):
    document = office.issued()
    client.force_login(office.head)
    html = client.get(reverse("documents:outgoing_history", args=[document.pk])).content.decode()
    for label in ("Tạo dự thảo", "Chuyển thẩm định", "Trình ký", "Đã ký", "Ban hành, cấp số"):
        assert label in html, label
    assert "Đã ban hành" in html  # the status value shown by its label, not "issued"
    assert "classified-access" not in html  # not classified: no access log section


def test_classified_history_shows_who_read_it_to_auditors_only(client, office):
    secret = office.register(confidentiality=Clearance.SECRET, summary="Nội dung mật")
    client.force_login(office.leader)
    client.get(reverse("documents:incoming_detail", args=[secret.pk]))
    html = client.get(reverse("documents:incoming_history", args=[secret.pk])).content.decode()
    assert "classified-access" in html and "Đã xem" in html
    assert "Nội dung mật" not in html  # the summary is not in the trail
    reader = factories.user("vt_mat", roles=[(Role.CLERK, office.tree.province)], clearance=1)
    client.force_login(reader)  # a clerk reads documents but not audit trails
    html = client.get(reverse("documents:incoming_history", args=[secret.pk])).content.decode()
    assert "classified-access" not in html


def test_dashboard_shows_each_persons_document_work(client, office):
    received = office.register()
    office.register(summary="Chưa giao")
    incoming.assign(
        acting_user=office.head,
        document=received,
        lead=office.specialist,
        deadline=timezone.localdate() + datetime.timedelta(days=2),
    )
    to_sign = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=to_sign)
    outgoing.appraise(acting_user=office.head, document=to_sign, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=to_sign, signer=office.leader
    )
    office.signed()

    def cards(user):
        client.force_login(user)
        response = client.get(reverse("core:dashboard"))
        return {c["label"]: c["figure"] for c in response.context["cards"]}

    assert cards(office.specialist)["Văn bản được giao xử lý"] == 1
    assert cards(office.head)["Văn bản đến chờ giao xử lý"] == 1
    assert cards(office.leader)["Văn bản chờ đồng chí ký"] == 1
    assert cards(office.clerk)["Văn bản đã ký chờ ban hành"] == 1
    assert "Văn bản được giao xử lý" not in cards(
        factories.user("kt", roles=[(Role.ACCOUNTANT, office.tree.province)])
    )


def test_delivery_status_from_the_page(client, office):
    document = office.issued()
    rows = dispatch.send(
        acting_user=office.clerk, document=document, recipients=["A"], channel="paper"
    )
    client.force_login(office.clerk)
    url = reverse("documents:outgoing_step", args=[document.pk, "delivery"])
    client.post(url, {"dispatch": rows[0].pk, "status": "delivered"})
    rows[0].refresh_from_db()
    assert rows[0].status == DeliveryStatus.DELIVERED
    assert client.post(url, {"dispatch": rows[0].pk, "status": "recalled"}).status_code == 302
    rows[0].refresh_from_db()
    assert rows[0].status == DeliveryStatus.DELIVERED  # "recalled" is not a choice here
    client.force_login(office.specialist)
    assert client.post(url, {"dispatch": rows[0].pk, "status": "returned"}).status_code == 404
    rows[0].refresh_from_db()
    assert rows[0].status == DeliveryStatus.DELIVERED
