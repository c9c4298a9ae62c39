"""A meeting in session: attendance, votes by the rule with its exclusions, the secret ballot,
minutes frozen once signed, and bad input refused with nothing saved."""

import datetime
import io

import docx
import pytest
from django.db import connection

from tests import factories
from tests.meetings.conftest import at
from vanphong.core.lengths import TooLong
from vanphong.core.models import AuditEntry
from vanphong.meetings.models import Attendance, Method, Motion, Speech, Standing
from vanphong.meetings.services import minutes, session, votes
from vanphong.meetings.services.errors import MeetingError
from vanphong.organizations.services import procedures


def _voting(cell, method=Method.HANDS):
    meeting = cell.open(cell.plan())
    cell.all_present(meeting)
    return meeting, votes.open_motion(
        acting_user=cell.secretary, meeting=meeting, question="Thông qua nghị quyết", method=method
    )


def test_the_roster_comes_from_the_cell_and_marks_who_does_not_count(cell, tree):
    procedures.exempt_member(
        acting_user=None,
        member=cell.members[6],
        starts_on=datetime.date(2026, 1, 1),
        ends_on=None,
        reason="Tuổi cao",
        decision="",
    )
    meeting = cell.open(cell.plan())
    standings = dict(meeting.attendance.values_list("member_id", "standing"))
    assert len(standings) == 7 and standings[cell.members[6].pk] == Standing.EXEMPTED
    assert tree.member_a2.pk not in standings  # another cell's member


def test_the_vote_counts_the_body_not_those_present_with_its_exclusions(cell):
    procedures.exempt_member(
        acting_user=None,
        member=cell.members[6],
        starts_on=datetime.date(2026, 1, 1),
        ends_on=None,
        reason="Tuổi cao",
        decision="",
    )
    meeting = cell.open(cell.plan())
    absent = {cell.members[6].pk: ("excused", "Ốm"), cell.members[5].pk: ("unexcused", "")}
    cell.all_present(meeting, absent)
    row = meeting.attendance.get(member=cell.members[4])
    session.set_standing(
        acting_user=cell.secretary,
        attendance=row,
        standing=Standing.SUSPENDED,
        reason="Quyết định đình chỉ sinh hoạt số 12",
    )
    figures = votes.arithmetic(meeting)
    # 7 on the roster; the exempted member who is absent and the suspended one do not count.
    assert (figures.body_size, figures.counted, figures.threshold) == (7, 5, 3)
    assert {r["name"] for r in figures.excluded} == {
        cell.members[6].full_name,
        cell.members[4].full_name,
    }
    motion = votes.open_motion(
        acting_user=cell.secretary, meeting=meeting, question="Q", method=Method.HANDS
    )
    votes.record_counts(acting_user=cell.secretary, motion=motion, yes=3, no=1, abstain=0)
    motion = votes.close_motion(acting_user=cell.secretary, motion=motion)
    assert motion.passed and (motion.counted, motion.threshold) == (5, 3)


def test_two_for_of_five_counted_does_not_pass(cell):
    meeting, motion = _voting(cell)
    votes.record_counts(acting_user=cell.secretary, motion=motion, yes=3, no=4, abstain=0)
    assert votes.close_motion(acting_user=cell.secretary, motion=motion).passed is False


def test_more_ballots_than_members_present_are_refused(cell):
    meeting = cell.open(cell.plan())
    cell.all_present(meeting, {cell.members[6].pk: ("unexcused", "")})
    motion = votes.open_motion(
        acting_user=cell.secretary, meeting=meeting, question="Q", method=Method.HANDS
    )
    with pytest.raises(MeetingError) as refused:
        votes.record_counts(acting_user=cell.secretary, motion=motion, yes=5, no=2, abstain=0)
    assert refused.value.code == "too_many_votes" and "6" in refused.value.message
    motion.refresh_from_db()
    assert (motion.yes, motion.no) == (0, 0)


