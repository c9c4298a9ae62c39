"""The meetings demo's showcase states (meetings/demo.py), checked on each reference day by
tests/documents/test_demo.py, which loads the whole demo once a day."""

import datetime

from django.utils import timezone

from vanphong.core.models import User
from vanphong.meetings import absences, study
from vanphong.meetings.models import (
    DraftResolution,
    DraftStatus,
    Meeting,
    MeetingPlan,
    Presentation,
)


def meetings_showcase(day: datetime.date) -> None:
    secretary = User.objects.get(username="bithuchibo")
    admin = User.objects.filter(is_superuser=True).first()
    flag_year = day.year if day.month >= 4 else day.year - 1
    [flag] = absences.flagged(admin, flag_year)
    assert len(flag.meetings) == 3
    assert {m.starts_at.year for m in flag.meetings} == {flag_year}

    noticed = Meeting.objects.filter(conclusion_notice__isnull=False)
    assert noticed.count() == 1
    assert noticed.get().organization.name == "Chi bộ Kinh tế - Ngân sách"

    coming = Meeting.objects.filter(starts_at__gt=timezone.now(), kind="thematic")
    assert coming.count() == 1
    assert Presentation.objects.filter(meeting__in=coming, member__user__username="dangvien")

    open_draft = DraftResolution.objects.get(status=DraftStatus.OPEN)
    assert open_draft.deadline > timezone.now()
    assert str(day.year + 1) in open_draft.title
    assert open_draft.comments.count() == 1
    assert open_draft.recipients.filter(member__user__username="dangvien").exists()
    closed = DraftResolution.objects.get(status=DraftStatus.CLOSED)
    assert closed.deadline < timezone.now()
    assert closed.comments.count() == 2 and not closed.comments.filter(disposition="")
    held_study = Meeting.objects.get(kind="study", status="held")
    roster = [row.member_id for row in held_study.attendance.all()]
    assert len(study.still_to_study(held_study, roster)) == 1
    assert DraftResolution.objects.filter(organization=secretary.member.organization).count() == 2

    # Every cell of the committee has its standing plan (Sinh hoạt trong tháng).
    plans = MeetingPlan.objects.select_related("organization")
    assert len(plans) == 5 and all(p.organization.name.startswith("Chi bộ ") for p in plans)
    # Seed 000: the central cell's combined meeting of 14/11/2018, signed, with its initiatives
    # followed to an owner and a date (one carried out).
    seed = Meeting.objects.get(organization__name="Chi bộ Vụ Hành chính - Cơ yếu")
    assert timezone.localtime(seed.starts_at).date() == datetime.date(2018, 11, 14)
    assert seed.kind == "combined" and seed.status == "held" and seed.is_frozen
    assert seed.chair.full_name == "Lê Phạm Mạnh Hà"
    assert seed.speeches.filter(member__full_name="Trần Việt Hùng").exists()
    initiatives = list(seed.initiatives.order_by("pk"))
    assert [i.status for i in initiatives] == ["done", "adopted"]
    assert all(i.owner_id and i.due_on == datetime.date(2018, 12, 15) for i in initiatives)
