import datetime
import io

import pytest
from django.core.management import call_command

from vanphong.organizations.models import ACTIVE_STATUSES, Member, Organization
from vanphong.reports.statistics import AGE_GROUPS, LEVELS, MAIN_ETHNICITIES, NOT_RECORDED, OTHERS


def generate(**options) -> str:
    out = io.StringIO()
    params = {"provinces": 2, "communes": 6, "members": 300, "seed": 1, "batch": 100}
    call_command("generate_national_data", stdout=out, **(params | options))
    return out.getvalue()


@pytest.fixture
def national(db):
    """A tiny national tree: the Centre, 2 provinces, 6 communes, 6 central committees, 300
    members."""
    generate()


def python_count(org: Organization, as_of: datetime.date) -> dict:
    """The figures counted one member at a time, without the database doing any of it."""
    members = [
        m
        for m in Member.objects.select_related("organization")
        if m.organization.path.startswith(org.path) and m.status in ACTIVE_STATUSES
    ]
    figures = {
        "total": len(members),
        "status": {s.value: 0 for s in ACTIVE_STATUSES},
        "gender": {"male": 0, "female": 0},
        "age": {key: 0 for key, _low, _high in AGE_GROUPS},
        "ethnicity": {name: 0 for name in MAIN_ETHNICITIES} | {OTHERS: 0},
    }
    for field, choices in LEVELS.items():
        figures[field] = {c.value: 0 for c in choices} | {NOT_RECORDED: 0}
    for m in members:
        b = m.birth_date
        age = as_of.year - b.year - ((as_of.month, as_of.day) < (b.month, b.day))
        group = next(
            key for key, low, high in AGE_GROUPS if low <= age and (high is None or age <= high)
        )
        figures["status"][m.status] += 1
        figures["gender"][m.gender] += 1
        figures["age"][group] += 1
        figures["ethnicity"][m.ethnicity if m.ethnicity in MAIN_ETHNICITIES else OTHERS] += 1
        for field, choices in LEVELS.items():
            value = getattr(m, field)
            figures[field][value if value in choices.values else NOT_RECORDED] += 1
    return figures
