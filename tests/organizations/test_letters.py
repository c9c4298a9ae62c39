import datetime
import io

import pytest
from docx import Document
from docx.shared import Pt

from tests import factories
from vanphong.organizations.letters import introduction_letter_docx
from vanphong.organizations.models import OrgKind, TransferKind
from vanphong.organizations.services import procedures

pytestmark = pytest.mark.django_db


@pytest.fixture
def transfer(tree):
    committee = tree.commune_a
    committee.name, committee.code = "Đảng bộ xã Bảo Thắng", "ĐU"
    committee.save()
    member = tree.member_a1
    member.official_on = datetime.date(2016, 7, 26)
    member.save()
    return procedures.transfer_member(
        acting_user=None,
        member=member,
        kind=TransferKind.OFFICIAL,
        on=datetime.date(2026, 1, 9),
        to_organization=tree.cell_b1,
        letter_number="15",
        reason="Chuyển công tác",
    )


def _texts(document):
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for cell in table.rows[0].cells:
            texts += [p.text for p in cell.paragraphs]
    return texts


def _run_with(document, text):
    for table in document.tables:
        for cell in table.rows[0].cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    if run.text == text:
                        return run
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.text == text:
                return run
    raise AssertionError(f"no run {text!r}")


def test_letter_has_the_party_header_number_and_date_line(transfer):
    """GIVEN an official transfer out of a cell of a commune committee
    WHEN the introduction letter is produced
    THEN it opens as DOCX with the party header, the number, the date line and the member's facts."""
    document = Document(io.BytesIO(introduction_letter_docx(transfer)))
    texts = _texts(document)

    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts
    assert "ĐẢNG BỘ TỈNH LÀO CAI" in texts
    assert "ĐẢNG BỘ XÃ BẢO THẮNG" in texts
    assert "Số 15-GGT/ĐU" in texts
    assert "Lào Cai, ngày 09 tháng 01 năm 2026" in texts
    assert "GIẤY GIỚI THIỆU" in texts
    assert "Đảng bộ xã Bảo Thắng giới thiệu đồng chí: Nguyễn Thị Hòa" in texts
    assert "Kính gửi: Chi bộ tổ dân phố 1" in texts
    assert any(
        t.startswith("Vào Đảng ngày: ") and "chính thức ngày: 26/07/2016" in t for t in texts
    )
    assert "T/M ĐẢNG ỦY" in texts and "BÍ THƯ" in texts
    assert "Nơi nhận:" in texts


def test_letter_typography_follows_the_party_format(transfer):
    document = Document(io.BytesIO(introduction_letter_docx(transfer)))

    party = _run_with(document, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (party.font.name, party.font.size, party.bold) == ("Times New Roman", Pt(15), True)
    issuer = _run_with(document, "ĐẢNG BỘ XÃ BẢO THẮNG")
    assert (issuer.font.size, issuer.bold) == (Pt(14), True)
    superior = _run_with(document, "ĐẢNG BỘ TỈNH LÀO CAI")
    assert (superior.font.size, bool(superior.bold)) == (Pt(14), False)
    date_line = _run_with(document, "Lào Cai, ngày 09 tháng 01 năm 2026")
    assert date_line.italic is True
    title = _run_with(document, "GIẤY GIỚI THIỆU")
    assert (title.font.size, title.bold) == (Pt(15), True)
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_temporary_letter_of_a_grassroots_cell_is_signed_by_its_committee(db):
    centre = factories.org(None, "Ban Chấp hành Trung ương", "TW", OrgKind.CENTRAL)
    cell = factories.org(centre, "Chi bộ Trường THPT Chu Văn An", "CB", OrgKind.GRASSROOTS_CELL)
    member = factories.member(cell, "Vũ Minh Phương")
    transfer = procedures.transfer_member(
        acting_user=None,
        member=member,
        kind=TransferKind.TEMPORARY,
        on=datetime.date(2026, 3, 2),
        to_organization_name="Chi bộ Bệnh viện Bạch Mai",
        returns_on=datetime.date(2026, 9, 2),
    )
    texts = _texts(Document(io.BytesIO(introduction_letter_docx(transfer))))

    assert "CHI BỘ TRƯỜNG THPT CHU VĂN AN" in texts
    assert "Hà Nội, ngày 02 tháng 3 năm 2026" in texts
    assert "Chuyển sinh hoạt đảng tạm thời" in texts
    assert "Thời gian sinh hoạt tạm thời đến ngày: 02/09/2026" in texts
    assert "T/M CHI ỦY" in texts
