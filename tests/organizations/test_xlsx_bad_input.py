"""Bad input to the member import: a clear message, the error code, and nothing imported."""

import io
import os
import zipfile

import pytest
from django.urls import reverse

from tests import factories
from tests.factories import Role
from tests.organizations.test_xlsx_support import (
    member_headers,
    member_row,
    members_file,
    raw_file,
    workbook_bytes,
)
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import Member
from vanphong.organizations.xlsx import importer
from vanphong.organizations.xlsx.errors import RowCode, RowsRejected, XlsxError
from vanphong.organizations.xlsx.importer import import_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialist(tree):
    return factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.commune_a)])


@pytest.fixture
def unchanged(tree):
    """Asserts, after the test, that no member and no audit entry was added."""
    counts = Member.objects.count(), AuditEntry.objects.count()
    yield
    assert (Member.objects.count(), AuditEntry.objects.count()) == counts


def _refused(specialist, tree, upload, organization=None) -> XlsxError:
    with pytest.raises(XlsxError) as caught:
        import_members(
            acting_user=specialist, organization=organization or tree.cell_a1, file=upload
        )
    return caught.value


def _row_errors(specialist, tree, rows) -> list[tuple]:
    error = _refused(specialist, tree, members_file(rows))
    assert isinstance(error, RowsRejected)
    assert error.code == "invalid_rows"
    return [(e.row, e.column, e.code) for e in error.errors]


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "content, name, code",
    [
        (os.urandom(4096), "dang-vien.xlsx", "not_xlsx"),
        ("Họ và tên;Giới tính\nA;Nam\n".encode(), "dang-vien.xlsx", "not_xlsx"),
        (_zip({"readme.txt": b"hello", "data.csv": b"a,b"}), "dang-vien.xlsx", "not_xlsx"),
        (
            _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
            "dang-vien.xlsx",
            "not_xlsx",
        ),
        (b"", "dang-vien.xlsx", "empty_file"),
    ],
    ids=["random-bytes", "text-file", "zip-not-xlsx", "zip-without-sheet-type", "empty"],
)
def test_a_file_that_is_not_an_xlsx_is_refused(specialist, tree, unchanged, content, name, code):
    """GIVEN a file named .xlsx whose content is not a workbook
    WHEN it is imported
    THEN it is refused with the code and nothing is imported."""
    assert _refused(specialist, tree, raw_file(content, name)).code == code


def test_a_real_workbook_with_another_extension_is_refused(specialist, tree, unchanged):
    """GIVEN a valid workbook uploaded as .csv
    WHEN it is imported
    THEN it is refused as not an .xlsx file."""
    upload = raw_file(members_file([member_row()]).read(), "dang-vien.csv")

    assert _refused(specialist, tree, upload).code == "not_xlsx"


def test_a_damaged_workbook_is_malformed(specialist, tree, unchanged):
    """GIVEN a workbook whose sheet XML is cut in the middle
    WHEN it is imported
    THEN it is refused as malformed."""
    good = zipfile.ZipFile(io.BytesIO(members_file([member_row()]).read()))
    entries = {name: good.read(name) for name in good.namelist()}
    entries["xl/worksheets/sheet1.xml"] = entries["xl/worksheets/sheet1.xml"][:200]

    assert _refused(specialist, tree, raw_file(_zip(entries))).code == "malformed"


