"""The registers, the seal-use log, the deadline dashboard and the drafting templates through the
API: the same rows as the pages, what the reader may see only, classified rows logged, the access
matrix, bad periods in Vietnamese, and the OpenAPI schema."""

import datetime
import io

import openpyxl
import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests import factories
from tests.api import test_documents_api as shared
from tests.api.conftest import Places, matrix
from tests.api.test_documents_api import docs_state
from vanphong.documents.models import Assignment, ConfidentialAccess
from vanphong.documents.services import dispatch, incoming
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

office = shared.office


@pytest.fixture
def places(tree):
    """Around commune A: the province above, commune B beside, cell A1 below."""
    return Places(tree.commune_a, tree.province, tree.commune_b, tree.cell_a1)


@pytest.fixture
def commune_doc(office, tree):
    return office.register(organization=tree.commune_a, summary="Hướng dẫn của xã Bảo Thắng")


def year_query(organization) -> str:
    year = timezone.localdate().year
    return f"organization={organization.pk}&from=01/01/{year}&to=31/12/{year}"


def refused(response, expected: int) -> bool:
    assert response.status_code == expected, response.content
    if expected == 404:
        assert response.json()["code"] == "not_found"
    return expected >= 400


# Happy paths


def test_the_incoming_register_lists_the_year_with_the_page_columns(api, office, tree):
    """GIVEN two documents registered this year by the province and one by commune A
    WHEN the clerk reads the province's incoming register
    THEN two rows in number order, the register's own columns, ISO values and dd/mm/yyyy texts."""
    first = office.register(summary="Hướng dẫn tổ chức sinh hoạt chi bộ")
    second = office.register(original_number="7-TB/VPTW", summary="Thông báo lịch nghỉ Tết")
    office.register(organization=tree.commune_a, original_number="9-CV/HU")

    response = api("get", f"/registers/incoming?organization={tree.province.pk}", office.clerk)

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["kind"], body["title"]) == ("incoming", "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN")
    assert body["organization"] == {"id": tree.province.pk, "name": tree.province.name}
    year = timezone.localdate().year
    assert body["period"]["start"] == f"{year}-01-01"
    assert body["period"]["label"] == f"Từ ngày 01/01/{year} đến ngày 31/12/{year}"
    assert body["columns"][:3] == ["Số đến", "Ngày đến", "Nơi gửi"]
    assert body["count"] == 2
    assert [r["document_id"] for r in body["rows"]] == [first.pk, second.pk]
    assert [r["cells"][0] for r in body["rows"]] == [1, 2]
    received = timezone.localtime(first.received_at).date()
    assert body["rows"][0]["cells"][1] == received.isoformat()
    assert body["rows"][0]["texts"][1] == received.strftime("%d/%m/%Y")
    assert body["rows"][1]["cells"][6] == "Thông báo lịch nghỉ Tết"


def test_without_organization_the_register_is_the_top_of_the_scope(api, office, tree):
    office.register()

    response = api("get", "/registers/incoming", office.clerk)

    assert response.json()["organization"]["id"] == tree.province.pk
    assert response.json()["count"] == 1


def test_the_outgoing_register_and_the_seal_log(api, office, tree):
    """GIVEN an issued resolution sealed twice WHEN the clerk reads the outgoing register and the
    seal-use log THEN the resolution is row 1 of each, with its symbol and the copies."""
    issued = office.issued()
    dispatch.apply_seal(acting_user=office.clerk, document=issued, copies=3, note="Bản gửi")
    dispatch.apply_seal(acting_user=office.clerk, document=issued, copies=2, note="Bản lưu")
    office.draft()  # a draft has no number: not in the register

    out = api("get", f"/registers/outgoing?{year_query(tree.province)}", office.clerk).json()
    seal = api("get", f"/registers/seal?{year_query(tree.province)}", office.clerk).json()

    assert out["title"] == "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
    assert [(r["document_id"], r["cells"][0]) for r in out["rows"]] == [(issued.pk, "01-NQ/TU")]
    assert out["rows"][0]["texts"][6].startswith("5 bản, đóng dấu")
    assert seal["title"] == "SỔ THEO DÕI SỬ DỤNG CON DẤU"
    assert [(r["cells"][0], r["cells"][2], r["cells"][5]) for r in seal["rows"]] == [
        (1, "01-NQ/TU", 3),
        (2, "01-NQ/TU", 2),
    ]
    assert {r["document_id"] for r in seal["rows"]} == {issued.pk}


