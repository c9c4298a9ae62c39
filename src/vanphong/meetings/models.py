"""Meetings of the party's bodies: cells, cell committees, executive and standing committees and
the party-wide meetings of a grassroots đảng bộ (docs/rules/meetings.md).

A meeting belongs to the organization whose body meets. Its roster (`Attendance`) is taken from
the foundation's members and positions on the meeting's date, never typed; what is recorded in
session (attendance, speeches, votes, initiatives) is frozen once the minutes are signed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanphong.core import vntext
from vanphong.core.lengths import LengthChecked
from vanphong.core.models import Clearance
from vanphong.organizations.models import Member, Organization

TITLE_MAX = 300
NOTE_MAX = 1000
SPEECH_MAX = 4000
TEXT_MAX = 20000


class Body(models.TextChoices):
    CELL = "cell", _("Party cell")
    CELL_COMMITTEE = "cell_committee", _("Cell committee")
    COMMITTEE = "committee", _("Executive committee")
    STANDING = "standing", _("Standing committee")
    ASSEMBLY = "assembly", _("Party-wide meeting of the đảng bộ")


class Kind(models.TextChoices):
    REGULAR = "regular", _("Regular monthly meeting")
    THEMATIC = "thematic", _("Thematic meeting")
    COMBINED = "combined", _("Regular and thematic meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")
    STUDY = "study", _("Study of a resolution")


# The kinds that are the body's meeting of the month (one per body per month).
MONTHLY_KINDS = (Kind.REGULAR, Kind.COMBINED)
THEMATIC_KINDS = (Kind.THEMATIC, Kind.COMBINED)


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    AGREED = "agreed", _("Content agreed")
    ANNOUNCED = "announced", _("Announced")
    IN_SESSION = "in_session", _("In session")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(LengthChecked):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    body = models.CharField(_("body"), max_length=20, choices=Body.choices, default=Body.CELL)
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    theme = models.CharField(_("thematic topic"), max_length=TITLE_MAX, blank=True)
    search_folded = models.CharField(max_length=2 * TITLE_MAX + 1, editable=False, db_index=True)
    month = models.DateField(_("month"), null=True, blank=True)  # first day; monthly kinds only
    reminded_on = models.DateField(
        _("reminded on"), null=True, blank=True
    )  # the members reminded the day before
    starts_at = models.DateTimeField(_("scheduled start"))
    planned_minutes = models.PositiveIntegerField(_("planned duration (minutes)"), default=120)
    place = models.CharField(_("place"), max_length=TITLE_MAX)
    # A study session names the resolution studied (its number and symbol, one spelling); a
    # make-up session is for those who missed the one it makes up for (meetings/study.py).
    resolution = models.CharField(_("resolution studied"), max_length=64, blank=True, db_index=True)
    makeup_of = models.ForeignKey(
        "self",
        verbose_name=_("make-up for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="makeups",
    )
    # The place name of the minutes' date line ("Phú Thọ, ngày …"): a locality, not a room.
    locality = models.CharField(_("place name on the minutes"), max_length=100, blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Clearance.choices, default=Clearance.NONE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    purpose = models.TextField(_("purpose"), max_length=NOTE_MAX, blank=True)
    content_agreed_at = models.DateTimeField(_("content agreed at"), null=True, blank=True)
    announced_at = models.DateTimeField(_("announced at"), null=True, blank=True)
    documents_published_at = models.DateTimeField(
        _("documents published at"), null=True, blank=True
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    roster_on = models.DateField(_("roster taken on"), null=True, blank=True)
    chair = models.ForeignKey(
        Member,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    secretary = models.ForeignKey(
        Member,
        verbose_name=_("secretary of the meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    agenda_adopted = models.BooleanField(_("agenda adopted"), default=False)
    conclusions = models.TextField(_("conclusions"), max_length=TEXT_MAX, blank=True)
    # The conclusion notice drafted from `conclusions`, issued by the documents area's workflow.
    conclusion_notice = models.ForeignKey(
        "documents.OutgoingDocument",
        verbose_name=_("conclusion notice"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "body", "month"],
                condition=Q(kind__in=["regular", "combined"]) & ~Q(status="cancelled"),
                name="one_monthly_meeting_per_body",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True)
                | Q(started_at__isnull=False, ended_at__gt=models.F("started_at")),
                name="meeting_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "starts_at"]),
            # The overseeing committee's totals (meetings/compliance.py): a subtree's held cell
            # meetings of a month, of a quarter, read in one pass without their rows. The kinds
            # are spelled as ORs: PostgreSQL proves a query's `kind IN (...)` implies them, not
            # a coerced array.
            models.Index(
                fields=["month", "organization"],
                condition=Q(body="cell", status="held") & (Q(kind="regular") | Q(kind="combined")),
                name="meeting_cell_held_month",
            ),
            models.Index(
                fields=["starts_at", "organization"],
                condition=Q(body="cell", status="held") & (Q(kind="thematic") | Q(kind="combined")),
                name="meeting_cell_held_thematic",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title, self.theme = vntext.canonical(self.title), vntext.canonical(self.theme)
        self.search_folded = vntext.fold(f"{self.title} {self.theme}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_folded"}
        super().save(*args, **kwargs)

    @property
    def is_thematic(self) -> bool:
        return self.kind in THEMATIC_KINDS

    @property
    def is_frozen(self) -> bool:
        """Signed minutes freeze the record of the session (a correction is a new record)."""
        return self.minutes_set.filter(status=MinutesStatus.SIGNED, corrected_by=None).exists()


class Guest(LengthChecked):
    """Someone attending who is not on the body's roster (a leader of a superior body who belongs
    to the cell is a member, not a guest)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position and organization"), max_length=TITLE_MAX, blank=True)

    class Meta:
        verbose_name = _("guest")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class AgendaItem(LengthChecked):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("agenda item"), max_length=TITLE_MAX)
    presenter = models.ForeignKey(
        Member,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=15)
    thematic = models.BooleanField(_("thematic part"), default=False)

    class Meta:
        verbose_name = _("agenda item")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class Presence(models.TextChoices):
    UNRECORDED = "unrecorded", _("Not recorded")
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Absent with reason")
    UNEXCUSED = "unexcused", _("Absent without reason")


