"""Cached member statistics for the big subtrees (docs/decisions/0005-member-statistics.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.organizations.models import Organization


class MemberBranchVersion(models.Model):
    """How many times the members of one branch of the tree changed.

    A branch is the subtree of an organization at depth 2 (a province or a committee under the
    Centre), keyed by its path; members of a root organization itself form a branch keyed by the
    root's path. Database triggers raise the version of the old and the new branch of every
    changed member or organization, in the changing transaction (migration `reports/0003`).
    Versions only grow and rows are never deleted, so the sum of the versions under a prefix
    changes exactly when a member of that subtree changed."""

    branch = models.CharField(_("branch"), max_length=8, primary_key=True)
    version = models.BigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("member branch version")
        verbose_name_plural = _("member branch versions")

    def __str__(self) -> str:
        return f"{self.branch}: {self.version}"


class MemberStatsSnapshot(models.Model):
    """The member statistics of one organization's subtree on one date, computed when the branch
    versions under it summed to `data_version`."""

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
