"""Background tasks of the meetings: the monthly meetings made from the bodies' plans."""

import datetime

from django_tasks import task


@task()
def make_monthly_meetings(month_iso: str) -> int:
    """Make the meeting of the month (first day, ISO) for every standing plan; returns how many
    were made."""
    from vanphong.meetings.services.planning import make_monthly_meetings as make

    return make(datetime.date.fromisoformat(month_iso))
