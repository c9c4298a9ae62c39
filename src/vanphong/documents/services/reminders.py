"""Deadline reminders: before a deadline once, on the first run in the "due soon" window (the
dated rule document_deadline/due_soon_days, as on the dashboard), and every day after it has
passed, to the lead and co-handlers of documents still open. Routing again creates new
assignments, which are reminded again."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from vanphong.core import notifications
from vanphong.core.formats import date_vn
from vanphong.documents.models import Assignment, AssignmentRole, IncomingStatus
from vanphong.documents.notices import NoticeKind
from vanphong.documents.registers.dashboard import soon_days
from vanphong.documents.services.incoming import document_url, notice_title


def send_deadline_reminders(today: datetime.date) -> int:
    """Notify each handler due; returns how many reminders were sent."""
    open_rows = (
        Assignment.objects.filter(
            done_at__isnull=True,
            deadline__isnull=False,
            role__in=[AssignmentRole.LEAD, AssignmentRole.CO],
        )
        .exclude(document__status=IncomingStatus.DONE)
        .select_related("document", "user")
    )
    soon = today + datetime.timedelta(days=soon_days(today))
    due = open_rows.filter(deadline__gte=today, deadline__lte=soon, reminded_before_on=None)
    overdue = open_rows.filter(deadline__lt=today).exclude(reminded_overdue_on=today)
    sent = 0
    for rows, template, mark in (
        (due, _("Due on %(date)s: %(document)s"), "reminded_before_on"),
        (overdue, _("Overdue since %(date)s: %(document)s"), "reminded_overdue_on"),
    ):
        for row in rows:
            with transaction.atomic():
                title = notice_title(
                    row.document, template.replace("%(date)s", date_vn(row.deadline))
                )
                notifications.notify(
                    [row.user],
                    kind=NoticeKind.DOCUMENT_DEADLINE,
                    title=title,
                    url=document_url(row.document),
                )
                Assignment.objects.filter(pk=row.pk).update(**{mark: today})
            sent += 1
    return sent
