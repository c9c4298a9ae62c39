"""Nothing the user chose is lost on a refused submit: the scan chosen when registering is held
for the next submit (documents/held_uploads.py), and a refused routing shows its errors at their
fields with the handler, the co-handlers and the instruction still chosen."""

import datetime
import re

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.documents.test_pages import _form, _pdf
from vanphong.documents.models import Assignment, DocumentFile, IncomingDocument
from vanphong.organizations.roles import Role


def _held_token(page: str) -> str:
    found = re.search(r'name="file__held" value="([^"]+)"', page)
    assert found, "the page holds the chosen file"
    return found.group(1)


def test_the_scan_is_kept_when_another_field_is_refused(client, office, settings):
    client.force_login(office.clerk)
    url = reverse("documents:incoming_register")
    scan = _pdf()
    refused = client.post(
        url, _form(office, summary="", file=SimpleUploadedFile("cv 141.pdf", scan))
    )
    page = refused.content.decode()
    assert refused.status_code == 200 and not IncomingDocument.objects.exists()
    assert "Tệp đã chọn: cv 141.pdf" in page
    token = _held_token(page)
    assert (settings.DOCUMENT_HELD_DIR / token).read_bytes() == scan

    # the summary typed, no file chosen again: the held one is registered with the document
    done = client.post(url, _form(office, file__held=token))
    document = IncomingDocument.objects.get()
    assert done.status_code == 302
    stored = document.files.get()
    assert stored.name == "cv 141.pdf" and stored.file.read() == scan
    assert not (settings.DOCUMENT_HELD_DIR / token).exists()  # released once stored


def test_a_duplicate_warning_keeps_the_scan_too(client, office):
    office.register(
        issuer="Văn phòng Trung ương Đảng",
        original_number="141-CV/VPTW",
        document_date=datetime.date(2025, 11, 3),
    )
    client.force_login(office.clerk)
    url = reverse("documents:incoming_register")
    warned = client.post(url, _form(office, file=SimpleUploadedFile("cv.pdf", _pdf())))
    token = _held_token(warned.content.decode())
    confirmed = client.post(url, _form(office, file__held=token, confirm_duplicate="on"))
    assert confirmed.status_code == 302
    assert IncomingDocument.objects.latest("pk").files.get().name == "cv.pdf"


def test_the_held_scan_can_be_removed_or_replaced(client, office, settings):
    client.force_login(office.clerk)
    url = reverse("documents:incoming_register")
    first = client.post(url, _form(office, pages="0", file=SimpleUploadedFile("a.pdf", _pdf())))
    token = _held_token(first.content.decode())

    replaced = client.post(
        url, _form(office, pages="0", file__held=token, file=SimpleUploadedFile("b.pdf", _pdf()))
    )
    page = replaced.content.decode()
    assert "Tệp đã chọn: b.pdf" in page and "a.pdf" not in page
    assert not (settings.DOCUMENT_HELD_DIR / token).exists()
    second = _held_token(page)

    removed = client.post(url, _form(office, file__held=second, file__held_remove="1"))
    assert removed.status_code == 302
    assert not DocumentFile.objects.exists()  # registered without a scan, as asked
    assert not (settings.DOCUMENT_HELD_DIR / second).exists()


def test_a_refused_file_is_not_held_and_its_error_stands_at_its_field(client, office, settings):
    client.force_login(office.clerk)
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(reverse("documents:incoming_register"), _form(office, file=fake))
    assert "scan.pdf" in response.context["form"].errors["file"][0]
    assert response.context["form"].held is None
    assert 'name="file__held"' not in response.content.decode()
    assert not IncomingDocument.objects.exists()


