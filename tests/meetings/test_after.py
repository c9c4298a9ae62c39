"""After the session: the conclusion notice issued through the documents area, its due day and
card; the unexcused-absences flag; the draft resolution's comment round and its synthesis."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tests import factories
from tests.meetings.conftest import at
from vanphong.core.models import Notification
from vanphong.documents.models import OutgoingDocument, OutgoingStatus
from vanphong.documents.services import outgoing
from vanphong.meetings import absences, attention
from vanphong.meetings.models import (
    DraftComment,
    DraftRecipient,
    DraftResolution,
    DraftStatus,
    Meeting,
    Presence,
)
from vanphong.meetings.services import conclusions, drafts, session
from vanphong.meetings.services.errors import MeetingError
from vanphong.organizations.services import orgs

D = datetime.date


def _held(cell, day=None, marks=None, conclusions_text="1. Giao chi ủy hoàn thành sổ sách.\n"):
    if day is not None:
        cell.day = day
    meeting = cell.open(cell.plan())
    cell.all_present(meeting, marks)
    return session.close_session(
        acting_user=cell.secretary,
        meeting=meeting,
        ended_at=at(cell.day, 15, 45),
        conclusions=conclusions_text,
    )


# -- The conclusion notice -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_notice_is_drafted_from_the_conclusions_as_the_cells_thong_bao(cell):
    meeting = _held(cell)
    document = conclusions.draft_notice(acting_user=cell.secretary, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.conclusion_notice == document
    assert document.doc_type == "thong_bao"
    assert document.status == OutgoingStatus.DRAFT
    assert document.organization == cell.tree.cell_a1
    assert document.summary == f"kết luận cuộc họp “{meeting.title}”"
    assert "1. Giao chi ủy hoàn thành sổ sách." in document.body
    assert "có 7/7 đảng viên dự" in document.body  # present of total, from the attendance
    assert (document.authority_line, document.signer_position) == ("T/M CHI BỘ", "BÍ THƯ")
    assert document.superior_body == "Đảng bộ xã Bảo Thắng"
    assert "Đảng bộ xã Bảo Thắng (để báo cáo)," in document.recipients


@pytest.mark.django_db
def test_a_notice_is_refused_before_the_session_without_conclusions_twice_or_by_a_member(cell):
    planned = cell.plan()
    with pytest.raises(MeetingError) as refused:
        conclusions.draft_notice(acting_user=cell.secretary, meeting=planned)
    assert refused.value.code == "wrong_step"

    held = _held(cell, day=D(2026, 10, 20), conclusions_text="")
    with pytest.raises(MeetingError) as refused:
        conclusions.draft_notice(acting_user=cell.secretary, meeting=held)
    assert refused.value.code == "no_conclusions"
    assert "Ghi kết luận" in refused.value.message

    held = _held(cell, day=D(2026, 9, 24))
    with pytest.raises(PermissionDenied):
        conclusions.draft_notice(acting_user=cell.member_user, meeting=held)
    conclusions.draft_notice(acting_user=cell.secretary, meeting=held)
    with pytest.raises(MeetingError) as refused:
        conclusions.draft_notice(acting_user=cell.secretary, meeting=held)
    assert refused.value.code == "notice_exists"
    assert OutgoingDocument.objects.count() == 1


@pytest.mark.django_db
def test_the_notice_is_due_seven_days_after_the_session_by_the_rule(cell):
    meeting = _held(cell)
    assert conclusions.due_on(meeting) == D(2026, 12, 1)  # 24/11 + 7 (meeting_compliance row)
    assert conclusions.due_on(cell.plan(kind="thematic")) is None  # not held: nothing due yet


@pytest.mark.django_db
def test_the_card_lists_held_meetings_until_their_notice_is_issued(cell, admin_user):
    orgs.add_term(
        acting_user=admin_user,
        organization=cell.tree.commune_a,
        name="2025–2030",
        starts_on=D(2025, 10, 1),
    )
    meeting = _held(cell)
    card = attention.work(cell.secretary, "ket_luan")
    assert list(card) == [meeting]
    page = _client(cell.secretary).get(reverse("meetings:list") + "?viec=ket_luan")
    assert page.status_code == 200 and meeting.title in page.content.decode()

    document = conclusions.draft_notice(acting_user=cell.secretary, meeting=meeting)
    secretary = cell.secretary
    outgoing.send_to_appraisal(acting_user=secretary, document=document)
    outgoing.appraise(acting_user=secretary, document=document, verdict="agree", text="Đồng ý.")
    outgoing.submit_for_signature(acting_user=secretary, document=document, signer=secretary)
    assert attention.work(secretary, "ket_luan").count() == 1  # signed is not issued
    outgoing.sign(acting_user=secretary, document=document)
    outgoing.issue(acting_user=secretary, document=document)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.ISSUED and document.symbol.endswith("-TB/CB")
    assert attention.work(secretary, "ket_luan").count() == 0
    page = _client(secretary).get(reverse("meetings:detail", args=[meeting.pk]))
    assert document.symbol in page.content.decode()


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


# -- Absent without reason from three meetings in a calendar year -------------------------------


@pytest.mark.django_db
def test_the_third_unexcused_absence_of_the_year_flags_the_member_once(cell):
    absent = cell.members[5]
    for day in (D(2026, 3, 5), D(2026, 6, 5)):
        _held(cell, day=day, marks={absent.pk: (Presence.UNEXCUSED, "")})
    assert absences.flagged(cell.secretary, 2026) == []  # two are not three
    _held(cell, day=D(2026, 9, 5), marks={absent.pk: (Presence.EXCUSED, "Ốm, có giấy viện")})
    assert absences.flagged(cell.secretary, 2026) == []  # an absence with reason does not count
    assert Notification.objects.filter(kind="meeting_absences").count() == 0

    third = _held(cell, day=D(2026, 10, 5), marks={absent.pk: (Presence.UNEXCUSED, "")})
    [flag] = absences.flagged(cell.secretary, 2026)
    assert flag.member == absent
    assert [m.starts_at.date() for m in flag.meetings] == [
        D(2026, 3, 5),
        D(2026, 6, 5),
        D(2026, 10, 5),
    ]
    told = Notification.objects.filter(kind="meeting_absences")
    assert [n.user for n in told] == [cell.secretary]
    assert absent.full_name in told[0].title and "3 cuộc họp" in told[0].title
    assert third in flag.meetings

    _held(cell, day=D(2026, 11, 5), marks={absent.pk: (Presence.UNEXCUSED, "")})
    assert told.count() == 1  # the fourth does not tell again
    assert absences.flagged(cell.secretary, 2025) == []  # a calendar year, not twelve months
    assert absences.flagged(cell.member_user, 2026) == []  # only whoever runs the meetings

    page = _client(cell.secretary).get(reverse("meetings:absences"))
    assert page.status_code == 200 and absent.full_name in page.content.decode()
    assert _client(cell.member_user).get(reverse("meetings:absences")).status_code == 404


@pytest.mark.django_db
def test_absences_in_december_and_january_are_different_years(cell):
    absent = cell.members[4]
    for day in (D(2025, 11, 5), D(2025, 12, 30)):
        _held(cell, day=day, marks={absent.pk: (Presence.UNEXCUSED, "")})
    _held(cell, day=D(2026, 1, 2), marks={absent.pk: (Presence.UNEXCUSED, "")})
    assert absences.flagged(cell.secretary, 2025) == []
    assert absences.flagged(cell.secretary, 2026) == []


# -- The draft resolution and its comment round ---------------------------------------------


TEXT = (
    "I. ĐÁNH GIÁ TÌNH HÌNH\n"
    "Chi bộ hoàn thành tốt nhiệm vụ năm 2026.\n"
    "\n"
    "II. NHIỆM VỤ NĂM 2027\n"
    "1. Nâng cao chất lượng sinh hoạt chi bộ.\n"
)


def _draft(cell, **extra):
    return drafts.create(
        acting_user=cell.secretary,
        organization=cell.tree.cell_a1,
        title="Dự thảo Nghị quyết lãnh đạo thực hiện nhiệm vụ năm 2027",
        text=TEXT,
        **extra,
    )


def _sent(cell, deadline=None):
    return drafts.send(
        acting_user=cell.secretary,
        draft=_draft(cell),
        members=[cell.members[0]],
        organizations=[],
        deadline=deadline or timezone.now() + datetime.timedelta(days=3),
    )


@pytest.mark.django_db
def test_sending_fixes_the_parts_and_reaches_named_members_and_organizations(cell):
    draft = drafts.send(
        acting_user=cell.secretary,
        draft=_draft(cell),
        members=[cell.members[0]],
        organizations=[cell.tree.cell_a1],
        deadline=timezone.now() + datetime.timedelta(days=3),
    )
    assert draft.status == DraftStatus.OPEN
    assert draft.parts == [
        "I. ĐÁNH GIÁ TÌNH HÌNH",
        "Chi bộ hoàn thành tốt nhiệm vụ năm 2026.",
        "II. NHIỆM VỤ NĂM 2027",
        "1. Nâng cao chất lượng sinh hoạt chi bộ.",
    ]
    rows = DraftRecipient.objects.filter(draft=draft)
    assert rows.count() == 7  # each member once, whether named or through the cell
    assert rows.get(member=cell.members[0]).through is None
    assert rows.get(member=cell.members[3]).through == cell.tree.cell_a1
    told = Notification.objects.filter(kind="meeting_draft_comment")
    assert set(told.values_list("user", flat=True)) == {cell.member_user.pk, cell.secretary.pk}


@pytest.mark.django_db
def test_a_deadline_in_the_past_or_nobody_to_ask_is_refused(cell):
    with pytest.raises(MeetingError) as refused:
        _sent(cell, deadline=timezone.now() - datetime.timedelta(minutes=1))
    assert refused.value.code == "deadline_past"
    draft = DraftResolution.objects.get()
    with pytest.raises(MeetingError) as refused:
        drafts.send(
            acting_user=cell.secretary,
            draft=draft,
            members=[],
            organizations=[],
            deadline=timezone.now() + datetime.timedelta(days=1),
        )
    assert refused.value.code == "no_recipients"
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PREPARING and not draft.recipients.exists()
    with pytest.raises(PermissionDenied):
        drafts.send(
            acting_user=cell.member_user,
            draft=draft,
            members=[cell.members[0]],
            organizations=[],
            deadline=timezone.now() + datetime.timedelta(days=1),
        )


@pytest.mark.django_db
def test_comments_are_taken_until_the_deadline_and_not_a_second_after(cell):
    deadline = timezone.now() + datetime.timedelta(hours=2)
    draft = _sent(cell, deadline=deadline)
    member = cell.member_user
    with time_machine.travel(deadline, tick=False):
        drafts.comment(user=member, draft=draft, part=2, text="Bổ sung số liệu cụ thể.")
    late = deadline + datetime.timedelta(seconds=1)
    with time_machine.travel(late, tick=False), pytest.raises(MeetingError) as refused:
        drafts.comment(user=member, draft=draft, part=2, text="Muộn.")
    assert refused.value.code == "comments_closed"
    assert "Đã hết hạn góp ý" in refused.value.message
    assert list(DraftComment.objects.values_list("text", flat=True)) == ["Bổ sung số liệu cụ thể."]


@pytest.mark.django_db
def test_a_comment_from_outside_on_no_part_empty_or_too_long_is_refused(cell):
    draft = _sent(cell)
    stranger = factories.user("nguoingoai", member_=cell.members[6])
    DraftRecipient.objects.filter(draft=draft, member=cell.members[6]).delete()
    cases = [
        (stranger, 1, "Ý kiến.", "not_a_recipient"),
        (cell.member_user, 5, "Ý kiến.", "no_such_part"),
        (cell.member_user, 1, "   ", "empty_text"),
        (cell.member_user, 1, "x" * 4001, "too_long"),
    ]
    for user, part, text, code in cases:
        with pytest.raises(MeetingError) as refused:
            drafts.comment(user=user, draft=draft, part=part, text=text)
        assert refused.value.code == code
    assert not DraftComment.objects.exists()


@pytest.mark.django_db
def test_the_synthesis_answers_each_comment_and_the_resolution_goes_to_the_documents(cell):
    draft = _sent(cell)
    first = drafts.comment(user=cell.member_user, draft=draft, part=4, text="Nêu rõ chỉ tiêu.")
    whole = drafts.comment(user=cell.member_user, draft=draft, part=0, text="Cần ngắn gọn hơn.")
    with pytest.raises(MeetingError) as refused:
        drafts.decide(acting_user=cell.secretary, comment=first, disposition="accepted", reason="")
    assert refused.value.code == "round_not_over"
    drafts.close(acting_user=cell.secretary, draft=draft)
    with pytest.raises(MeetingError) as refused:
        drafts.comment(user=cell.member_user, draft=draft, part=1, text="Sau khi đóng.")
    assert refused.value.code == "comments_closed"

    drafts.decide(acting_user=cell.secretary, comment=first, disposition="accepted", reason="")
    with pytest.raises(MeetingError) as refused:
        drafts.decide(
            acting_user=cell.secretary, comment=whole, disposition="not_accepted", reason=""
        )
    assert refused.value.code == "reason_for_disposition"
    with pytest.raises(MeetingError) as refused:
        drafts.issue(acting_user=cell.secretary, draft=draft, revised_text=TEXT)
    assert refused.value.code == "comments_undecided"
    drafts.decide(
        acting_user=cell.secretary,
        comment=whole,
        disposition="explained",
        reason="Nghị quyết cần đủ các phần theo hướng dẫn.",
    )

    response = _client(cell.secretary).get(reverse("meetings:draft_synthesis", args=[draft.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "BẢNG TỔNG HỢP" in texts
    assert f"đối với dự thảo: {draft.title}" in texts
    header = document.tables[0].rows[0].cells
    assert header[0].text == "ĐẢNG BỘ XÃ BẢO THẮNG\nCHI BỘ THÔN LÀNG MỚI\n*"
    assert header[1].text.startswith("ĐẢNG CỘNG SẢN VIỆT NAM\n")
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells] == [
        "TT",
        "Nội dung dự thảo",
        "Ý kiến góp ý",
        "Người, tổ chức góp ý",
        "Tiếp thu, giải trình",
    ]
    assert [c.text for c in table.rows[1].cells] == [
        "1",
        "Toàn văn dự thảo",
        "Cần ngắn gọn hơn.",
        cell.members[0].full_name,
        "Giải trình: Nghị quyết cần đủ các phần theo hướng dẫn.",
    ]
    assert [c.text for c in table.rows[2].cells][1:] == [
        "1. Nâng cao chất lượng sinh hoạt chi bộ.",
        "Nêu rõ chỉ tiêu.",
        cell.members[0].full_name,
        "Tiếp thu",
    ]

    revised = TEXT + "Chỉ tiêu: 100% đảng viên hoàn thành nhiệm vụ.\n"
    draft = drafts.issue(acting_user=cell.secretary, draft=draft, revised_text=revised)
    assert draft.status == DraftStatus.ISSUED
    resolution = draft.issued_document
    assert resolution.doc_type == "nghi_quyet" and resolution.status == OutgoingStatus.DRAFT
    assert "Chỉ tiêu: 100%" in resolution.body
    assert (resolution.authority_line, resolution.signer_position) == ("T/M CHI BỘ", "BÍ THƯ")


@pytest.mark.django_db
def test_a_member_sees_only_own_comments_and_drafts_sent_to_them(cell, tree):
    draft = _sent(cell)
    drafts.comment(user=cell.member_user, draft=draft, part=1, text="Ý kiến của tôi.")
    other = factories.user("dangvien2", member_=cell.members[3])
    DraftComment.objects.create(draft=draft, part=1, member=cell.members[3], text="Ý kiến khác.")
    page = _client(cell.member_user).get(reverse("meetings:draft", args=[draft.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ý kiến của tôi." in html and "Ý kiến khác." not in html
    assert _client(other).get(reverse("meetings:draft", args=[draft.pk])).status_code == 404
    secretary_page = _client(cell.secretary).get(reverse("meetings:draft", args=[draft.pk]))
    assert "Ý kiến khác." in secretary_page.content.decode()
    outsider = factories.user("bithuchibo2", roles=[(factories.Role.CELL_SECRETARY, tree.cell_a2)])
    assert _client(outsider).get(reverse("meetings:draft", args=[draft.pk])).status_code == 404
    assert (
        _client(outsider).get(reverse("meetings:draft_synthesis", args=[draft.pk])).status_code
        == 404
    )


@pytest.mark.django_db
def test_a_late_comment_through_the_page_is_refused_in_vietnamese_and_saves_nothing(cell):
    deadline = timezone.now() + datetime.timedelta(hours=1)
    draft = _sent(cell, deadline=deadline)
    client = _client(cell.member_user)
    url = reverse("meetings:draft_step", args=[draft.pk, "y-kien"])
    with time_machine.travel(deadline + datetime.timedelta(minutes=1), tick=False):
        response = client.post(url, {"part": "1", "text": "Muộn."})
    assert response.status_code == 400
    assert "Đã hết hạn góp ý" in response.content.decode()
    assert not DraftComment.objects.exists()
    response = client.post(url, {"part": "1", "text": "Đúng hạn."})
    assert response.status_code == 302
    assert DraftComment.objects.get().text == "Đúng hạn."


@pytest.mark.django_db
def test_a_draft_above_the_clearance_or_for_another_cells_meeting_is_refused(cell, tree):
    with pytest.raises(MeetingError) as refused:
        _draft(cell, confidentiality=3)
    assert refused.value.code == "clearance"
    other_cell_meeting = Meeting.objects.create(
        organization=tree.cell_a2, kind="regular", title="Họp", starts_at=at(cell.day, 9), place="X"
    )
    with pytest.raises(MeetingError) as refused:
        _draft(cell, meeting=other_cell_meeting)
    assert refused.value.code == "other_organization"
    assert not DraftResolution.objects.exists()
