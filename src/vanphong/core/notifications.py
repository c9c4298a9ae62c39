"""In-app notifications, and e-mail for those who asked for it, sent after commit by a task."""

from django.db import transaction

from vanphong.core.models import Notification


def notify(users, *, kind: str, title: str, body: str = "", url: str = "") -> list[Notification]:
    """Put a notification in each user's inbox; e-mail goes out after the transaction commits.

    Callers must keep classified content out of `title` and `body`: they reach inboxes and mail.
    """
    rows = Notification.objects.bulk_create(
        [
            Notification(user=user, kind=kind, title=title[:300], body=body, url=url)
            for user in {u.pk: u for u in users if u is not None}.values()
        ]
    )
    ids = [row.pk for row in rows]  # both SQLite (3.35+) and PostgreSQL return the new ids
    if ids:
        from vanphong.core.tasks import email_notifications

        transaction.on_commit(lambda: email_notifications.enqueue(ids))
    return rows


def mark_read(*, acting_user, notification_ids: list[int]) -> int:
    from django.utils import timezone

    return Notification.objects.filter(
        user=acting_user, pk__in=notification_ids, read_at=None
    ).update(read_at=timezone.now())


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at=None).count()
