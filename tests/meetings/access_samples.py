"""The meetings area's addresses for the access sweep (tests/test_access_sweep.py): one meeting
of cell A1 planned by the system, reached by every role."""

import datetime

from django.utils import timezone

from tests.access_sweep_support import Sample


def _meeting(world):
    if not hasattr(world, "_meeting"):
        from vanphong.meetings.services import planning

        world._meeting = planning.plan_meeting(
            acting_user=None,
            organization=world.tree.cell_a1,
            body="cell",
            kind="regular",
            starts_at=timezone.make_aware(datetime.datetime(2026, 11, 26, 14)),
            place="Nhà văn hóa",
        )
        world._presentation = planning.assign_presentation(
            acting_user=None,
            meeting=world._meeting,
            member=world.member,
            topic="Tham luận",
            due_on=datetime.date(2026, 11, 25),
        )
    return world._meeting


def _draft(world):
    if not hasattr(world, "_draft"):
        from vanphong.meetings.services import drafts

        world._draft = drafts.create(
            acting_user=None,
            organization=world.tree.cell_a1,
            title="Dự thảo nghị quyết",
            text="Phần một.\nPhần hai.",
        )
    return world._draft


def _feed_token(world) -> str:
    if not hasattr(world, "_feed_token"):
        from vanphong.meetings.services import feeds

        world._feed_token = feeds.make_feed(user=world.users["member"])
    return world._feed_token


SAMPLES = [
    Sample("meetings:list"),
    Sample("meetings:plan", post=True),
    Sample("meetings:mine"),
    Sample("meetings:month"),
    Sample("meetings:month_plan", post=True, post_only=True),
    Sample("meetings:month_make", post=True, post_only=True),
    Sample("meetings:compliance"),
    Sample("meetings:compliance_xlsx"),
    Sample("meetings:detail", lambda w: [_meeting(w).pk]),
    *(
        Sample("meetings:step", lambda w, s=step: [_meeting(w).pk, s], post=True, post_only=True)
        for step in ("thong-bao", "khai-mac", "diem-danh")
    ),
    Sample("meetings:ballot", lambda w: [_meeting(w).pk, 1], post=True, post_only=True),
    Sample("meetings:presentation", lambda w: [(_meeting(w), w._presentation)[1].pk]),
    Sample("meetings:minutes", lambda w: [_meeting(w).pk]),
    Sample("meetings:minutes_docx", lambda w: [_meeting(w).pk]),
    Sample("meetings:minutes_pdf", lambda w: [_meeting(w).pk]),
    Sample(
        "meetings:minutes_step", lambda w: [_meeting(w).pk, "thong-qua"], post=True, post_only=True
    ),
    Sample("meetings:absences"),
    Sample("meetings:study"),
    Sample("meetings:step", lambda w: [_meeting(w).pk, "hoc-bu"], post=True, post_only=True),
    Sample("meetings:drafts"),
    Sample("meetings:draft_new", post=True),
    Sample("meetings:draft", lambda w: [_draft(w).pk]),
    Sample("meetings:draft_synthesis", lambda w: [_draft(w).pk]),
    *(
        Sample(
            "meetings:draft_step", lambda w, s=step: [_draft(w).pk, s], post=True, post_only=True
        )
        for step in ("gui", "y-kien", "ban-hanh")
    ),
    Sample(
        "meetings:step",
        lambda w: [_meeting(w).pk, "thong-bao-ket-luan"],
        post=True,
        post_only=True,
    ),
    # The calendar feed answers without a session: its secret address stands for the member.
    Sample("meetings:calendar_feed", lambda w: [_feed_token(w)], public=True),
    Sample("meetings:my_calendar"),
    Sample("meetings:calendar_make", post=True, post_only=True),
    Sample("meetings:calendar_revoke", post=True, post_only=True),
    Sample("meetings:attendance_period"),
    Sample("meetings:attendance_xlsx", lambda w: [_meeting(w).pk]),
    Sample("meetings:invitation", lambda w: [_meeting(w).pk]),
]