def test_another_period_narrows_the_rows(api, office, tree):
    office.register()

    empty = api(
        "get",
        f"/registers/incoming?organization={tree.province.pk}&from=2001-01-01&to=2001-12-31",
        office.clerk,
    )

    assert empty.status_code == 200
    assert (empty.json()["count"], empty.json()["period"]["end"]) == (0, "2001-12-31")


def test_the_xlsx_and_pdf_downloads_hold_the_rows(api, office, tree):
    office.register(summary="Hướng dẫn tổ chức sinh hoạt chi bộ")
    query = year_query(tree.province)

    xlsx = api("get", f"/registers/incoming/xlsx?{query}", office.clerk)
    pdf = api("get", f"/registers/incoming/pdf?{query}", office.clerk)

    assert xlsx.status_code == 200, xlsx.content
    year = timezone.localdate().year
    assert (
        f'filename="so-van-ban-den_tu_{year}0101-{year}1231.xlsx"' in (xlsx["Content-Disposition"])
    )
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
    assert sheet["A6"].value == 1
    assert sheet["G6"].value == "Hướng dẫn tổ chức sinh hoạt chi bộ"
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text
    assert "Hướng dẫn tổ chức sinh hoạt" in text


# Classified documents


def test_classified_rows_are_absent_without_clearance_and_logged_with_it(api, office, tree):
    """GIVEN a secret and a plain document WHEN the clerk (no clearance) reads the register
    THEN one row, no secret summary anywhere, nothing logged; WHEN the leader (clearance 3) reads
    and downloads it THEN both rows, and a view then a download of the secret one are logged."""
    secret = office.register(confidentiality=1, summary="Phương án nhân sự khóa mới")
    plain = office.register(original_number="43-HD/BTCTW")
    query = year_query(tree.province)

    clerk = api("get", f"/registers/incoming?{query}", office.clerk)
    clerk_xlsx = api("get", f"/registers/incoming/xlsx?{query}", office.clerk)

    assert [r["document_id"] for r in clerk.json()["rows"]] == [plain.pk]
    assert "nhân sự khóa mới" not in clerk.content.decode()
    cells = [
        c.value
        for row in openpyxl.load_workbook(io.BytesIO(clerk_xlsx.content)).active.rows
        for c in row
    ]
    assert "Phương án nhân sự khóa mới" not in cells
    assert ConfidentialAccess.objects.count() == 0

    leader = api("get", f"/registers/incoming?{query}", office.leader)

    assert [r["document_id"] for r in leader.json()["rows"]] == [secret.pk, plain.pk]
    assert leader.json()["rows"][0]["texts"][7] == "MẬT"
    log = ConfidentialAccess.objects.get()
    assert (log.user, log.kind, log.target_id) == (office.leader, "view", str(secret.pk))

    api("get", f"/registers/incoming/pdf?{query}", office.leader)

    assert list(ConfidentialAccess.objects.order_by("pk").values_list("kind", "target_id")) == [
        ("view", str(secret.pk)),
        ("download", str(secret.pk)),
    ]


# Bad periods


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        (
            "from=31/02/2026",
            "bad_date",
            "“31/02/2026” không phải là ngày hợp lệ: hãy viết theo dạng dd/mm/yyyy, ví dụ 09/01/2026.",
        ),
        (
            "from=01/06/2026&to=01/01/2026",
            "reversed",
            "Ngày bắt đầu không được sau ngày kết thúc.",
        ),
    ],
)
def test_a_bad_period_is_refused_in_vietnamese_and_logs_nothing(
    api, office, tree, query, code, message
):
    office.register(confidentiality=1)

    for path in ("/registers/incoming", "/registers/incoming/xlsx"):
        response = api("get", f"{path}?organization={tree.province.pk}&{query}", office.leader)
        assert (response.status_code, response.json()["code"]) == (400, code)
        assert response.json()["message"] == message
    assert ConfidentialAccess.objects.count() == 0


def test_an_unknown_register_or_format_is_refused(api, office):
    assert api("get", "/registers/visitors", office.clerk).status_code == 400
    assert api("get", "/registers/incoming/docx", office.clerk).status_code == 400
    assert api("get", "/registers/incoming?organization=abc", office.clerk).status_code == 400