PRESENT = (Presence.PRESENT, Presence.LATE)


class Standing(models.TextChoices):
    """Why a member on the roster is left out of the body's count for a vote (docs/rules)."""

    COUNTED = "counted", _("Counted")
    EXEMPTED = "exempted", _("Exempted from activity")
    ELSEWHERE = "elsewhere", _("Temporarily attending another organization")
    VISITING = "visiting", _("Attending here temporarily")
    SUSPENDED = "suspended", _("Suspended from party activity")
    PROSECUTED = "prosecuted", _("Prosecuted or detained")


class Attendance(LengthChecked):
    """One member of the body's roster on the meeting's day, with their presence."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendances")
    standing = models.CharField(
        _("standing"), max_length=20, choices=Standing.choices, default=Standing.COUNTED
    )
    presence = models.CharField(
        _("attendance"), max_length=20, choices=Presence.choices, default=Presence.UNRECORDED
    )
    reason = models.CharField(_("reason"), max_length=TITLE_MAX, blank=True)

    class Meta:
        verbose_name = _("attendance")
        ordering = ["member__name_sort", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_presence_display()}"


class Speech(LengthChecked):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="speeches")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="speeches"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("speaker"), on_delete=models.PROTECT, null=True, blank=True
    )
    guest = models.ForeignKey(
        Guest, verbose_name=_("guest speaker"), on_delete=models.PROTECT, null=True, blank=True
    )
    content = models.TextField(_("what was said"), max_length=SPEECH_MAX)

    class Meta:
        verbose_name = _("speech")
        ordering = ["id"]

    @property
    def speaker_name(self) -> str:
        return self.member.full_name if self.member_id else self.guest.name


class Method(models.TextChoices):
    HANDS = "hands", _("Show of hands")
    SECRET = "secret", _("Secret ballot")


class MotionStatus(models.TextChoices):
    OPEN = "open", _("Voting open")
    CLOSED = "closed", _("Closed")


class Choice(models.TextChoices):
    YES = "yes", _("For")
    NO = "no", _("Against")
    ABSTAIN = "abstain", _("Abstain")


class Motion(LengthChecked):
    """A question the meeting votes on. The figures are the count; the rule's arithmetic (body
    size, who was left out and why, threshold) is kept with it when the vote closes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="motions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="motions"
    )
    question = models.CharField(_("question put to the vote"), max_length=TITLE_MAX)
    method = models.CharField(_("voting method"), max_length=10, choices=Method.choices)
    status = models.CharField(
        max_length=10, choices=MotionStatus.choices, default=MotionStatus.OPEN
    )
    yes = models.PositiveIntegerField(_("for"), default=0)
    no = models.PositiveIntegerField(_("against"), default=0)
    abstain = models.PositiveIntegerField(_("abstain"), default=0)
    body_size = models.PositiveIntegerField(_("members of the body"), null=True, blank=True)
    counted = models.PositiveIntegerField(_("members counted"), null=True, blank=True)
    threshold = models.PositiveIntegerField(_("votes needed"), null=True, blank=True)
    excluded = models.JSONField(_("left out of the count"), default=list, blank=True)
    passed = models.BooleanField(_("passed"), null=True)

    class Meta:
        verbose_name = _("vote")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.question


