"""Drafting from a template per document type, dated like every rule."""

import datetime
import io

import pytest
from django.conf import settings
from django.urls import reverse
from docx import Document as Docx

from vanphong.core import rules
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.services import files, outgoing
from vanphong.documents.services.errors import DocumentError

# The types with a drafting template: NQ, QĐ, CT, KL, QC, HD, TB, BC, KH, CTr, TTr, CV, BB, GM, GGT.
TYPES = {
    "nghi_quyet": ("NQ", "NGHỊ QUYẾT"),
    "quyet_dinh": ("QĐ", "QUYẾT ĐỊNH"),
    "chi_thi": ("CT", "CHỈ THỊ"),
    "ket_luan": ("KL", "KẾT LUẬN"),
    "quy_che": ("QC", "QUY CHẾ"),
    "huong_dan": ("HD", "HƯỚNG DẪN"),
    "thong_bao": ("TB", "THÔNG BÁO"),
    "bao_cao": ("BC", "BÁO CÁO"),
    "ke_hoach": ("KH", "KẾ HOẠCH"),
    "chuong_trinh": ("CTr", "CHƯƠNG TRÌNH"),
    "to_trinh": ("TTr", "TỜ TRÌNH"),
    "cong_van": ("CV", None),  # a công văn has no type name: "V/v …" under the number
    "bien_ban": ("BB", "BIÊN BẢN"),
    "giay_moi": ("GM", "GIẤY MỜI"),
    "giay_gioi_thieu": ("GGT", "GIẤY GIỚI THIỆU"),
}


