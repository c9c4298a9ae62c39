"""The signature block follows who signs and in what capacity (documents/signature_block.py,
docs/rules/party-documents.md §4a), read from the positions the signer holds on the day."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document as Docx

from tests import factories
from vanphong.documents.services import files, outgoing
from vanphong.documents.signature_block import block_for
from vanphong.organizations.models import Position, PositionTitle
from vanphong.organizations.roles import Role

DAY = datetime.date(2026, 11, 25)  # the suite's fixed day (tests/clock.py)


def _holding(user, organization, title, starts_on=datetime.date(2025, 10, 1), ends_on=None):
    Position.objects.create(
        member=user.member,
        organization=organization,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    return user


@pytest.fixture
def secretary(office):
    """The province's secretary: a party member holding the secretary's position since the
    term began, with the leader's role."""
    p = office.tree.province
    user = factories.user(
        "bithu_tinh",
        roles=[(Role.LEADER, p)],
        member_=factories.member(office.tree.cell_a1, "Đỗ Quang Vinh"),
        first_name="Vinh",
        last_name="Đỗ Quang",
        clearance=3,
    )
    return _holding(user, p, PositionTitle.SECRETARY)


def test_each_capacity_gets_its_block(office, secretary):
    p, cell = office.tree.province, office.tree.cell_a1
    deputy = factories.user(
        "pbt", roles=[(Role.LEADER, p)], member_=factories.member(office.tree.cell_a2)
    )
    _holding(deputy, p, PositionTitle.DEPUTY_SECRETARY)
    cell_secretary = factories.user(
        "btcb", roles=[(Role.CELL_SECRETARY, cell)], member_=factories.member(cell)
    )
    _holding(cell_secretary, cell, PositionTitle.SECRETARY)
    assert str(block_for(secretary, p, DAY)) == "T/M BAN THƯỜNG VỤ / BÍ THƯ"
    assert str(block_for(deputy, p, DAY)) == "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"
    assert str(block_for(cell_secretary, cell, DAY)) == "T/M CHI BỘ / BÍ THƯ"
    assert str(block_for(office.head, p, DAY)) == "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG"
    # the leader of the Office fixture is no party member on record: no block from here
    assert block_for(office.leader, p, DAY) is None
    # a position is read at the committee that signs, on the day
    assert block_for(secretary, office.tree.commune_a, DAY) is None
    assert block_for(secretary, p, datetime.date(2025, 9, 30)) is None


def test_a_position_that_ended_gives_no_block(office, secretary):
    Position.objects.filter(member=secretary.member).update(ends_on=datetime.date(2026, 6, 30))
    assert block_for(secretary, office.tree.province, DAY) is None


def _to_secretary(office, secretary, **overrides):
    """A công văn, whose template suggests the office head's block, submitted to the secretary."""
    document = office.draft(
        doc_type="cong_van",
        summary="V/v chuẩn bị Hội nghị Ban Thường vụ",
        authority_line="T/L BAN THƯỜNG VỤ",
        signer_position="CHÁNH VĂN PHÒNG",
        **overrides,
    )
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    outgoing.appraise(acting_user=office.head, document=document, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=document, signer=secretary
    )
    document.refresh_from_db()
    return document


def test_submitting_to_the_secretary_gives_the_secretarys_block(office, secretary):
    document = _to_secretary(office, secretary)
    assert (document.authority_line, document.signer_position) == ("T/M BAN THƯỜNG VỤ", "BÍ THƯ")
    # submitted to the office head instead, it is the office head's block again
    other = office.draft(doc_type="cong_van", authority_line="T/M BAN THƯỜNG VỤ")
    outgoing.send_to_appraisal(acting_user=office.specialist, document=other)
    outgoing.appraise(acting_user=office.head, document=other, verdict="agree")
    p = office.tree.province
    # an office head who may sign (the leader's role) signs "by order"
    head = factories.user("cvp_ky", roles=[(Role.OFFICE_HEAD, p), (Role.LEADER, p)])
    outgoing.submit_for_signature(acting_user=office.specialist, document=other, signer=head)
    other.refresh_from_db()
    assert (other.authority_line, other.signer_position) == ("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG")


def test_a_signer_with_no_position_on_record_keeps_the_typed_block(office):
    document = office.draft(authority_line="T/M Ban Thường vụ", signer_position="Bí thư")
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    outgoing.appraise(acting_user=office.head, document=document, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=document, signer=office.leader
    )
    document.refresh_from_db()
    assert (document.authority_line, document.signer_position) == ("T/M Ban Thường vụ", "Bí thư")


def test_the_signer_sees_the_block_before_signing_and_the_issued_document_prints_it(
    client, office, secretary, django_capture_on_commit_callbacks
):
    document = _to_secretary(office, secretary)
    client.force_login(secretary)
    html = client.get(reverse("documents:outgoing_detail", args=[document.pk])).content.decode()
    assert 'id="sign-block">T/M BAN THƯỜNG VỤ / BÍ THƯ</strong>' in html
    assert 'id="sign-block-typed"' not in html
    outgoing.sign(acting_user=secretary, document=document)
    with django_capture_on_commit_callbacks(execute=True):
        outgoing.issue(acting_user=office.clerk, document=document)
    docx = files.read_file(office.clerk, document.files.get(role="issued_docx"))
    cells = "\n".join(
        c.text for t in Docx(io.BytesIO(docx)).tables for r in t.rows for c in r.cells
    )
    assert "T/M BAN THƯỜNG VỤ" in cells and "BÍ THƯ" in cells and "Đỗ Quang Vinh" in cells
    assert "CHÁNH VĂN PHÒNG" not in cells


def test_the_choice_of_signer_shows_each_signers_block(client, office, secretary):
    document = office.draft()
    outgoing.send_to_appraisal(acting_user=office.specialist, document=document)
    outgoing.appraise(acting_user=office.head, document=document, verdict="agree")
    client.force_login(office.specialist)
    html = client.get(reverse("documents:outgoing_detail", args=[document.pk])).content.decode()
    assert "Đỗ Quang Vinh — T/M BAN THƯỜNG VỤ / BÍ THƯ" in html


def test_the_body_named_on_behalf_of_stays_and_the_title_follows_the_signer(office, secretary):
    """A resolution of the Executive Committee is signed "T/M BAN CHẤP HÀNH" by the secretary:
    the body the draft signs for stays, the title is the signer's; a typed "T/L" does not."""
    document = _to_secretary(office, secretary)  # typed T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG
    assert (document.authority_line, document.signer_position) == ("T/M BAN THƯỜNG VỤ", "BÍ THƯ")
    resolution = office.draft(authority_line="T/M Ban Chấp hành", signer_position="Phó bí thư")
    outgoing.send_to_appraisal(acting_user=office.specialist, document=resolution)
    outgoing.appraise(acting_user=office.head, document=resolution, verdict="agree")
    outgoing.submit_for_signature(
        acting_user=office.specialist, document=resolution, signer=secretary
    )
    resolution.refresh_from_db()
    assert (resolution.authority_line, resolution.signer_position) == (
        "T/M BAN CHẤP HÀNH",
        "BÍ THƯ",
    )