class OpenBallot(models.Model):
    """A member's vote by show of hands from their own device: open, so kept with the member."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="open_ballots")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["motion", "member"], name="one_open_ballot")]

    def __str__(self) -> str:
        return f"{self.motion_id}: {self.member_id}"


class SecretBallotCast(models.Model):
    """Who took part in a secret ballot — and nothing of what they chose. The choice only adds to
    the motion's counts, in the same transaction, so no row links a member to a choice."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="secret_casts")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "member"], name="one_secret_ballot")
        ]

    def __str__(self) -> str:
        return f"{self.motion_id}: {self.member_id}"


class InitiativeStatus(models.TextChoices):
    RAISED = "raised", _("Raised")
    ADOPTED = "adopted", _("Adopted")
    STUDYING = "studying", _("To be studied")
    DECLINED = "declined", _("Declined")
    DONE = "done", _("Carried out")


class Initiative(LengthChecked):
    """An initiative (sáng kiến) a member raised in the meeting, followed to a decision and to
    its implementation."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="initiatives")
    author = models.ForeignKey(Member, verbose_name=_("raised by"), on_delete=models.PROTECT)
    content = models.CharField(_("initiative"), max_length=NOTE_MAX)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.RAISED,
    )
    decision = models.CharField(_("decision"), max_length=NOTE_MAX, blank=True)
    owner = models.ForeignKey(
        Member,
        verbose_name=_("carried out by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("carried out on"), null=True, blank=True)

    class Meta:
        verbose_name = _("initiative")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.content


class PresentationStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted into the agenda")
    RETURNED = "returned", _("Returned with remarks")


class Presentation(LengthChecked):
    """A presentation (tham luận) assigned to a member for a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="presentations")
    member = models.ForeignKey(Member, verbose_name=_("presenter"), on_delete=models.PROTECT)
    topic = models.CharField(_("topic"), max_length=TITLE_MAX)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PresentationStatus.choices,
        default=PresentationStatus.ASSIGNED,
    )
    text = models.TextField(_("text"), max_length=TEXT_MAX, blank=True)
    remarks = models.CharField(_("remarks"), max_length=NOTE_MAX, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="presentation"
    )
    reminded_on = models.DateField(
        _("reminded on"), null=True, blank=True
    )  # the day before it is due, once

    class Meta:
        verbose_name = _("presentation")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.topic


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted by the meeting")
    SIGNED = "signed", _("Signed")


