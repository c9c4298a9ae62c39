"""The records pages: who reaches what (the access matrix), refused requests that change
nothing, and bad input answered in Vietnamese."""

import pytest
from django.apps import apps
from django.urls import reverse

from vanphong.core.models import Clearance
from vanphong.records.models import FileStatus, RecordFile
from vanphong.records.services import files

pytestmark = pytest.mark.django_db


def _state():
    return {
        m._meta.label: m.objects.count() for m in apps.get_app_config("records").get_models()
    } | {"statuses": sorted(RecordFile.objects.values_list("status", flat=True))}


@pytest.fixture
def filed(archive):
    file = archive.file()
    files.add_documents(
        acting_user=archive.clerk,
        file=file,
        documents=[archive.register(summary="Hướng dẫn công tác lưu trữ")],
    )
    return file


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_the_access_matrix(client, archive, filed):
    """The clerk and the archivist of the province reach its plan and file; a clerk of a
    sibling commune, a party member and a specialist (no records role) get the 404 page."""
    urls = [
        reverse("records:plans"),
        reverse("records:plan", args=[archive.plan.pk]),
        reverse("records:file", args=[filed.pk]),
        reverse("records:due"),
        reverse("records:handovers"),
    ]
    for user in (archive.clerk, archive.archivist, archive.head):
        for url in urls:
            assert _get(client, user, url).status_code == 200, (user, url)
    for user in (archive.sibling_clerk, archive.member_user, archive.specialist):
        for url in urls[1:3]:
            response = _get(client, user, url)
            assert (
                response.status_code == 404 and "Không tìm thấy trang" in response.content.decode()
            )
    sibling = _get(client, archive.sibling_clerk, urls[0])
    assert sibling.status_code == 200 and "Hồ sơ hướng dẫn" not in sibling.content.decode()
    assert _get(client, archive.member_user, urls[0]).status_code == 404


def test_the_clerk_files_and_closes_the_archivist_cannot(client, archive, filed):
    document = archive.register(summary="Công văn về lưu trữ")
    url = reverse("records:file", args=[filed.pk])
    client.force_login(archive.archivist)
    before = _state()
    assert client.post(url, {"documents": [f"den-{document.pk}"]}).status_code == 404
    assert client.post(reverse("records:file_close", args=[filed.pk])).status_code == 404
    assert (
        client.post(
            reverse("records:plans"), {"organization": archive.tree.province.pk, "year": 2027}
        ).status_code
        == 404
    )
    assert _state() == before

    client.force_login(archive.clerk)
    page = client.get(url).content.decode()
    assert f"den-{document.pk}" in page and "Công văn về lưu trữ" in page
    response = client.post(url, {"documents": [f"den-{document.pk}"]})
    assert response.status_code == 302 and filed.entries.count() == 2
    response = client.post(reverse("records:file_close", args=[filed.pk]))
    assert response.status_code == 302
    filed.refresh_from_db()
    assert filed.status == FileStatus.CLOSED and filed.document_count == 2

    client.force_login(archive.clerk)
    before = _state()
    assert (
        client.post(
            reverse("records:due"), {"files": [filed.pk], "handed_by_name": "A"}
        ).status_code
        == 404
    )
    assert _state() == before
    client.force_login(archive.archivist)
    response = client.post(
        reverse("records:due"), {"files": [filed.pk], "handed_by_name": "Lê Thị Hạnh"}
    )
    assert response.status_code == 302
    filed.refresh_from_db()
    assert filed.status == FileStatus.HANDED_OVER
    docx = client.get(reverse("records:handover_list_docx", args=[filed.handover_id]))
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")

    client.force_login(archive.clerk)
    before = _state()
    response = client.post(url, {"documents": [f"den-{archive.register().pk}"]})
    assert response.status_code == 400 and "không thể thay đổi" in response.content.decode()
    entry = filed.entries.first()
    response = client.post(reverse("records:file_remove", args=[filed.pk, entry.pk]))
    assert response.status_code == 400 and "đã nộp vào lưu trữ" in response.content.decode()
    assert _state() == before


