"""The study of a resolution: sessions name it, make-up sessions call only those who missed it,
the share who studied it is counted per organization and for the subtree."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.meetings.conftest import at
from vanphong.meetings import study
from vanphong.meetings.models import Kind, Presence
from vanphong.meetings.services import planning, session
from vanphong.meetings.services.errors import MeetingError

D = datetime.date


def _study(cell, day, marks, resolution="57-nq/tw", makeup_of=None):
    cell.day = day
    meeting = planning.plan_meeting(
        acting_user=cell.secretary,
        organization=cell.tree.cell_a1,
        body="cell",
        kind=Kind.STUDY,
        starts_at=at(day, 14),
        place="Hội trường",
        theme="Nghị quyết về đột phá phát triển khoa học, công nghệ",
        resolution=resolution,
        makeup_of=makeup_of,
    )
    if makeup_of is None:
        cell.open(meeting)
    else:  # a make-up's roster is those still to study: one of them takes the chair
        first = meeting.attendance.select_related("member").first().member
        session.open_session(
            acting_user=cell.secretary,
            meeting=meeting,
            chair=first,
            secretary=first,
            started_at=at(day, 14),
        )
    rows = {r.member_id for r in meeting.attendance.all()}
    session.record_attendance(
        acting_user=cell.secretary,
        meeting=meeting,
        marks={pk: marks.get(pk, (Presence.PRESENT, "")) for pk in rows},
    )
    return session.close_session(acting_user=cell.secretary, meeting=meeting, ended_at=at(day, 16))


@pytest.mark.django_db
def test_a_study_session_names_its_resolution_in_one_spelling(cell):
    with pytest.raises(MeetingError) as refused:
        _study(cell, D(2026, 10, 1), {}, resolution="  ")
    assert refused.value.code == "resolution_needed"
    meeting = _study(cell, D(2026, 10, 1), {}, resolution=" 57-nq/TW ")
    assert meeting.resolution == "57-NQ/TW"


@pytest.mark.django_db
def test_the_make_up_calls_only_those_absent_and_the_share_follows(cell):
    away, late, excused = cell.members[4], cell.members[5], cell.members[6]
    first = _study(
        cell,
        D(2026, 10, 1),
        {
            away.pk: (Presence.UNEXCUSED, ""),
            late.pk: (Presence.LATE, ""),
            excused.pk: (Presence.EXCUSED, "Đi công tác"),
        },
    )
    everyone = [m.pk for m in cell.members]
    assert study.studied("57-NQ/TW", everyone) == set(everyone) - {away.pk, excused.pk}
    assert study.studied("59-NQ/TW", everyone) == set()  # another resolution

    makeup = _study(cell, D(2026, 10, 20), {excused.pk: (Presence.EXCUSED, "Ốm")}, makeup_of=first)
    assert makeup.resolution == "57-NQ/TW"
    assert {r.member_id for r in makeup.attendance.all()} == {away.pk, excused.pk}

    visible = [cell.tree.cell_a1]
    lines, total = study.coverage("57-nq/tw", cell.tree.commune_a, visible)
    assert [(line.organization, line.members, line.studied) for line in lines] == [
        (cell.tree.cell_a1, 7, 6)
    ]
    assert (total.members, total.studied, total.share) == (7, 6, 85.7)

    second = _study(cell, D(2026, 11, 3), {}, makeup_of=first)
    assert {r.member_id for r in second.attendance.all()} == {excused.pk}
    with pytest.raises(MeetingError) as refused:
        _study(cell, D(2026, 11, 10), {}, makeup_of=first)
    assert refused.value.code == "nobody_to_make_up"
    assert study.coverage("57-NQ/TW", cell.tree.commune_a, visible)[1].share == 100.0


@pytest.mark.django_db
def test_a_make_up_follows_a_held_study_session_of_the_same_cell(cell):
    planned = planning.plan_meeting(
        acting_user=cell.secretary,
        organization=cell.tree.cell_a1,
        body="cell",
        kind=Kind.STUDY,
        starts_at=at(D(2026, 11, 26), 8),
        place="Hội trường",
        theme="Nghị quyết",
        resolution="57-NQ/TW",
    )
    with pytest.raises(MeetingError) as refused:
        _study(cell, D(2026, 11, 20), {}, makeup_of=planned)
    assert refused.value.code == "not_makeup"


@pytest.mark.django_db
def test_the_coverage_page_counts_only_what_the_user_oversees(cell, tree):
    _study(cell, D(2026, 10, 1), {cell.members[4].pk: (Presence.UNEXCUSED, "")})
    factories.member(tree.cell_a2, "Phạm Văn Hùng")
    office = factories.user("cvdu", roles=[(factories.Role.SPECIALIST, tree.commune_a)])
    client = Client()
    client.force_login(office)
    response = client.get(
        reverse("meetings:study"),
        {"resolution": "57-NQ/TW", "organization": str(tree.commune_a.pk)},
    )
    assert response.status_code == 200
    assert (
        "57-NQ/TW tại Đảng bộ xã Bảo Thắng: 6/9 đảng viên đã học tập (66,7%)"
        in response.content.decode()
    )
    lines = response.context["lines"]
    assert [(line.organization.name, line.members, line.studied) for line in lines] == [
        (tree.cell_a1.name, 7, 6),
        (tree.cell_a2.name, 2, 0),  # the tree's own member and the one added here
    ]
    assert response.context["total"].members == 9

    other = factories.user("cvsapa", roles=[(factories.Role.SPECIALIST, tree.commune_b)])
    client.force_login(other)
    asked = {"resolution": "57-NQ/TW", "organization": str(tree.commune_a.pk)}
    refused = client.get(reverse("meetings:study"), asked)
    assert refused.status_code == 400 and refused.context["lines"] is None  # not a choice
    asked.update(organization=str(tree.commune_b.pk), don_vi=str(tree.commune_a.pk))
    assert client.get(reverse("meetings:study"), asked).status_code == 404
    member = Client()
    member.force_login(cell.member_user)
    assert member.get(reverse("meetings:study")).status_code == 404


@pytest.mark.django_db
def test_the_cell_secretary_chairs_a_make_up_without_being_on_its_roster(cell, client):
    """The make-up calls only those still to study; its chair and minute-taker are chosen from the
    whole cell, so the secretary (who studied at the first session) can lead it."""
    away = cell.members[3]
    first = _study(cell, D(2026, 10, 1), {away.pk: (Presence.UNEXCUSED, "")})
    cell.day = D(2026, 10, 20)
    makeup = planning.plan_meeting(
        acting_user=cell.secretary,
        organization=cell.tree.cell_a1,
        body="cell",
        kind=Kind.STUDY,
        starts_at=at(cell.day, 14),
        place="Hội trường",
        theme="Học bù",
        makeup_of=first,
    )
    chair, keeper = cell.members[1], cell.members[2]
    assert {r.member_id for r in makeup.attendance.all()} == {away.pk}
    client.force_login(cell.secretary)
    page = client.get(reverse("meetings:detail", args=[makeup.pk]))
    offered = dict(page.context["open_form"].fields["chair"].choices)
    assert {chair.pk, keeper.pk, away.pk} <= {int(pk) for pk in offered}

    response = client.post(
        reverse("meetings:step", args=[makeup.pk, "khai-mac"]),
        {"chair": chair.pk, "secretary": keeper.pk, "started_at": "20/10/2026 14:00"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    makeup.refresh_from_db()
    assert (makeup.chair, makeup.secretary, makeup.status) == (chair, keeper, "in_session")
    assert {r.member_id for r in makeup.attendance.all()} == {away.pk}  # still only who studies


@pytest.mark.django_db
def test_a_chair_from_another_cell_is_refused_and_nothing_changes(cell, client):
    meeting = cell.plan()
    stranger = factories.member(cell.tree.cell_a2, "Người Chi Bộ Khác")
    client.force_login(cell.secretary)
    response = client.post(
        reverse("meetings:step", args=[meeting.pk, "khai-mac"]),
        {"chair": stranger.pk, "secretary": cell.members[2].pk, "started_at": "24/11/2026 14:00"},
    )
    assert response.status_code == 400
    assert response.context["open_form"].errors["chair"]
    meeting.refresh_from_db()
    assert meeting.chair is None and meeting.status != "in_session"
