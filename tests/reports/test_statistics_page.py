import pytest
from django.urls import reverse

from tests import factories
from tests.factories import Role
from vanphong.reports.models import MemberStatsSnapshot

URL = reverse("reports:member_statistics")


def test_anonymous_user_is_sent_to_login(client, tree):
    """GIVEN an anonymous visitor
    WHEN the statistics page is opened
    THEN the visitor is redirected to the login page."""
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("core:login"))


def test_specialist_sees_own_subtree_figures(client, tree):
    """GIVEN a specialist of commune A
    WHEN the page is opened without parameters
    THEN it shows commune A's figures in Vietnamese, and the picker offers only its subtree."""
    client.force_login(factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.commune_a)]))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["org"] == tree.commune_a
    assert response.context["figures"]["total"] == 2
    assert [pk for pk, _label in response.context["picker"]] == [
        tree.commune_a.pk,
        tree.cell_a1.pk,
        tree.cell_a2.pk,
    ]
    content = response.content.decode()
    assert "Thống kê đảng viên" in content
    assert '<strong id="total">2</strong>' in content


def test_sibling_organization_is_not_found(client, tree):
    """GIVEN a specialist of commune A
    WHEN the page is asked for commune B, for an id that does not exist, or for the province
    THEN the answer is 404 alike, and nothing is cached."""
    client.force_login(factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.commune_a)]))
    for org_id in (tree.commune_b.pk, 999_999, tree.province.pk):
        assert client.get(URL, {"to_chuc": org_id}).status_code == 404
    assert MemberStatsSnapshot.objects.count() == 0


@pytest.mark.parametrize("role", [Role.CLERK, Role.ARCHIVIST, Role.MEMBER])
def test_roles_without_member_export_are_not_found(client, tree, role):
    """GIVEN a user whose role at the province does not allow exporting member data
    WHEN the statistics page is opened
    THEN the answer is 404."""
    client.force_login(factories.user("nguoidung", roles=[(role, tree.province)]))
    assert client.get(URL).status_code == 404


def test_superuser_chooses_an_organization_and_a_date(client, tree):
    """GIVEN a superuser
    WHEN the page is asked for cell B1 on 01/03/2026
    THEN it shows that cell's one member and the chosen date as dd/mm/yyyy."""
    admin = factories.user("quantri", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(URL, {"to_chuc": tree.cell_b1.pk, "ngay": "2026-03-01"})
    assert response.status_code == 200
    assert response.context["figures"]["total"] == 1
    assert "01/03/2026" in response.content.decode()


def test_bad_date_gives_a_vietnamese_message(client, tree):
    """GIVEN a specialist of the province
    WHEN the page is asked with an impossible date
    THEN it answers with a Vietnamese message and no figures."""
    client.force_login(factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.province)]))
    response = client.get(URL, {"ngay": "31/02/2026"})
    assert response.status_code == 200
    assert "figures" not in response.context
    assert "Nhập ngày theo dạng dd/mm/yyyy." in response.content.decode()
