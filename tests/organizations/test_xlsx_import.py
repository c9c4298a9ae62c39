"""Member import: a valid file imports exactly its rows; access is checked on the target."""

import datetime
import unicodedata

import pytest
from django.urls import reverse

from tests import factories
from tests.factories import Role
from tests.organizations.test_xlsx_support import member_row, members_file
from vanphong.core import vntext
from vanphong.core.models import AuditEntry
from vanphong.organizations.models import Member, MemberEvent, MemberStatus
from vanphong.organizations.xlsx.errors import RowsRejected
from vanphong.organizations.xlsx.importer import import_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialist(tree):
    return factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.commune_a)])


def test_valid_file_imports_exactly_its_rows(tree, specialist):
    """GIVEN a file of three rows naming cells of the commune by code and by name, one name in
    decomposed Unicode with the new tone placement (kiểu mới)
    WHEN it is imported into the commune
    THEN exactly three members exist with the given fields, names NFC and canonical, folded and
    sort keys set, and one audit entry summarizes the import."""
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị  Thuỷ")
    rows = [
        member_row(
            full_name=decomposed,
            gender="Nữ",
            birth_date="02/09/1985",
            citizen_id="001085012345",
            card_number="79012345",
            admitted_on="03/02/2010",
            official_on="03/02/2011",
            status="Chính thức",
            education="Trung học phổ thông",
            professional_level="Thạc sĩ",
            theory_level="Cao cấp",
            organization=str(tree.cell_a1.pk),
            phone="0912345678",
        ),
        member_row(full_name="Đỗ Văn An", organization="chi bộ thôn phú hà"),
        member_row(
            full_name="Lò Thị Mai", gender="Nữ", ethnicity="Thái", organization=tree.cell_a1.pk
        ),
    ]
    before = Member.objects.count()

    result = import_members(
        acting_user=specialist, organization=tree.commune_a, file=members_file(rows)
    )

    assert (result.created, result.file_name) == (3, "dang-vien.xlsx")
    assert Member.objects.count() == before + 3
    thuy = Member.objects.get(card_number="79012345")
    assert thuy.full_name == "Nguyễn Thị Thủy"
    assert unicodedata.is_normalized("NFC", thuy.full_name)
    assert thuy.name_folded == "nguyen thi thuy"
    assert thuy.name_sort == vntext.person_sort_key("Nguyễn Thị Thủy")
    assert (thuy.gender, thuy.birth_date, thuy.citizen_id) == (
        "female",
        datetime.date(1985, 9, 2),
        "001085012345",
    )
    assert (thuy.admitted_on, thuy.official_on, thuy.status) == (
        datetime.date(2010, 2, 3),
        datetime.date(2011, 2, 3),
        MemberStatus.OFFICIAL,
    )
    assert (thuy.education, thuy.professional_level, thuy.theory_level) == (
        "upper_secondary",
        "master",
        "advanced",
    )
    assert (thuy.organization, thuy.phone, thuy.ethnicity) == (tree.cell_a1, "0912345678", "Kinh")
    an = Member.objects.get(full_name="Đỗ Văn An")
    assert (an.organization, an.status, an.status_changed_on) == (
        tree.cell_a2,
        MemberStatus.PROBATIONARY,
        datetime.date(2005, 5, 19),
    )
    assert (an.card_number, an.citizen_id) == (None, None)
    assert Member.objects.get(full_name="Lò Thị Mai").ethnicity == "Thái"
    entries = AuditEntry.objects.filter(action="member.import")
    assert [(e.target_id, e.after, e.actor) for e in entries] == [
        (str(tree.commune_a.pk), {"rows": 3, "file": "dang-vien.xlsx"}, specialist)
    ]
    assert MemberEvent.objects.count() == 0


def test_empty_cell_column_means_the_chosen_cell(tree, specialist):
    """GIVEN rows without a party cell
    WHEN they are imported into a party cell
    THEN the members join that cell."""
    rows = [member_row(full_name="Hà Văn Tú"), member_row(full_name="Vi Thị Hằng", gender="Nữ")]

    import_members(acting_user=specialist, organization=tree.cell_a2, file=members_file(rows))

    assert set(
        Member.objects.filter(organization=tree.cell_a2).values_list("full_name", flat=True)
    ) == {
        tree.member_a2.full_name,
        "Hà Văn Tú",
        "Vi Thị Hằng",
    }


