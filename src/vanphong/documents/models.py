"""Incoming and outgoing documents, their routing, appraisal, signing, dispatch and seal log.

Every record belongs to an organization (the committee or body whose office keeps the register);
access goes through `core.access` via `access_org_path`, and `confidentiality` narrows lists to the
reader's clearance. Rules (document types, abbreviations) are dated data (core.rules).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core import vntext
from vanphong.core.access import Action
from vanphong.core.lengths import LengthChecked
from vanphong.core.models import Clearance, NumberSequence
from vanphong.documents.access import DocumentAction
from vanphong.organizations.models import CommitteeTerm, Organization, branch_of


class Urgency(models.TextChoices):
    NORMAL = "", _("Normal")
    URGENT = "urgent", _("Urgent (Khẩn)")
    VERY_URGENT = "very_urgent", _("Very urgent (Thượng khẩn)")
    FLASH = "flash", _("Flash (Hỏa tốc)")


URGENCY_MARKS = {
    Urgency.NORMAL: "",
    Urgency.URGENT: "KHẨN",
    Urgency.VERY_URGENT: "THƯỢNG KHẨN",
    Urgency.FLASH: "HỎA TỐC",
}
CONFIDENTIALITY_MARKS = {
    Clearance.NONE: "",
    Clearance.SECRET: "MẬT",
    Clearance.TOP_SECRET: "TỐI MẬT",
    Clearance.ABSOLUTE_SECRET: "TUYỆT MẬT",
}


# What a user may type, by use (core.lengths refuses more on every path). A trích yếu is a line or
# two; the longest fits one row of a register page (tests/documents/test_lengths.py).
SUMMARY_MAX = 1000
NOTE_MAX = 4000  # a direction, a result, a progress note, a reason, appraisal comments
BODY_MAX = 200_000  # a long report's text
RECIPIENTS_MAX = 4000
PEM_MAX = 20_000


class Channel(models.TextChoices):
    PAPER = "paper", _("Paper")
    ELECTRONIC = "electronic", _("Electronic")


class _Summarized(LengthChecked):
    """Shared: the folded summary for Vietnamese-aware search (invariant 5)."""

    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX)
    summary_folded = models.TextField(editable=False, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.clean_text()
        super().save(*args, **kwargs)

    def clean_text(self) -> None:
        """Text in canonical NFC and its folded forms (idempotent; run by save)."""
        self.summary = vntext.canonical(self.summary)
        self.summary_folded = vntext.fold(self.summary)


class _Branched(models.Model):
    """Shared: the organization's branch (organizations.models.branch_of), kept on the row so
    that `access.visible` narrows a province's documents by an indexed column of their own
    instead of joining every organization (bench/README.md, documents). Set on save; a moved
    subtree's documents follow it (documents.signals)."""

    branch = models.CharField(max_length=8, editable=False, default="")

    access_branch_field = "branch"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or not self.branch:  # a document never changes organization
            self.branch = branch_of(self.organization.path)
        super().save(*args, **kwargs)


