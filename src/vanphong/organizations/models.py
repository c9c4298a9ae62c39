"""The party organization tree, committee terms, members, positions and member procedures."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from vanphong.core import vntext
from vanphong.core.lengths import LengthChecked


class OrgKind(models.TextChoices):
    CENTRAL = "central", _("Central Committee")
    PROVINCIAL = "provincial", _("Provincial or city party committee")
    DIRECT_UNDER_CENTRE = "under_centre", _("Party committee directly under the Centre")
    BLOC = "bloc", _("Bloc party committee")
    COMMUNE = "commune", _("Commune, ward or special-zone party committee")
    GRASSROOTS = "grassroots", _("Grassroots party committee")
    GRASSROOTS_CELL = "grassroots_cell", _("Grassroots party cell")
    CELL = "cell", _("Subordinate party cell")
    PARTY_GROUP = "party_group", _("Party group")
    OFFICE = "office", _("Party committee office")
    DEPARTMENT = "department", _("Department")


CELL_KINDS = (OrgKind.GRASSROOTS_CELL, OrgKind.CELL)


class OrgStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    MERGED = "merged", _("Merged")
    DISSOLVED = "dissolved", _("Dissolved")


class Organization(LengthChecked, MP_Node):
    """A node of the party tree. `path` (materialized path) makes subtree queries a prefix scan."""

    steplen = 4
    node_order_by = None

    name = models.CharField(_("name"), max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    code = models.CharField(
        _("short code"),
        max_length=32,
        help_text=_("Used in document symbols, e.g. TU, ĐU, VPTU."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=OrgKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=OrgStatus.choices, default=OrgStatus.ACTIVE
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )

    class Meta:
        verbose_name = _("party organization")
        verbose_name_plural = _("party organizations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = vntext.canonical(self.name)
        self.name_folded = vntext.fold(self.name)
        super().save(*args, **kwargs)

    @property
    def is_cell(self) -> bool:
        return self.kind in CELL_KINDS

    def subtree_filter(self, prefix: str = "") -> models.Q:
        """Q selecting rows whose organization (reached through `prefix`) is in this subtree."""
        return models.Q(**{f"{prefix}path__startswith": self.path})


# A branch is the subtree of an organization at depth 2 (a province, or a committee under the
# Centre), named by the first BRANCH_LENGTH characters of the paths in it; a root's own records
# form a branch named by the root's path. Member statistics keep a version per branch
# (reports/statistics.py); documents keep their branch to read a province's list from an index.
BRANCH_DEPTH = 2
BRANCH_LENGTH = Organization.steplen * BRANCH_DEPTH


def branch_of(path: str) -> str:
    return path[:BRANCH_LENGTH]


class CommitteeTerm(LengthChecked):
    """A committee term (nhiệm kỳ): document numbering restarts with each one
    (docs/rules/terms.md)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="terms", verbose_name=_("organization")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("For example 2025–2030."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("committee term")
        verbose_name_plural = _("committee terms")
        ordering = ["organization", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "starts_on"], name="unique_term_start")
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.name}"


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class MemberStatus(models.TextChoices):
    PROBATIONARY = "probationary", _("Probationary")
    OFFICIAL = "official", _("Official")
    TRANSFERRED_OUT = "transferred_out", _("Transferred out")
    REMOVED = "removed", _("Removed")
    DECEASED = "deceased", _("Deceased")


ACTIVE_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL)


class Education(models.TextChoices):
    """General education level (trình độ giáo dục phổ thông)."""

    PRIMARY = "primary", _("Primary")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary")


class ProfessionalLevel(models.TextChoices):
    NONE = "none", _("None")
    VOCATIONAL = "vocational", _("Vocational")
    COLLEGE = "college", _("College")
    BACHELOR = "bachelor", _("Bachelor")
    MASTER = "master", _("Master")
    DOCTOR = "doctor", _("Doctor")


class TheoryLevel(models.TextChoices):
    """Political-theory level (lý luận chính trị)."""

    NONE = "none", _("None")
    ELEMENTARY = "elementary", _("Elementary")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    SENIOR = "senior", _("Senior")


