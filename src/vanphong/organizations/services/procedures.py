"""Member procedures: admission, official recognition, transfer, exemption, removal, death,
positions. Each is one transaction with its audit entry, a MemberEvent for the profile's history,
and notifications after commit."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core import access, audit
from vanphong.core.notifications import notify
from vanphong.organizations.access import OrgAction
from vanphong.organizations.milestones import add_months
from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    CommitteeTerm,
    EventKind,
    Exemption,
    Member,
    MemberEvent,
    MemberStatus,
    Organization,
    OrgStatus,
    Position,
    Transfer,
    TransferKind,
)
from vanphong.organizations.notices import NoticeKind
from vanphong.organizations.services.errors import MemberError, OrganizationError
from vanphong.organizations.services.members import (
    ADULT_AGE,
    PROFILE_FIELDS,
    check_cell,
    check_profile,
    today,
    unique_violation,
    years_between,
)
from vanphong.organizations.services.orgs import term_on

PROBATION_MONTHS = 12


def staff_of(organization: Organization):
    """Users who look after an organization's members (told of their procedures): read like
    every other "who holds what here", through core.access."""
    return list(access.holders(OrgAction.MEMBER_NOTICE, organization))


def _event(member, kind, on, organization=None, decision="", note="") -> MemberEvent:
    return MemberEvent.objects.create(
        member=member,
        kind=kind,
        occurred_on=on,
        organization=organization or member.organization,
        decision=decision,
        note=note,
    )


def _lock_active(member: Member) -> Member:
    member = Member.objects.select_for_update().select_related("organization").get(pk=member.pk)
    if member.status not in ACTIVE_STATUSES:
        raise MemberError(MemberError.NOT_ACTIVE)
    return member


def _check_day(member: Member, on: datetime.date) -> None:
    if on > today():
        raise MemberError(MemberError.FUTURE_DATE)
    if on < member.admitted_on:
        raise MemberError(MemberError.DATE_BEFORE_ADMISSION)


def _set_status(acting_user, member: Member, status: str, on: datetime.date, action: str):
    before = audit.snapshot(member)
    member.status, member.status_changed_on = status, on
    member.save(update_fields=["status", "status_changed_on"])
    audit.record(
        actor=acting_user, action=action, target=member, before=before, after=audit.snapshot(member)
    )


@transaction.atomic
def admit_member(
    *,
    acting_user,
    organization: Organization,
    admitted_on: datetime.date,
    decision: str = "",
    **profile,
) -> Member:
    """Record the admission (kết nạp) of a new, probationary member into a cell."""
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    check_cell(organization)
    profile = check_profile(profile)
    if admitted_on > today():
        raise MemberError(MemberError.FUTURE_DATE)
    if admitted_on < profile["birth_date"]:
        raise MemberError(MemberError.BIRTH_AFTER_ADMISSION)
    if years_between(profile["birth_date"], admitted_on) < ADULT_AGE:
        raise MemberError(MemberError.TOO_YOUNG)
    try:
        with transaction.atomic():  # a concurrent admission may take the number after our check
            member = Member.objects.create(
                organization=organization,
                admitted_on=admitted_on,
                status=MemberStatus.PROBATIONARY,
                status_changed_on=admitted_on,
                **profile,
            )
    except IntegrityError as exc:
        raise unique_violation(exc) from None
    _event(member, EventKind.ADMITTED, admitted_on, decision=decision)
    audit.record(
        actor=acting_user, action="member.admit", target=member, after=audit.snapshot(member)
    )
    notify(
        staff_of(organization),
        kind=NoticeKind.MEMBER_PROCEDURE,
        title=_("New member admitted: %(name)s") % {"name": member.full_name},
        url=f"/dang-vien/{member.pk}/",
    )
    return member


def probation_ends_on(member: Member) -> datetime.date:
    return add_months(member.admitted_on, PROBATION_MONTHS)


def due_for_official(queryset: QuerySet, as_of: datetime.date, within_days: int = 30) -> QuerySet:
    """Probationary members whose 12 months end by `as_of` + `within_days` (overdue ones too),
    earliest first. Pass a queryset already narrowed by `access.visible`."""
    latest_admission = add_months(as_of + datetime.timedelta(days=within_days), -PROBATION_MONTHS)
    return queryset.filter(
        status=MemberStatus.PROBATIONARY, admitted_on__lte=latest_admission
    ).order_by("admitted_on", "id")


@transaction.atomic
def recognize_official(
    *, acting_user, member: Member, on: datetime.date, decision: str = ""
) -> Member:
    """Probationary → official (công nhận đảng viên chính thức), no earlier than 12 months."""
    member = _lock_active(member)
    if member.status != MemberStatus.PROBATIONARY:
        raise MemberError(MemberError.NOT_PROBATIONARY)
    earliest = probation_ends_on(member)
    if on < earliest:
        raise MemberError(MemberError.TOO_EARLY, date=earliest.strftime("%d/%m/%Y"))
    if on > today():
        raise MemberError(MemberError.FUTURE_DATE)
    before = audit.snapshot(member)
    member.status, member.status_changed_on, member.official_on = MemberStatus.OFFICIAL, on, on
    member.save(update_fields=["status", "status_changed_on", "official_on"])
    _event(member, EventKind.RECOGNIZED_OFFICIAL, on, decision=decision)
    audit.record(
        actor=acting_user,
        action="member.recognize_official",
        target=member,
        before=before,
        after=audit.snapshot(member),
    )
    return member


@transaction.atomic
def transfer_member(
    *,
    acting_user,
    member: Member,
    kind: str,
    on: datetime.date,
    to_organization: Organization | None = None,
    to_organization_name: str = "",
    returns_on: datetime.date | None = None,
    reason: str = "",
    letter_number: str = "",
) -> Transfer:
    """Transfer party activity. Official, to an organization in VanPhong: the member moves there.
    Official, outside VanPhong: the member's status becomes "transferred out". Temporary: the member
    stays on the home cell's list and attends the receiving one until `returns_on`."""
    member = _lock_active(member)
    _check_day(member, on)
    if to_organization is not None:
        check_cell(to_organization)
        if to_organization.pk == member.organization_id:
            raise MemberError(MemberError.SAME_ORGANIZATION)
        to_organization_name = to_organization.name
    if returns_on is not None and returns_on < on:
        raise MemberError(MemberError.END_BEFORE_START)
    origin = member.organization
    transfer = Transfer.objects.create(
        member=member,
        kind=kind,
        from_organization=origin,
        to_organization=to_organization,
        to_organization_name=to_organization_name,
        transferred_on=on,
        returns_on=returns_on if kind == TransferKind.TEMPORARY else None,
        reason=reason,
        letter_number=letter_number,
    )
    event_kind = (
        EventKind.TRANSFER_OFFICIAL
        if kind == TransferKind.OFFICIAL
        else EventKind.TRANSFER_TEMPORARY
    )
    _event(member, event_kind, on, origin, decision=letter_number, note=to_organization_name)
    if kind == TransferKind.OFFICIAL:
        before = audit.snapshot(member)
        if to_organization is not None:
            member.organization = to_organization
            member.save(update_fields=["organization"])
            _event(member, EventKind.TRANSFER_IN, on, to_organization, note=origin.name)
        else:
            member.status, member.status_changed_on = MemberStatus.TRANSFERRED_OUT, on
            member.save(update_fields=["status", "status_changed_on"])
        audit.record(
            actor=acting_user,
            action="member.transfer",
            target=member,
            organization=origin,
            before=before,
            after=audit.snapshot(member),
        )
    audit.record(
        actor=acting_user,
        action="transfer.create",
        target=transfer,
        organization=origin,
        after=audit.snapshot(transfer),
    )
    if to_organization is not None:
        notify(
            staff_of(to_organization),
            kind=NoticeKind.MEMBER_PROCEDURE,
            title=_("Member transferred to %(org)s: %(name)s")
            % {"org": to_organization.name, "name": member.full_name},
            url=f"/dang-vien/{member.pk}/",
        )
    return transfer


