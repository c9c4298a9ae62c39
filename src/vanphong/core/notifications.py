"""In-app notifications, and e-mail for those who asked for it, sent after commit by a task.

Each app registers its kinds of notification with their labels (`KINDS.register`, from its
`AppConfig.ready`): the inbox shows the label and the e-mail preferences offer one box per kind.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from vanphong.core.models import Notification
from vanphong.core.registry import Vocabulary

KINDS = Vocabulary("notification kind")
SYSTEM = KINDS.register("system", _("System messages"), order=900).value  # offered last


def notify(users, *, kind: str, title: str, body: str = "", url: str = "") -> list[Notification]:
    """Put a notification in each user's inbox; e-mail goes out after the transaction commits.

    Callers must keep classified content out of `title` and `body`: they reach inboxes and mail.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}: is its app registered?")
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


def unread(user):
    """The user's unread notifications: the dashboard's figure and the list it opens."""
    return Notification.objects.filter(user=user, read_at=None)


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return unread(user).count()