class Member(LengthChecked):
    full_name = models.CharField(_("full name"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    name_sort = models.CharField(max_length=900, editable=False, db_index=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    birth_date = models.DateField(_("date of birth"))
    ethnicity = models.CharField(_("ethnicity"), max_length=64, default="Kinh")
    religion = models.CharField(_("religion"), max_length=64, blank=True)
    hometown = models.CharField(_("hometown"), max_length=255, blank=True)
    citizen_id = models.CharField(_("citizen ID (CCCD)"), max_length=12, null=True, blank=True)
    card_number = models.CharField(_("party card number"), max_length=20, null=True, blank=True)
    admitted_on = models.DateField(_("admission date"))
    official_on = models.DateField(_("official membership date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MemberStatus.choices, default=MemberStatus.PROBATIONARY
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    education = models.CharField(
        _("education"), max_length=32, choices=Education.choices, blank=True
    )
    professional_level = models.CharField(
        _("professional level"), max_length=32, choices=ProfessionalLevel.choices, blank=True
    )
    theory_level = models.CharField(
        _("political-theory level"), max_length=32, choices=TheoryLevel.choices, blank=True
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("party cell"),
        on_delete=models.PROTECT,
        related_name="members",
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("party member")
        verbose_name_plural = _("party members")
        ordering = ["name_sort", "id"]
        constraints = [
            models.UniqueConstraint(fields=["card_number"], name="unique_card_number"),
            models.UniqueConstraint(fields=["citizen_id"], name="unique_citizen_id"),
        ]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = vntext.canonical(self.full_name)
        self.name_folded = vntext.fold(self.full_name)
        self.name_sort = vntext.person_sort_key(self.full_name)
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class PositionTitle(models.TextChoices):
    SECRETARY = "secretary", _("Secretary")
    DEPUTY_SECRETARY = "deputy_secretary", _("Deputy secretary")
    STANDING_MEMBER = "standing_member", _("Standing committee member")
    COMMITTEE_MEMBER = "committee_member", _("Committee member")
    GROUP_LEADER = "group_leader", _("Party group leader")


class Position(LengthChecked):
    """A position held in an organization's committee, for a term."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="positions", verbose_name=_("member")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("organization"),
    )
    term = models.ForeignKey(
        CommitteeTerm,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("committee term"),
    )
    title = models.CharField(_("position"), max_length=32, choices=PositionTitle.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return f"{self.get_title_display()} — {self.organization}"


class Exemption(LengthChecked):
    """Exemption from party activity (miễn sinh hoạt) over a period."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="exemptions", verbose_name=_("member")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("exemption from activity")
        verbose_name_plural = _("exemptions from activity")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return f"{self.member} — {self.starts_on:%d/%m/%Y}"


class ActivityGap(LengthChecked):
    """A period outside party activity, which does not count in party age
    (docs/rules/party-age-and-badges.md)."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="activity_gaps", verbose_name=_("member")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("period outside party activity")
        verbose_name_plural = _("periods outside party activity")
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"{self.member} — {self.starts_on:%d/%m/%Y}"


class TransferKind(models.TextChoices):
    TEMPORARY = "temporary", _("Temporary")
    OFFICIAL = "official", _("Official")


class Transfer(LengthChecked):
    """A transfer of party activity (chuyển sinh hoạt đảng) and its introduction letter."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="transfers", verbose_name=_("member")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=TransferKind.choices)
    from_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="transfers_out",
        verbose_name=_("from organization"),
    )
    to_organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transfers_in",
        verbose_name=_("to organization"),
    )
    to_organization_name = models.CharField(_("receiving organization"), max_length=255)
    transferred_on = models.DateField(_("transfer date"))
    returns_on = models.DateField(_("return date"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    letter_number = models.CharField(_("letter number"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-transferred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.member} → {self.to_organization_name}"


class EventKind(models.TextChoices):
    ADMITTED = "admitted", _("Admitted to the party")
    RECOGNIZED_OFFICIAL = "official", _("Recognized as official member")
    TRANSFER_TEMPORARY = "transfer_temporary", _("Temporary transfer")
    TRANSFER_OFFICIAL = "transfer_official", _("Official transfer")
    TRANSFER_IN = "transfer_in", _("Transferred in")
    EXEMPTED = "exempted", _("Exempted from activity")
    EXEMPTION_ENDED = "exemption_ended", _("Exemption ended")
    REMOVED = "removed", _("Removed from the party")
    DECEASED = "deceased", _("Deceased")
    POSITION = "position", _("Position assigned")


class MemberEvent(LengthChecked):
    """One step of a member's party life, shown on the profile (the audit trail keeps the diff)."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="events", verbose_name=_("member")
    )
    kind = models.CharField(_("event"), max_length=32, choices=EventKind.choices)
    occurred_on = models.DateField(_("date"))
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="member_events",
        verbose_name=_("organization"),
    )
    decision = models.CharField(_("decision"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("member event")
        verbose_name_plural = _("member events")
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_kind_display()}"
