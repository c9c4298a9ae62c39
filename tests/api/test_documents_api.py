"""The document endpoints: the whole route of a document through the API, duplicates, classified
documents, files, bad input, and the OpenAPI schema."""

import datetime
import io
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx.oxml.ns import qn
from reportlab.pdfgen import canvas

from tests import factories
from tests.api.conftest import TOKEN_ACTIONS, bearer, errors
from tests.documents.office import Office
from vanphong.core.models import AuditEntry, Notification
from vanphong.documents.models import (
    AppraisalComment,
    Assignment,
    ConfidentialAccess,
    Dispatch,
    DocumentFile,
    DraftVersion,
    IncomingDocument,
    OutgoingDocument,
    ProgressNote,
    SealUse,
)
from vanphong.documents.services import outgoing
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

# Shared helpers of the document API tests (imported by the other test_documents_*.py files)


@pytest.fixture
def office(tree):
    return Office(tree)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


def docs_state() -> dict:
    """Every row the document endpoints could write, to prove a refusal changed nothing."""
    return {
        "incoming": list(IncomingDocument.objects.order_by("pk").values()),
        "outgoing": list(OutgoingDocument.objects.order_by("pk").values()),
        "assignments": list(Assignment.objects.order_by("pk").values()),
        "notes": ProgressNote.objects.count(),
        "versions": DraftVersion.objects.count(),
        "appraisals": AppraisalComment.objects.count(),
        "dispatches": list(Dispatch.objects.order_by("pk").values()),
        "seal_uses": SealUse.objects.count(),
        "files": DocumentFile.objects.count(),
        "audit": AuditEntry.objects.exclude(action__in=TOKEN_ACTIONS).count(),
        "notifications": Notification.objects.count(),
    }


def pdf_bytes(text: str = "Cong van so 42-HD/BTCTW") -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    sheet.drawString(72, 720, text)
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def incoming_payload(organization, **overrides) -> dict:
    values = {
        "organization": organization.pk,
        "received_at": "2026-11-02T08:30:00",
        "channel": "paper",
        "issuer": "Ban Tổ chức Trung ương",
        "original_number": "Số 42-HD/BTCTW",
        "document_date": "2026-10-28",
        "doc_type": "huong_dan",
        "summary": "Hướng dẫn tổ chức sinh hoạt chi bộ",
        "pages": 6,
    }
    return values | overrides


def draft_payload(organization, **overrides) -> dict:
    values = {
        "organization": organization.pk,
        "doc_type": "cong_van",
        "summary": "V/v triển khai hướng dẫn sinh hoạt chi bộ",
        "body": "Đoạn một.\nĐoạn hai.",
        "issuing_body": "Tỉnh ủy Lào Cai",
        "superior_body": "Đảng bộ tỉnh Lào Cai",
        "place": "Lào Cai",
        "signer_position": "Bí thư",
        "authority_line": "T/M Ban Thường vụ",
        "recipients": "Ban Tổ chức Trung ương\nLưu Văn phòng Tỉnh ủy",
    }
    return values | overrides


def service_error(response) -> tuple[int, str, str]:
    body = response.json()
    return response.status_code, body["code"], body["message"]


# The route of a document, end to end


