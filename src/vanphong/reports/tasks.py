"""Background tasks of the reports. `manage.py precompute_statistics` enqueues the nightly one
(cron, just after midnight: docs/decisions/0005-member-statistics.md)."""

import datetime

from django_tasks import task

from vanphong.organizations.services.members import today
from vanphong.reports.statistics import refresh_snapshots


@task()
def precompute_statistics(as_of: str | None = None) -> dict:
    """Refresh the member statistics snapshots of the Centre, the provinces and the committees
    under the Centre for `as_of` (ISO date; today when the task runs by default), so that the
    first visitor of the day gets them from the cache."""
    day = datetime.date.fromisoformat(as_of) if as_of else today()
    return refresh_snapshots(day)