# The access matrix


@pytest.mark.parametrize("path", ["/registers/incoming", "/registers/incoming/xlsx"])
@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_a_register(api, places, tree, commune_doc, path, place, holds_role, expected):
    """A role that reads documents at commune A or above reads its register; elsewhere, or with a
    role that does not read documents, 404 like a missing organization; nothing changes."""
    u = places.caller(place, holds_role, Role.CLERK, Role.MEMBER)
    before = docs_state()

    response = api("get", f"{path}?{year_query(tree.commune_a)}", u)

    if not refused(response, expected) and path.endswith("xlsx"):
        assert openpyxl.load_workbook(io.BytesIO(response.content)).active["A6"].value == 1
    elif expected == 200:
        assert [r["document_id"] for r in response.json()["rows"]] == [commune_doc.pk]
    assert docs_state() == before


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_the_seal_log(api, places, office, tree, place, holds_role, expected):
    issued = office.issued(organization=tree.commune_a)
    dispatch.apply_seal(acting_user=office.clerk, document=issued, copies=1, note="")
    u = places.caller(place, holds_role, Role.CLERK, Role.MEMBER)

    response = api("get", f"/registers/seal?{year_query(tree.commune_a)}", u)

    if not refused(response, expected):
        assert [r["document_id"] for r in response.json()["rows"]] == [issued.pk]


def test_a_missing_organization_answers_like_a_forbidden_one(api, office, tree):
    missing = api("get", "/registers/incoming?organization=999999", office.sibling_clerk)
    forbidden = api(
        "get", f"/registers/incoming?organization={tree.province.pk}", office.sibling_clerk
    )

    assert missing.status_code == forbidden.status_code == 404
    assert missing.json() == forbidden.json()


# The deadline dashboard


def _assign(office, document, deadline, lead=None, by=None):
    """Assign today, then move the deadline (a past one cannot be set through the service)."""
    incoming.assign(
        acting_user=by or office.head,
        document=document,
        lead=lead or office.specialist,
        co_handlers=[],
        readers=[],
        deadline=timezone.localdate(),
    )
    Assignment.objects.filter(document=document).update(deadline=deadline)


def test_the_dashboard_counts_assigned_overdue_and_due_soon(api, office, tree):
    """GIVEN three documents assigned to the specialist (overdue, due tomorrow, due in a month)
    WHEN the office head opens the dashboard THEN 3 assigned, 1 overdue, 1 soon, per person and
    in total, and the lists behind the counts hold the right documents."""
    today = timezone.localdate()
    late, soon, later = (
        office.register(original_number=f"{n}-CV/TW", document_date=datetime.date(2025, 10, 28))
        for n in (1, 2, 3)
    )
    _assign(office, late, today - datetime.timedelta(days=2))
    _assign(office, soon, today + datetime.timedelta(days=1))
    _assign(office, later, today + datetime.timedelta(days=30))

    response = api("get", "/registers/deadlines", office.head)

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["today"], body["soon_days"], body["organization"]) == (today.isoformat(), 3, None)
    assert body["people"] == [
        {
            "id": office.specialist.pk,
            "name": str(office.specialist),
            "assigned": 3,
            "overdue": 1,
            "soon": 1,
        }
    ]
    assert {k: body["total"][k] for k in ("assigned", "overdue", "soon")} == {
        "assigned": 3,
        "overdue": 1,
        "soon": 1,
    }
    assert body["mine"] == 0
    assert api("get", "/registers/deadlines", office.specialist).json()["mine"] == 3

    def listed(query):
        page = api("get", f"/registers/deadlines/assignments?{query}", office.head).json()
        return [a["document_id"] for a in page["items"]]

    assert listed("kind=overdue") == [late.pk]
    assert listed("kind=soon") == [soon.pk]
    assert listed(f"person={office.specialist.pk}") == [late.pk, soon.pk, later.pk]
    assert listed(f"person={office.head.pk}") == []
    assert api("get", "/registers/deadlines/assignments?kind=lost", office.head).status_code == 400