def test_attendance_for_a_non_member_refuses_the_whole_set(cell, tree):
    meeting = cell.open(cell.plan())
    marks = {cell.members[0].pk: ("present", ""), tree.member_b1.pk: ("present", "")}
    with pytest.raises(MeetingError) as refused:
        session.record_attendance(acting_user=cell.secretary, meeting=meeting, marks=marks)
    assert refused.value.code == "not_on_roster"
    assert not Attendance.objects.filter(meeting=meeting).exclude(presence="unrecorded").exists()


def test_an_absence_with_reason_needs_the_reason(cell):
    meeting = cell.open(cell.plan())
    with pytest.raises(MeetingError, match="lý do|reason"):
        session.record_attendance(
            acting_user=cell.secretary,
            meeting=meeting,
            marks={cell.members[0].pk: ("excused", " ")},
        )


def test_the_end_must_come_after_the_start(cell):
    meeting = cell.open(cell.plan())
    cell.all_present(meeting)
    with pytest.raises(MeetingError) as refused:
        session.close_session(
            acting_user=cell.secretary, meeting=meeting, ended_at=at(cell.day, 13)
        )
    assert refused.value.code == "end_before_start"
    meeting.refresh_from_db()
    assert meeting.ended_at is None


def test_a_session_cannot_close_before_every_attendance_is_recorded(cell):
    meeting = cell.open(cell.plan())
    with pytest.raises(MeetingError) as refused:
        session.close_session(
            acting_user=cell.secretary, meeting=meeting, ended_at=at(cell.day, 16)
        )
    assert refused.value.code == "attendance_open"


def test_a_5000_character_speech_is_refused(cell):
    meeting = cell.open(cell.plan())
    with pytest.raises(TooLong):
        session.add_speech(
            acting_user=cell.secretary, meeting=meeting, member=cell.members[0], content="a" * 5000
        )
    assert not Speech.objects.exists()


def test_a_member_votes_once_from_their_device(cell):
    meeting, motion = _voting(cell)
    votes.cast_ballot(user=cell.member_user, motion=motion, choice="yes")
    with pytest.raises(MeetingError) as refused:
        votes.cast_ballot(user=cell.member_user, motion=motion, choice="no")
    assert refused.value.code == "already_voted"
    motion.refresh_from_db()
    assert (motion.yes, motion.no) == (1, 0)


def test_an_absent_member_cannot_vote(cell):
    meeting = cell.open(cell.plan())
    cell.all_present(meeting, {cell.members[0].pk: ("excused", "Ốm")})
    motion = votes.open_motion(
        acting_user=cell.secretary, meeting=meeting, question="Q", method=Method.SECRET
    )
    with pytest.raises(MeetingError) as refused:
        votes.cast_ballot(user=cell.member_user, motion=motion, choice="yes")
    assert refused.value.code == "not_present"


def test_a_secret_ballot_keeps_no_link_between_a_member_and_a_choice(cell):
    meeting, motion = _voting(cell, Method.SECRET)
    votes.cast_ballot(user=cell.member_user, motion=motion, choice="no")
    motion.refresh_from_db()
    assert (motion.yes, motion.no, motion.abstain) == (0, 1, 0)
    # Who voted is kept; no table holds a member beside a choice.
    assert list(motion.secret_casts.values_list("member_id", flat=True)) == [cell.members[0].pk]
    assert not motion.open_ballots.exists()
    columns = {f.column for f in motion.secret_casts.model._meta.concrete_fields}
    assert columns == {"id", "motion_id", "member_id"}
    entry = AuditEntry.objects.get(action="meeting.ballot")
    assert "no" not in str(entry.before) + str(entry.after)
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names() if t.startswith("meetings_")]
        for table in tables:
            cols = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            assert not ({"member_id", "choice"} <= set(cols) and table != "meetings_openballot"), (
                table
            )
    assert votes.results_visible(motion) is False


def test_a_secret_ballot_is_not_counted_by_hand(cell):
    meeting, motion = _voting(cell, Method.SECRET)
    with pytest.raises(MeetingError) as refused:
        votes.record_counts(acting_user=cell.secretary, motion=motion, yes=1, no=0, abstain=0)
    assert refused.value.code == "secret_counts"


