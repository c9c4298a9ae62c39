"""Background tasks of the meetings: the monthly meetings made from the bodies' plans."""

import datetime

from django_tasks import task


@task()
def make_monthly_meetings(month_iso: str) -> int:
    """Make the meeting of the month (first day, ISO) for every standing plan; returns how many
    were made."""
    from vanphong.meetings.services.planning import make_monthly_meetings as make

    return make(datetime.date.fromisoformat(month_iso))


@task()
def remind_meetings() -> int:
    """The day-before reminders of meetings, presentations and comments; returns the count."""
    from django.utils import timezone

    from vanphong.meetings.services.reminders import send_reminders

    return send_reminders(timezone.localdate())
