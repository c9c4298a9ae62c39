"""One error shape for the whole API: {code, message} in Vietnamese, 400 for every request
refused as sent (schema or rule), JSON for unknown addresses, refused methods and unexpected
errors (500, DEBUG off), each documented in the OpenAPI schema."""

import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.api.conftest import bearer, errors
from tests.api.test_documents_api import pdf_bytes
from tests.documents.office import Office

pytestmark = pytest.mark.django_db

PENDING_PO = Path(__file__).parents[2] / "src/vanphong/locale/pending/apierrors.po"


@pytest.fixture(autouse=True)
def pending_translations(settings, tmp_path_factory):
    """The Vietnamese of this work's messages, from its pending PO file until the lead merges it
    into the project's catalogue (then the file is gone and the catalogue answers alone)."""
    if not PENDING_PO.exists():
        return
    target = tmp_path_factory.mktemp("locale") / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    subprocess.run(
        ["msgfmt", "-o", str(target / "django.mo"), str(PENDING_PO)], check=True, timeout=30
    )
    settings.LOCALE_PATHS = [str(target.parents[1]), *settings.LOCALE_PATHS]


@pytest.fixture
def office(tree):
    return Office(tree)


def test_schema_errors_and_rule_refusals_share_status_400(api, office, tree):
    """GIVEN the clerk WHEN she sends an impossible date (the schema refuses it), a bad register
    period (the period's rule refuses it) and an unknown status filter
    THEN each answers 400 with a code and a Vietnamese message; the schema's names the field."""
    bad_date = api(
        "post",
        "/incoming",
        office.clerk,
        json={"organization": tree.province.pk, "received_at": "2026-02-30T08:00:00"},
    )
    bad_period = api("get", "/registers/incoming?from=31/12/2026&to=01/01/2026", office.clerk)
    bad_filter = api("get", "/incoming?status=lost", office.clerk)

    assert [r.status_code for r in (bad_date, bad_period, bad_filter)] == [400, 400, 400]
    assert bad_date.json()["code"] == "invalid"
    assert bad_date.json()["message"] == "Dữ liệu gửi lên không hợp lệ."
    assert ("received_at", "Nhập một ngày hợp lệ.") in errors(bad_date)
    assert bad_period.json()["code"] != "invalid" and bad_period.json()["message"]
    assert errors(bad_filter)[0][0] == "status"


def test_an_unreadable_body_is_400_in_the_shape(api, office):
    response = Client().post(
        "/api/v1/incoming", data="{", content_type="application/json", **bearer(office.clerk)
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_request",
        "message": "Nội dung yêu cầu không phải JSON hợp lệ.",
    }


def test_an_unknown_address_and_a_refused_method_answer_json(office):
    """GIVEN a valid token WHEN it asks for an address the API does not have (a POST too, which
    no CSRF check may turn into a 403), and PUTs to the incoming list THEN 404 and 405 in the
    error shape, not Django's HTML pages."""
    client = Client(enforce_csrf_checks=True)
    missing = client.get("/api/v1/khong-co", **bearer(office.clerk))
    negative_id = client.post("/api/v1/organizations/-1/dissolve", **bearer(office.clerk))
    refused = client.put("/api/v1/incoming", **bearer(office.clerk))

    for response in (missing, negative_id):
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["code"] == "not_found"
    assert refused.status_code == 405
    assert set(refused["Allow"].split(", ")) == {"GET", "POST"}
    assert refused.json() == {
        "code": "method_not_allowed",
        "message": "Địa chỉ này không nhận phương thức PUT.",
    }


def test_an_unexpected_error_answers_json_500_and_is_logged(settings, tmp_path, office, caplog):
    """GIVEN DEBUG off and a stored file WHEN the file store breaks (its folder is now a plain
    file) and the file is downloaded THEN 500 {code, message} in Vietnamese, JSON not Django's
    HTML page, and the traceback goes to the django.request log."""
    settings.DEBUG = False
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document = office.register()
    upload = SimpleUploadedFile("cv.pdf", pdf_bytes(), content_type="application/pdf")
    client = Client(raise_request_exception=False)
    row = client.post(
        f"/api/v1/incoming/{document.pk}/files", {"file": upload}, **bearer(office.clerk)
    ).json()
    broken = tmp_path / "broken"
    broken.write_text("not a folder")
    settings.MEDIA_ROOT = str(broken)

    response = client.get(
        f"/api/v1/incoming/{document.pk}/files/{row['id']}", **bearer(office.clerk)
    )

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "code": "server_error",
        "message": "Máy chủ gặp lỗi ngoài dự kiến. Đồng chí thử lại, hoặc báo quản trị viên.",
    }
    logged = [r for r in caplog.records if r.name == "django.request" and r.levelname == "ERROR"]
    assert logged and logged[0].exc_info is not None


def test_the_openapi_schema_documents_the_error_answers(client):
    """Every operation documents 400 (with the per-field errors), 404 and 500 in the one shape,
    and 401 when it needs a token; the operation ids are the endpoint names, one each."""
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert set(components["ErrorOut"]["required"]) == {"code", "message"}
    assert "errors" in components["InvalidOut"]["properties"]
    operations = [op for path in schema["paths"].values() for op in path.values()]
    for operation in operations:
        responses = operation["responses"]
        name = operation["operationId"]
        invalid = responses["400"]["content"]["application/json"]["schema"]["$ref"]
        assert invalid == "#/components/schemas/InvalidOut", name
        for status in ("404", "500"):
            assert responses[status]["content"]["application/json"], name
        if name != "issue_token":  # the login itself answers 401 for a wrong password
            assert ("401" in responses) == bool(operation.get("security")), name
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids))
    assert "list_incoming" in ids and "deadline_assignments" in ids
    assert "400" in schema["info"]["description"]
