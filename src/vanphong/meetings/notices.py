"""The kinds of notification the meetings area sends, registered with core.notifications."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.notifications import KINDS


class NoticeKind(models.TextChoices):
    MEETING_CALLED = "meeting_called", _("Meetings called")
    PRESENTATION = "meeting_presentation", _("Presentations assigned and reviewed")
    VOTE_OPEN = "meeting_vote", _("Votes open")
    ABSENCES = "meeting_absences", _("Members absent without reason")
    DRAFT_COMMENT = "meeting_draft_comment", _("Drafts sent for comment")
    REMINDER = (
        "meeting_reminder",
        _("Reminders: a meeting, a presentation or a comment due tomorrow"),
    )


def register() -> None:
    KINDS.register_choices(NoticeKind)