def test_a_truncated_file_is_malformed(specialist, tree, unchanged):
    """GIVEN the first half of a valid workbook
    WHEN it is imported
    THEN it is refused as malformed."""
    content = members_file([member_row()]).read()

    assert _refused(specialist, tree, raw_file(content[: len(content) // 2])).code == "malformed"


def test_an_oversize_file_is_refused_before_reading(specialist, tree, unchanged, settings):
    """GIVEN an import limit of 1,000 bytes
    WHEN a valid 5 KB workbook is imported
    THEN it is refused as too large, naming the limit."""
    settings.IMPORT_MAX_BYTES = 1000

    error = _refused(specialist, tree, members_file([member_row()]))

    assert (error.code, error.params) == ("too_large", {"limit": "0,00"})


def test_wrong_columns_are_named(specialist, tree, unchanged):
    """GIVEN a header without "Date of birth" and with an unknown "Biệt danh" column
    WHEN it is imported
    THEN the message names the missing and the unknown column."""
    headers = [h for h in member_headers() if h != member_headers()[2]] + ["Biệt danh"]
    upload = raw_file(workbook_bytes(headers, [["Phạm Văn Hùng"]]))

    error = _refused(specialist, tree, upload)

    assert (error.code, error.params) == (
        "wrong_columns",
        {"missing": member_headers()[2], "unknown": "Biệt danh"},
    )


def test_headers_match_without_case_or_tone_marks_and_in_any_order(specialist, tree):
    """GIVEN headers typed in lower case without tone marks, columns in reverse order
    WHEN the file is imported
    THEN the row is imported."""
    from vanphong.core import vntext

    row = member_row(full_name="Quàng Văn Lả")
    keys = list(row)
    headers = [vntext.fold(h) for h in member_headers()][::-1]
    upload = raw_file(workbook_bytes(headers, [[row[k] for k in keys][::-1]]))

    import_members(acting_user=specialist, organization=tree.cell_a1, file=upload)

    assert Member.objects.filter(full_name="Quàng Văn Lả").count() == 1


def test_a_sheet_without_rows_is_refused(specialist, tree, unchanged):
    """GIVEN the header row only
    WHEN it is imported
    THEN it is refused as having no data rows."""
    assert _refused(specialist, tree, members_file([])).code == "no_rows"


def test_duplicate_card_numbers_and_citizen_ids_inside_the_file(specialist, tree, unchanged):
    """GIVEN two rows sharing a card number and two sharing a citizen ID
    WHEN the file is imported
    THEN the later rows are refused, naming the first row."""
    rows = [
        member_row(card_number="79000001", citizen_id="001080000001"),
        member_row(card_number="79000001", citizen_id="001080000002"),
        member_row(card_number="79000003", citizen_id="001080000001"),
    ]

    error = _refused(specialist, tree, members_file(rows))

    same_as_row_2 = str(RowCode.DUPLICATE_IN_FILE[1]) % {"row": 2}
    assert [(e.row, e.column, e.code, e.message) for e in error.errors] == [
        (3, "card_number", "duplicate_in_file", same_as_row_2),
        (4, "citizen_id", "duplicate_in_file", same_as_row_2),
    ]
    assert error.total == 2


def test_card_numbers_and_citizen_ids_already_in_the_database(specialist, tree, unchanged):
    """GIVEN rows reusing the card number and the citizen ID of existing members
    WHEN the file is imported
    THEN both rows are refused with the Vietnamese "already in use" messages."""
    rows = [
        member_row(card_number=tree.member_b1.card_number),
        member_row(citizen_id=tree.member_a2.citizen_id),
    ]

    error = _refused(specialist, tree, members_file(rows))

    assert [(e.row, e.column, e.code, e.message) for e in error.errors] == [
        (2, "card_number", "card_taken", "Số thẻ đảng viên này đã được sử dụng."),
        (3, "citizen_id", "citizen_id_taken", "Số CCCD này đã được sử dụng."),
    ]


def test_impossible_and_inconsistent_dates(specialist, tree, unchanged):
    """GIVEN rows with 31/02, a wrong format, a birth after admission, an admission before 18,
    future dates and an official date before admission
    WHEN the file is imported
    THEN each is refused on its row and column."""
    rows = [
        member_row(birth_date="31/02/1980"),
        member_row(admitted_on="2005-05-19"),
        member_row(birth_date="01/01/2006", admitted_on="01/01/2005"),
        member_row(birth_date="01/06/1990", admitted_on="31/05/2008"),
        member_row(admitted_on="01/01/2999"),
        member_row(official_on="18/05/2005"),
    ]

    assert _row_errors(specialist, tree, rows) == [
        (2, "birth_date", "impossible_date"),
        (3, "admitted_on", "date_format"),
        (4, "admitted_on", "birth_after_admission"),
        (5, "admitted_on", "too_young"),
        (6, "admitted_on", "future_date"),
        (7, "official_on", "official_before_admission"),
    ]


def test_wrong_values_and_missing_required_ones(specialist, tree, unchanged):
    """GIVEN rows with an unknown gender, a short or lettered citizen ID, an empty name, and a
    name longer than the field
    WHEN the file is imported
    THEN every problem is listed, several per row when a row has several."""
    rows = [
        member_row(gender="Nam giới", citizen_id="00108000001"),
        member_row(full_name="", citizen_id="00108000000A"),
        member_row(full_name="A" * 201, status="Đang công tác"),
    ]

    assert _row_errors(specialist, tree, rows) == [
        (2, "gender", "invalid_choice"),
        (2, "citizen_id", "citizen_id_format"),
        (3, "full_name", "required"),
        (3, "citizen_id", "not_digits"),
        (4, "full_name", "too_long"),
        (4, "status", "invalid_choice"),
    ]


def test_an_error_after_inserted_batches_rolls_everything_back(
    specialist, tree, unchanged, monkeypatch
):
    """GIVEN batches of two rows and a bad date in the sixth data row
    WHEN the file is imported (two batches were already inserted when the error is met)
    THEN nothing remains imported."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 2)
    rows = [member_row(full_name=f"Nguyễn Văn Số {i}") for i in range(5)]
    rows.append(member_row(birth_date="30/02/1990"))

    assert _row_errors(specialist, tree, rows) == [(7, "birth_date", "impossible_date")]


def test_page_lists_errors_by_row_and_column_in_vietnamese(client, specialist, tree, unchanged):
    """GIVEN a file with a birth after admission in row 2
    WHEN it is uploaded on the import page
    THEN the page answers 400 with the row, the column header and the Vietnamese message."""
    client.force_login(specialist)
    rows = [member_row(birth_date="01/01/2006", admitted_on="01/01/2005")]

    response = client.post(
        reverse("organizations_xlsx:member_import"),
        {"to_chuc": tree.cell_a1.pk, "tep": members_file(rows)},
    )

    assert response.status_code == 400
    assert response.context["total"] == 1
    [error] = response.context["errors"]
    assert (error.row, error.label, error.message) == (
        2,
        member_headers()[8],
        "Ngày vào Đảng trước ngày sinh.",
    )
    assert "Ngày vào Đảng trước ngày sinh." in response.content.decode()


def test_page_shows_the_file_error(client, specialist, tree, unchanged):
    """GIVEN random bytes named .xlsx
    WHEN they are uploaded on the import page
    THEN the page answers 400 with the file-level message."""
    client.force_login(specialist)

    response = client.post(
        reverse("organizations_xlsx:member_import"),
        {"to_chuc": tree.cell_a1.pk, "tep": raw_file(os.urandom(2048))},
    )

    assert response.status_code == 400
    assert response.context["error"] == str(XlsxError.NOT_XLSX[1])


def test_page_without_a_file(client, specialist, tree, unchanged):
    """GIVEN no file
    WHEN the form is posted
    THEN the page answers 400 asking for a file."""
    client.force_login(specialist)

    response = client.post(
        reverse("organizations_xlsx:member_import"), {"to_chuc": tree.cell_a1.pk}
    )

    assert response.status_code == 400
    assert "error" in response.context and "errors" not in response.context