class Minutes(LengthChecked):
    """The minutes (biên bản). While a draft they are read from the meeting's record; adopting
    freezes that reading into `content`; signed by chair and secretary, they are final, and a
    correction is a new record linked to the one it corrects."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_set")
    status = models.CharField(
        _("status"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    other_matters = models.TextField(_("other matters"), max_length=TEXT_MAX, blank=True)
    content = models.JSONField(_("content"), default=dict, blank=True)
    adopted_at = models.DateTimeField(null=True, blank=True)
    chair_signed_at = models.DateTimeField(null=True, blank=True)
    secretary_signed_at = models.DateTimeField(null=True, blank=True)
    corrects = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrected_by"
    )
    correction_reason = models.CharField(
        _("reason for the correction"), max_length=NOTE_MAX, blank=True
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["id"]


class MeetingPlan(LengthChecked):
    """A body's standing plan for its monthly meeting: from it the month's meeting is made."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="meeting_plans"
    )
    body = models.CharField(_("body"), max_length=20, choices=Body.choices, default=Body.CELL)
    day = models.PositiveSmallIntegerField(_("day of the month"), default=5)
    time = models.TimeField(_("time"))
    place = models.CharField(_("place"), max_length=TITLE_MAX)
    planned_minutes = models.PositiveIntegerField(_("planned duration (minutes)"), default=120)

    class Meta:
        verbose_name = _("monthly meeting plan")
        constraints = [
            models.UniqueConstraint(fields=["organization", "body"], name="one_plan_per_body")
        ]


# -- Draft resolutions and their comment round (docs/rules/meetings.md §5) ---------------------

COMMENT_MAX = 4000


class DraftStatus(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    OPEN = "open", _("Open for comment")
    CLOSED = "closed", _("Comments closed")
    ISSUED = "issued", _("Sent to be issued")


class DraftResolution(LengthChecked):
    """A draft resolution sent to named members and organizations for comment before the body
    adopts it. Its text is cut into parts when it is sent; each comment points at one part."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="draft_resolutions",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting that adopts it"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft_resolutions",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    text = models.TextField(_("text of the draft"), max_length=TEXT_MAX)
    parts = models.JSONField(_("parts"), default=list, editable=False)
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Clearance.choices, default=Clearance.NONE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DraftStatus.choices, default=DraftStatus.PREPARING
    )
    deadline = models.DateTimeField(_("comments until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    revised_text = models.TextField(_("revised text"), max_length=TEXT_MAX, blank=True)
    issued_document = models.ForeignKey(
        "documents.OutgoingDocument",
        verbose_name=_("resolution drafted for issue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("draft resolution")
        verbose_name_plural = _("draft resolutions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class DraftRecipient(models.Model):
    """A member asked for comment, directly or through their organization."""

    draft = models.ForeignKey(DraftResolution, on_delete=models.CASCADE, related_name="recipients")
    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.PROTECT)
    through = models.ForeignKey(
        Organization,
        verbose_name=_("through the organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_on = models.DateField(
        _("reminded on"), null=True, blank=True
    )  # the day before the deadline, once

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["draft", "member"], name="one_recipient_row")
        ]

    def __str__(self) -> str:
        return str(self.member)


class Disposition(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    EXPLAINED = "explained", _("Explained")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


class DraftComment(LengthChecked):
    draft = models.ForeignKey(DraftResolution, on_delete=models.CASCADE, related_name="comments")
    part = models.PositiveSmallIntegerField(_("part"))  # 0: the draft as a whole
    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.PROTECT)
    on_behalf_of = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX)
    created_at = models.DateTimeField(auto_now_add=True)
    disposition = models.CharField(
        _("taken up"), max_length=20, choices=Disposition.choices, blank=True
    )
    reason = models.TextField(_("reason"), max_length=NOTE_MAX, blank=True)

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["part", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


from vanphong.meetings.feed_models import CalendarFeed  # noqa: E402, F401  (the calendar address)
