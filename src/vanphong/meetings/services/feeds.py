"""A member's calendar address: made, revoked, and read back from the token a calendar
application sends (docs/rules/meetings.md §5). Making and revoking are audited; the audit entry
names the address's row, never its secret."""

from django.db import transaction
from django.utils import timezone

from vanphong.core import audit
from vanphong.meetings.feed_models import CalendarFeed

# token_urlsafe(32) gives 43 characters; anything far longer is no token of ours.
TOKEN_MAX = 100


def active_feed(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at=None).first()


def _revoke(acting_user, feed: CalendarFeed) -> None:
    before = {"revoked_at": None}
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    audit.record(
        actor=acting_user,
        action="meeting.calendar_revoke",
        target=feed,
        before=before,
        after={"revoked_at": feed.revoked_at.isoformat()},
    )


@transaction.atomic
def make_feed(*, user) -> str:
    """A new secret address for `user`, ending the one in use; returns the token (shown once)."""
    from django.contrib.auth import get_user_model

    # The user's row locked: two clicks at once cannot leave two addresses in use.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    current = CalendarFeed.objects.filter(user=user, revoked_at=None).first()
    if current is not None:
        _revoke(user, current)
    secret = CalendarFeed.new_secret()
    feed = CalendarFeed.objects.create(user=user, digest=CalendarFeed.digest_of(secret))
    audit.record(actor=user, action="meeting.calendar_make", target=feed, after={"made": True})
    return secret


@transaction.atomic
def revoke_feed(*, user) -> bool:
    """End the user's address in use; False when there was none (nothing changes)."""
    current = CalendarFeed.objects.select_for_update().filter(user=user, revoked_at=None).first()
    if current is None:
        return False
    _revoke(user, current)
    return True


def user_for_token(token: str):
    """The active user whose address holds `token`, or None (unknown, revoked, inactive)."""
    if not token or len(token) > TOKEN_MAX:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(digest=CalendarFeed.digest_of(token), revoked_at=None)
        .first()
    )
    if feed is None or not feed.user.is_active:
        return None
    return feed.user
