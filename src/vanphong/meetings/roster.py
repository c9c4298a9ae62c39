"""Who belongs to a meeting's body on a day, from the foundation's members, positions, exemptions
and transfers — never typed twice (docs/rules/meetings.md §1).

- a cell, or a party-wide meeting of a đảng bộ: its active members (the whole subtree for the
  latter), with those temporarily attending elsewhere marked so, and those attending here
  temporarily added as visiting;
- a cell committee, an executive committee: the committee's positions held that day;
- a standing committee: the secretary, deputies and standing members that day.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from vanphong.meetings.models import Body, Standing
from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    Exemption,
    Member,
    Organization,
    Position,
    PositionTitle,
    Transfer,
    TransferKind,
)

COMMITTEE_TITLES = (
    PositionTitle.SECRETARY,
    PositionTitle.DEPUTY_SECRETARY,
    PositionTitle.STANDING_MEMBER,
    PositionTitle.COMMITTEE_MEMBER,
)
STANDING_TITLES = (
    PositionTitle.SECRETARY,
    PositionTitle.DEPUTY_SECRETARY,
    PositionTitle.STANDING_MEMBER,
)


@dataclass(frozen=True)
class Seat:
    member: Member
    standing: str


def _active_on(day: datetime.date) -> Q:
    """Members in the party on `day`: admitted by then and not gone before it."""
    return Q(admitted_on__lte=day) & (Q(status__in=ACTIVE_STATUSES) | Q(status_changed_on__gt=day))


def _holding(day: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": day}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": day})
    )


def _temporary(day: datetime.date) -> Q:
    return Q(kind=TransferKind.TEMPORARY, transferred_on__lte=day) & (
        Q(returns_on__isnull=True) | Q(returns_on__gt=day)
    )


def roster(organization: Organization, body: str, day: datetime.date) -> list[Seat]:
    """The body's roster on `day`, in name order."""
    if body in (Body.CELL, Body.ASSEMBLY):
        where = (
            Q(organization=organization)
            if body == Body.CELL
            else Q(organization__path__startswith=organization.path)
        )
        members = list(Member.objects.filter(where & _active_on(day)))
        away = set(
            Transfer.objects.filter(_temporary(day), member__in=members).values_list(
                "member_id", flat=True
            )
        )
        exempted = set(
            Exemption.objects.filter(_holding(day), member__in=members).values_list(
                "member_id", flat=True
            )
        )
        seats = [
            Seat(
                m,
                Standing.ELSEWHERE
                if m.pk in away
                else Standing.EXEMPTED
                if m.pk in exempted
                else Standing.COUNTED,
            )
            for m in members
        ]
        if body == Body.CELL:
            visiting = Member.objects.filter(
                _active_on(day),
                pk__in=Transfer.objects.filter(
                    _temporary(day), to_organization=organization
                ).values("member_id"),
            ).exclude(organization=organization)
            seats += [Seat(m, Standing.VISITING) for m in visiting]
    else:
        titles = STANDING_TITLES if body == Body.STANDING else COMMITTEE_TITLES
        member_ids = Position.objects.filter(
            _holding(day), organization=organization, title__in=titles
        ).values("member_id")
        seats = [
            Seat(m, Standing.COUNTED)
            for m in Member.objects.filter(_active_on(day), pk__in=member_ids)
        ]
    return sorted(seats, key=lambda s: (s.member.name_sort, s.member.pk))
