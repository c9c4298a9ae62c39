"""A cell's meeting from the members' phones to the conclusion notice, in a real Chromium.

`dangvien` (phone-sized window) submits the presentation assigned for the coming thematic
meeting and comments on the draft resolution open for comment; `bithuchibo` accepts the
presentation, plans and holds a meeting (attendance, a show-of-hands vote closed after a
confirmation), closes it with its conclusions, adopts the minutes and signs them, `dangvien`
signs them as the meeting's secretary, and `bithuchibo` drafts the conclusion notice."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from vanphong.meetings.models import DraftComment, Meeting, Minutes, Presentation
from vanphong.organizations.models import Member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_clock,
    pytest.mark.django_db(transaction=True),
]


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vanphong")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _typed(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def test_a_meeting_from_presentation_and_comment_to_signed_minutes_and_notice(
    live_server, browser_page
):
    call_command("load_demo", verbosity=0)
    base, page = live_server.url, browser_page
    page.on("dialog", lambda dialog: dialog.accept())  # the confirmations of confirm.js

    # -- dangvien, on a phone -------------------------------------------------------------
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, base, "dangvien")
    page.goto(f"{base}/hop/cua-toi/")
    assert page.locator("h1").inner_text() == "Cuộc họp của tôi"
    page.click("#my-presentations a")
    page.fill("#id_text", "Kinh nghiệm thẩm tra dự toán: bám sát số liệu của Sở Tài chính.")
    page.click("#submit-presentation button")
    assert page.locator("#presentation-status").inner_text() == "Đã nộp"

    page.goto(f"{base}/hop/cua-toi/")
    page.click("#my-drafts a")
    assert "Dự thảo Nghị quyết lãnh đạo thực hiện nhiệm vụ năm" in page.locator("h1").inner_text()
    page.select_option("#id_part", "5")
    page.fill("#id_text", "Bổ sung nhiệm vụ bồi dưỡng kỹ năng số cho đảng viên.")
    page.click("#y-kien button")
    assert "Đã ghi nhận ý kiến của đồng chí" in page.content()
    assert page.locator("#part-5 .vp-comment").count() == 1
    assert page.locator(".vp-comment").count() == 1  # another member's comment is not shown
    assert DraftComment.objects.filter(member__user__username="dangvien", part=5).count() == 1

    # -- bithuchibo, at a desk --------------------------------------------------------------
    page.set_viewport_size({"width": 1280, "height": 900})
    _login(page, base, "bithuchibo")
    presentation = Presentation.objects.get(member__user__username="dangvien")
    page.goto(f"{base}/hop/tham-luan/{presentation.pk}/")
    page.click("#review-presentation button[value=nhan]")
    presentation.refresh_from_db()
    assert presentation.status == "accepted"

    secretary = Member.objects.get(user__username="bithuchibo")
    recorder = Member.objects.get(user__username="dangvien")
    now = timezone.now()
    page.goto(f"{base}/hop/moi/")
    page.select_option("#id_organization", str(secretary.organization_id))
    page.select_option("#id_kind", "extraordinary")
    page.fill("#id_starts_at", _typed(now - datetime.timedelta(hours=3)))
    page.fill("#id_place", "Phòng họp tầng 2")
    page.fill("#id_agenda", "Cho ý kiến dự thảo báo cáo năm | 60")
    page.click("#plan-form button[type=submit]")
    meeting = Meeting.objects.get(kind="extraordinary")
    page.wait_for_url(f"{base}/hop/{meeting.pk}/")

    page.select_option("#id_chair", str(secretary.pk))
    page.select_option("#id_secretary", str(recorder.pk))
    page.fill("#id_started_at", _typed(now - datetime.timedelta(hours=3)))
    page.click("#open-form button")
    assert page.locator("#attendance-form").count() == 1  # the session is open
    rows = page.locator("#attendance-form select")
    for n in range(rows.count()):
        rows.nth(n).select_option("present")
    page.click("#attendance-form button")
    total = meeting.attendance.count()
    assert f"Có mặt {total}/{total}" in page.locator("#attendance-counts").inner_text()

    page.fill("#id_question", "Thông qua dự thảo báo cáo năm")
    page.click("#motion-form button")
    page.fill(".count-form input[name=yes]", str(total))
    page.fill(".count-form input[name=no]", "0")
    page.fill(".count-form input[name=abstain]", "0")
    page.click(".count-form button")
    page.click(".close-vote button")
    assert "thông qua" in page.locator(".motion").first.inner_text()

    page.fill("#id_ended_at", _typed(now - datetime.timedelta(hours=1)))
    page.fill("#id_conclusions", "1. Thống nhất dự thảo báo cáo năm.\n2. Giao chi ủy hoàn thiện.")
    page.click("#close-form button")
    meeting.refresh_from_db()
    assert meeting.status == "held"

    page.click("#minutes-link")
    page.click("#adopt-minutes")
    page.click("#sign-minutes")
    record = Minutes.objects.get(meeting=meeting)
    assert record.chair_signed_at is not None and record.secretary_signed_at is None

    _login(page, base, "dangvien")
    page.goto(f"{base}/hop/{meeting.pk}/bien-ban/")
    page.click("#sign-minutes")
    record.refresh_from_db()
    assert record.status == "signed"

    _login(page, base, "bithuchibo")
    page.goto(f"{base}/hop/{meeting.pk}/")
    page.click("#conclusion-notice button")
    assert "Đã soạn thông báo kết luận" in page.content()
    meeting.refresh_from_db()
    notice = meeting.conclusion_notice
    assert notice.doc_type == "thong_bao" and "Thống nhất dự thảo báo cáo năm" in notice.body
    page.click("#conclusion-notice a")
    page.wait_for_url(f"{base}/van-ban/di/{notice.pk}/")
    assert "kết luận cuộc họp" in page.content()
