"""The file plan, files and filing (docs/rules/records.md §1–2)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from vanphong.core.lengths import TooLong
from vanphong.core.models import Clearance, DatedRule
from vanphong.core.rules import clear_cache
from vanphong.records.errors import RecordError
from vanphong.records.models import FileEntry, FilePlan, FileStatus, PlanItem
from vanphong.records.services import files, plans

pytestmark = pytest.mark.django_db
D = datetime.date


def _code(call):
    with pytest.raises(RecordError) as raised:
        call()
    return raised.value.code


def test_a_plan_is_one_a_year_and_its_rows_take_the_retention_of_the_table(archive):
    assert [(i.code, i.retention_years) for i in archive.plan.items.all()] == [
        ("01", 5),
        ("02", 5),
    ]
    assert (
        _code(
            lambda: plans.create_plan(
                acting_user=archive.clerk, organization=archive.tree.province, year=2026
            )
        )
        == "plan_exists"
    )
    assert (
        _code(
            lambda: plans.create_plan(
                acting_user=archive.clerk, organization=archive.tree.province, year=2024
            )
        )
        == "bad_year"
    )
    permanent = plans.add_item(
        acting_user=archive.clerk,
        plan=archive.plan,
        code="03.ĐH",
        title="Hồ sơ đại hội",
        retention_key="ho_so_dai_hoi",
    )
    assert permanent.retention_years is None and permanent.code == "03.ĐH"


@pytest.mark.parametrize(
    ("code", "title", "key", "error"),
    [
        ("1-2", "Hồ sơ", "cong_van", "bad_code"),
        ("", "Hồ sơ", "cong_van", "bad_code"),
        ("01.02.03.04.05", "Hồ sơ", "cong_van", "bad_code"),
        ("01", "Hồ sơ", "cong_van", "code_taken"),
        ("09", "   ", "cong_van", "empty_title"),
        ("09", "Hồ sơ", "khong_co", "unknown_retention"),
    ],
)
def test_a_bad_plan_row_is_refused_and_nothing_is_saved(archive, code, title, key, error):
    before = PlanItem.objects.count()
    assert (
        _code(
            lambda: plans.add_item(
                acting_user=archive.clerk,
                plan=archive.plan,
                code=code,
                title=title,
                retention_key=key,
            )
        )
        == error
    )
    assert PlanItem.objects.count() == before


def test_an_oversize_title_and_a_stranger_as_responsible_are_refused(archive):
    with pytest.raises(TooLong, match="tối đa 255"):
        plans.add_item(
            acting_user=archive.clerk,
            plan=archive.plan,
            code="09",
            title="Hồ sơ " * 60,
            retention_key="cong_van",
        )
    assert (
        _code(
            lambda: plans.add_item(
                acting_user=archive.clerk,
                plan=archive.plan,
                code="09",
                title="Hồ sơ",
                retention_key="cong_van",
                responsible=archive.sibling_clerk,
            )
        )
        == "not_responsible"
    )
    assert PlanItem.objects.count() == 2


def test_next_years_plan_is_drafted_from_this_years_with_the_table_of_its_year(archive):
    """GIVEN the 2026 plan, and a retention row for công văn of 10 years from 01/01/2027
    WHEN the 2027 plan is made THEN it has the same codes and titles, the retention of 2027,
    and the responsible clerk kept; this year's rows are unchanged."""
    DatedRule.objects.create(
        table="record_retention",
        key="cong_van",
        effective_from=D(2027, 1, 1),
        value={"label": "Công văn", "years": 10},
    )
    clear_cache()
    nxt = plans.create_plan(
        acting_user=archive.clerk, organization=archive.tree.province, year=2027
    )
    assert nxt.drafted_from == archive.plan
    rows = [(i.code, i.title, i.retention_years, i.responsible) for i in nxt.items.all()]
    assert rows == [
        ("01", "Hồ sơ hướng dẫn của cấp trên", 5, archive.clerk),
        ("02", "Tập công văn", 10, None),
    ]
    assert archive.plan.items.get(code="02").retention_years == 5


def test_a_file_is_as_classified_and_kept_as_long_as_its_documents(archive):
    file = archive.file()
    assert (file.confidentiality, file.retention_years) == (Clearance.NONE, 5)
    guidance = archive.register()
    secret = archive.secret_incoming(doc_type="nghi_quyet", summary="Nghị quyết mật")
    files.add_document(acting_user=archive.cleared_clerk, file=file, document=guidance)
    file.refresh_from_db()
    assert (file.confidentiality, file.retention_years) == (Clearance.NONE, 10)
    entry = files.add_document(acting_user=archive.cleared_clerk, file=file, document=secret)
    file.refresh_from_db()
    assert (file.confidentiality, file.retention_years) == (Clearance.SECRET, None)
    files.remove_document(acting_user=archive.cleared_clerk, entry=entry)
    file.refresh_from_db()
    assert (file.confidentiality, file.retention_years) == (Clearance.NONE, 10)


