"""Who sees which meetings: the cell's own, a member their own, the overseeing committee its
subtree; another cell nothing; refused writes change nothing."""

import pytest
from django.urls import reverse

from tests import factories
from vanphong.core import access
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import Meeting
from vanphong.organizations.roles import Role


def test_members_see_only_their_own_meetings_and_other_cells_nothing(cell, tree, client):
    meeting = cell.plan()
    stranger = factories.user("khac", member_=tree.member_b1)
    other_secretary = factories.user("bithukhac", roles=[(Role.CELL_SECRETARY, tree.cell_b1)])
    overseer = factories.user("chuyenvien", roles=[(Role.SPECIALIST, tree.commune_a)])
    assert access.can(cell.member_user, MeetingAction.VIEW, meeting)
    assert not access.can(stranger, MeetingAction.VIEW, meeting)
    assert not access.can(other_secretary, MeetingAction.VIEW, meeting)
    assert access.can(overseer, MeetingAction.VIEW, meeting)
    visible = access.visible(cell.member_user, Meeting.objects.all(), MeetingAction.VIEW)
    assert list(visible) == [meeting]
    assert not access.visible(stranger, Meeting.objects.all(), MeetingAction.VIEW).exists()
    client.force_login(other_secretary)
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 404


def test_a_classified_meeting_needs_the_clearance_even_for_its_members(cell):
    cell.secretary.clearance = 1
    cell.secretary.save()
    meeting = cell.plan(confidentiality=1)
    assert not access.can(cell.member_user, MeetingAction.VIEW, meeting)


def test_a_member_cannot_take_the_secretary_s_steps(cell, client):
    meeting = cell.plan()
    client.force_login(cell.member_user)
    response = client.post(reverse("meetings:step", args=[meeting.pk, "thong-bao"]))
    assert response.status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == "planned"


@pytest.mark.parametrize("level", [2, 3])
def test_no_one_plans_above_their_clearance(cell, level):
    from vanphong.meetings.services.errors import MeetingError

    with pytest.raises(MeetingError) as refused:
        cell.plan(confidentiality=level)
    assert refused.value.code == "clearance"
    assert not Meeting.objects.exists()
