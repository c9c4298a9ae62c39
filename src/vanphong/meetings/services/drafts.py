"""Draft resolutions and their comment round (docs/rules/meetings.md §5).

A draft is sent to named members and to organizations (each of their members on the day) with a
deadline; each comment points at one part of the text; nothing is taken after the deadline. The
synthesis (tiếp thu, giải trình) decides each comment: accepted, explained or not accepted, the
last two with their reason. The revised text is then drafted as a resolution (NQ) in the
documents area and follows its workflow to be issued."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access, audit, notifications
from vanphong.documents.services import outgoing
from vanphong.meetings.models import (
    COMMENT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Body,
    Disposition,
    DraftComment,
    DraftRecipient,
    DraftResolution,
    DraftStatus,
    Meeting,
)
from vanphong.meetings.notices import NoticeKind
from vanphong.meetings.services.common import ensure_manage, superior_of, users_of
from vanphong.meetings.services.conclusions import signature_for
from vanphong.meetings.services.errors import MeetingError
from vanphong.meetings.services.planning import CELL_KINDS
from vanphong.organizations.models import ACTIVE_STATUSES, Member, Organization

RESOLUTION_TYPE = "nghi_quyet"
MAX_RECIPIENTS = 2000


def split_parts(text: str) -> list[str]:
    """The draft's parts: each non-empty paragraph (line) of its text, in order. Part 0 of a
    comment is the draft as a whole; part k is `parts[k - 1]`."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _locked(draft: DraftResolution) -> DraftResolution:
    return DraftResolution.objects.select_for_update().get(pk=draft.pk)


def _ensure(draft: DraftResolution, *statuses: str) -> None:
    if draft.status not in statuses:
        raise MeetingError(MeetingError.DRAFT_STEP, status=draft.get_status_display().lower())


