"""Figures from `member_statistics` as labelled table rows for the page."""

from django.utils.translation import gettext_lazy as _

from vanphong.organizations.models import Gender, MemberStatus
from vanphong.reports.statistics import LEVELS, NOT_RECORDED, OTHERS, dimension_keys

AGE_LABELS = {
    "under_30": _("Under 30"),
    "30_45": _("30 to 45"),
    "46_60": _("46 to 60"),
    "over_60": _("Over 60"),
}
TITLES = {
    "status": _("By status"),
    "gender": _("By gender"),
    "age": _("By age group"),
    "ethnicity": _("By ethnicity"),
    "education": _("By general education"),
    "professional_level": _("By professional level"),
    "theory_level": _("By political-theory level"),
}


def _label(dimension: str, key: str):
    if key == NOT_RECORDED:
        return _("Not recorded")
    if dimension == "status":
        return MemberStatus(key).label
    if dimension == "gender":
        return Gender(key).label
    if dimension == "age":
        return AGE_LABELS[key]
    if dimension == "ethnicity":
        return _("Others") if key == OTHERS else key
    return LEVELS[dimension](key).label


def statistics_tables(figures: dict) -> list[dict]:
    """[{"title", "rows": [(label, count, percent)]}] in the page's order."""
    total = figures["total"]
    keys, tables = dimension_keys(), []
    for dimension, title in TITLES.items():
        counts = figures[dimension]
        rows = [
            (
                _label(dimension, key),
                counts[key],
                round(100 * counts[key] / total, 1) if total else 0,
            )
            for key in keys[dimension]
        ]
        tables.append({"title": title, "rows": rows})
    return tables
