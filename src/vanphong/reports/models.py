"""Cached member statistics for the big subtrees (docs/decisions/0005-member-statistics.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.organizations.models import Organization


class MemberDataVersion(models.Model):
    """A single row whose `version` database triggers raise on every change to members or
    organizations, in the changing transaction: a cached figure is valid while it matches."""

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("member data version")
        verbose_name_plural = _("member data versions")

    def __str__(self) -> str:
        return str(self.version)


class MemberStatsSnapshot(models.Model):
    """The member statistics of one organization's subtree on one date, computed at a version."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    as_of = models.DateField(_("as of"))
    data_version = models.BigIntegerField()
    figures = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member statistics snapshot")
        verbose_name_plural = _("member statistics snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "as_of"], name="unique_member_stats_snapshot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.as_of:%d/%m/%Y}"