class Congress(LengthChecked):
    """A party congress (đại hội): all its documents share one sequence
    (docs/rules/party-documents.md §3)."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="congresses",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=255)
    code = models.CharField(_("symbol code"), max_length=32, default="ĐH")
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    access_org_path = "organization__path"

    class Meta:
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        ordering = ["-opens_on"]

    def __str__(self) -> str:
        return self.name


class Issuer(models.Model):
    """An issuing body (cơ quan ban hành) as registered, once per folded name: a few thousand
    rows nationally against millions of documents. The search matches its text against these
    names first and then finds documents by their exact folded issuer (documents.search)."""

    name = models.CharField(_("issuing body"), max_length=255)
    folded = models.CharField(max_length=255, unique=True, verbose_name=_("folded name"))

    class Meta:
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["folded"]

    def __str__(self) -> str:
        return self.name


class IncomingStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class IncomingDocument(_Branched, _Summarized):
    """A document received and entered in the organization's incoming register for the year."""

    # No index of its own: unique_incoming_number starts with it.
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="incoming_documents",
        db_index=False,
        verbose_name=_("register of"),
    )
    year = models.PositiveSmallIntegerField(_("register year"))
    # db_default: Django then reads the number back from the INSERT, which takes it from the
    # register on PostgreSQL (core.numbering.next_number); 0 is never stored.
    number = models.PositiveIntegerField(_("incoming number"), db_default=0)
    received_at = models.DateTimeField(_("received at"))
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    issuer = models.CharField(_("issuing body"), max_length=255)
    issuer_folded = models.CharField(max_length=255, editable=False, default="")
    original_number = models.CharField(_("number and symbol"), max_length=64)
    document_date = models.DateField(_("document date"))
    doc_type = models.CharField(_("document type"), max_length=64)
    pages = models.PositiveSmallIntegerField(_("pages"), default=1)
    urgency = models.CharField(
        _("urgency"), max_length=16, choices=Urgency.choices, default=Urgency.NORMAL, blank=True
    )
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Clearance.choices, default=Clearance.NONE
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=IncomingStatus.choices,
        default=IncomingStatus.REGISTERED,
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    direction = models.TextField(_("leader's direction"), blank=True, max_length=NOTE_MAX)
    # Without indexes of their own, as registered_by: nobody lists documents by these people,
    # and each index is written while the register is locked (documents migration 0006).
    directed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("directed by"),
    )
    directed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("directed at"))
    result = models.TextField(_("result"), blank=True, max_length=NOTE_MAX)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    access_org_path = "organization__path"
    access_view_action = DocumentAction.VIEW

    class Meta:
        verbose_name = _("incoming document")
        verbose_name_plural = _("incoming documents")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "number"], name="unique_incoming_number"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "received_at"], name="incoming_received_idx"),
            # An issuer's documents in the list's order (documents.search), duplicates too.
            models.Index(
                fields=["issuer_folded", "branch", "-year", "-received_at", "-number", "-id"],
                include=["status", "confidentiality"],
                name="incoming_issuer_idx",
            ),
            # A province's list in its order, counted from the index alone (PostgreSQL INCLUDE).
            models.Index(
                fields=["branch", "-year", "-received_at", "-number", "-id"],
                include=["status", "confidentiality"],
                name="incoming_branch_order_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.year}"

    def clean_text(self) -> None:
        super().clean_text()
        self.issuer = vntext.canonical(self.issuer)
        self.issuer_folded = vntext.fold(self.issuer)


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Lead handler")
    CO = "co", _("Co-handler")
    READER = "reader", _("For information")


class Assignment(models.Model):
    """Who handles an incoming document, in which role, by when."""

    document = models.ForeignKey(
        IncomingDocument,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("document"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handler"),
    )
    department = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handling department"),
    )
    role = models.CharField(_("role"), max_length=8, choices=AssignmentRole.choices)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True, verbose_name=_("done at"))
    reminded_before_on = models.DateField(
        null=True, blank=True, verbose_name=_("reminded before the deadline on")
    )
    reminded_overdue_on = models.DateField(
        null=True, blank=True, verbose_name=_("reminded of the overdue on")
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["document", "user"], name="unique_assignment_user")
        ]

    def __str__(self) -> str:
        return f"{self.document} → {self.user} ({self.get_role_display()})"


class ProgressNote(LengthChecked):
    document = models.ForeignKey(
        IncomingDocument, on_delete=models.CASCADE, related_name="notes", verbose_name=_("document")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("progress"), max_length=NOTE_MAX)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.document}: {self.text[:40]}"


class OutgoingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    # sent back by the appraiser or the signer: the drafter's to revise (its own card and status)
    RETURNED = "returned", _("Returned for revision")
    APPRAISAL = "appraisal", _("In appraisal")
    SUBMITTED = "submitted", _("Submitted for signature")
    SIGNED = "signed", _("Signed")
    ISSUED = "issued", _("Issued")
    CANCELLED = "cancelled", _("Cancelled")
    RECALLED = "recalled", _("Recalled")