def test_a_document_sits_in_several_files_without_being_copied(archive):
    document = archive.issued()
    first, second = archive.file(), archive.file(archive.item2)
    for file in (first, second):
        files.add_document(acting_user=archive.clerk, file=file, document=document, pages=3)
    assert FileEntry.objects.filter(outgoing=document).count() == 2
    assert type(document).objects.filter(summary=document.summary).count() == 1
    assert (
        _code(lambda: files.add_document(acting_user=archive.clerk, file=first, document=document))
        == "already_filed"
    )


def test_what_cannot_be_filed(archive):
    file = archive.file()
    draft = archive.draft()
    other = archive.register(organization=archive.tree.commune_b, acting_user=archive.sibling_clerk)
    secret = archive.secret_incoming(level=Clearance.TOP_SECRET)
    assert (
        _code(lambda: files.add_document(acting_user=archive.clerk, file=file, document=draft))
        == "not_issued"
    )
    assert (
        _code(lambda: files.add_document(acting_user=archive.clerk, file=file, document=other))
        == "other_organization"
    )
    low = archive.specialist  # no records role at all
    with pytest.raises(PermissionDenied):
        files.add_document(acting_user=low, file=file, document=archive.register())
    archive.clerk.clearance = Clearance.SECRET
    archive.clerk.save()
    assert (
        _code(lambda: files.add_document(acting_user=archive.clerk, file=file, document=secret))
        == "clearance"
    )
    for pages in (0, 10000):
        assert (
            _code(
                lambda p=pages: files.add_document(
                    acting_user=archive.clerk, file=file, document=archive.register(), pages=p
                )
            )
            == "bad_pages"
        )
    assert not file.entries.exists()


def test_the_table_of_contents_orders_by_date_and_counts_pages(archive):
    file = archive.file()
    late = archive.register(document_date=D(2026, 9, 1), pages=4, summary="Văn bản tháng 9")
    early = archive.register(document_date=D(2026, 2, 1), pages=2, summary="Văn bản tháng 2")
    files.add_documents(acting_user=archive.clerk, file=file, documents=[late, early])
    toc = files.table_of_contents(archive.clerk, file)
    assert [(r["number"], r["summary"], r["from_page"], r["to_page"]) for r in toc] == [
        (1, "Văn bản tháng 2", 1, 2),
        (2, "Văn bản tháng 9", 3, 6),
    ]


def test_filing_several_documents_is_all_or_nothing(archive):
    file = archive.file()
    good, draft = archive.register(), archive.draft()
    with pytest.raises(RecordError):
        files.add_documents(acting_user=archive.clerk, file=file, documents=[good, draft])
    assert not file.entries.exists()


def test_closing_counts_the_file_and_a_closed_file_changes_no_more(archive):
    file = archive.file()
    assert _code(lambda: files.close_file(acting_user=archive.clerk, file=file)) == "empty_file"
    entry = files.add_document(acting_user=archive.clerk, file=file, document=archive.register())
    files.add_document(
        acting_user=archive.clerk, file=file, document=archive.register(pages=3), pages=3
    )
    file = files.close_file(acting_user=archive.clerk, file=file)
    assert (file.status, file.document_count, file.pages) == (FileStatus.CLOSED, 2, 9)
    assert file.closed_on == D(2026, 11, 25) and file.due_on == D(2027, 12, 31)
    for call in (
        lambda: files.add_document(
            acting_user=archive.clerk, file=file, document=archive.register()
        ),
        lambda: files.remove_document(acting_user=archive.clerk, entry=entry),
        lambda: files.close_file(acting_user=archive.clerk, file=file),
    ):
        with pytest.raises(RecordError, match="đã kết thúc"):
            call()
    assert file.entries.count() == 2
    assert (
        _code(
            lambda: files.close_file(
                acting_user=archive.clerk, file=archive.file(archive.item2), on=D(2026, 11, 26)
            )
        )
        == "in_future"
    )


def test_a_plan_is_made_only_by_who_keeps_the_files(archive):
    for user in (archive.archivist, archive.specialist, archive.sibling_clerk, archive.member_user):
        with pytest.raises(PermissionDenied):
            plans.create_plan(acting_user=user, organization=archive.tree.province, year=2027)
        with pytest.raises(PermissionDenied):
            files.open_file(acting_user=user, item=archive.item)
    assert (
        FilePlan.objects.count() == 1
        and not archive.item.__class__.objects.filter(file__isnull=False).exists()
    )