@transaction.atomic
def exempt_member(
    *,
    acting_user,
    member: Member,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    reason: str,
    decision: str = "",
) -> Exemption:
    """Exemption from activity (miễn sinh hoạt đảng): the member stays on the list."""
    member = _lock_active(member)
    _check_day(member, starts_on)
    if ends_on is not None and ends_on < starts_on:
        raise MemberError(MemberError.END_BEFORE_START)
    if current_exemption(member, starts_on) is not None:
        raise MemberError(MemberError.ALREADY_EXEMPT)
    exemption = Exemption.objects.create(
        member=member, starts_on=starts_on, ends_on=ends_on, reason=reason
    )
    _event(member, EventKind.EXEMPTED, starts_on, decision=decision, note=reason)
    audit.record(
        actor=acting_user,
        action="member.exempt",
        target=exemption,
        organization=member.organization,
        after=audit.snapshot(exemption),
    )
    return exemption


def current_exemption(member: Member, on: datetime.date) -> Exemption | None:
    return (
        Exemption.objects.filter(member=member, starts_on__lte=on)
        .exclude(ends_on__lt=on)
        .order_by("-starts_on")
        .first()
    )


@transaction.atomic
def end_exemption(*, acting_user, member: Member, on: datetime.date) -> Exemption:
    member = _lock_active(member)
    exemption = current_exemption(member, on)
    if exemption is None:
        raise MemberError(MemberError.NOT_EXEMPT)
    if on < exemption.starts_on:
        raise MemberError(MemberError.END_BEFORE_START)
    before = audit.snapshot(exemption)
    exemption.ends_on = on
    exemption.save(update_fields=["ends_on"])
    _event(member, EventKind.EXEMPTION_ENDED, on)
    audit.record(
        actor=acting_user,
        action="member.exemption_end",
        target=exemption,
        organization=member.organization,
        before=before,
        after=audit.snapshot(exemption),
    )
    return exemption