def _clean(text: str, limit: int, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise MeetingError(MeetingError.EMPTY_TEXT)
    if len(text) > limit:
        raise MeetingError(MeetingError.TOO_LONG, field=field, limit=limit)
    return text


def create(
    *,
    acting_user,
    organization: Organization,
    title: str,
    text: str,
    meeting: Meeting | None = None,
    confidentiality: int = 0,
) -> DraftResolution:
    ensure_manage(acting_user, organization)
    if acting_user is not None and not access.clearance_allows(acting_user, confidentiality):
        raise MeetingError(MeetingError.CLEARANCE)
    if meeting is not None and meeting.organization_id != organization.pk:
        raise MeetingError(MeetingError.OTHER_ORGANIZATION)
    title = _clean(title, TITLE_MAX, _("Title"))
    text = _clean(text, TEXT_MAX, _("Text of the draft"))
    with audit.change(acting_user, None, "draft.create", organization=organization) as rec:
        rec.target = draft = DraftResolution.objects.create(
            organization=organization,
            meeting=meeting,
            title=title,
            text=text,
            confidentiality=confidentiality,
            created_by=acting_user,
        )
    return draft


def _members_of(organization: Organization) -> list[Member]:
    return list(
        Member.objects.filter(organization=organization, status__in=ACTIVE_STATUSES).order_by("pk")
    )


def send(
    *,
    acting_user,
    draft: DraftResolution,
    members: list[Member],
    organizations: list[Organization],
    deadline: datetime.datetime,
) -> DraftResolution:
    """Open the round: the recipients (named members, and every member of each organization
    chosen) are notified; the parts are fixed from here on."""
    if deadline <= timezone.now():
        raise MeetingError(MeetingError.DEADLINE_PAST)
    with transaction.atomic():
        draft = _locked(draft)
        ensure_manage(acting_user, draft)
        _ensure(draft, DraftStatus.PREPARING)
        rows = {m.pk: DraftRecipient(draft=draft, member=m) for m in members}
        for organization in organizations:
            seen = acting_user is None or access.can(
                acting_user, access.tree().view_action, organization
            )
            if not seen:  # None is the system (the demo, a loader)
                raise MeetingError(MeetingError.OTHER_ORGANIZATION)
            for member in _members_of(organization):
                rows.setdefault(
                    member.pk, DraftRecipient(draft=draft, member=member, through=organization)
                )
        if not rows:
            raise MeetingError(MeetingError.NO_RECIPIENTS)
        if len(rows) > MAX_RECIPIENTS:
            raise MeetingError(MeetingError.TOO_MANY_RECIPIENTS, limit=MAX_RECIPIENTS)
        with audit.change(acting_user, draft, "draft.send"):
            draft.parts = split_parts(draft.text)
            draft.deadline = deadline
            draft.sent_at = timezone.now()
            draft.status = DraftStatus.OPEN
            draft.save(update_fields=["parts", "deadline", "sent_at", "status"])
            DraftRecipient.objects.bulk_create(rows.values())
    # No classified title reaches an inbox (core.notifications.notify).
    title = draft.title if not draft.confidentiality else _("a classified draft")
    notifications.notify(
        users_of(rows),
        kind=NoticeKind.DRAFT_COMMENT,
        title=_("Comment on the draft: %(title)s") % {"title": title},
        body=_("Comments are taken until %(deadline)s.")
        % {"deadline": timezone.localtime(deadline).strftime("%H:%M %d/%m/%Y")},
        url=f"/hop/du-thao/{draft.pk}/",
    )
    return draft


def is_open(draft: DraftResolution, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return draft.status == DraftStatus.OPEN and draft.deadline is not None and now <= draft.deadline


def comment(
    *, user, draft: DraftResolution, part: int, text: str, on_behalf: bool = False
) -> DraftComment:
    """A recipient's comment on one part, taken until the deadline (inclusive)."""
    text = _clean(text, COMMENT_MAX, _("Comment"))
    with transaction.atomic():
        draft = _locked(draft)
        recipient = (
            draft.recipients.filter(member_id=getattr(user, "member_id", None))
            .select_related("through")
            .first()
        )
        if recipient is None:
            raise MeetingError(MeetingError.NOT_A_RECIPIENT)
        if not is_open(draft):
            raise MeetingError(MeetingError.COMMENTS_CLOSED)
        if not 0 <= part <= len(draft.parts):
            raise MeetingError(MeetingError.NO_SUCH_PART)
        with audit.change(user, None, "draft.comment", organization=draft.organization) as rec:
            rec.target = row = DraftComment.objects.create(
                draft=draft,
                part=part,
                member=recipient.member,
                on_behalf_of=recipient.through if on_behalf else None,
                text=text,
            )
    return row


def close(*, acting_user, draft: DraftResolution) -> DraftResolution:
    with transaction.atomic():
        draft = _locked(draft)
        ensure_manage(acting_user, draft)
        _ensure(draft, DraftStatus.OPEN)
        with audit.change(acting_user, draft, "draft.close"):
            draft.status = DraftStatus.CLOSED
            draft.save(update_fields=["status"])
    return draft


def _closed(draft: DraftResolution) -> bool:
    return draft.status == DraftStatus.CLOSED or (
        draft.status == DraftStatus.OPEN and not is_open(draft)
    )


def decide(*, acting_user, comment: DraftComment, disposition: str, reason: str) -> DraftComment:
    """The synthesis' answer to one comment, once the round is over."""
    if disposition not in Disposition.values:
        raise MeetingError(MeetingError.NO_DISPOSITION)
    reason = (reason or "").strip()
    if disposition != Disposition.ACCEPTED and not reason:
        raise MeetingError(MeetingError.REASON_FOR_DISPOSITION)
    with transaction.atomic():
        draft = _locked(comment.draft)
        ensure_manage(acting_user, draft)
        if not _closed(draft):
            raise MeetingError(MeetingError.ROUND_NOT_OVER)
        comment = DraftComment.objects.select_for_update().get(pk=comment.pk)
        with audit.change(acting_user, comment, "draft.decide"):
            comment.disposition, comment.reason = disposition, reason[:1000]
            comment.save(update_fields=["disposition", "reason"])
    return comment


def _body_of(draft: DraftResolution) -> str:
    if draft.meeting is not None:
        return draft.meeting.body
    return Body.CELL if draft.organization.kind in CELL_KINDS else Body.STANDING


def issue(*, acting_user, draft: DraftResolution, revised_text: str):
    """Draft the resolution (NQ) from the revised text in the documents area, once every comment
    has its answer."""
    revised_text = _clean(revised_text, TEXT_MAX, _("Revised text"))
    with transaction.atomic():
        draft = (
            DraftResolution.objects.select_for_update(of=("self",))
            .select_related("meeting")
            .get(pk=draft.pk)
        )
        ensure_manage(acting_user, draft)
        if not _closed(draft):
            raise MeetingError(MeetingError.ROUND_NOT_OVER)
        left = draft.comments.filter(disposition="").count()
        if left:
            raise MeetingError(MeetingError.COMMENTS_UNDECIDED, left=left)
        organization = draft.organization
        parent = superior_of(organization)
        superior = parent.name if parent is not None else ""
        authority, position = signature_for(_body_of(draft))
        document = outgoing.create_draft(
            acting_user=acting_user,
            organization=organization,
            doc_type=RESOLUTION_TYPE,
            summary=draft.title,
            body=revised_text,
            issuing_body=organization.name,
            superior_body=superior,
            place=(draft.meeting.locality if draft.meeting else "") or organization.name,
            signer_position=position,
            authority_line=authority,
            confidentiality=draft.confidentiality,
        )
        with audit.change(acting_user, draft, "draft.issue"):
            draft.revised_text = revised_text
            draft.issued_document = document
            draft.status = DraftStatus.ISSUED
            draft.save(update_fields=["revised_text", "issued_document", "status"])
    return draft