def test_a_held_file_belongs_to_its_session_and_user_and_expires(client, office, settings):
    client.force_login(office.clerk)
    url = reverse("documents:incoming_register")
    first = client.post(url, _form(office, summary="", file=SimpleUploadedFile("a.pdf", _pdf())))
    token = _held_token(first.content.decode())

    other = factories.user("vt2", roles=[(Role.CLERK, office.tree.province)])
    client.force_login(other)  # another session: the token is not its own
    stolen = client.post(url, _form(office, file__held=token))
    assert stolen.status_code == 200 and "file" in stolen.context["form"].errors
    assert not IncomingDocument.objects.exists()

    client.force_login(office.clerk)
    again = client.post(url, _form(office, summary="", file=SimpleUploadedFile("a.pdf", _pdf())))
    token = _held_token(again.content.decode())
    later = timezone.now() + datetime.timedelta(minutes=settings.DOCUMENT_HELD_MINUTES + 1)
    with time_machine.travel(later, tick=False):
        expired = client.post(url, _form(office, file__held=token))
    assert "file" in expired.context["form"].errors  # said, not registered without it
    assert not IncomingDocument.objects.exists()
    assert not (settings.DOCUMENT_HELD_DIR / token).exists()


def _route(client, document, **data):
    return client.post(reverse("documents:incoming_step", args=[document.pk, "assign"]), data)


def test_a_refused_routing_names_its_field_and_keeps_what_was_chosen(client, office):
    document = office.register()
    client.force_login(office.head)
    response = _route(
        client,
        document,
        co_handlers=[office.cleared_specialist.pk],
        readers=[office.clerk.pk],
        direction="Đồng chí Minh chủ trì, báo cáo trước ngày 05/12.",
    )
    assert response.status_code == 400 and not Assignment.objects.exists()
    form = response.context["assign_form"]
    assert list(form.errors) == ["lead"]  # at the field, not a banner naming none
    page = response.content.decode()
    assert "Đồng chí Minh chủ trì, báo cáo trước ngày 05/12." in page
    assert f'<option value="{office.cleared_specialist.pk}" selected>' in page
    assert f'<option value="{office.clerk.pk}" selected>' in page


def test_a_deadline_refused_by_the_service_stands_at_the_deadline(client, office):
    document = office.register()
    client.force_login(office.head)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    response = _route(
        client, document, lead=office.specialist.pk, deadline=yesterday, direction="Khẩn trương"
    )
    assert response.status_code == 400 and not Assignment.objects.exists()
    form = response.context["assign_form"]
    assert list(form.errors) == ["deadline"]
    assert "trước ngày giao việc" in form.errors["deadline"][0]
    page = response.content.decode()
    assert f'<option value="{office.specialist.pk}" selected>' in page and "Khẩn trương" in page


def test_an_empty_progress_note_is_refused_at_its_own_form(client, office):
    document = office.register()
    client.force_login(office.head)
    _route(client, document, lead=office.specialist.pk)
    client.force_login(office.specialist)
    response = client.post(
        reverse("documents:incoming_step", args=[document.pk, "progress"]), {"text": ""}
    )
    assert response.status_code == 400
    assert list(response.context["progress_form"].errors) == ["text"]
    assert not response.context["close_form"].is_bound  # the other forms stay as they were


# --- the outgoing document's steps: the same, where the step's form is on the page ------------


def _out(client, document, step, **data):
    return client.post(reverse("documents:outgoing_step", args=[document.pk, step]), data)


def test_a_recall_without_a_reason_is_refused_at_its_own_form(client, office):
    issued = office.issued()
    client.force_login(office.clerk)
    response = _out(client, issued, "recall", text="")
    assert response.status_code == 400
    assert list(response.context["recall_form"].errors) == ["text"]
    assert not response.context["cancel_form"].is_bound
    issued.refresh_from_db()
    assert issued.status == "issued"


def test_an_issue_date_before_the_signature_stands_at_the_date_and_the_page_stays(client, office):
    signed = office.signed()
    client.force_login(office.clerk)
    before = (timezone.localdate() - datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    response = _out(client, signed, "issue", issued_on=before)
    assert response.status_code == 400
    form = response.context["issue_form"]
    assert list(form.errors) == ["issued_on"]
    assert f'value="{before}"' in response.content.decode()
    signed.refresh_from_db()
    assert signed.status == "signed" and not signed.symbol


def test_a_step_not_open_now_is_still_a_message_on_the_page(client, office):
    """The form is not on the page in this state: its refusal is said as a message."""
    draft = office.draft()
    client.force_login(office.head)
    response = _out(client, draft, "appraise", verdict="agree")
    assert response.status_code == 302