def _all_text(data: bytes) -> str:
    document = Docx(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("doc_type", TYPES)
def test_each_type_starts_from_its_template_and_issues_in_its_sequence(
    client, office, doc_type, django_capture_on_commit_callbacks
):
    abbreviation, type_name = TYPES[doc_type]
    client.force_login(office.specialist)
    page = client.get(reverse("documents:outgoing_create"), {"loai": doc_type})
    initial = page.context["form"].initial
    placeholder = page.context["form"].fields["summary"].widget.attrs["placeholder"]
    assert "summary" not in initial and placeholder  # the template's opening is a hint only
    assert initial["doc_type"] == doc_type
    assert initial["body"] and "{co_quan}" not in initial["body"]
    assert initial["signer_position"]
    data = {
        "organization": office.tree.province.pk,
        "doc_type": doc_type,
        "summary": placeholder.replace("…", "công tác văn thư năm 2026"),
        "body": initial["body"],
        "issuing_body": "Ban Thường vụ Tỉnh ủy",
        "superior_body": "Đảng bộ tỉnh Lào Cai",
        "place": "Lào Cai",
        "authority_line": initial["authority_line"],
        "signer_position": initial["signer_position"],
        "recipients": initial["recipients"],
        "confidentiality": "0",
    }
    response = client.post(reverse("documents:outgoing_create"), data)
    assert response.status_code == 302
    document = OutgoingDocument.objects.get()
    assert document.versions.count() == 1
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    outgoing.appraise(acting_user=office.head, document=document, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=document, signer=office.leader
    )
    outgoing.sign(acting_user=office.leader, document=document)
    with django_capture_on_commit_callbacks(execute=True):
        outgoing.issue(acting_user=office.clerk, document=document)
    document.refresh_from_db()
    assert document.symbol == f"01-{abbreviation}/TU"
    text = _all_text(files.read_file(office.clerk, document.files.get(role="issued_docx")))
    assert f"Số 01-{abbreviation}/TU" in text
    if type_name:
        assert type_name in text
    else:
        assert "V/v" in text
    assert initial["signer_position"].upper() in text


def test_issuing_body_fills_the_template(client, office):
    client.force_login(office.specialist)
    initial = (
        client.get(reverse("documents:outgoing_create"), {"loai": "nghi_quyet"})
        .context["form"]
        .initial
    )
    body = initial["body"]
    assert initial["issuing_body"] in body
    assert f"{initial['issuing_body'].upper()} QUYẾT NGHỊ:" in body


def test_choosing_a_type_reloads_the_form_with_htmx(client, office):
    client.force_login(office.specialist)
    html = client.get(reverse("documents:outgoing_create")).content.decode()
    assert 'hx-get="/van-ban/di/du-thao/"' in html and 'hx-select="#outgoing-form"' in html


def test_a_newer_template_version_applies_from_its_date(client, office, admin_user):
    rules.set_rule(
        acting_user=admin_user,
        table="document_template",
        key="giay_moi",
        effective_from=datetime.date(2026, 1, 9),
        value={
            "summary": "dự hội nghị …",
            "body": ["{co_quan} trân trọng kính mời đồng chí … dự hội nghị."],
            "authority_line": "T/L BAN THƯỜNG VỤ",
            "signer_position": "PHÓ CHÁNH VĂN PHÒNG",
            "recipients": ["Lưu Văn phòng."],
        },
    )
    client.force_login(office.specialist)
    initial = (
        client.get(reverse("documents:outgoing_create"), {"loai": "giay_moi"})
        .context["form"]
        .initial
    )
    assert initial["signer_position"] == "PHÓ CHÁNH VĂN PHÒNG"
    assert initial["body"].endswith("trân trọng kính mời đồng chí … dự hội nghị.")


def _form_data(office, **overrides):
    data = {
        "organization": office.tree.province.pk,
        "doc_type": "cong_van",
        "summary": "V/v rà soát hồ sơ lưu trữ năm 2026",
        "body": "Kính gửi: các đảng ủy trực thuộc.",
        "issuing_body": "Tỉnh ủy Lào Cai",
        "place": "Lào Cai",
        "authority_line": "T/L BAN THƯỜNG VỤ",
        "signer_position": "CHÁNH VĂN PHÒNG",
        "confidentiality": "0",
    }
    data.update(overrides)
    return data


def test_the_summary_template_is_a_placeholder_never_a_value(client, office):
    """A công văn's template summary is "…": shown as the field's placeholder, the field stays
    empty and required, so the form refuses it instead of saving a "…" draft."""
    client.force_login(office.specialist)
    html = client.get(reverse("documents:outgoing_create"), {"loai": "cong_van"}).content.decode()
    assert 'placeholder="…"' in html
    summary_box = html[html.index('name="summary"') :].split("</textarea>")[0]
    assert summary_box.endswith(">\n") or summary_box.endswith(">")  # nothing typed in it
    response = client.post(reverse("documents:outgoing_create"), _form_data(office, summary=""))
    assert response.status_code == 200 and not OutgoingDocument.objects.exists()


@pytest.mark.parametrize("summary", ["…", "  …  ", "về việc …"])
def test_a_placeholder_summary_is_refused_by_the_service_and_the_page(client, office, summary):
    client.force_login(office.specialist)
    response = client.post(
        reverse("documents:outgoing_create"), _form_data(office, summary=summary)
    )
    assert response.status_code == 200 and not OutgoingDocument.objects.exists()
    assert "vẫn còn dấu “…” của mẫu" in response.content.decode()
    with pytest.raises(DocumentError) as refused:
        office.draft(summary=summary)
    assert refused.value.code == "placeholder_summary"
    draft = office.draft()
    with pytest.raises(DocumentError):
        outgoing.update_draft(acting_user=office.specialist, document=draft, summary=summary)
    draft.refresh_from_db()
    assert (
        draft.summary == "về tăng cường công tác văn thư, lưu trữ" and draft.versions.count() == 1
    )


def test_a_draft_saved_with_a_placeholder_is_not_sent_for_appraisal(office):
    """A draft stored before the check (a "…" from the old form) is stopped at appraisal."""
    draft = office.draft()
    OutgoingDocument.objects.filter(pk=draft.pk).update(summary="…")
    with pytest.raises(DocumentError) as refused:
        outgoing.send_to_appraisal(acting_user=office.specialist, document=draft)
    assert refused.value.code == "placeholder_summary"
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_note_of_the_first_version_is_kept(client, office):
    client.force_login(office.specialist)
    data = _form_data(office, note="Dự thảo theo ý kiến đồng chí Bí thư")
    assert client.post(reverse("documents:outgoing_create"), data).status_code == 302
    (version,) = OutgoingDocument.objects.get().versions.all()
    assert version.note == "Dự thảo theo ý kiến đồng chí Bí thư"
    plain = office.draft()
    assert plain.versions.get().note == "Dự thảo lần đầu"


def test_changing_the_type_asks_before_replacing_typed_text(client, office):
    """The type select reloads the template through htmx; static/js/outgoing_form.js asks first,
    with the Vietnamese question the page carries (no inline handler)."""
    client.force_login(office.specialist)
    html = client.get(reverse("documents:outgoing_create")).content.decode()
    assert "data-confirm-replace=" in html and "nội dung đồng chí đã gõ" in html
    assert '<script src="/static/js/outgoing_form.js"></script>' in html
    script = (settings.BASE_DIR / "static" / "js" / "outgoing_form.js").read_text()
    assert "htmx:confirm" in script and "data-confirm-replace" in script