def test_from_registration_to_the_sealed_reply(
    api, office, tree, media, django_capture_on_commit_callbacks
):
    """GIVEN the province's office
    WHEN the clerk registers a document, the office head assigns it, the leader directs, the
    specialist drafts a reply, the head appraises it, the leader signs, the clerk issues, sends
    and seals it
    THEN each step answers the new state, the reply is numbered 01-CV/TU, the incoming document is
    closed by it, and the issued DOCX carries the number."""
    registered = api("post", "/incoming", office.clerk, json=incoming_payload(tree.province))
    assert registered.status_code == 201, registered.content
    incoming_id = registered.json()["id"]
    assert (registered.json()["number"], registered.json()["year"]) == (1, 2026)
    assert registered.json()["original_number"] == "42-HD/BTCTW"
    assert registered.json()["registered_by"]["id"] == office.clerk.pk

    assigned = api(
        "post",
        f"/incoming/{incoming_id}/assign",
        office.head,
        json={
            "lead": office.specialist.pk,
            "readers": [office.leader.pk],
            "deadline": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        },
    )
    assert assigned.status_code == 200, assigned.content
    assert assigned.json()["status"] == "assigned"
    assert [(a["user"]["id"], a["role"]) for a in assigned.json()["assignments"]] == [
        (office.specialist.pk, "lead"),
        (office.leader.pk, "reader"),
    ]

    directed = api(
        "post",
        f"/incoming/{incoming_id}/direction",
        office.leader,
        json={"text": "Đồng chí Minh chủ trì, trả lời trước ngày 30."},
    )
    assert directed.json()["direction"] == "Đồng chí Minh chủ trì, trả lời trước ngày 30."
    progress = api(
        "post", f"/incoming/{incoming_id}/progress", office.specialist, json={"text": "Đang soạn"}
    )
    assert (progress.json()["status"], progress.json()["notes"][0]["text"]) == (
        "in_progress",
        "Đang soạn",
    )

    drafted = api(
        "post",
        "/outgoing",
        office.specialist,
        json=draft_payload(tree.province, in_reply_to=incoming_id),
    )
    assert drafted.status_code == 201, drafted.content
    outgoing_id = drafted.json()["id"]
    assert drafted.json()["status"] == "draft"
    assert drafted.json()["in_reply_to_id"] == incoming_id
    assert [v["version"] for v in drafted.json()["versions"]] == [1]

    revised = api(
        "patch",
        f"/outgoing/{outgoing_id}",
        office.specialist,
        json={"body": "Đoạn một.\nĐoạn hai.\nĐoạn ba.", "note": "Thêm đoạn ba"},
    )
    assert [v["note"] for v in revised.json()["versions"]][-1] == "Thêm đoạn ba"
    assert revised.json()["body"].endswith("Đoạn ba.")

    url = f"/outgoing/{outgoing_id}"
    assert api("post", f"{url}/to-appraisal", office.specialist).json()["status"] == "appraisal"
    appraisal = api("post", f"{url}/appraisals", office.head, json={"verdict": "agree"})
    assert appraisal.status_code == 201
    submitted = api("post", f"{url}/submit", office.specialist, json={"signer": office.leader.pk})
    assert (submitted.json()["status"], submitted.json()["signer"]["id"]) == (
        "submitted",
        office.leader.pk,
    )
    signed = api("post", f"{url}/sign", office.leader)
    assert signed.json()["status"] == "signed"
    assert signed.json()["symbol"] == ""

    with django_capture_on_commit_callbacks(execute=True):
        issued = api("post", f"{url}/issue", office.clerk, json={})
    assert issued.status_code == 200, issued.content
    assert (issued.json()["status"], issued.json()["number"], issued.json()["symbol"]) == (
        "issued",
        1,
        "01-CV/TU",
    )
    assert issued.json()["issued_on"] == timezone.localdate().isoformat()
    assert api("get", f"/incoming/{incoming_id}", office.clerk).json()["status"] == "done"

    sent = api("post", f"{url}/dispatches", office.clerk, json={"channel": "electronic"})
    assert sent.status_code == 201
    assert [d["recipient"] for d in sent.json()] == [
        "Ban Tổ chức Trung ương",
        "Lưu Văn phòng Tỉnh ủy",
    ]
    delivered = api(
        "patch",
        f"{url}/dispatches/{sent.json()[0]['id']}",
        office.clerk,
        json={"status": "delivered"},
    )
    assert delivered.json()["status"] == "delivered"
    sealed = api("post", f"{url}/seal", office.clerk, json={"copies": 3, "note": "Bản gửi"})
    assert sealed.status_code == 201
    assert (sealed.json()["copies"], sealed.json()["used_by"]["id"]) == (3, office.clerk.pk)

    detail = api("get", url, office.clerk).json()
    assert [s["copies"] for s in detail["seal_uses"]] == [3]
    assert [f["role"] for f in detail["files"]] == ["issued_docx"]
    download = api("get", f"{url}/docx", office.clerk)
    assert download.status_code == 200
    assert 'filename="01-CV-TU.docx"' in download["Content-Disposition"]
    body = docx.Document(io.BytesIO(download.content)).element.body
    text = "\n".join(p.xpath("string(.)") for p in body.iter(qn("w:p")))
    assert "Số 01-CV/TU" in text
    assert "V/v triển khai hướng dẫn sinh hoạt chi bộ" in text

    actions = list(
        AuditEntry.objects.exclude(action__in=TOKEN_ACTIONS).values_list("action", flat=True)
    )
    for action in (
        "incoming.register",
        "incoming.assign",
        "incoming.direct",
        "incoming.progress",
        "outgoing.draft",
        "outgoing.revise",
        "outgoing.sign",
        "outgoing.issue",
        "incoming.close",
        "outgoing.dispatch",
        "outgoing.seal",
    ):
        assert action in actions