@transaction.atomic
def remove_member(
    *, acting_user, member: Member, on: datetime.date, reason: str, decision: str = ""
) -> Member:
    """Removal from the party (xóa tên, khai trừ…): the record stays, with its history."""
    member = _lock_active(member)
    _check_day(member, on)
    _set_status(acting_user, member, MemberStatus.REMOVED, on, "member.remove")
    _event(member, EventKind.REMOVED, on, decision=decision, note=reason)
    return member


@transaction.atomic
def record_death(*, acting_user, member: Member, on: datetime.date) -> Member:
    member = _lock_active(member)
    _check_day(member, on)
    _set_status(acting_user, member, MemberStatus.DECEASED, on, "member.death")
    _event(member, EventKind.DECEASED, on)
    return member


@transaction.atomic
def assign_position(
    *,
    acting_user,
    member: Member,
    organization: Organization,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    term=None,
) -> Position:
    member = _lock_active(member)
    if ends_on is not None and ends_on < starts_on:
        raise MemberError(MemberError.END_BEFORE_START)
    position = Position.objects.create(
        member=member,
        organization=organization,
        term=term,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    _event(member, EventKind.POSITION, starts_on, organization, note=position.get_title_display())
    audit.record(
        actor=acting_user,
        action="position.assign",
        target=position,
        organization=organization,
        after=audit.snapshot(position),
    )
    return position


class PositionError(MemberError):
    """Errors of positions (codes beside MemberError's, which a position service may raise too)."""

    NOT_MEMBERS_COMMITTEE = (
        "not_members_committee",
        gettext_lazy(
            "A member can hold a position only in their own cell or a committee above it."
        ),
    )
    TERM_OF_OTHER_ORGANIZATION = (
        "term_of_other_organization",
        gettext_lazy("This committee term belongs to another organization."),
    )
    OUTSIDE_TERM = (
        "outside_term",
        gettext_lazy("The position's dates fall outside the committee term."),
    )
    ALREADY_HELD = (
        "already_held",
        gettext_lazy("The member already holds this position in this organization at that time."),
    )
    ALREADY_ENDED = "position_ended", gettext_lazy("This position has already ended.")


def _overlaps(start, end, other_start, other_end) -> bool:
    return start <= (other_end or datetime.date.max) and other_start <= (end or datetime.date.max)


@transaction.atomic
def grant_position(
    *,
    acting_user,
    member: Member,
    organization: Organization,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    term: CommitteeTerm | None = None,
) -> Position:
    """Assign a position after checking it makes sense: an active committee of the member's own
    line (the cell or above), dates inside the member's party life and inside the term (by default
    the organization's term in force on `starts_on`), no overlap with the same position held."""
    member = _lock_active(member)
    organization = Organization.objects.get(pk=organization.pk)
    if organization.status != OrgStatus.ACTIVE:
        raise OrganizationError(OrganizationError.NOT_ACTIVE)
    if not member.organization.path.startswith(organization.path):
        raise PositionError(PositionError.NOT_MEMBERS_COMMITTEE)
    _check_day(member, starts_on)
    if ends_on is not None and ends_on < starts_on:
        raise MemberError(MemberError.END_BEFORE_START)
    if term is None:
        term = term_on(organization, starts_on)
    elif term.organization_id != organization.pk:
        raise PositionError(PositionError.TERM_OF_OTHER_ORGANIZATION)
    if term is not None and (
        starts_on < term.starts_on
        or (term.ends_on is not None and (ends_on or datetime.date.max) > term.ends_on)
    ):
        raise PositionError(PositionError.OUTSIDE_TERM)
    held = Position.objects.filter(member=member, organization=organization, title=title)
    if any(_overlaps(starts_on, ends_on, p.starts_on, p.ends_on) for p in held):
        raise PositionError(PositionError.ALREADY_HELD)
    return assign_position(
        acting_user=acting_user,
        member=member,
        organization=organization,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        term=term,
    )


@transaction.atomic
def end_position(*, acting_user, position: Position, on: datetime.date) -> Position:
    """End a position held (miễn nhiệm, hết nhiệm kỳ…) on `on`. A planned end date may be brought
    forward; a position whose end date has passed stays as it is."""
    position = (
        Position.objects.select_for_update().select_related("organization").get(pk=position.pk)
    )
    if position.ends_on is not None and position.ends_on <= today():
        raise PositionError(PositionError.ALREADY_ENDED)
    if on < position.starts_on:
        raise MemberError(MemberError.END_BEFORE_START)
    if on > today():
        raise MemberError(MemberError.FUTURE_DATE)
    before = audit.snapshot(position)
    position.ends_on = on
    position.save(update_fields=["ends_on"])
    audit.record(
        actor=acting_user,
        action="position.end",
        target=position,
        organization=position.organization,
        before=before,
        after=audit.snapshot(position),
    )
    return position