def test_dates_held_as_excel_dates_are_accepted(tree, specialist):
    """GIVEN a row whose dates are real Excel dates, not text
    WHEN it is imported
    THEN the dates are stored as they are."""
    row = member_row(
        full_name="Sùng A Páo",
        birth_date=datetime.datetime(1979, 12, 31),
        admitted_on=datetime.date(2001, 1, 6),
    )

    import_members(acting_user=specialist, organization=tree.cell_a1, file=members_file([row]))

    pao = Member.objects.get(full_name="Sùng A Páo")
    assert (pao.birth_date, pao.admitted_on) == (
        datetime.date(1979, 12, 31),
        datetime.date(2001, 1, 6),
    )


def test_row_naming_a_cell_outside_the_chosen_subtree_is_unknown(tree, specialist):
    """GIVEN a row naming a cell of the sibling commune by its code
    WHEN it is imported into the commune
    THEN the row is refused as an unknown organization and nothing is imported."""
    before = Member.objects.count()
    rows = [
        member_row(organization=str(tree.cell_a1.pk)),
        member_row(full_name="Lê Thị Lan", organization=str(tree.cell_b1.pk)),
    ]

    with pytest.raises(RowsRejected) as caught:
        import_members(acting_user=specialist, organization=tree.commune_a, file=members_file(rows))

    assert [(e.row, e.column, e.code) for e in caught.value.errors] == [
        (3, "organization", "unknown_organization")
    ]
    assert Member.objects.count() == before
    assert not AuditEntry.objects.filter(action="member.import").exists()


def test_rows_without_cell_into_a_commune_need_the_column(tree, specialist):
    """GIVEN a row with an empty party cell and a row naming the commune itself
    WHEN they are imported into the commune (not a cell)
    THEN the first is refused as required and the second as not a party cell."""
    rows = [member_row(), member_row(full_name="Mai Văn Sơn", organization="Đảng bộ xã Bảo Thắng")]

    with pytest.raises(RowsRejected) as caught:
        import_members(acting_user=specialist, organization=tree.commune_a, file=members_file(rows))

    assert [(e.row, e.column, e.code) for e in caught.value.errors] == [
        (2, "organization", "required"),
        (3, "organization", "not_a_cell"),
    ]


def test_page_imports_and_redirects_to_the_list(client, tree, specialist):
    """GIVEN a specialist of the commune
    WHEN they upload a valid file on the import page for one of its cells
    THEN the members are imported and the page redirects to the filtered member list."""
    client.force_login(specialist)
    before = Member.objects.count()

    response = client.post(
        reverse("organizations_xlsx:member_import"),
        {"to_chuc": tree.cell_a1.pk, "tep": members_file([member_row()])},
    )

    assert response.status_code == 302
    assert (
        response["Location"] == f"{reverse('organizations:member_list')}?to_chuc={tree.cell_a1.pk}"
    )
    assert Member.objects.count() == before + 1


def test_page_offers_only_organizations_in_scope(client, tree, specialist):
    """GIVEN a specialist of commune A
    WHEN they open the import page
    THEN the commune and its two cells are offered, nothing else."""
    client.force_login(specialist)

    response = client.get(reverse("organizations_xlsx:member_import"))

    assert response.status_code == 200
    assert [o.pk for o in response.context["targets"]] == [
        tree.commune_a.pk,
        tree.cell_a1.pk,
        tree.cell_a2.pk,
    ]


@pytest.mark.parametrize(
    "role, where",
    [
        (Role.CLERK, "commune_a"),  # no import right
        (Role.SPECIALIST, "commune_b"),  # the right, at a sibling
        (Role.SPECIALIST, "cell_a2"),  # the right, below the target
        (None, None),  # no role at all
    ],
)
def test_import_refused_without_the_right_on_the_target(client, tree, role, where):
    """GIVEN a user without MEMBER_IMPORT on commune A's cell A1
    WHEN they post a valid file for it
    THEN the answer is 404 and nothing changes."""
    roles = [(role, getattr(tree, where))] if role else []
    client.force_login(factories.user("khach", roles=roles))
    members, entries = Member.objects.count(), AuditEntry.objects.count()

    response = client.post(
        reverse("organizations_xlsx:member_import"),
        {"to_chuc": tree.cell_a1.pk, "tep": members_file([member_row()])},
    )

    assert response.status_code == 404
    assert (Member.objects.count(), AuditEntry.objects.count()) == (members, entries)


def test_anonymous_is_sent_to_login(client, tree):
    """GIVEN an anonymous visitor
    WHEN they post a file
    THEN they are redirected to the login page and nothing is imported."""
    before = Member.objects.count()

    response = client.post(
        reverse("organizations_xlsx:member_import"),
        {"to_chuc": tree.cell_a1.pk, "tep": members_file([member_row()])},
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))
    assert Member.objects.count() == before
