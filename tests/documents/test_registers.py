"""Registers of incoming and outgoing documents and the seal-use log: pages, XLSX and PDF hold
exactly the rows the reader may see, with the Vietnamese title, headers and dd/mm/yyyy dates."""

import datetime
import io
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests import factories
from tests.tools import require_tool
from vanphong.core import numbering
from vanphong.core.models import CancelledNumber, NumberSequence
from vanphong.documents.models import ConfidentialAccess
from vanphong.documents.registers import build
from vanphong.documents.services import dispatch, outgoing
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db

MARCH = {"tu": "01/03/2026", "den": "31/03/2026"}
SECRET_SUMMARY = "Kế hoạch bảo vệ bí mật nhà nước năm 2026"
SECRET_DECISION = "về công tác quốc phòng trên địa bàn tỉnh"


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class World:
    """The province's March 2026: three incoming documents (one Mật), four outgoing ones (one
    Mật, one recalled, one whose number was cancelled), a loose cancelled number, seal uses; and
    one incoming document of the sibling commune."""

    def __init__(self, office):
        self.office = office
        tree = office.tree
        self.secret_clerk = factories.user(
            "vt_mat", roles=[(Role.CLERK, tree.province)], clearance=1, last_name="Văn thư mật"
        )
        self.guide = office.register(
            received_at=at(datetime.date(2026, 3, 5)),
            document_date=datetime.date(2026, 3, 2),
        )
        self.secret = office.register(
            received_at=at(datetime.date(2026, 3, 10)),
            issuer="Ban Thường vụ Tỉnh ủy",
            original_number="Số 15-KH/TU",
            document_date=datetime.date(2026, 3, 9),
            doc_type="ke_hoach",
            summary=SECRET_SUMMARY,
            confidentiality=1,
            urgency="urgent",
        )
        self.april = office.register(
            received_at=at(datetime.date(2026, 4, 2)),
            document_date=datetime.date(2026, 4, 1),
            summary="Văn bản tháng Tư",
        )
        self.commune_doc = office.register(
            acting_user=office.sibling_clerk,
            organization=tree.commune_b,
            received_at=at(datetime.date(2026, 3, 6)),
            document_date=datetime.date(2026, 3, 6),
            summary="Công văn của xã Sa Pa",
        )
        from vanphong.documents.services import incoming

        incoming.assign(
            acting_user=office.head,
            document=self.guide,
            lead=office.specialist,
            deadline=timezone.localdate() + datetime.timedelta(days=10),
        )
        self.resolution = office.issued(on=datetime.date(2026, 3, 12))
        self.recalled = office.issued(on=datetime.date(2026, 3, 13), summary="về việc sẽ thu hồi")
        outgoing.recall(acting_user=office.clerk, document=self.recalled, reason="Ban hành nhầm")
        self.cancelled = office.issued(on=datetime.date(2026, 3, 14), summary="về việc bị hủy số")
        outgoing.cancel(acting_user=office.clerk, document=self.cancelled, reason="Sai thể thức")
        self.secret_out = office.issued(
            on=datetime.date(2026, 3, 16), summary=SECRET_DECISION, confidentiality=1
        )
        self.february = office.issued(on=datetime.date(2026, 2, 20), summary="ban hành tháng Hai")
        sequence = NumberSequence.objects.create(
            organization=tree.province,
            key="outgoing:manual",
            label="Giấy giới thiệu",
            last_number=7,
        )
        loose = numbering.cancel(sequence, 7, reason="Giấy hỏng khi in", actor=office.clerk)
        # cancelled in March (the log's own time is set on creation)
        CancelledNumber.objects.filter(pk=loose.pk).update(
            cancelled_at=at(datetime.date(2026, 3, 20))
        )
        dispatch.apply_seal(
            acting_user=office.clerk, document=self.resolution, copies=5, note="Gửi các đảng ủy"
        )
        dispatch.apply_seal(acting_user=self.secret_clerk, document=self.secret_out, copies=2)


@pytest.fixture
def world(office):
    return World(office)