class OutgoingDocument(_Branched, _Summarized):
    """A document the organization drafts, appraises, signs, numbers and dispatches."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="outgoing_documents",
        verbose_name=_("organization"),
    )
    doc_type = models.CharField(_("document type"), max_length=64)
    congress = models.ForeignKey(
        Congress,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("congress"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=OutgoingStatus.choices, default=OutgoingStatus.DRAFT
    )
    body = models.TextField(_("content"), blank=True, max_length=BODY_MAX)
    body_folded = models.TextField(editable=False, default="")  # the list's search reads it
    urgency = models.CharField(
        _("urgency"), max_length=16, choices=Urgency.choices, default=Urgency.NORMAL, blank=True
    )
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Clearance.choices, default=Clearance.NONE
    )
    superior_body = models.CharField(_("superior body"), max_length=255, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=255)
    place = models.CharField(_("place"), max_length=100)
    authority_line = models.CharField(_("signing on behalf of"), max_length=100, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=100)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recipients = models.TextField(
        _("recipients"), blank=True, help_text=_("One per line."), max_length=RECIPIENTS_MAX
    )
    in_reply_to = models.ForeignKey(
        IncomingDocument,
        verbose_name=_("in reply to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replies",
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    # Set once, at issue; an issued document is never edited, only recalled (invariant 3).
    sequence = models.ForeignKey(
        NumberSequence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("number register"),
    )
    term = models.ForeignKey(
        CommitteeTerm,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee term"),
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("number and symbol"), max_length=64, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True, verbose_name=_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    ended_reason = models.TextField(_("reason"), blank=True, max_length=NOTE_MAX)
    ended_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ended at"))

    access_org_path = "organization__path"
    access_view_action = DocumentAction.VIEW

    class Meta:
        verbose_name = _("outgoing document")
        verbose_name_plural = _("outgoing documents")
        ordering = ["-issued_on", "-number", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["sequence", "number"], name="unique_outgoing_number")
        ]
        indexes = [
            models.Index(fields=["organization", "issued_on"], name="outgoing_register_idx"),
            models.Index(
                fields=["branch", "-created_at", "-id"],
                include=["status", "confidentiality"],
                name="outgoing_branch_order_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.symbol or str(_("Draft"))

    def clean_text(self) -> None:
        super().clean_text()
        self.body_folded = vntext.fold(self.body)

    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class DraftVersion(LengthChecked):
    """One saved version of a draft's text (kept through appraisal)."""

    document = models.ForeignKey(
        OutgoingDocument,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("document"),
    )
    version = models.PositiveSmallIntegerField(verbose_name=_("version"))
    summary = models.TextField(verbose_name=_("summary"), max_length=SUMMARY_MAX)
    body = models.TextField(blank=True, verbose_name=_("body"), max_length=BODY_MAX)
    note = models.CharField(max_length=300, blank=True, verbose_name=_("version note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["document", "version"], name="unique_draft_version")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.version}"


class Verdict(models.TextChoices):
    AGREE = "agree", _("Agree")
    REVISE = "revise", _("Needs revision")


class AppraisalComment(LengthChecked):
    document = models.ForeignKey(
        OutgoingDocument,
        on_delete=models.CASCADE,
        related_name="appraisals",
        verbose_name=_("document"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    verdict = models.CharField(_("verdict"), max_length=8, choices=Verdict.choices)
    text = models.TextField(_("comments"), blank=True, max_length=NOTE_MAX)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.document}: {self.get_verdict_display()}"


class DeliveryStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    RETURNED = "returned", _("Returned")
    RECALLED = "recalled", _("Recalled")


class Dispatch(LengthChecked):
    """One recipient of an issued document and what became of the copy sent."""

    document = models.ForeignKey(
        OutgoingDocument,
        on_delete=models.CASCADE,
        related_name="dispatches",
        verbose_name=_("document"),
    )
    recipient = models.CharField(_("recipient"), max_length=255)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    sent_on = models.DateField(_("sent on"))
    status = models.CharField(
        _("delivery status"), max_length=16, choices=DeliveryStatus.choices, default="sent"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        ordering = ["sent_on", "pk"]

    def __str__(self) -> str:
        return f"{self.document} → {self.recipient}"


class SealUse(LengthChecked):
    """The seal-use log (sổ theo dõi sử dụng con dấu): document, person, time."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    document = models.ForeignKey(
        OutgoingDocument,
        on_delete=models.PROTECT,
        related_name="seal_uses",
        verbose_name=_("document"),
    )
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("used by"),
    )
    used_at = models.DateTimeField(_("used at"), auto_now_add=True)
    copies = models.PositiveSmallIntegerField(_("copies sealed"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)

    access_org_path = "organization__path"
    access_view_action = DocumentAction.VIEW

    class Meta:
        verbose_name = _("seal use")
        verbose_name_plural = _("seal uses")
        ordering = ["used_at"]

    def __str__(self) -> str:
        return f"{self.document} — {self.used_at:%d/%m/%Y %H:%M}"


class FileRole(models.TextChoices):
    SCAN = "scan", _("Received file")
    ATTACHMENT = "attachment", _("Attachment")
    ISSUED_DOCX = "issued_docx", _("Issued document (DOCX)")
    ISSUED_PDF = "issued_pdf", _("Issued document (PDF)")
    SIGNED_PDF = "signed_pdf", _("Digitally signed PDF")


class DocumentFile(models.Model):
    """A stored file of an incoming or outgoing document (checked before it was stored)."""

    incoming = models.ForeignKey(
        IncomingDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="files",
        verbose_name=_("incoming document"),
    )
    outgoing = models.ForeignKey(
        OutgoingDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="files",
        verbose_name=_("outgoing document"),
    )
    role = models.CharField(_("role"), max_length=16, choices=FileRole.choices)
    file = models.FileField(max_length=300, verbose_name=_("file"))
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(max_length=8, verbose_name=_("kind"))
    content_type = models.CharField(max_length=100, verbose_name=_("content type"))
    size = models.PositiveBigIntegerField(verbose_name=_("size"))
    sha256 = models.CharField(max_length=64, verbose_name=_("SHA-256 checksum"))
    signatures = models.JSONField(null=True, blank=True, verbose_name=_("signatures"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incoming__isnull=False, outgoing__isnull=True)
                | models.Q(incoming__isnull=True, outgoing__isnull=False),
                name="file_belongs_to_one_document",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def document(self):
        return self.incoming or self.outgoing


class ConfidentialAccess(models.Model):
    """Each view or download of a classified document (invariant 1): who, when, what."""

    class Kind(models.TextChoices):
        VIEW = "view", _("Viewed")
        DOWNLOAD = "download", _("Downloaded")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    kind = models.CharField(max_length=8, choices=Kind.choices, verbose_name=_("kind"))
    target_type = models.CharField(max_length=100, verbose_name=_("record type"))
    target_id = models.CharField(max_length=64, verbose_name=_("record id"))
    target_label = models.CharField(max_length=100, verbose_name=_("record"))
    file_name = models.CharField(max_length=200, blank=True, verbose_name=_("file name"))
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    access_org_path = "organization__path"
    access_view_action = Action.AUDIT_VIEW

    class Meta:
        verbose_name = _("access to a classified document")
        verbose_name_plural = _("accesses to classified documents")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user} {self.get_kind_display()} {self.target_label}"


class SigningCertificate(LengthChecked):
    """The organization's PKCS#12 for signing issued PDFs, set by an administrator.

    The passphrase is never stored: the clerk types it when signing (docs/decisions/0009).
    """

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="signing_certificates",
        verbose_name=_("organization"),
    )
    pkcs12 = models.BinaryField()
    subject = models.CharField(_("subject"), max_length=255)
    valid_until = models.DateTimeField(_("valid until"))
    active = models.BooleanField(_("in use"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(auto_now_add=True)

    access_org_path = "organization__path"
    access_view_action = DocumentAction.ISSUE

    class Meta:
        verbose_name = _("signing certificate")
        verbose_name_plural = _("signing certificates")

    def __str__(self) -> str:
        return self.subject


class TrustedRoot(LengthChecked):
    """A root certificate trusted when checking signatures on received PDFs."""

    name = models.CharField(_("name"), max_length=255)
    pem = models.TextField(_("certificate (PEM)"), max_length=PEM_MAX)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("trusted root certificate")
        verbose_name_plural = _("trusted root certificates")

    def __str__(self) -> str:
        return self.name