def test_the_signer_may_return_and_the_issuer_may_recall_and_cancel(api, office, tree):
    """GIVEN a submitted draft WHEN the leader returns it THEN it is returned (bị trả lại) with the
    reason;
    GIVEN an issued document WHEN the clerk recalls it THEN its copies are recalled; a draft is
    cancelled by the specialist."""
    draft = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=draft)
    outgoing.appraise(acting_user=office.head, document=draft, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=draft, signer=office.leader
    )
    returned = api(
        "post", f"/outgoing/{draft.pk}/return", office.leader, json={"text": "Sửa câu 2"}
    )
    assert returned.json()["status"] == "returned"
    assert returned.json()["appraisals"][-1]["text"] == "Sửa câu 2"

    issued = office.issued()
    api("post", f"/outgoing/{issued.pk}/dispatches", office.clerk, json={"channel": "paper"})
    recalled = api("post", f"/outgoing/{issued.pk}/recall", office.clerk, json={"text": "Sai sót"})
    assert (recalled.json()["status"], recalled.json()["ended_reason"]) == ("recalled", "Sai sót")
    assert {d["status"] for d in recalled.json()["dispatches"]} == {"recalled"}

    other = office.draft()
    cancelled = api("post", f"/outgoing/{other.pk}/cancel", office.specialist, json={"text": "Bỏ"})
    assert cancelled.json()["status"] == "cancelled"


# Duplicates


def test_a_duplicate_answers_409_and_registers_nothing_until_confirmed(api, office, tree):
    """GIVEN a document already registered WHEN the same issuer, number and date come again
    THEN 409 with the registered one and nothing new; with confirm_duplicate, number 2."""
    first = office.register(document_date=datetime.date(2026, 10, 28))
    before = docs_state()

    again = api("post", "/incoming", office.clerk, json=incoming_payload(tree.province))

    assert again.status_code == 409
    body = again.json()
    assert body["code"] == "duplicate"
    assert body["message"] == "Đã có văn bản cùng cơ quan ban hành, số ký hiệu và ngày trong sổ."
    assert [d["id"] for d in body["duplicates"]] == [first.pk]
    assert docs_state() == before

    confirmed = api(
        "post",
        "/incoming",
        office.clerk,
        json=incoming_payload(tree.province, confirm_duplicate=True),
    )
    assert confirmed.status_code == 201
    assert confirmed.json()["number"] == 2


def test_a_classified_duplicate_is_never_shown_to_a_clerk_without_clearance(api, office, tree):
    """GIVEN a secret document registered WHEN a clerk without clearance registers the same
    THEN it is registered (the clerk may not learn the secret one exists); its summary never
    appears."""
    office.register(
        acting_user=office.leader,
        confidentiality=1,
        summary="Kế hoạch bảo vệ bí mật nội bộ",
        document_date=datetime.date(2026, 10, 28),
    )

    response = api("post", "/incoming", office.clerk, json=incoming_payload(tree.province))

    assert response.status_code == 201
    assert "bảo vệ bí mật" not in response.content.decode()
    cleared = factories.user("vt_mat", roles=[(Role.CLERK, tree.province)], clearance=1)
    seen = api("post", "/incoming", cleared, json=incoming_payload(tree.province))
    assert seen.status_code == 409
    assert len(seen.json()["duplicates"]) == 2


# Classified documents


def test_a_classified_document_is_invisible_without_clearance_and_its_reads_are_logged(api, office):
    """GIVEN a secret document of the province
    WHEN the clerk (no clearance) and the leader (clearance 3) list and open it
    THEN the clerk sees neither it nor its summary and gets 404; the leader sees it and the view
    is logged."""
    secret = office.register(confidentiality=1, summary="Phương án nhân sự khóa mới")
    plain = office.register(original_number="43-HD/BTCTW")

    clerk_list = api("get", "/incoming", office.clerk)
    leader_list = api("get", "/incoming", office.leader)

    assert [d["id"] for d in clerk_list.json()["items"]] == [plain.pk]
    assert "nhân sự khóa mới" not in clerk_list.content.decode()
    assert api("get", f"/incoming/{secret.pk}", office.clerk).status_code == 404
    assert {d["id"] for d in leader_list.json()["items"]} == {plain.pk, secret.pk}
    assert ConfidentialAccess.objects.count() == 0

    opened = api("get", f"/incoming/{secret.pk}", office.leader)

    assert opened.json()["summary"] == "Phương án nhân sự khóa mới"
    log = ConfidentialAccess.objects.get()
    assert (log.user, log.kind, log.target_id) == (office.leader, "view", str(secret.pk))


