"""Party dues (docs/rules/dues.md): each member's category over time, the monthly bases, the
exemptions and reductions decided, and the ledger line per member per month with its payments.
Money is integer đồng everywhere."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.lengths import LengthChecked
from vanphong.organizations.models import Member, Organization

NOTE_MAX = 300
DECISION_MAX = 100
REFERENCE_MAX = 100


class Category(models.TextChoices):
    SOCIAL_INSURANCE = "social_insurance", _("Pays compulsory social insurance")
    SICKNESS = "sickness", _("On sick or maternity leave paid by social insurance")
    PENSION = "pension", _("Outside social insurance, with a pension")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Outside social insurance, without a pension")


# The categories whose dues are a share of an amount entered per member per month.
WITH_BASIS = (Category.SOCIAL_INSURANCE, Category.SICKNESS, Category.PENSION)


class Region(models.TextChoices):
    I = "I", _("Region I")  # noqa: E741 — the regions' official names
    II = "II", _("Region II")
    III = "III", _("Region III")
    IV = "IV", _("Region IV")


class MemberCategory(LengthChecked):
    """The member's dues category from `starts_on` (a month's first day) until the next row's."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="dues_categories", verbose_name=_("member")
    )
    category = models.CharField(_("dues category"), max_length=32, choices=Category.choices)
    region = models.CharField(
        _("minimum-wage region"),
        max_length=4,
        choices=Region.choices,
        blank=True,
        help_text=_("Where the member attends meetings: for members without a pension."),
    )
    starts_on = models.DateField(_("from month"))
    note = models.CharField(_("note"), max_length=NOTE_MAX, blank=True)

    access_org_path = "member__organization__path"

    class Meta:
        verbose_name = _("dues category")
        verbose_name_plural = _("dues categories")
        ordering = ["member", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["member", "starts_on"], name="dues_category_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_category_display()}"


class Basis(models.Model):
    """The amount a share is taken of, for one member and one calendar month: the salary that
    was the social-insurance base, the benefit or the pension of that month."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="dues_bases", verbose_name=_("member")
    )
    month = models.DateField(_("month"))
    amount = models.PositiveBigIntegerField(_("amount (đồng)"))

    access_org_path = "member__organization__path"

    class Meta:
        verbose_name = _("dues basis")
        verbose_name_plural = _("dues bases")
        ordering = ["member", "month"]
        constraints = [models.UniqueConstraint(fields=["member", "month"], name="dues_basis_once")]

    def __str__(self) -> str:
        return f"{self.member} — {self.month:%m/%Y}"


class ReliefKind(models.TextChoices):
    EXEMPT = "exempt", _("Exempt")
    REDUCE = "reduce", _("Reduced")


class ReliefReason(models.TextChoices):
    SOCIAL_PENSION = "social_pension", _("On the social pension")
    POOR_HOUSEHOLD = "poor_household", _("Poor or near-poor household")
    SERIOUS_ILLNESS = "serious_illness", _("Serious illness")
    HARDSHIP = "hardship", _("Other hardship")


class Relief(LengthChecked):
    """An exemption or a reduction decided for a member, over whole months."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="dues_reliefs", verbose_name=_("member")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ReliefKind.choices)
    reason = models.CharField(_("reason"), max_length=32, choices=ReliefReason.choices)
    percent = models.PositiveSmallIntegerField(_("reduction (%)"), default=0)
    starts_on = models.DateField(_("from month"))
    ends_on = models.DateField(_("to month"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=DECISION_MAX)
    decided_on = models.DateField(_("decided on"))
    note = models.CharField(_("note"), max_length=NOTE_MAX, blank=True)

    access_org_path = "member__organization__path"

    class Meta:
        verbose_name = _("dues exemption or reduction")
        verbose_name_plural = _("dues exemptions and reductions")
        ordering = ["member", "-starts_on"]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_kind_display()} {self.starts_on:%m/%Y}"

    def covers(self, month) -> bool:
        return self.starts_on <= month and (self.ends_on is None or month <= self.ends_on)


class Channel(models.TextChoices):
    CASH = "cash", _("Cash to the cell")
    PORTAL = "portal", _("National public-services portal")


class LedgerLine(models.Model):
    """What one member owes for one month and what was paid: the cell's collection book."""

    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="dues_lines", verbose_name=_("member")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="dues_lines",
        verbose_name=_("party cell"),
    )
    month = models.DateField(_("month"))
    category = models.CharField(_("dues category"), max_length=32, choices=Category.choices)
    rate_key = models.CharField(_("rate"), max_length=32)
    basis = models.PositiveBigIntegerField(_("basis (đồng)"), null=True, blank=True)
    per_10000 = models.PositiveIntegerField(_("share (per ten thousand)"), null=True, blank=True)
    fixed = models.PositiveIntegerField(_("fixed amount (đồng)"), null=True, blank=True)
    base_due = models.PositiveBigIntegerField(_("dues before relief (đồng)"))
    relief = models.ForeignKey(
        Relief,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lines",
        verbose_name=_("exemption or reduction"),
    )
    relief_note = models.CharField(_("exemption or reduction"), max_length=NOTE_MAX, blank=True)
    due = models.PositiveBigIntegerField(_("amount due (đồng)"))
    paid = models.PositiveBigIntegerField(_("amount paid (đồng)"), default=0)
    rule_source = models.CharField(_("rule applied"), max_length=NOTE_MAX, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("dues ledger line")
        verbose_name_plural = _("dues ledger lines")
        ordering = ["month", "member__name_sort", "member_id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "month"], name="dues_line_once"),
        ]
        indexes = [models.Index(fields=["organization", "month"])]

    def __str__(self) -> str:
        return f"{self.member} — {self.month:%m/%Y}"

    @property
    def outstanding(self) -> int:
        return max(self.due - self.paid, 0)


class Payment(LengthChecked):
    """A payment of a month's dues: cash to the cell (with its receipt) or on the portal."""

    line = models.ForeignKey(
        LedgerLine, on_delete=models.PROTECT, related_name="payments", verbose_name=_("month")
    )
    amount = models.PositiveBigIntegerField(_("amount (đồng)"))
    paid_on = models.DateField(_("paid on"))
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    reference = models.CharField(_("portal reference"), max_length=REFERENCE_MAX, blank=True)
    receipt_number = models.PositiveIntegerField(_("receipt number"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    access_org_path = "line__organization__path"

    class Meta:
        verbose_name = _("dues payment")
        verbose_name_plural = _("dues payments")
        ordering = ["paid_on", "id"]

    def __str__(self) -> str:
        return f"{self.line} — {self.amount}"
