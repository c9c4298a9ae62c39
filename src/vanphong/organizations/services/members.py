"""Services that create and edit member profiles."""

import datetime
import re

from django.db import IntegrityError, transaction
from django.utils import timezone

from vanphong.core import audit
from vanphong.organizations.models import CELL_KINDS, Member, Organization, OrgStatus
from vanphong.organizations.services.errors import MemberError

PROFILE_FIELDS = (
    "full_name",
    "gender",
    "birth_date",
    "ethnicity",
    "religion",
    "hometown",
    "citizen_id",
    "card_number",
    "education",
    "professional_level",
    "theory_level",
    "phone",
)
_CITIZEN_ID = re.compile(r"^\d{12}$")
ADULT_AGE = 18


def today() -> datetime.date:
    return timezone.localdate()


def years_between(start: datetime.date, end: datetime.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def check_cell(organization: Organization) -> None:
    """A member attends an active cell (not a merged or dissolved one)."""
    if organization.kind not in CELL_KINDS:
        raise MemberError(MemberError.NOT_A_CELL)
    if organization.status != OrgStatus.ACTIVE:
        raise MemberError(MemberError.CELL_NOT_ACTIVE)


def check_profile(values: dict, *, exclude_pk: int | None = None) -> dict:
    """Normalize and check profile values; raises MemberError on the first problem."""
    for key in ("citizen_id", "card_number"):
        if key in values:
            values[key] = (values[key] or "").strip() or None
    citizen_id = values.get("citizen_id")
    if citizen_id and not _CITIZEN_ID.match(citizen_id):
        raise MemberError(MemberError.CITIZEN_ID_FORMAT)
    others = Member.objects.exclude(pk=exclude_pk)
    if citizen_id and others.filter(citizen_id=citizen_id).exists():
        raise MemberError(MemberError.CITIZEN_ID_TAKEN)
    card = values.get("card_number")
    if card and others.filter(card_number=card).exists():
        raise MemberError(MemberError.CARD_TAKEN)
    birth = values.get("birth_date")
    if birth and birth > today():
        raise MemberError(MemberError.FUTURE_DATE)
    return values


def unique_violation(exc: IntegrityError) -> MemberError:
    """The error for a unique constraint that a concurrent request won (checked first, but racy)."""
    if "citizen_id" in str(exc):
        return MemberError(MemberError.CITIZEN_ID_TAKEN)
    return MemberError(MemberError.CARD_TAKEN)


@transaction.atomic
def update_member(*, acting_user, member: Member, **changes) -> Member:
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    member = Member.objects.select_for_update().get(pk=member.pk)
    changes = check_profile(changes, exclude_pk=member.pk)
    birth = changes.get("birth_date", member.birth_date)
    if member.admitted_on < birth:
        raise MemberError(MemberError.BIRTH_AFTER_ADMISSION)
    before = audit.snapshot(member)
    for field, value in changes.items():
        setattr(member, field, value)
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError as exc:
        raise unique_violation(exc) from None
    audit.record(
        actor=acting_user,
        action="member.update",
        target=member,
        before=before,
        after=audit.snapshot(member),
    )
    return member
