"""Records and the archive (docs/rules/records.md): the yearly file plan (danh mục hồ sơ) and its
rows, the files (hồ sơ) opened from them, the documents filed in them, and the hand-over of
closed files to the archive (nộp lưu).

A document is never copied into a file: an entry points at the incoming or outgoing document of
the registers, and one document may sit in several files. A file keeps the level of its most
classified document (`confidentiality`, read by core.access) and the retention of its most
valuable one (`retention_years`, None for permanent)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanphong.core.lengths import LengthChecked
from vanphong.core.models import Clearance
from vanphong.core.vntext import fold
from vanphong.organizations.models import Organization
from vanphong.records.access import RecordAction

CODE_MAX = 32
TITLE_MAX = 255
NOTE_MAX = 1000


class FilePlan(models.Model):
    """The file plan of one organization for one year."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="file_plans",
        verbose_name=_("organization"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    drafted_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drafted from"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    access_org_path = "organization__path"
    access_view_action = RecordAction.VIEW

    class Meta:
        verbose_name = _("file plan")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="file_plan_one_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.organization.name} — {self.year}"


class PlanItem(LengthChecked):
    """One row of the plan: a file the organization expects to form this year."""

    plan = models.ForeignKey(
        FilePlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("file plan")
    )
    code = models.CharField(_("file code"), max_length=CODE_MAX)
    title = models.CharField(_("file title"), max_length=TITLE_MAX)
    retention_key = models.CharField(_("retention category"), max_length=64)
    retention_years = models.PositiveSmallIntegerField(
        _("retention (years)"), null=True, blank=True
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )

    class Meta:
        verbose_name = _("file plan row")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="plan_item_code_once")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class FileStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    HANDED_OVER = "handed_over", _("Handed over to the archive")


class RecordFile(LengthChecked):
    """A file (hồ sơ) opened from a plan row."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="record_files",
        verbose_name=_("organization"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    item = models.OneToOneField(
        PlanItem, on_delete=models.PROTECT, related_name="file", verbose_name=_("file plan row")
    )
    code = models.CharField(_("file code"), max_length=CODE_MAX)
    title = models.CharField(_("file title"), max_length=TITLE_MAX)
    search_folded = models.CharField(
        max_length=TITLE_MAX + CODE_MAX + 1, editable=False, default=""
    )
    status = models.CharField(
        _("status"), max_length=16, choices=FileStatus.choices, default=FileStatus.OPEN
    )
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Clearance.choices, default=Clearance.NONE
    )
    retention_years = models.PositiveSmallIntegerField(
        _("retention (years)"), null=True, blank=True
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    document_count = models.PositiveIntegerField(_("documents"), null=True, blank=True)
    due_on = models.DateField(_("hand-over due"), null=True, blank=True)
    warn_on = models.DateField(_("hand-over warned from"), null=True, blank=True)
    handover = models.ForeignKey(
        "HandOver",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="files",
        verbose_name=_("hand-over"),
    )

    access_org_path = "organization__path"
    access_view_action = RecordAction.VIEW

    class Meta:
        verbose_name = _("file")
        ordering = ["organization", "year", "code"]
        indexes = [models.Index(fields=["status", "warn_on"], name="record_file_warn")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.search_folded = fold(f"{self.code} {self.title}")
        fields = kwargs.get("update_fields")
        if fields is not None and "title" in fields:
            kwargs["update_fields"] = {*fields, "search_folded"}
        super().save(*args, **kwargs)

    @property
    def is_permanent(self) -> bool:
        return self.retention_years is None


class FileEntry(models.Model):
    """A document of the registers filed in a file (never a copy of it)."""

    file = models.ForeignKey(
        RecordFile, on_delete=models.CASCADE, related_name="entries", verbose_name=_("file")
    )
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="record_entries",
        verbose_name=_("incoming document"),
    )
    outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="record_entries",
        verbose_name=_("outgoing document"),
    )
    pages = models.PositiveSmallIntegerField(_("pages"), default=1)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("filed by"),
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("filed document")
        constraints = [
            models.CheckConstraint(
                condition=Q(incoming__isnull=False, outgoing__isnull=True)
                | Q(incoming__isnull=True, outgoing__isnull=False),
                name="file_entry_one_document",
            ),
            models.UniqueConstraint(
                fields=["file", "incoming"],
                condition=Q(incoming__isnull=False),
                name="file_entry_incoming_once",
            ),
            models.UniqueConstraint(
                fields=["file", "outgoing"],
                condition=Q(outgoing__isnull=False),
                name="file_entry_outgoing_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_id}: {self.incoming_id or self.outgoing_id}"

    @property
    def document(self):
        return self.incoming or self.outgoing


class HandOver(LengthChecked):
    """Closed files received by the archive, with the list (mục lục) and the minutes."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="record_handovers",
        verbose_name=_("organization"),
    )
    number = models.PositiveIntegerField(_("number"))
    received_on = models.DateField(_("received on"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("received by"),
    )
    handed_by_name = models.CharField(_("handed over by"), max_length=TITLE_MAX)
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX)
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Clearance.choices, default=Clearance.NONE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    access_org_path = "organization__path"
    access_view_action = RecordAction.VIEW

    class Meta:
        verbose_name = _("hand-over")
        ordering = ["-received_on", "-pk"]


class LoanStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    LENT = "lent", _("Lent")
    RETURNED = "returned", _("Returned")


class Loan(LengthChecked):
    """A file of the archive lent to a reader: requested with its purpose, decided by who has
    the authority (higher for a classified file), handed out by the archivist with its due
    date, and returned."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="record_loans",
        verbose_name=_("organization"),
    )
    file = models.ForeignKey(
        RecordFile, on_delete=models.PROTECT, related_name="loans", verbose_name=_("file")
    )
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("borrower"),
    )
    purpose = models.TextField(_("purpose"), max_length=NOTE_MAX)
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Clearance.choices, default=Clearance.NONE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=LoanStatus.choices, default=LoanStatus.REQUESTED
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True, max_length=NOTE_MAX)
    lent_on = models.DateField(_("lent on"), null=True, blank=True)
    due_on = models.DateField(_("due back on"), null=True, blank=True)
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("archivist"),
    )

    access_org_path = "organization__path"
    access_view_action = RecordAction.VIEW

    class Meta:
        verbose_name = _("loan")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["status", "due_on"], name="record_loan_due")]

    def __str__(self) -> str:
        return f"{self.file_id} → {self.borrower_id}"
