"""Member list filters, shared by the list page, the XLSX export and the API.

Parameters (Vietnamese names, as they appear in the page's URL):
  to_chuc     organization id: its whole subtree
  trang_thai  member status
  chuc_vu     title of a current position
  gioi_tinh   gender
  nhom_tuoi   age group: duoi30, 30-45, 46-60, tren60
  q           name search, folded (tone marks, case and "đ" ignored); exact spellings rank first
The caller narrows the queryset with `access.visible` first; `to_chuc` only narrows further.
"""

import datetime

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from vanphong.core import vntext
from vanphong.organizations.milestones import add_years
from vanphong.organizations.models import Gender, MemberStatus, Organization, PositionTitle

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


def filter_members(queryset: QuerySet, params, today: datetime.date) -> QuerySet:
    """Apply the list filters in `params` (a QueryDict or dict); unknown values are ignored."""
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
