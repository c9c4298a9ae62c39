"""Background tasks of the core: e-mailing notifications."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from vanphong.core.models import EmailPreference, Notification


@task()
def email_notifications(notification_ids: list[int]) -> int:
    """E-mail each notification whose user chose its kind; returns how many were sent."""
    sent = 0
    rows = Notification.objects.filter(pk__in=notification_ids, emailed_at=None).select_related(
        "user"
    )
    wanted = set(
        EmailPreference.objects.filter(user__in={r.user_id for r in rows}).values_list(
            "user_id", "kind"
        )
    )
    for row in rows:
        if (row.user_id, row.kind) not in wanted or not row.user.email:
            continue
        body = row.body
        if row.url:
            body = f"{body}\n\n{settings.VANPHONG_BASE_URL}{row.url}".strip()
        send_mail(row.title, body, None, [row.user.email])
        Notification.objects.filter(pk=row.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