def test_list_filters_by_status_year_and_words_without_tone_marks(api, office):
    a = office.register(summary="Hướng dẫn tổ chức sinh hoạt chi bộ")
    b = office.register(
        original_number="7-TB/VPTW",
        summary="Thông báo lịch nghỉ Tết",
        issuer="Văn phòng Trung ương",
    )
    IncomingDocument.objects.filter(pk=b.pk).update(status="done")

    def ids(query):
        response = api("get", f"/incoming?{query}", office.clerk)
        assert response.status_code == 200, response.content
        return [d["id"] for d in response.json()["items"]]

    assert ids("q=sinh+hoat") == [a.pk]
    assert ids("q=VAN%20PHONG") == [b.pk]
    assert ids("q=7-TB") == [b.pk]
    assert ids("status=done") == [b.pk]
    assert ids(f"year={a.year}&status=registered") == [a.pk]
    assert ids("year=2001") == []
    assert api("get", "/incoming?status=lost", office.clerk).status_code == 400


# Files


def test_an_uploaded_pdf_is_stored_and_read_back_whole(api, client, office, media):
    """GIVEN a registered document WHEN the clerk uploads a PDF THEN it is listed with its checksum
    and downloads byte for byte."""
    document = office.register()
    content = pdf_bytes()

    named = SimpleUploadedFile("Công văn 42.pdf", content, content_type="application/pdf")
    uploaded = client.post(
        f"/api/v1/incoming/{document.pk}/files", {"file": named}, **bearer(office.clerk)
    )
    assert uploaded.status_code == 201, uploaded.content
    row = uploaded.json()
    assert (row["kind"], row["size"], row["role"]) == ("pdf", len(content), "scan")

    download = api("get", f"/incoming/{document.pk}/files/{row['id']}", office.specialist)

    assert download.status_code == 200
    assert download.content == content
    assert download["Content-Type"] == "application/pdf"
    assert row["id"] in [
        f["id"] for f in api("get", f"/incoming/{document.pk}", office.clerk).json()["files"]
    ]


def test_a_refused_upload_leaves_nothing(client, office, media):
    """GIVEN a registered document WHEN an .exe renamed .pdf is uploaded
    THEN 400 with a Vietnamese message, no row, no stored file."""
    document = office.register()
    before = docs_state()
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 200)

    response = client.post(
        f"/api/v1/incoming/{document.pk}/files", {"file": fake}, **bearer(office.clerk)
    )

    assert response.status_code == 400
    assert response.json()["code"] == "content_mismatch"
    assert docs_state() == before
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


# Bad input


def test_an_impossible_date_is_refused_in_vietnamese(api, office, tree):
    before = docs_state()

    response = api(
        "post",
        "/incoming",
        office.clerk,
        json=incoming_payload(tree.province, document_date="2026-02-30"),
    )

    assert response.status_code == 400
    assert errors(response) == [("document_date", "Nhập một ngày hợp lệ.")]
    assert docs_state() == before


def test_an_empty_summary_is_refused(api, office, tree):
    before = docs_state()

    response = api(
        "post", "/incoming", office.clerk, json=incoming_payload(tree.province, summary="   ")
    )
    draft = api(
        "post", "/outgoing", office.specialist, json=draft_payload(tree.province, summary="")
    )

    assert errors(response) == [("summary", "Trường này là bắt buộc.")]
    assert errors(draft) == [("summary", "Trường này là bắt buộc.")]
    assert docs_state() == before


