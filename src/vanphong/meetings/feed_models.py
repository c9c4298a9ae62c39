"""The secret address of a member's calendar feed (docs/rules/meetings.md §5).

A calendar application cannot log in: it reads the feed from an address holding a random token.
Only the token's SHA-256 is kept; a member has at most one address in use, and revoking it (or
making a new one) ends the old one at once. The row stays, so the audit entry points at it.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CalendarFeed(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "meetings"
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(revoked_at__isnull=True), name="one_calendar_feed"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.created_at:%d/%m/%Y}"

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()
