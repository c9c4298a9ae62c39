"""Nobody creates or raises a record above their own clearance: each record kind that carries a
confidentiality (incoming, outgoing), through the service, the page and the API, is refused
before anything is saved, with a Vietnamese message."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.api.conftest import bearer
from tests.pending_po import security_translations  # noqa: F401
from vanphong.core.models import AuditEntry, Clearance
from vanphong.documents.models import DraftVersion, IncomingDocument, OutgoingDocument
from vanphong.documents.services import outgoing
from vanphong.documents.services.errors import DocumentError
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

MESSAGE = "Mức tiếp cận bí mật của đồng chí chưa tới Tuyệt mật"


@pytest.fixture
def secret_staff(office):
    """The clerk and the specialist of the office with clearance Mật."""
    p = office.tree.province
    clerk = factories.user("vt_mat", roles=[(Role.CLERK, p)], clearance=Clearance.SECRET)
    specialist = factories.user("cv_mat", roles=[(Role.SPECIALIST, p)], clearance=1)
    return clerk, specialist


def _rows():
    return (
        list(IncomingDocument.objects.values()),
        list(OutgoingDocument.objects.values()),
        DraftVersion.objects.count(),
        AuditEntry.objects.exclude(action__startswith="api_token").count(),
    )


def test_the_services_refuse_a_level_above_the_user_before_saving(office, secret_staff):
    clerk, specialist = secret_staff
    draft = office.draft(acting_user=specialist, confidentiality=Clearance.SECRET)
    before = _rows()

    with pytest.raises(DocumentError) as registered:
        office.register(acting_user=clerk, confidentiality=Clearance.ABSOLUTE_SECRET)
    with pytest.raises(DocumentError) as created:
        office.draft(acting_user=specialist, confidentiality=Clearance.TOP_SECRET)
    with pytest.raises(DocumentError) as raised:
        outgoing.update_draft(
            acting_user=specialist,
            document=draft,
            summary="đổi trích yếu",
            confidentiality=Clearance.ABSOLUTE_SECRET,
        )

    assert {e.value.code for e in (registered, created, raised)} == {"above_clearance"}
    assert MESSAGE in registered.value.message
    assert "Tối mật" in created.value.message
    assert _rows() == before
    draft.refresh_from_db()
    assert draft.summary != "đổi trích yếu" and draft.confidentiality == Clearance.SECRET


def test_up_to_ones_own_level_is_allowed(office, secret_staff):
    clerk, specialist = secret_staff
    document = office.register(acting_user=clerk, confidentiality=Clearance.SECRET)
    draft = office.draft(acting_user=specialist, confidentiality=Clearance.SECRET)
    outgoing.update_draft(acting_user=specialist, document=draft, confidentiality=Clearance.NONE)
    assert document.pk and draft.pk
    admin = factories.user("admin_x", is_superuser=True)
    office.register(acting_user=admin, confidentiality=Clearance.ABSOLUTE_SECRET)


def _incoming_form(office, **extra):
    data = {
        "organization": office.tree.province.pk,
        "received_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
        "channel": "paper",
        "issuer": "Văn phòng Trung ương Đảng",
        "original_number": "141-CV/VPTW",
        "document_date": "03/11/2025",
        "doc_type": "cong_van",
        "summary": "Về việc báo cáo công tác văn thư, lưu trữ năm 2025",
        "pages": "2",
        "urgency": "",
        "confidentiality": str(Clearance.ABSOLUTE_SECRET),
    }
    return data | extra


def _draft_form(office, **extra):
    data = {
        "organization": office.tree.province.pk,
        "doc_type": "cong_van",
        "summary": "V/v triển khai hướng dẫn sinh hoạt chi bộ",
        "body": "Đoạn một.",
        "issuing_body": "Tỉnh ủy Lào Cai",
        "place": "Lào Cai",
        "signer_position": "Bí thư",
        "recipients": "Ban Tổ chức Trung ương",
        "confidentiality": str(Clearance.ABSOLUTE_SECRET),
    }
    return data | extra


def test_the_pages_refuse_it_next_to_the_field(client, office, secret_staff):
    clerk, specialist = secret_staff
    draft = office.draft(acting_user=specialist, confidentiality=Clearance.SECRET)
    before = _rows()

    client.force_login(clerk)
    registered = client.post(reverse("documents:incoming_register"), _incoming_form(office))
    client.force_login(specialist)
    created = client.post(reverse("documents:outgoing_create"), _draft_form(office))
    edited = client.post(reverse("documents:outgoing_edit", args=[draft.pk]), _draft_form(office))

    for response in (registered, created, edited):
        assert response.status_code == 200
        assert response.context["form"].errors["confidentiality"][0].startswith(MESSAGE)
        assert MESSAGE in response.content.decode()
    assert _rows() == before


def test_the_api_refuses_it_with_the_service_code(client, office, secret_staff):
    clerk, specialist = secret_staff
    draft = office.draft(acting_user=specialist, confidentiality=Clearance.SECRET)
    province = office.tree.province.pk

    def call(method, url, user, payload):
        return getattr(client, method)(
            f"/api/v1{url}", data=payload, content_type="application/json", **bearer(user)
        )

    before = _rows()
    registered = call(
        "post",
        "/incoming",
        clerk,
        {
            "organization": province,
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M:00"),
            "channel": "paper",
            "issuer": "Ban Tổ chức Trung ương",
            "original_number": "Số 42-HD/BTCTW",
            "document_date": "2025-10-28",
            "doc_type": "huong_dan",
            "summary": "Hướng dẫn tổ chức sinh hoạt chi bộ",
            "pages": 6,
            "confidentiality": 3,
        },
    )
    created = call(
        "post",
        "/outgoing",
        specialist,
        {
            "organization": province,
            "doc_type": "cong_van",
            "summary": "V/v triển khai",
            "issuing_body": "Tỉnh ủy Lào Cai",
            "place": "Lào Cai",
            "signer_position": "Bí thư",
            "confidentiality": 3,
        },
    )
    raised = call("patch", f"/outgoing/{draft.pk}", specialist, {"confidentiality": 3})

    for response in (registered, created, raised):
        assert response.status_code == 400, response.content
        assert response.json()["code"] == "above_clearance"
        assert response.json()["message"].startswith(MESSAGE)
    assert _rows() == before
