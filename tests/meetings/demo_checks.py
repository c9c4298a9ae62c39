"""The meetings demo's showcase states (meetings/demo.py), checked on each reference day by
tests/documents/test_demo.py, which loads the whole demo once a day."""

import datetime

from django.utils import timezone

from vanphong.core.models import User
from vanphong.meetings import absences, study
from vanphong.meetings.models import DraftResolution, DraftStatus, Meeting, Presentation


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
