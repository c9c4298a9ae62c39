"""The steps around the signature: a returned draft has its own state and card, the issue date
lies between the signing day and the rule's days ahead, the signer reads the PDF in the page and
confirms, and every page says who holds the document now."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.documents.test_uploads import pdf_bytes
from tests.documents.test_workflow import fake_soffice  # noqa: F401 — a fixture
from vanphong.core import rules
from vanphong.core.models import Clearance
from vanphong.documents import attention
from vanphong.documents.models import ConfidentialAccess, OutgoingDocument
from vanphong.documents.services import dispatch, outgoing
from vanphong.documents.services.errors import DocumentError

TODAY = datetime.date(2026, 11, 25)  # the suite's fixed day (tests/clock.py)


@pytest.fixture
def pdf_soffice(fake_soffice, settings, tmp_path):  # noqa: F811
    """The LibreOffice stand-in of test_workflow, writing a well-formed one-page PDF (one the
    watermark can stamp)."""
    sample = tmp_path / "sample.pdf"
    sample.write_bytes(pdf_bytes())
    script = Path(settings.SOFFICE_BINARY)
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import pathlib, shutil, sys\n"
        "args = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        f"shutil.copy({str(sample)!r}, out / (pathlib.Path(args[-1]).stem + '.pdf'))\n"
    )


def _submitted(office, **overrides):
    document = office.draft(**overrides)
    drafter = document.drafted_by
    head = office.cleared(office.head, document.confidentiality)
    outgoing.send_to_appraisal(acting_user=drafter, document=document)
    outgoing.appraise(acting_user=head, document=document, verdict="agree")
    outgoing.submit_for_signature(acting_user=drafter, document=document, signer=office.leader)
    document.refresh_from_db()
    return document


def test_a_draft_returned_by_the_signer_has_its_state_card_and_reason(client, office):
    document = _submitted(office)
    outgoing.return_unsigned(acting_user=office.leader, document=document, reason="Sửa đoạn hai")
    document.refresh_from_db()
    assert document.status == "returned"
    assert list(attention.work(office.specialist, "tra_lai")) == [document]
    client.force_login(office.specialist)
    html = client.get(reverse("documents:outgoing_detail", args=[document.pk])).content.decode()
    assert '<span class="badge text-bg-warning">Bị trả lại</span>' in html
    assert 'id="returned-reason"' in html and "Sửa đoạn hai" in html
    cards = {c["label"]: c["figure"] for c in attention.cards_for(office.specialist)}
    assert cards["Dự thảo của đồng chí bị trả lại để sửa"] == 1
    # revised, it is a draft again and leaves the card
    outgoing.update_draft(acting_user=office.specialist, document=document, body="Đoạn đã sửa.")
    document.refresh_from_db()
    assert document.status == "draft"
    assert not attention.work(office.specialist, "tra_lai").exists()


def test_a_revision_asked_by_the_appraiser_is_returned_too(office):
    document = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    outgoing.appraise(acting_user=office.head, document=document, verdict="revise", text="Thiếu")
    document.refresh_from_db()
    assert document.status == "returned"
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)  # as it is
    document.refresh_from_db()
    assert document.status == "appraisal"


def _signed_on(office, day):
    document = office.signed()
    signed_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    OutgoingDocument.objects.filter(pk=document.pk).update(signed_at=signed_at)
    document.refresh_from_db()
    return document


def test_the_issue_date_lies_from_the_signing_day_to_three_days_ahead(office):
    document = _signed_on(office, datetime.date(2026, 11, 20))
    with pytest.raises(DocumentError) as refused:
        outgoing.issue(acting_user=office.clerk, document=document, on=datetime.date(2027, 6, 1))
    assert refused.value.code == "issue_date_ahead"
    assert "01/06/2027" in refused.value.message and "28/11/2026" in refused.value.message
    with pytest.raises(DocumentError) as refused:
        outgoing.issue(acting_user=office.clerk, document=document, on=datetime.date(2026, 11, 19))
    assert refused.value.code == "issue_date"
    assert "20/11/2026" in refused.value.message
    document.refresh_from_db()
    assert document.status == "signed" and not document.number  # nothing changed
    outgoing.issue(acting_user=office.clerk, document=document, on=datetime.date(2026, 11, 28))
    document.refresh_from_db()
    assert document.issued_on == datetime.date(2026, 11, 28) and document.number == 1


def test_the_bound_is_a_dated_rule(office, admin_user):
    rules.set_rule(
        acting_user=admin_user,
        table="issue_date",
        key="outgoing",
        effective_from=datetime.date(2026, 11, 1),
        value={"days_ahead": 0},
    )
    document = _signed_on(office, TODAY)
    with pytest.raises(DocumentError) as refused:
        outgoing.issue(acting_user=office.clerk, document=document, on=TODAY.replace(day=26))
    assert refused.value.code == "issue_date_ahead"
    outgoing.issue(acting_user=office.clerk, document=document, on=TODAY)


def test_the_issue_page_says_which_bound(client, office):
    document = _signed_on(office, datetime.date(2026, 11, 20))
    client.force_login(office.clerk)
    url = reverse("documents:outgoing_step", args=[document.pk, "issue"])
    page = client.post(url, {"issued_on": "01/06/2027"}, follow=True).content.decode()
    assert "Ngày ban hành 01/06/2027 quá xa" in page and "28/11/2026" in page
    page = client.post(url, {"issued_on": "19/11/2026"}, follow=True).content.decode()
    assert "trước ngày ký 20/11/2026" in page


def test_sending_before_the_issue_date_says_so(office):
    document = office.issued(on=TODAY)
    with pytest.raises(DocumentError) as refused:
        dispatch.send(
            acting_user=office.clerk,
            document=document,
            recipients=["Lưu"],
            channel="paper",
            sent_on=TODAY - datetime.timedelta(days=1),
        )
    assert refused.value.code == "sent_before_issue"
    assert "24/11/2026" in refused.value.message and "25/11/2026" in refused.value.message


def test_the_signer_reads_the_pdf_in_the_page_and_must_confirm(client, office, fake_soffice):  # noqa: F811
    document = _submitted(office)
    client.force_login(office.leader)
    html = client.get(reverse("documents:outgoing_detail", args=[document.pk])).content.decode()
    preview = reverse("documents:outgoing_pdf", args=[document.pk])
    assert f'<iframe class="vp-pdf-frame mb-2" id="pdf-preview" src="{preview}"' in html
    assert 'name="confirm"' in html
    response = client.get(preview)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("inline")
    # the detail page itself still refuses to be framed
    page = client.get(reverse("documents:outgoing_detail", args=[document.pk]))
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    step = reverse("documents:outgoing_step", args=[document.pk, "sign"])
    refused = client.post(step, {}, follow=True).content.decode()
    assert "xác nhận đã đọc văn bản" in refused
    document.refresh_from_db()
    assert document.status == "submitted" and document.signed_at is None
    client.post(step, {"confirm": "on"})
    document.refresh_from_db()
    assert document.status == "signed"


def test_the_preview_goes_through_access_and_logs_a_classified_read(client, office, pdf_soffice):
    document = _submitted(office, confidentiality=Clearance.SECRET)
    preview = reverse("documents:outgoing_pdf", args=[document.pk])
    client.force_login(office.sibling_clerk)
    assert client.get(preview).status_code == 404
    client.force_login(office.specialist)  # no clearance
    assert client.get(preview).status_code == 404
    client.force_login(office.leader)
    assert client.get(preview).status_code == 200
    assert ConfidentialAccess.objects.filter(user=office.leader, file_name="preview.pdf").exists()


def test_each_page_says_who_holds_the_document_and_what_comes_next(client, office):
    document = _submitted(office, urgency="urgent", recipients="Các đảng ủy trực thuộc\nLưu VP")
    client.force_login(office.specialist)
    html = client.get(reverse("documents:outgoing_detail", args=[document.pk])).content.decode()
    leader = office.leader.get_full_name()
    assert f'id="outgoing-holder">{leader}</dd>' in html
    assert "Người ký đọc văn bản, rồi ký hoặc trả lại." in html
    assert 'id="outgoing-urgency">Khẩn</dd>' in html
    assert "<li>Các đảng ủy trực thuộc</li><li>Lưu VP</li>" in html
    assert 'id="outgoing-signature-block">T/M BAN THƯỜNG VỤ / BÍ THƯ</dd>' in html
    listing = client.get(reverse("documents:outgoing_list")).content.decode()
    assert "<th>Người đang giữ</th>" in listing
    assert f'class="vp-holder">{leader}</td>' in listing