def _held_with_minutes(cell):
    meeting, motion = _voting(cell)
    votes.record_counts(acting_user=cell.secretary, motion=motion, yes=6, no=1, abstain=0)
    votes.close_motion(acting_user=cell.secretary, motion=motion)
    session.add_speech(
        acting_user=cell.secretary,
        meeting=meeting,
        member=cell.members[3],
        content="Đồng ý với báo cáo.",
    )
    meeting = session.close_session(
        acting_user=cell.secretary,
        meeting=meeting,
        ended_at=at(cell.day, 15, 40),
        conclusions="Giao nhiệm vụ tháng 12.",
    )
    record = minutes.adopt(
        acting_user=cell.secretary,
        minutes=minutes.draft(acting_user=cell.secretary, meeting=meeting),
    )
    return meeting, record


def test_signed_minutes_freeze_the_record_and_a_correction_reopens_it(cell):
    meeting, record = _held_with_minutes(cell)
    chair = cell.secretary  # member 1 chairs
    minute_taker = factories.user("thuky", member_=cell.members[2])
    with pytest.raises(MeetingError) as refused:
        minutes.sign(user=cell.member_user, minutes=record)
    assert refused.value.code == "wrong_signer"
    minutes.sign(user=chair, minutes=record)
    record = minutes.sign(user=minute_taker, minutes=record)
    assert record.status == "signed" and meeting.is_frozen
    with pytest.raises(MeetingError) as refused:
        session.add_speech(
            acting_user=cell.secretary, meeting=meeting, member=cell.members[0], content="Bổ sung"
        )
    assert refused.value.code == "frozen"
    correction = minutes.correct(
        acting_user=cell.secretary, minutes=record, reason="Sai tên người phát biểu"
    )
    assert correction.corrects == record and minutes.current(meeting) == correction
    assert not meeting.is_frozen


def test_the_minutes_docx_holds_every_element(cell):
    meeting, record = _held_with_minutes(cell)
    from vanphong.meetings import minutes_docx

    data = minutes_docx.render(record.content, "Lào Cai")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    cells = " ".join(
        c.text for t in docx.Document(io.BytesIO(data)).tables for row in t.rows for c in row.cells
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells and "CHI BỘ THÔN LÀNG MỚI" in cells
    assert "Lào Cai, ngày 24 tháng 11 năm 2026" in cells
    assert "BIÊN BẢN" in text and "Nhà văn hóa thôn" in text
    assert f"Chủ trì: đồng chí {cell.members[1].full_name}" in text
    assert f"Thư ký: đồng chí {cell.members[2].full_name}" in text
    assert "Đảng viên có mặt: 7/7 đồng chí" in text
    assert f"Đồng chí {cell.members[3].full_name}: Đồng ý với báo cáo." in text
    assert "Giao nhiệm vụ tháng 12." in text
    assert (
        "tán thành 6, không tán thành 1" in text
        and "cần ít nhất 4 phiếu tán thành: được thông qua" in text
    )
    assert "15 giờ 40 phút" in text
    assert "THƯ KÝ" in cells and "CHỦ TRÌ" in cells


def test_a_vote_closed_twice_is_refused(cell):
    meeting, motion = _voting(cell)
    votes.close_motion(acting_user=cell.secretary, motion=motion)
    with pytest.raises(MeetingError):
        votes.close_motion(acting_user=cell.secretary, motion=Motion.objects.get(pk=motion.pk))


def test_a_malformed_count_is_refused_at_its_fields_and_changes_nothing(cell, client):
    from django.urls import reverse

    meeting, motion = _voting(cell)
    client.force_login(cell.secretary)
    response = client.post(
        reverse("meetings:step", args=[meeting.pk, "kiem-phieu"]),
        {"motion": motion.pk, "yes": "abc", "no": "0", "abstain": "0"},
    )
    assert response.status_code == 400
    assert response.context["count_form"].errors["yes"]
    motion.refresh_from_db()
    assert (motion.yes, motion.no, motion.abstain) == (0, 0, 0)