def test_an_unknown_type_and_a_future_date_are_refused(api, office, tree):
    before = docs_state()

    unknown = api(
        "post", "/incoming", office.clerk, json=incoming_payload(tree.province, doc_type="thu_tay")
    )
    future = api(
        "post",
        "/incoming",
        office.clerk,
        json=incoming_payload(
            tree.province,
            document_date=(timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        ),
    )
    draft = api(
        "post",
        "/outgoing",
        office.specialist,
        json=draft_payload(tree.province, doc_type="thu_tay"),
    )

    assert service_error(unknown) == (
        400,
        "unknown_type",
        "Loại văn bản này không có hiệu lực vào ngày đó.",
    )
    assert service_error(future) == (400, "future_date", "Ngày văn bản ở tương lai.")
    assert service_error(draft)[1] == "unknown_type"
    assert docs_state() == before


def test_a_step_in_the_wrong_state_changes_nothing(api, office):
    """GIVEN a draft WHEN the leader signs it and the clerk issues it, seals it, sends it
    THEN each answers 400 wrong_state in Vietnamese and nothing changes."""
    draft = office.draft()
    before = docs_state()
    message = "Không thể thực hiện bước này ở tình trạng hiện tại của văn bản."

    assert service_error(api("post", f"/outgoing/{draft.pk}/sign", office.leader)) == (
        400,
        "wrong_state",
        message,
    )
    assert service_error(api("post", f"/outgoing/{draft.pk}/issue", office.clerk, json={}))[1:] == (
        "wrong_state",
        message,
    )
    assert (
        service_error(api("post", f"/outgoing/{draft.pk}/seal", office.clerk, json={}))[1]
        == "wrong_state"
    )
    sent = api("post", f"/outgoing/{draft.pk}/dispatches", office.clerk, json={"channel": "paper"})
    assert sent.json()["code"] == "wrong_state"
    assert docs_state() == before


def test_a_closed_document_cannot_be_closed_again(api, office):
    document = office.register()
    assert (
        api(
            "post", f"/incoming/{document.pk}/close", office.head, json={"text": "Đã xong"}
        ).status_code
        == 200
    )
    before = docs_state()

    again = api("post", f"/incoming/{document.pk}/close", office.head, json={"text": "Lần nữa"})

    assert service_error(again)[:2] == (400, "wrong_state")
    assert docs_state() == before


def test_a_specialist_not_assigned_may_not_record_progress(api, office):
    document = office.register()
    before = docs_state()

    response = api(
        "post", f"/incoming/{document.pk}/progress", office.specialist, json={"text": "x"}
    )

    assert service_error(response) == (
        400,
        "not_handler",
        "Chỉ người xử lý văn bản này mới được ghi tiến độ.",
    )
    assert docs_state() == before


def test_assigning_someone_outside_the_office_or_a_future_signer_without_authority_is_400(
    api, office, tree
):
    """GIVEN a registered document WHEN the head assigns the sibling commune's clerk
    THEN 400 on `lead`; GIVEN an appraised draft WHEN it is submitted to the clerk (no signing
    authority) THEN 400 on `signer`; nothing changes."""
    document = office.register()
    draft = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=draft)
    outgoing.appraise(acting_user=office.head, document=draft, verdict="agree")
    before = docs_state()

    assign = api(
        "post",
        f"/incoming/{document.pk}/assign",
        office.head,
        json={"lead": office.sibling_clerk.pk},
    )
    submit = api(
        "post", f"/outgoing/{draft.pk}/submit", office.specialist, json={"signer": office.clerk.pk}
    )

    choice = (
        "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
    )
    assert (assign.status_code, errors(assign)) == (400, [("lead", choice)])
    assert (submit.status_code, errors(submit)) == (400, [("signer", choice)])
    assert docs_state() == before


def test_an_unknown_field_is_refused(api, office, tree):
    response = api(
        "post", "/incoming", office.clerk, json=incoming_payload(tree.province, number=7)
    )

    assert response.status_code == 400
    assert errors(response) == [("number", "Không được gửi trường này ở đây.")]


# OpenAPI