def test_the_dashboard_never_counts_a_classified_or_sibling_document(api, office, tree):
    secret = office.register(confidentiality=2, summary="Việc mật")
    cleared = factories.user("cv_mat", roles=[(Role.SPECIALIST, tree.province)], clearance=2)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    _assign(office, secret, yesterday, lead=cleared, by=office.leader)
    sibling_head = factories.user("cvp_b", roles=[(Role.OFFICE_HEAD, tree.commune_b)])

    head = api("get", "/registers/deadlines", office.head).json()
    leader = api("get", "/registers/deadlines", office.leader).json()
    sibling = api("get", "/registers/deadlines", sibling_head).json()
    items = api("get", "/registers/deadlines/assignments", office.head).json()

    assert head["total"]["assigned"] == 0 and head["people"] == []
    assert "Việc mật" not in str(items)
    assert leader["total"]["overdue"] == 1
    assert sibling["total"]["assigned"] == 0


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_the_dashboard_of_an_organization(api, places, tree, place, holds_role, expected):
    u = places.caller(place, holds_role, Role.CLERK, Role.MEMBER)

    response = api("get", f"/registers/deadlines?organization={tree.commune_a.pk}", u)

    if not refused(response, expected):
        assert response.json()["organization"]["id"] == tree.commune_a.pk


# Drafting templates


def test_a_template_starts_from_the_organization_and_the_type(api, office, tree):
    """GIVEN no document of commune A yet WHEN the specialist asks for an official letter's start
    THEN the issuing body is the commune and the superior the province, with the letter's
    template; once a document was drafted, its issuing body and signature block are reused."""
    first = api(
        "get", f"/outgoing/templates/cong_van?organization={tree.commune_a.pk}", office.specialist
    )

    assert first.status_code == 200, first.content
    body = first.json()
    assert (body["organization"], body["doc_type"]) == (tree.commune_a.pk, "cong_van")
    assert body["issuing_body"] == tree.commune_a.name
    assert body["superior_body"] == tree.province.name
    assert body["body"].startswith("Kính gửi: …")
    assert body["recipients"].splitlines()[0] == "Như trên,"

    office.draft(
        organization=tree.commune_a,
        issuing_body="Ban Thường vụ Đảng ủy xã",
        place="Bảo Thắng",
        signer_position="Bí thư",
        authority_line="T/M Ban Thường vụ",
    )
    again = api(
        "get", f"/outgoing/templates/nghi_quyet?organization={tree.commune_a.pk}", office.specialist
    ).json()

    assert (again["issuing_body"], again["place"]) == ("Ban Thường vụ Đảng ủy xã", "Bảo Thắng")
    assert again["doc_type"] == "nghi_quyet"


def test_an_unknown_type_is_refused_in_vietnamese(api, office, tree):
    response = api(
        "get", f"/outgoing/templates/thu_tay?organization={tree.province.pk}", office.specialist
    )

    assert (response.status_code, response.json()["code"]) == (400, "unknown_type")
    assert response.json()["message"] == "Loại văn bản này không có hiệu lực vào ngày đó."


@pytest.mark.parametrize(("place", "holds_role", "expected"), matrix(200))
def test_read_a_template(api, places, tree, place, holds_role, expected):
    """Whoever drafts for commune A (or above) reads its templates; a clerk (does not draft) 404."""
    u = places.caller(place, holds_role, Role.SPECIALIST, Role.CLERK)

    response = api("get", f"/outgoing/templates/cong_van?organization={tree.commune_a.pk}", u)

    if not refused(response, expected):
        assert response.json()["issuing_body"] == tree.commune_a.name


# OpenAPI


def test_the_openapi_schema_lists_the_register_paths(client):
    schema = client.get("/api/v1/openapi.json").json()
    expected = {
        "/api/v1/registers/{kind}": {"get"},
        "/api/v1/registers/{kind}/{fmt}": {"get"},
        "/api/v1/registers/deadlines": {"get"},
        "/api/v1/registers/deadlines/assignments": {"get"},
        "/api/v1/outgoing/templates/{doc_type}": {"get"},
    }
    for path, methods in expected.items():
        assert set(schema["paths"][path]) == methods, path
    register = schema["paths"]["/api/v1/registers/{kind}"]["get"]
    assert {p["name"] for p in register["parameters"]} >= {"kind", "organization", "from", "to"}
    download = schema["paths"]["/api/v1/registers/{kind}/{fmt}"]["get"]
    assert "application/pdf" in download["responses"]["200"]["content"]
