"""The labels of the actions the meetings area audits, for the history pages (core.audit_display)."""

from django.utils.translation import gettext_lazy as _

from vanphong.core import audit_display

LABELS = {
    "meeting.plan": _("Meeting planned"),
    "meeting.set_plan": _("Monthly meeting plan set"),
    "meeting.update": _("Meeting edited"),
    "meeting.agenda_add": _("Agenda item added"),
    "meeting.guest_add": _("Guest added"),
    "meeting.agree": _("Content agreed"),
    "meeting.announce": _("Meeting announced"),
    "meeting.publish_documents": _("Meeting documents published"),
    "meeting.cancel": _("Meeting cancelled"),
    "meeting.presentation_assign": _("Presentation assigned"),
    "meeting.presentation_submit": _("Presentation submitted"),
    "meeting.presentation_review": _("Presentation reviewed"),
    "meeting.open": _("Session opened"),
    "meeting.attendance": _("Attendance recorded"),
    "meeting.standing": _("Member left out of the count"),
    "meeting.adopt_agenda": _("Agenda adopted"),
    "meeting.speech": _("Speech recorded"),
    "meeting.initiative": _("Initiative recorded"),
    "meeting.initiative_decide": _("Initiative decided"),
    "meeting.close": _("Session closed"),
    "meeting.correct_times": _("Times corrected"),
    "meeting.conclusions": _("Conclusions recorded"),
    "meeting.motion_open": _("Vote opened"),
    "meeting.ballot": _("Ballot cast"),
    "meeting.vote_count": _("Show of hands counted"),
    "meeting.vote_close": _("Vote closed"),
    "minutes.create": _("Minutes drafted"),
    "minutes.edit": _("Minutes edited"),
    "minutes.adopt": _("Minutes adopted"),
    "minutes.sign": _("Minutes signed"),
    "minutes.correct": _("Minutes correction opened"),
    "meeting.calendar_make": _("Calendar address made"),
    "meeting.calendar_revoke": _("Calendar address revoked"),
}


def register() -> None:
    audit_display.register_labels(LABELS)
    audit_display.register_hidden("meetings.meeting", ["search_folded"])
    audit_display.register_hidden("meetings.minutes", ["content"])
    audit_display.register_hidden("meetings.calendarfeed", ["digest"])
