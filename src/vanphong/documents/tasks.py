"""Background work of the documents area: rendering issued documents, deadline reminders."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from vanphong.core import notifications
from vanphong.core.models import Notification
from vanphong.documents.models import Assignment, AssignmentRole, IncomingStatus

REMIND_DAYS_BEFORE = 3


@task()
def render_issued(document_id: int) -> bool:
    """Store the DOCX of an issued document (once)."""
    from vanphong.documents.models import OutgoingDocument
    from vanphong.documents.services.files import store_generated_docx

    document = OutgoingDocument.objects.filter(pk=document_id).first()
    if document is None or not document.symbol:
        return False
    return store_generated_docx(document) is not None


@task()
def remind_deadlines() -> int:
    """Remind handlers 3 days before a deadline and once a day after it passes. Returns the count."""
    return send_deadline_reminders(timezone.localdate())


def send_deadline_reminders(today: datetime.date) -> int:
    open_rows = (
        Assignment.objects.filter(
            done_at__isnull=True,
            deadline__isnull=False,
            role__in=[AssignmentRole.LEAD, AssignmentRole.CO],
        )
        .exclude(document__status=IncomingStatus.DONE)
        .select_related("document", "user")
    )
    sent = 0
    soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    for row in open_rows.filter(deadline__gte=today, deadline__lte=soon, reminded_before_on=None):
        with transaction.atomic():
            _notify(row, _("Due on %(date)s: %(document)s"))
            Assignment.objects.filter(pk=row.pk).update(reminded_before_on=today)
        sent += 1
    overdue = open_rows.filter(deadline__lt=today).exclude(reminded_overdue_on=today)
    for row in overdue:
        with transaction.atomic():
            _notify(row, _("Overdue since %(date)s: %(document)s"))
            Assignment.objects.filter(pk=row.pk).update(reminded_overdue_on=today)
        sent += 1
    return sent


def _notify(row: Assignment, template: str) -> None:
    from vanphong.core.formats import date_vn
    from vanphong.documents.services.incoming import _safe_title, document_url

    title = _safe_title(row.document, template.replace("%(date)s", date_vn(row.deadline)))
    notifications.notify(
        [row.user],
        kind=Notification.Kind.DOCUMENT_DEADLINE,
        title=title,
        url=document_url(row.document),
    )
