"""Member list filters, shared by the list page, the XLSX export and the API.

Parameters (Vietnamese names, as they appear in the page's URL):
  to_chuc     organization id: its whole subtree
  trang_thai  member status
  chuc_vu     title of a current position
  gioi_tinh   gender
  nhom_tuoi   age group: duoi30, 30-45, 46-60, tren60
  q           name search, folded (tone marks, case and "đ" ignored); exact spellings rank first
  nhom        a dashboard card's members (CARD_GROUPS): dang_sinh_hoat (active), mien_sinh_hoat
              (exempted from activity today), huy_hieu (party badge at the next presentation day)
The caller narrows the queryset with `access.visible` first; `to_chuc` only narrows further.
"""

import datetime

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from vanphong.core import vntext
from vanphong.organizations.milestones import add_years
from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    ActivityGap,
    Exemption,
    Gender,
    MemberStatus,
    Organization,
    PositionTitle,
)

AGE_GROUPS = {
    "duoi30": (_("Under 30"), None, 29),
    "30-45": (_("30 to 45"), 30, 45),
    "46-60": (_("46 to 60"), 46, 60),
    "tren60": (_("Over 60"), 61, None),
}


def age_group_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _lo, _hi) in AGE_GROUPS.items()]


def birth_range(group: str, today: datetime.date) -> Q:
    """Q on birth_date for members whose age on `today` is within the group's bounds."""
    _label, youngest, oldest = AGE_GROUPS[group]
    condition = Q()
    if youngest is not None:  # age >= youngest  ⇔  born on or before today − youngest years
        condition &= Q(birth_date__lte=add_years(today, -youngest))
    if oldest is not None:  # age <= oldest  ⇔  born after today − (oldest + 1) years
        condition &= Q(birth_date__gt=add_years(today, -(oldest + 1)))
    return condition


def active(queryset: QuerySet) -> QuerySet:
    """Members in activity (đang sinh hoạt): official and probationary, exempted ones included."""
    return queryset.filter(status__in=ACTIVE_STATUSES)


def exempted(queryset: QuerySet, day: datetime.date) -> QuerySet:
    """Active members exempted from activity on `day` (miễn sinh hoạt)."""
    exempt_now = Exemption.objects.filter(member=OuterRef("pk"), starts_on__lte=day).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day)
    )
    return active(queryset).filter(Exists(exempt_now))


def badge_round(queryset: QuerySet, day: datetime.date) -> tuple[datetime.date, QuerySet]:
    """(next presentation day, the active members whose badge falls in that round).

    A badge reached in (previous round, next round] is presented at the next round. Members without
    periods outside activity are chosen in SQL; the few with such periods, in Python.
    """
    from vanphong.organizations.milestones import (
        BADGE_YEARS,
        next_badge,
        next_presentation_day,
        previous_presentation_day,
    )

    members = active(queryset)
    round_day = next_presentation_day(day)
    after = previous_presentation_day(round_day)
    windows = Q(pk__in=[])
    for years in BADGE_YEARS:
        windows |= Q(
            admitted_on__gt=add_years(after, -years), admitted_on__lte=add_years(round_day, -years)
        )
    has_gaps = Exists(ActivityGap.objects.filter(member=OuterRef("pk")))
    with_gaps = []
    for member in members.filter(has_gaps).prefetch_related("activity_gaps"):
        gaps = [(gap.starts_on, gap.ends_on) for gap in member.activity_gaps.all()]
        badge = next_badge(member.admitted_on, after, gaps)
        if badge is not None and badge.presented_on == round_day:
            with_gaps.append(member.pk)
    chosen = (Q(windows) & ~Q(has_gaps)) | Q(pk__in=with_gaps)
    return round_day, members.filter(chosen)


CARD_GROUPS = {
    "dang_sinh_hoat": lambda qs, day: active(qs),
    "mien_sinh_hoat": exempted,
    "huy_hieu": lambda qs, day: badge_round(qs, day)[1],
}


def filter_members(queryset: QuerySet, params, today: datetime.date) -> QuerySet:
    """Apply the list filters in `params` (a QueryDict or dict); unknown values are ignored."""
    group = params.get("nhom")
    if group in CARD_GROUPS:
        queryset = CARD_GROUPS[group](queryset, today)
    org_id = params.get("to_chuc")
    if org_id and str(org_id).isdigit():
        org = Organization.objects.filter(pk=int(org_id)).only("path").first()
        queryset = (
            queryset.filter(organization__path__startswith=org.path) if org else queryset.none()
        )
    status = params.get("trang_thai")
    if status in MemberStatus.values:
        queryset = queryset.filter(status=status)
    gender = params.get("gioi_tinh")
    if gender in Gender.values:
        queryset = queryset.filter(gender=gender)
    title = params.get("chuc_vu")
    if title in PositionTitle.values:
        current = Q(positions__ends_on__isnull=True) | Q(positions__ends_on__gte=today)
        queryset = queryset.filter(current, positions__title=title).distinct()
    group = params.get("nhom_tuoi")
    if group in AGE_GROUPS:
        queryset = queryset.filter(birth_range(group, today))
    query = vntext.canonical(params.get("q") or "")
    if query:
        queryset = queryset.filter(name_folded__contains=vntext.fold(query)).annotate(
            exact_match=Case(
                When(full_name__icontains=query, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        queryset = queryset.order_by("exact_match", "name_sort", "id")
    return queryset