def get(client, user, name, *args, **params):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(f"documents:{name}", args=args), params)


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def pdf_text(response, tmp_path) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "register.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        [require_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "\f".join(" ".join(page.split()) for page in text.split("\f"))


def body(sheet):
    return [list(r) for r in sheet.iter_rows(min_row=6, values_only=True)]


# --- incoming register ---------------------------------------------------------------------


def test_incoming_xlsx_has_title_organization_period_headers_and_march_rows(client, world):
    sheet = workbook(get(client, world.secret_clerk, "register_download", "den", "xlsx", **MARCH))
    assert sheet["A1"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
    assert sheet["A2"].value == "Đảng bộ tỉnh Lào Cai"
    assert sheet["A3"].value == "Từ ngày 01/03/2026 đến ngày 31/03/2026"
    assert [c.value for c in sheet[5]] == [c.label for c in build.INCOMING_COLUMNS]
    assert [c.value for c in sheet[5]][:4] == ["Số đến", "Ngày đến", "Nơi gửi", "Số và ký hiệu"]
    rows = body(sheet)
    assert [r[0] for r in rows] == [
        world.guide.number,
        world.secret.number,
    ]  # not April, not the commune
    guide, secret = rows
    assert guide[1] == datetime.datetime(2026, 3, 5)
    assert sheet["B6"].number_format == "dd/mm/yyyy"
    assert sheet["E6"].number_format == "dd/mm/yyyy"
    assert guide[2:4] == ["Ban Tổ chức Trung ương", "42-HD/BTCTW"]
    assert guide[5] == "Hướng dẫn"
    assert guide[6] == "Hướng dẫn tổ chức sinh hoạt chi bộ"
    assert guide[8] == str(world.office.specialist)
    assert guide[10] == "Đã phân công"
    assert secret[6] == SECRET_SUMMARY
    assert secret[7] == "MẬT, KHẨN"


def test_incoming_pdf_shows_vietnamese_title_rows_and_page_numbers(client, world, tmp_path):
    text = pdf_text(
        get(client, world.secret_clerk, "register_download", "den", "pdf", **MARCH), tmp_path
    )
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text
    assert "Từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert "Ban Tổ chức Trung ương" in text
    assert "05/03/2026" in text
    assert "bảo vệ bí mật" in text
    assert "Văn bản tháng Tư" not in text
    assert "Trang 1/1" in text


def test_pdf_repeats_the_header_row_on_every_page(client, office, tmp_path):
    for day in range(1, 29):
        office.register(
            received_at=at(datetime.date(2026, 2, day)),
            document_date=datetime.date(2026, 2, day),
            summary=f"Công văn số thứ {day} về việc triển khai nhiệm vụ " * 3,
        )
    response = get(
        client, office.clerk, "register_download", "den", "pdf", tu="01/02/2026", den="28/02/2026"
    )
    text = pdf_text(response, tmp_path)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Số đến" in page and "Trích yếu" in page
        assert f"Trang {number}/{len(pages)}" in page


def test_without_clearance_the_classified_row_is_in_no_page_xlsx_or_pdf(client, world, tmp_path):
    clerk = world.office.clerk  # clearance 0
    page = get(client, clerk, "register", "den", **MARCH)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hướng dẫn tổ chức sinh hoạt chi bộ" in html
    assert SECRET_SUMMARY not in html and "15-KH/TU" not in html
    rows = body(workbook(get(client, clerk, "register_download", "den", "xlsx", **MARCH)))
    assert [r[0] for r in rows] == [world.guide.number]
    text = pdf_text(get(client, clerk, "register_download", "den", "pdf", **MARCH), tmp_path)
    assert "bảo vệ bí mật" not in text and "15-KH/TU" not in text


def test_with_clearance_the_page_shows_the_classified_row(client, world):
    html = get(client, world.secret_clerk, "register", "den", **MARCH).content.decode()
    assert SECRET_SUMMARY in html
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in html
    # the register showed a classified document: that is a logged view of it
    log = ConfidentialAccess.objects.get(user=world.secret_clerk)
    assert (log.kind, log.target_type) == ("view", "documents.incomingdocument")
    get(client, world.secret_clerk, "register_download", "den", "xlsx", **MARCH)
    assert ConfidentialAccess.objects.filter(user=world.secret_clerk, kind="download").count() == 1
    get(client, world.office.clerk, "register", "den", **MARCH)  # no clearance: nothing shown
    assert not ConfidentialAccess.objects.filter(user=world.office.clerk).exists()


# --- outgoing register ---------------------------------------------------------------------


def test_outgoing_xlsx_lists_issued_recalled_cancelled_and_loose_cancelled_numbers(client, world):
    sheet = workbook(get(client, world.secret_clerk, "register_download", "di", "xlsx", **MARCH))
    assert sheet["A1"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
    assert [c.value for c in sheet[5]] == [c.label for c in build.OUTGOING_COLUMNS]
    rows = {r[0]: r for r in body(sheet)}
    w = world
    assert set(rows) == {
        w.resolution.symbol,
        w.recalled.symbol,
        w.cancelled.symbol,
        w.secret_out.symbol,
        "Số 7 (Giấy giới thiệu)",
    }
    first = rows[w.resolution.symbol]
    assert first[1] == datetime.datetime(2026, 3, 12)
    assert first[2] == "Nghị quyết"
    assert first[3] == "về tăng cường công tác văn thư, lưu trữ"
    assert first[4] == f"{w.office.leader} (Bí thư)"
    assert first[5] == "Các đảng ủy trực thuộc; Lưu Văn phòng Tỉnh ủy"
    assert first[6].startswith("5 bản, đóng dấu ")
    assert rows[w.recalled.symbol][7] == "Đã thu hồi: Ban hành nhầm"
    assert rows[w.cancelled.symbol][7] == "Số đã hủy: Sai thể thức"
    assert rows["Số 7 (Giấy giới thiệu)"][7] == "Số đã hủy: Giấy hỏng khi in"
    assert rows[w.secret_out.symbol][7] == "MẬT"
    assert sheet["B6"].number_format == "dd/mm/yyyy"
    # in the order of issue
    issued = [r[0] for r in body(sheet) if r[0] != "Số 7 (Giấy giới thiệu)"]
    assert issued == [
        w.resolution.symbol,
        w.recalled.symbol,
        w.cancelled.symbol,
        w.secret_out.symbol,
    ]


def test_outgoing_without_clearance_hides_the_classified_document(client, world, tmp_path):
    clerk = world.office.clerk
    symbols = [
        r[0] for r in body(workbook(get(client, clerk, "register_download", "di", "xlsx", **MARCH)))
    ]
    assert world.secret_out.symbol not in symbols
    assert world.resolution.symbol in symbols
    html = get(client, clerk, "register", "di", **MARCH).content.decode()
    assert SECRET_DECISION not in html and world.secret_out.symbol not in html
    text = pdf_text(get(client, clerk, "register_download", "di", "pdf", **MARCH), tmp_path)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text
    assert world.resolution.symbol in text
    assert "Số đã hủy: Sai thể thức" in text
    assert "quốc phòng" not in text and world.secret_out.symbol not in text


# --- seal-use log --------------------------------------------------------------------------


def test_seal_log_xlsx_and_pdf(client, world, tmp_path):
    year = {"tu": f"01/01/{timezone.localdate().year}", "den": f"31/12/{timezone.localdate().year}"}
    sheet = workbook(
        get(client, world.secret_clerk, "register_download", "con-dau", "xlsx", **year)
    )
    assert sheet["A1"].value == "SỔ THEO DÕI SỬ DỤNG CON DẤU"
    assert [c.value for c in sheet[5]] == [
        "STT", "Thời gian", "Văn bản", "Trích yếu", "Người đóng dấu", "Số bản", "Ghi chú"
    ]  # fmt: skip
    rows = body(sheet)
    assert [r[2] for r in rows] == [world.resolution.symbol, world.secret_out.symbol]
    assert rows[0][4] == str(world.office.clerk)
    assert rows[0][5] == 5 and rows[0][6] == "Gửi các đảng ủy"
    assert sheet["B6"].number_format == "dd/mm/yyyy hh:mm"
    # without clearance: the classified document's seal use is not there
    clerk_rows = body(
        workbook(get(client, world.office.clerk, "register_download", "con-dau", "xlsx", **year))
    )
    assert [r[2] for r in clerk_rows] == [world.resolution.symbol]
    text = pdf_text(
        get(client, world.office.clerk, "register_download", "con-dau", "pdf", **year), tmp_path
    )
    assert "SỔ THEO DÕI SỬ DỤNG CON DẤU" in text and "Gửi các đảng ủy" in text
    assert "quốc phòng" not in text


def test_default_period_is_this_year(client, world):
    response = get(client, world.office.clerk, "register", "con-dau")
    year = timezone.localdate().year
    assert f"Từ ngày 01/01/{year} đến ngày 31/12/{year}" in response.content.decode()
    assert world.resolution.symbol in response.content.decode()


# --- access matrix -------------------------------------------------------------------------

PAGES = [
    ("register", ("den",)),
    ("register", ("di",)),
    ("register", ("con-dau",)),
    ("register_download", ("den", "xlsx")),
    ("register_download", ("di", "xlsx")),
    ("register_download", ("con-dau", "xlsx")),
    ("register_download", ("den", "pdf")),
    ("register_download", ("di", "pdf")),
    ("register_download", ("con-dau", "pdf")),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_access_matrix(client, world, name, args):
    province = world.office.tree.province
    commune_b = world.office.tree.commune_b
    # anonymous: to the login page
    response = get(client, None, name, *args, don_vi=province.pk, **MARCH)
    assert response.status_code == 302 and reverse("core:login") in response["Location"]
    # the province's clerk: allowed, for the province and for a commune below it
    assert (
        get(client, world.office.clerk, name, *args, don_vi=province.pk, **MARCH).status_code == 200
    )
    assert (
        get(client, world.office.clerk, name, *args, don_vi=commune_b.pk, **MARCH).status_code
        == 200
    )
    # the sibling commune's clerk: the province is outside the scope → 404, like a missing one
    sibling = world.office.sibling_clerk
    assert get(client, sibling, name, *args, don_vi=province.pk, **MARCH).status_code == 404
    assert (
        get(client, sibling, name, *args, don_vi=world.office.tree.commune_a.pk).status_code == 404
    )
    assert get(client, sibling, name, *args, don_vi=999999).status_code == 404
    # a party member without document rights: 404
    member = factories.user("dv", roles=[(Role.MEMBER, province)])
    assert get(client, member, name, *args, **MARCH).status_code == 404


def test_sibling_clerk_sees_only_the_commune(client, world):
    sibling = world.office.sibling_clerk
    html = get(client, sibling, "register", "den", **MARCH).content.decode()
    assert "Công văn của xã Sa Pa" in html
    assert "Đảng bộ xã Sa Pa" in html
    assert "Hướng dẫn tổ chức sinh hoạt chi bộ" not in html
    assert "Đảng bộ tỉnh Lào Cai</option>" not in html
    rows = body(workbook(get(client, sibling, "register_download", "den", "xlsx", **MARCH)))
    assert [r[6] for r in rows] == ["Công văn của xã Sa Pa"]
    di = body(workbook(get(client, sibling, "register_download", "di", "xlsx", **MARCH)))
    seal = body(workbook(get(client, sibling, "register_download", "con-dau", "xlsx")))
    assert di == [] and seal == []


def test_unknown_register_or_format_is_404(client, world):
    assert get(client, world.office.clerk, "register", "khac").status_code == 404
    assert get(client, world.office.clerk, "register_download", "den", "docx").status_code == 404


def test_bad_period_gives_a_vietnamese_message_and_the_default_period(client, world):
    response = get(client, world.office.clerk, "register", "den", tu="32/13/2026")
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1 and "32/13/2026" in messages[0]
    response = get(client, world.office.clerk, "register", "den", tu="31/03/2026", den="01/03/2026")
    assert len(list(response.context["messages"])) == 1
    download = get(client, world.office.clerk, "register_download", "den", "xlsx", tu="x")
    assert download.status_code == 302
    assert download["Location"].startswith(reverse("documents:register", args=["den"]))
