"""Document pages: the whole flow through HTTP, and the access matrix (sibling, parent, child,
with and without the role, anonymous) where a refused request changes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.tools import require_tool
from vanphong.core.models import Clearance
from vanphong.documents import symbols
from vanphong.documents.models import (
    ConfidentialAccess,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.organizations.roles import Role


def _pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(100, 750, "Cong van so 141-CV/VPTW")
    c.save()
    return buffer.getvalue()


def _form(office, **extra):
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
        "confidentiality": "0",
    }
    data.update(extra)
    return data


def test_clerk_registers_with_a_file_and_sees_duplicates(client, office):
    client.force_login(office.clerk)
    url = reverse("documents:incoming_register")
    data = _form(office, file=SimpleUploadedFile("cv 141.pdf", _pdf()))
    response = client.post(url, data)
    document = IncomingDocument.objects.get()
    assert response.status_code == 302 and document.number == 1
    assert document.files.get().name == "cv 141.pdf"
    again = client.post(url, _form(office))
    assert again.status_code == 200 and "duplicates" in again.content.decode()
    assert IncomingDocument.objects.count() == 1
    confirmed = client.post(url, _form(office, confirm_duplicate="on"))
    assert confirmed.status_code == 302 and IncomingDocument.objects.count() == 2


@pytest.mark.parametrize(
    ("issuer", "typed", "warned"),
    [
        ("Tỉnh ủy Lào Cai", "Số: 12/QĐ-UBND", True),
        ("Ban Tổ chức Trung ương", "12/HD-BTC", True),
        ("Đảng ủy xã Bảo Thắng", "12-QĐ/ĐU", False),
        ("Văn phòng Trung ương Đảng", "Số 141-CV/VPTW", False),
        ("Ủy ban nhân dân tỉnh Lào Cai", "Số: 12/QĐ-UBND", False),  # the state's own form
    ],
)
def test_a_party_symbol_typed_off_form_is_kept_as_typed_and_flagged(
    client, office, issuer, typed, warned
):
    client.force_login(office.clerk)
    response = client.post(
        reverse("documents:incoming_register"),
        _form(office, issuer=issuer, original_number=typed),
        follow=True,
    )
    document = IncomingDocument.objects.get()
    assert document.original_number == symbols.strip_number_prefix(typed)
    page = response.content.decode()
    assert ('id="symbol-warning"' in page) is warned
    if warned:
        assert "không theo thể thức văn bản của Đảng" in page


def test_bad_upload_registers_nothing(client, office):
    client.force_login(office.clerk)
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(reverse("documents:incoming_register"), _form(office, file=fake))
    assert response.status_code == 200
    assert not IncomingDocument.objects.exists()
    assert "scan.pdf" in response.content.decode()


def test_flow_through_the_pages(client, office, django_capture_on_commit_callbacks):
    received = office.register()
    client.force_login(office.head)
    step = lambda name, pk=received.pk: reverse("documents:incoming_step", args=[pk, name])  # noqa: E731
    deadline = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    r = client.post(step("assign"), {"lead": office.specialist.pk, "deadline": deadline})
    assert r.status_code == 302
    client.force_login(office.specialist)
    r = client.post(
        reverse("documents:outgoing_create") + f"?tra_loi={received.pk}",
        {
            "organization": office.tree.province.pk,
            "doc_type": "cong_van",
            "summary": "Trả lời Công văn 42-HD/BTCTW",
            "body": "Kính gửi Ban Tổ chức Trung ương.",
            "issuing_body": "Tỉnh ủy Lào Cai",
            "place": "Lào Cai",
            "signer_position": "Bí thư",
            "recipients": "Ban Tổ chức Trung ương",
            "confidentiality": "0",
            "in_reply_to": received.pk,
        },
    )
    draft = OutgoingDocument.objects.get()
    assert r.status_code == 302 and draft.in_reply_to == received
    out = lambda name: reverse("documents:outgoing_step", args=[draft.pk, name])  # noqa: E731
    client.post(out("to_appraisal"))
    client.force_login(office.head)
    client.post(out("appraise"), {"verdict": "agree"})
    client.force_login(office.specialist)
    client.post(out("submit"), {"signer": office.leader.pk})
    client.force_login(office.leader)
    client.post(out("sign"), {"confirm": "on"})  # read the PDF in the page, then sign
    client.force_login(office.clerk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(out("issue"), {})
    draft.refresh_from_db()
    assert draft.status == OutgoingStatus.ISSUED and draft.symbol == "01-CV/TU"
    docx = client.get(reverse("documents:outgoing_docx", args=[draft.pk]))
    assert docx.status_code == 200 and "01-CV-TU.docx" in docx["Content-Disposition"]
    received.refresh_from_db()
    assert received.status == "done"


@pytest.fixture
def others(office):
    t = office.tree
    return {
        "sibling_clerk": office.sibling_clerk,
        "child_clerk": factories.user("vt_con", roles=[(Role.CLERK, t.commune_a)]),
        "parent_clerk": factories.user("vt_tw", roles=[(Role.CLERK, t.centre)]),
        "member_role": factories.user("dv", roles=[(Role.MEMBER, t.province)]),
        "accountant": factories.user("kt", roles=[(Role.ACCOUNTANT, t.province)]),
    }


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("clerk", True),
        ("parent_clerk", True),
        ("sibling_clerk", False),
        ("child_clerk", False),
        ("member_role", False),
        ("accountant", False),
        ("anonymous", False),
    ],
)
def test_access_matrix_for_document_pages(client, office, others, who, allowed):
    received = office.register()
    issued = office.issued()
    user = getattr(office, who, None) or others.get(who)
    if user is not None:
        client.force_login(user)
    pages = [
        reverse("documents:incoming_detail", args=[received.pk]),
        reverse("documents:outgoing_detail", args=[issued.pk]),
        reverse("documents:outgoing_docx", args=[issued.pk]),
    ]
    for url in pages:
        status = client.get(url).status_code
        if who == "anonymous":
            assert status == 302
        else:
            assert status == (200 if allowed else 404), url
    listing = client.get(reverse("documents:incoming_list"))
    if allowed:
        assert received.summary in listing.content.decode()
    elif who != "anonymous":
        assert listing.status_code == 404 or received.summary not in listing.content.decode()


@pytest.mark.parametrize("who", ["sibling_clerk", "specialist", "member_role", "anonymous"])
def test_refused_steps_change_nothing(client, office, others, who):
    """A clerk of a sibling, a specialist (no issue right), a plain member cannot issue/cancel."""
    signed = office.signed()
    user = getattr(office, who, None) or others.get(who)
    if user is not None:
        client.force_login(user)
    for step in ("issue", "cancel", "seal"):
        client.post(reverse("documents:outgoing_step", args=[signed.pk, step]), {"text": "Hủy"})
    signed.refresh_from_db()
    assert signed.status == OutgoingStatus.SIGNED and signed.number is None


def test_classified_hidden_without_clearance_and_logged_with_it(client, office):
    secret = office.register(confidentiality=Clearance.SECRET, summary="Nhân sự khóa mới")
    client.force_login(office.clerk)  # clearance 0
    assert client.get(reverse("documents:incoming_detail", args=[secret.pk])).status_code == 404
    listing = client.get(reverse("documents:incoming_list")).content.decode()
    assert "Nhân sự khóa mới" not in listing
    client.force_login(office.leader)  # clearance 3
    assert client.get(reverse("documents:incoming_detail", args=[secret.pk])).status_code == 200
    log = ConfidentialAccess.objects.get()
    assert (log.user, log.kind, log.target_id) == (office.leader, "view", str(secret.pk))
    assert "Nhân sự" not in log.target_label


def test_classified_pdf_download_is_watermarked_and_logged(client, office):
    import subprocess

    from vanphong.documents.services import files

    secret = office.register(confidentiality=Clearance.SECRET)
    row = files.add_upload(office.clerk, secret, SimpleUploadedFile("mat.pdf", _pdf()))
    client.force_login(office.leader)
    response = client.get(reverse("documents:file_download", args=[row.pk]))
    assert response.status_code == 200
    text = subprocess.run(
        [require_tool("pdftotext"), "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "Trần Quốc Hùng" in text or "Hùng Trần Quốc" in text
    assert ConfidentialAccess.objects.filter(kind="download", user=office.leader).exists()


def test_search_count_is_capped_and_pages_keep_their_order(client, office, settings):
    from vanphong.documents import search, views_common

    for i in range(7):
        office.register(
            summary=f"Công văn số {i} về công tác văn thư", original_number=f"{i}-CV/VPTW"
        )
    client.force_login(office.clerk)
    url = reverse("documents:incoming_list")
    page = client.get(url).context["page"]
    assert [d.number for d in page] == [7, 6, 5, 4, 3, 2, 1]
    assert "7 văn bản" in client.get(url).content.decode()
    caps = search.SEARCH_COUNT_CAP, views_common.PAGE_SIZE
    search.SEARCH_COUNT_CAP, views_common.PAGE_SIZE = 5, 2
    try:
        pages = [client.get(url, {"q": "cong van", "trang": n}) for n in (1, 2, 3, 4)]
    finally:
        search.SEARCH_COUNT_CAP, views_common.PAGE_SIZE = caps
    assert pages[0].context["page"].paginator.capped
    assert "Hơn 5 văn bản" in pages[0].content.decode()
    shown = [[d.number for d in p.context["page"]] for p in pages]
    assert shown == [[7, 6], [5, 4], [3], [3]]  # five at most; a page past the end is the last


def test_every_page_of_a_long_register_in_order(client, office, settings):
    """Pages in the back half are read from the other end of the order: every page still holds
    the right rows, in order, and together they hold each document once."""
    from vanphong.documents import views_common

    original = views_common.PAGE_SIZE
    views_common.PAGE_SIZE = 3
    try:
        for i in range(11):
            office.register(summary=f"Văn bản {i}", original_number=f"{i}-CV/VPTW")
        client.force_login(office.clerk)
        url = reverse("documents:incoming_list")
        seen = []
        for page in range(1, 5):
            seen += [d.number for d in client.get(url, {"trang": page}).context["page"]]
    finally:
        views_common.PAGE_SIZE = original
    assert seen == list(range(11, 0, -1))


def test_make_the_pdf_of_an_issued_document(client, office, settings, tmp_path):
    """The clerk makes the issued document's PDF (LibreOffice); without LibreOffice the page says
    so in Vietnamese and stores nothing."""
    from vanphong.documents.models import FileRole

    settings.MEDIA_ROOT = str(tmp_path)
    document = office.issued()
    client.force_login(office.clerk)
    url = reverse("documents:outgoing_step", args=[document.pk, "pdf"])
    settings.SOFFICE_BINARY = "/khong/co/soffice"
    response = client.post(url, follow=True)
    assert "LibreOffice" in response.content.decode()
    assert not document.files.filter(role=FileRole.ISSUED_PDF).exists()
    require_tool("soffice")
    settings.SOFFICE_BINARY = "soffice"
    client.post(url)
    pdf = document.files.get(role=FileRole.ISSUED_PDF)
    assert pdf.name == f"{document.symbol.replace('/', '-')}.pdf"
    assert client.get(reverse("documents:file_download", args=[pdf.pk])).content.startswith(
        b"%PDF-"
    )


def test_the_lead_handler_is_chosen_among_those_who_handle_shown_with_their_roles(client, office):
    document = office.register()
    client.force_login(office.head)
    form = client.get(reverse("documents:incoming_detail", args=[document.pk])).context[
        "assign_form"
    ]
    leads = dict((str(value), label) for value, label in form.fields["lead"].choices if value != "")
    assert str(office.specialist.pk) in leads and str(office.clerk.pk) not in leads
    assert leads[str(office.specialist.pk)] == "Nguyễn Văn Minh — Chuyên viên"
    readers = {str(value) for value, _label in form.fields["readers"].choices}
    assert str(office.clerk.pk) in readers  # she may still be told, for information
