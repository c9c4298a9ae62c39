"""The minutes as PDF: the same party-layout record as the DOCX, read back with pdftotext; only
those who may read the meeting get it; a server without LibreOffice says so in Vietnamese."""

import subprocess

import pytest
from django.urls import reverse

from tests import factories
from tests.meetings.test_session import _held_with_minutes
from tests.tools import require_tool

pytestmark = pytest.mark.django_db


@pytest.mark.tools("soffice", "pdftotext")
def test_the_minutes_pdf_reads_as_the_record(cell, client):
    meeting, _record = _held_with_minutes(cell)
    client.force_login(cell.member_user)  # a member of the cell reads its minutes
    response = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="bien-ban-')
    text = subprocess.run(  # noqa: S603 - poppler's pdftotext on our own output
        [require_tool("pdftotext"), "-layout", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    flat = " ".join(text.split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat and "BIÊN BẢN" in flat
    assert f"Chủ trì: đồng chí {cell.members[1].full_name}" in flat
    assert "Đảng viên có mặt: 7/7 đồng chí" in flat
    assert "cần ít nhất 4 phiếu tán thành: được thông qua" in flat


def test_another_cell_gets_no_minutes(cell, client, tree):
    meeting, _record = _held_with_minutes(cell)
    outsider = factories.user("ngoai", member_=factories.member(tree.cell_a2, "Người Ngoài"))
    client.force_login(outsider)
    assert client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).status_code == 404


def test_without_libreoffice_the_page_says_so(cell, client, settings, tmp_path):
    meeting, _record = _held_with_minutes(cell)
    settings.SOFFICE_BINARY = str(tmp_path / "no-such-soffice")
    client.force_login(cell.secretary)
    response = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 503
    assert "LibreOffice" in response.content.decode() and "DOCX" in response.content.decode()
