"""The deadline dashboard: open lead/co assignments per person and department, counted exactly
(overdue: deadline before today; due soon: today to today + 3 days), only what the user may see."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from vanphong.documents.models import Assignment
from vanphong.documents.services import incoming
from vanphong.organizations.roles import Role

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


class Desk:
    def __init__(self, office):
        self.office = office
        tree = office.tree
        self.secret_specialist = factories.user(
            "cv_mat", roles=[(Role.SPECIALIST, tree.province)], clearance=1, last_name="Mật"
        )
        self.commune_specialist = factories.user(
            "cv_xa", roles=[(Role.SPECIALIST, tree.commune_a)], last_name="Xã Bảo Thắng"
        )
        self.department = factories.org(tree.province, "Ban Tổ chức Tỉnh ủy", "BTCTU", "department")
        s = office.specialist
        # deadline offset (None: no deadline) → the specialist's documents
        self.docs = {}
        for key, offset in {"late": -2, "d3": 3, "d4": 4, "today": 0, "none": None}.items():
            self.docs[key] = self._assigned(f"Việc {key}", s, offset, co=(key == "today"))
        self.done = self._assigned("Việc đã xong", s, -5)
        incoming.close(acting_user=s, document=self.done, result="Đã báo cáo")
        self.head_late = self._assigned("Việc của chánh văn phòng", office.head, -1)
        self.secret = self._assigned("Việc mật", self.secret_specialist, -3, confidentiality=1)
        self.commune = self._assigned(
            "Việc của xã Bảo Thắng", self.commune_specialist, -1, organization=tree.commune_a
        )
        Assignment.objects.filter(document=self.docs["late"], user=s).update(
            department=self.department
        )
        Assignment.objects.filter(document=self.docs["d3"], user=s).update(
            department=self.department
        )

    def _assigned(self, summary, person, offset, co=False, organization=None, **extra):
        office = self.office
        document = office.register(
            summary=summary, organization=organization or office.tree.province, **extra
        )
        lead = office.head if co else person
        incoming.assign(
            acting_user=office.head,
            document=document,
            lead=lead,
            co_handlers=[person] if co else [],
            readers=[office.leader],
            deadline=days(10) if offset is not None else None,
        )
        if offset is not None:  # time passes: set the deadline the story needs
            Assignment.objects.filter(document=document).exclude(role="reader").update(
                deadline=days(offset)
            )
        return document


@pytest.fixture
def desk(office):
    return Desk(office)


def dashboard(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("documents:deadline_dashboard"), params)
    assert response.status_code == 200
    return response


def counts(response):
    return {
        line.name: (line.assigned, line.overdue, line.soon) for line in response.context["people"]
    }


def test_counts_per_person_are_exact(client, desk):
    office = desk.office
    got = counts(dashboard(client, office.clerk))
    # specialist: late, d3, d4, today (co-handler), none → overdue: late; soon: d3, today
    # head: lead of "today" (deadline today → soon) and of head_late (overdue)
    assert got == {
        str(office.specialist): (5, 1, 2),
        str(office.head): (2, 1, 1),
        str(desk.commune_specialist): (1, 1, 0),
    }  # not the closed one, not readers, not the classified one (clearance 0)
    total = dashboard(client, office.clerk).context["total"]
    assert (total.assigned, total.overdue, total.soon) == (8, 3, 3)


def test_classified_assignments_count_only_with_clearance(client, desk):
    office = desk.office
    office.clerk.clearance = 1
    office.clerk.save()
    got = counts(dashboard(client, office.clerk))
    assert got[str(desk.secret_specialist)] == (1, 1, 0)


def test_per_department(client, desk):
    lines = dashboard(client, desk.office.head).context["departments"]
    assert [(line.name, line.assigned, line.overdue, line.soon) for line in lines] == [
        ("Ban Tổ chức Tỉnh ủy", 2, 1, 1)
    ]


def test_sibling_sees_nothing_of_the_province_or_the_other_commune(client, desk):
    sibling = desk.office.sibling_clerk
    response = dashboard(client, sibling)
    assert counts(response) == {}
    html = response.content.decode()
    assert "Việc của xã Bảo Thắng" not in html and "Việc late" not in html
    client.force_login(sibling)
    url = reverse("documents:deadline_assignments")
    for kind in ("tat-ca", "qua-han", "sap-den-han"):
        assert list(client.get(url, {"loai": kind}).context["page"]) == []
    assert client.get(url, {"don_vi": desk.office.tree.province.pk}).status_code == 404
    assert (
        client.get(
            reverse("documents:deadline_dashboard"), {"don_vi": desk.office.tree.commune_a.pk}
        ).status_code
        == 404
    )


def test_commune_filter_narrows_to_the_subtree(client, desk):
    response = dashboard(client, desk.office.clerk, don_vi=desk.office.tree.commune_a.pk)
    assert counts(response) == {str(desk.commune_specialist): (1, 1, 0)}


def test_count_links_open_the_filtered_list(client, desk):
    office = desk.office
    response = dashboard(client, office.clerk)
    list_url = reverse("documents:deadline_assignments")
    link = f"{list_url}?nguoi={office.specialist.pk}&amp;loai=qua-han"
    assert link in response.content.decode()
    listed = client.get(list_url, {"nguoi": office.specialist.pk, "loai": "qua-han"})
    assert [a.document.summary for a in listed.context["page"]] == ["Việc late"]
    soon = client.get(list_url, {"nguoi": office.specialist.pk, "loai": "sap-den-han"})
    assert [a.document.summary for a in soon.context["page"]] == ["Việc today", "Việc d3"]
    every = client.get(list_url, {"nguoi": office.specialist.pk})
    assert len(every.context["page"]) == 5
    dept = client.get(list_url, {"phong": desk.department.pk, "loai": "qua-han"})
    assert [a.document.summary for a in dept.context["page"]] == ["Việc late"]


def test_my_open_assignments_block(client, desk):
    response = dashboard(client, desk.office.specialist)
    assert response.context["mine_count"] == 5
    html = response.content.decode()
    assert 'id="my-assignments"' in html
    assert "Việc late" in html and "Việc đã xong" not in html
    assert [a.document.summary for a in response.context["mine"]][:2] == ["Việc late", "Việc today"]


@pytest.mark.parametrize("name", ["deadline_dashboard", "deadline_assignments"])
def test_access(client, desk, name):
    url = reverse(f"documents:{name}")
    response = client.get(url)
    assert response.status_code == 302 and reverse("core:login") in response["Location"]
    client.force_login(factories.user("dv", roles=[(Role.MEMBER, desk.office.tree.province)]))
    assert client.get(url).status_code == 404
    client.force_login(desk.office.clerk)
    assert client.get(url).status_code == 200
