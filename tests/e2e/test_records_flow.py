"""A year's files from the plan to the archive, in a real Chromium.

GIVEN the demo without this year's file plan, `vanthu` makes this year's plan from last year's,
adds a row, opens its file, files documents of the registers and closes it; `luutru` receives
it into the archive and downloads the list of files handed over, which opens as a Word file;
`chuyenvien` asks to borrow it, `chanhvanphong` approves, `luutru` lends it and records its
return."""

import io

import docx
import pytest
from django.core.management import call_command

from vanphong.documents.models import IncomingDocument
from vanphong.organizations.services.members import today
from vanphong.records.models import FilePlan, FileStatus, RecordFile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]
PROVINCE = "Đảng bộ tỉnh Phú Thọ"


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_the_clerk_builds_the_plan_files_and_closes_and_the_archivist_receives(
    live_server, browser_page
):
    call_command("load_demo", verbosity=0)
    year = today().year
    plan = FilePlan.objects.get(organization__name=PROVINCE, year=year)
    RecordFile.objects.filter(item__plan=plan).delete()
    plan.delete()
    base, page = live_server.url, browser_page

    # -- vanthu -----------------------------------------------------------------------------
    _login(page, base, "vanthu")
    page.click("#nav-records")
    page.click("a[href='/ho-so/']")
    page.select_option("#id_organization", label=PROVINCE)
    page.fill("#id_year", str(year))
    page.click("#make-plan")
    assert page.locator("h1").inner_text() == f"Danh mục hồ sơ năm {year}"
    assert page.locator("#plan-items tbody tr").count() == 5  # drafted from last year's
    page.fill("#id_code", "06")
    page.fill("#id_title", "Hồ sơ hội nghị tổng kết năm")
    page.select_option("#id_retention_key", "ho_so_hoi_nghi")
    page.click("#add-item")
    assert "Đã thêm hồ sơ vào danh mục." in page.content()
    page.click("#item-06 button")
    assert page.locator("h1").inner_text() == "06 · Hồ sơ hội nghị tổng kết năm"

    province_docs = IncomingDocument.objects.filter(organization__name=PROVINCE, year=year)
    first = list(province_docs.order_by("document_date", "pk")[:40])
    chosen = [d for d in first if d.confidentiality == 0][:3]
    for document in chosen:
        page.check(f"#doc-den-{document.pk}")
    page.click("#file-documents")
    assert "Đã đưa 3 văn bản vào hồ sơ." in page.content()
    assert page.locator("#toc tbody tr").count() == 3
    page.click("#close-file")
    assert page.locator("#file-status").inner_text() == "Đã kết thúc"
    assert f"hạn nộp lưu 31/12/{year + 1}" in page.locator("#file-facts").inner_text()
    file = RecordFile.objects.get(item__plan__year=year, code="06")
    assert (file.status, file.document_count) == (FileStatus.CLOSED, 3)
    assert file.pages == sum(d.pages for d in chosen)

    # -- luutru -----------------------------------------------------------------------------
    _login(page, base, "luutru")
    page.goto(f"{base}/ho-so/nop-luu/")
    page.check(f"#receive-{file.pk}")
    page.fill("#id_handed_by_name", "Lê Thị Hạnh")
    page.click("#receive-files")
    assert "Đã tiếp nhận hồ sơ vào lưu trữ." in page.content()
    assert page.locator("#handover-files tbody tr").count() == 1
    with page.expect_download() as download:
        page.click("#list-docx")
    listing = docx.Document(io.BytesIO(download.value.path().read_bytes()))
    rows = [[c.text for c in row.cells] for row in listing.tables[1].rows]
    assert rows[1][1:3] == ["06", "Hồ sơ hội nghị tổng kết năm"] and rows[1][4] == "vĩnh viễn"
    file.refresh_from_db()
    assert file.status == FileStatus.HANDED_OVER

    # -- chuyenvien asks to borrow it, chanhvanphong approves, luutru lends it, it comes back -
    _login(page, base, "chuyenvien")
    page.goto(f"{base}/ho-so/kho/")
    page.click(f"#borrow-{file.pk}")
    page.fill("#id_purpose", "Tham khảo để chuẩn bị hội nghị tổng kết.")
    page.click("#request-loan")
    assert "Đã gửi đề nghị mượn hồ sơ." in page.content()
    loan = file.loans.get()
    _login(page, base, "chanhvanphong")
    page.goto(f"{base}/ho-so/muon/?cho_duyet=1")
    page.click(f"#approve-{loan.pk}")
    _login(page, base, "luutru")
    page.goto(f"{base}/ho-so/muon/")
    page.click(f"#lend-{loan.pk}")
    row = page.locator(f"#loans-cho_muon tr:has(#return-{loan.pk})")
    assert row.locator(".vp-loan-status").inner_text() == "Đang cho mượn"
    page.click(f"#return-{loan.pk}")
    loan.refresh_from_db()
    assert (loan.status, loan.borrower.username, loan.decided_by.username) == (
        "returned",
        "chuyenvien",
        "chanhvanphong",
    )