def test_a_file_above_the_readers_clearance_is_not_seen(client, archive):
    file = archive.file()
    secret = archive.secret_incoming(level=Clearance.TOP_SECRET, summary="Phương án DauVetMat")
    files.add_document(acting_user=archive.cleared_clerk, file=file, document=secret)
    archive.clerk.clearance = Clearance.SECRET
    archive.clerk.save()
    client.force_login(archive.clerk)
    assert client.get(reverse("records:file", args=[file.pk])).status_code == 404
    plan = client.get(reverse("records:plan", args=[archive.plan.pk])).content.decode()
    assert "Độ mật cao hơn" in plan and reverse("records:file", args=[file.pk]) not in plan
    client.force_login(archive.cleared_clerk)
    page = client.get(reverse("records:file", args=[file.pk])).content.decode()
    assert "DauVetMat" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"code": "01", "title": "Trùng", "retention_key": "cong_van"}, "đã có hồ sơ ký hiệu 01"),
        ({"code": "a b", "title": "Sai", "retention_key": "cong_van"}, "không đúng cấu trúc"),
        ({"code": "09", "title": "x" * 256, "retention_key": "cong_van"}, "255"),
        ({"code": "09", "title": "Hồ sơ", "retention_key": "khong_co"}, "Hãy chọn một lựa chọn"),
        (
            {"code": "09", "title": "Hồ sơ", "retention_key": "cong_van", "responsible": "x"},
            "lựa chọn",
        ),
    ],
)
def test_bad_plan_rows_are_answered_in_vietnamese(client, archive, data, message):
    client.force_login(archive.clerk)
    before = _state()
    response = client.post(reverse("records:plan", args=[archive.plan.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _state() == before


@pytest.mark.parametrize(
    "tokens",
    [["den-999999"], ["xx-1"], ["den-abc"], ["di-" + "9" * 30], []],
)
def test_malformed_filing_is_refused(client, archive, filed, tokens):
    client.force_login(archive.clerk)
    before = _state()
    response = client.post(reverse("records:file", args=[filed.pk]), {"documents": tokens})
    assert response.status_code == 400
    assert "Chọn" in response.content.decode()
    assert _state() == before


def test_another_organizations_document_cannot_be_filed_by_its_id(client, archive, filed):
    other = archive.register(organization=archive.tree.commune_b, acting_user=archive.sibling_clerk)
    client.force_login(archive.clerk)
    before = _state()
    response = client.post(
        reverse("records:file", args=[filed.pk]), {"documents": [f"den-{other.pk}"]}
    )
    assert response.status_code == 400 and _state() == before


def test_a_plan_for_a_far_year_is_refused(client, archive):
    client.force_login(archive.clerk)
    before = _state()
    response = client.post(
        reverse("records:plans"), {"organization": archive.tree.province.pk, "year": 2030}
    )
    assert response.status_code == 400 and "năm nay hoặc năm sau" in response.content.decode()
    assert _state() == before
    response = client.post(
        reverse("records:plans"),
        {"organization": archive.tree.province.pk, "year": 2027, "from_last_year": "on"},
    )
    assert response.status_code == 302
    assert archive.plan.__class__.objects.get(year=2027).items.count() == 2


def test_a_file_is_opened_from_its_plan_row_by_the_clerk_only(client, archive):
    url = reverse("records:open_file", args=[archive.item2.pk])
    for user in (archive.archivist, archive.sibling_clerk, archive.member_user):
        client.force_login(user)
        before = _state()
        assert client.post(url).status_code == 404
        assert _state() == before
    client.force_login(archive.clerk)
    response = client.post(url)
    file = RecordFile.objects.get(item=archive.item2)
    assert response.status_code == 302 and response.url == reverse("records:file", args=[file.pk])
    again = client.post(url, follow=True)
    assert "Hồ sơ này đã được mở." in again.content.decode()
    assert RecordFile.objects.filter(item=archive.item2).count() == 1


def test_the_common_search_finds_files_the_reader_may_see(client, archive):
    plain = archive.file()
    secret = archive.file(archive.item2)
    files.add_document(
        acting_user=archive.cleared_clerk, file=secret, document=archive.secret_incoming()
    )
    client.force_login(archive.clerk)  # not cleared for Mật
    page = client.get(reverse("core:search"), {"q": "ho so huong dan"}).content.decode()
    assert reverse("records:file", args=[plain.pk]) in page
    page = client.get(reverse("core:search"), {"q": "tap cong van"}).content.decode()
    assert reverse("records:file", args=[secret.pk]) not in page
    client.force_login(archive.cleared_clerk)
    page = client.get(reverse("core:search"), {"q": "Tập công văn"}).content.decode()
    assert reverse("records:file", args=[secret.pk]) in page
    client.force_login(archive.member_user)
    page = client.get(reverse("core:search"), {"q": "hồ sơ"}).content.decode()
    assert reverse("records:file", args=[plain.pk]) not in page