def test_the_openapi_schema_lists_every_document_path(client):
    schema = client.get("/api/v1/openapi.json").json()
    expected = {
        "/api/v1/incoming": {"get", "post"},
        "/api/v1/incoming/{document_id}": {"get"},
        "/api/v1/incoming/{document_id}/assign": {"post"},
        "/api/v1/incoming/{document_id}/direction": {"post"},
        "/api/v1/incoming/{document_id}/progress": {"post"},
        "/api/v1/incoming/{document_id}/close": {"post"},
        "/api/v1/incoming/{document_id}/files": {"post"},
        "/api/v1/incoming/{document_id}/files/{file_id}": {"get"},
        "/api/v1/incoming/{document_id}/files/{file_id}/verify": {"post"},
        "/api/v1/outgoing": {"get", "post"},
        "/api/v1/outgoing/{document_id}": {"get", "patch"},
        "/api/v1/outgoing/{document_id}/to-appraisal": {"post"},
        "/api/v1/outgoing/{document_id}/appraisals": {"post"},
        "/api/v1/outgoing/{document_id}/submit": {"post"},
        "/api/v1/outgoing/{document_id}/sign": {"post"},
        "/api/v1/outgoing/{document_id}/return": {"post"},
        "/api/v1/outgoing/{document_id}/issue": {"post"},
        "/api/v1/outgoing/{document_id}/cancel": {"post"},
        "/api/v1/outgoing/{document_id}/recall": {"post"},
        "/api/v1/outgoing/{document_id}/dispatches": {"post"},
        "/api/v1/outgoing/{document_id}/dispatches/{dispatch_id}": {"patch"},
        "/api/v1/outgoing/{document_id}/seal": {"post"},
        "/api/v1/outgoing/{document_id}/docx": {"get"},
        "/api/v1/outgoing/{document_id}/files": {"post"},
        "/api/v1/outgoing/{document_id}/files/{file_id}": {"get"},
    }
    for path, methods in expected.items():
        assert set(schema["paths"][path]) == methods, path
    register = schema["paths"]["/api/v1/incoming"]["post"]
    assert {"201", "409"} <= set(register["responses"])
    upload = schema["paths"]["/api/v1/incoming/{document_id}/files"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "văn bản" in schema["info"]["description"]


# Congress documents


def test_a_congress_draft_is_numbered_in_the_congress_sequence(api, office, tree):
    """GIVEN a congress of the province (28–30/09/2025) WHEN a draft is made for it through the
    API, and another for a congress of a sibling THEN the first is issued in the congress's one
    sequence ("01-NQ/ĐH") and the other is refused with nothing created."""
    from vanphong.documents.models import Congress
    from vanphong.documents.services import congresses

    congress = congresses.save_congress(
        acting_user=office.head,
        congress=Congress(
            organization=tree.province,
            name="Đại hội đại biểu Đảng bộ tỉnh lần thứ I",
            opens_on=datetime.date(2025, 9, 28),
            closes_on=datetime.date(2025, 9, 30),
        ),
    )
    elsewhere = Congress.objects.create(
        organization=tree.commune_b,
        name="Đại hội Đảng bộ xã Sa Pa",
        opens_on=datetime.date(2025, 7, 1),
        closes_on=datetime.date(2025, 7, 2),
    )
    created = api(
        "post",
        "/outgoing",
        office.specialist,
        json=draft_payload(tree.province, doc_type="nghi_quyet", congress=congress.pk),
    )
    assert created.status_code == 201, created.content
    before = OutgoingDocument.objects.count()
    refused = api(
        "post",
        "/outgoing",
        office.specialist,
        json=draft_payload(tree.province, doc_type="nghi_quyet", congress=elsewhere.pk),
    )
    assert refused.status_code == 400 and OutgoingDocument.objects.count() == before
    document = OutgoingDocument.objects.get(pk=created.json()["id"])
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    outgoing.appraise(acting_user=office.head, document=document, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=document, signer=office.leader
    )
    outgoing.sign(acting_user=office.leader, document=document)
    OutgoingDocument.objects.filter(pk=document.pk).update(
        signed_at=timezone.make_aware(datetime.datetime(2025, 9, 29, 9))
    )
    issued = api(
        "post", f"/outgoing/{document.pk}/issue", office.clerk, json={"issued_on": "2025-09-30"}
    )
    assert issued.status_code == 200, issued.content
    assert issued.json()["symbol"] == "01-NQ/ĐH"
    assert AuditEntry.objects.filter(action="congress.create", target_id=str(congress.pk)).exists()


def test_a_congress_cannot_close_before_it_opens(office, tree):
    from vanphong.documents.models import Congress
    from vanphong.documents.services import congresses
    from vanphong.documents.services.errors import DocumentError

    with pytest.raises(DocumentError) as error:
        congresses.save_congress(
            acting_user=office.head,
            congress=Congress(
                organization=tree.province,
                name="Đại hội",
                opens_on=datetime.date(2025, 9, 30),
                closes_on=datetime.date(2025, 9, 28),
            ),
        )
    assert error.value.code == "congress_closes_first"
    assert not Congress.objects.exists()
