"""Users, roles at organizations, the audit trail, dated rules, notifications, API tokens."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.roles import ROLES


class Clearance(models.IntegerChoices):
    """Confidentiality levels (độ mật); a user's clearance must reach a record's level."""

    NONE = 0, _("Not classified")
    SECRET = 1, _("Secret (Mật)")
    TOP_SECRET = 2, _("Top secret (Tối mật)")
    ABSOLUTE_SECRET = 3, _("Absolutely secret (Tuyệt mật)")


class User(AbstractUser):
    member = models.OneToOneField(
        "organizations.Member",
        verbose_name=_("party member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )
    clearance = models.PositiveSmallIntegerField(
        _("clearance"), choices=Clearance.choices, default=Clearance.NONE
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names (last_name) before the given name."""
        return " ".join(p for p in (self.last_name.strip(), self.first_name.strip()) if p)


class RoleAssignment(models.Model):
    """A role held at an organization; it reaches that organization's whole subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="role_assignments"
    )
    # One of the roles the apps register (core.roles); checked there, so a new area's roles need
    # no migration of core.
    role = models.CharField(_("role"), max_length=32)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role"], name="unique_role_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.role_label} — {self.organization}"

    @property
    def role_label(self) -> str:
        return ROLES.label(self.role)

    def clean(self):
        super().clean()
        ROLES.validator(self.role)


class AuditEntry(models.Model):
    """Who changed what, when, with the values before and after. Written once, never changed."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("record type"), max_length=64)
    target_id = models.CharField(_("record id"), max_length=64)
    target_label = models.CharField(_("record"), max_length=300)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    before = models.JSONField(_("before"), null=True)
    after = models.JSONField(_("after"), null=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.target_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied(_("Audit entries cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Audit entries cannot be deleted."))


class DatedRule(models.Model):
    """One row of a rule table, in force from `effective_from` until the next row of the same key."""

    # One of the tables the apps register (core.rules.TABLES).
    table = models.CharField(_("table"), max_length=64)
    key = models.CharField(_("key"), max_length=64)
    effective_from = models.DateField(_("effective from"))
    value = models.JSONField(_("value"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dated rule")
        verbose_name_plural = _("dated rules")
        ordering = ["table", "key", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "key", "effective_from"], name="unique_rule_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.table_label}: {self.key} ({self.effective_from:%d/%m/%Y})"

    @property
    def table_label(self) -> str:
        from vanphong.core.rules import TABLES

        return TABLES.label(self.table)


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # One of the kinds the apps register (core.notifications.KINDS).
    kind = models.CharField(_("kind"), max_length=32)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("content"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        from vanphong.core.notifications import KINDS

        return KINDS.label(self.kind)


class EmailPreference(models.Model):
    """A kind of notification the user wants by e-mail too (the inbox always gets it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    kind = models.CharField(_("kind"), max_length=32)

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_email_preference")
        ]

    def __str__(self) -> str:
        from vanphong.core.notifications import KINDS

        return f"{self.user} — {KINDS.label(self.kind)}"


class LoginFailure(models.Model):
    """A failed login, kept to throttle guessing per username and per address."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} {self.address} {self.at:%d/%m/%Y %H:%M}"


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its SHA-256 is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} — {self.created_at:%d/%m/%Y}"

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()


class NumberSequence(models.Model):
    """A register of numbers (invariant 2): incoming per year, outgoing per type per term, …

    `key` names the sequence inside its organization, e.g. "incoming:2026" or
    "outgoing:term:12:NQ". Numbers come from `core.numbering.allocate` inside the transaction that
    writes the numbered record, so a rollback returns the number and a commit keeps it.
    """

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="number_sequences",
        verbose_name=_("organization"),
    )
    key = models.CharField(_("key"), max_length=120)
    label = models.CharField(_("name"), max_length=200)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number register")
        verbose_name_plural = _("number registers")
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="unique_sequence_key")
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.label}"


class CancelledNumber(models.Model):
    """A number that was given out and then cancelled: recorded, never reused."""

    sequence = models.ForeignKey(
        NumberSequence,
        on_delete=models.PROTECT,
        related_name="cancelled",
        verbose_name=_("register"),
    )
    number = models.PositiveIntegerField(_("number"))
    reason = models.TextField(_("reason"))
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cancelled number")
        verbose_name_plural = _("cancelled numbers")
        constraints = [
            models.UniqueConstraint(fields=["sequence", "number"], name="unique_cancelled_number")
        ]

    def __str__(self) -> str:
        return f"{self.sequence} — {self.number}"
