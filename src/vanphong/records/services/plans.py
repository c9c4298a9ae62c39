"""The yearly file plan (danh mục hồ sơ): made for an organization and a year, drafted from the
year before (docs/rules/records.md §1)."""

import datetime
import unicodedata

from django.db import IntegrityError, transaction

from vanphong.core import access, audit
from vanphong.core.vntext import canonical
from vanphong.records import rules
from vanphong.records.access import RecordAction
from vanphong.records.errors import RecordError
from vanphong.records.models import FilePlan, PlanItem
from vanphong.records.services.common import ensure, today


def _first_day(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)


def create_plan(*, acting_user, organization, year: int, from_last_year: bool = True) -> FilePlan:
    """The organization's plan for `year` (this year or the next; the system may make any
    year's), with the rows of last year's plan copied when there is one: same codes, titles and
    categories, the retention read again from the table in force on 1 January of `year`, and the
    responsible person kept while they still keep the organization's files."""
    ensure(acting_user, RecordAction.MANAGE, organization)
    if acting_user is not None and year not in (today().year, today().year + 1):
        raise RecordError(RecordError.BAD_YEAR)
    with transaction.atomic():
        if FilePlan.objects.filter(organization=organization, year=year).exists():
            raise RecordError(RecordError.PLAN_EXISTS, organization=organization.name, year=year)
        previous = FilePlan.objects.filter(organization=organization, year=year - 1).first()
        source = previous if from_last_year else None
        with audit.change(
            acting_user, None, "records.plan_create", organization=organization
        ) as rec:
            try:
                with transaction.atomic():
                    rec.target = plan = FilePlan.objects.create(
                        organization=organization,
                        year=year,
                        drafted_from=source,
                        created_by=acting_user,
                    )
            except IntegrityError:  # a second clerk made it in the meantime
                raise RecordError(
                    RecordError.PLAN_EXISTS, organization=organization.name, year=year
                ) from None
            copied = []
            if source is not None:
                keepers = set(
                    access.holders(RecordAction.MANAGE, organization).values_list("pk", flat=True)
                )
                for item in source.items.order_by("code"):
                    try:
                        years = rules.retention_of(item.retention_key, _first_day(year))
                    except RecordError:
                        years = item.retention_years
                    copied.append(
                        PlanItem.objects.create(
                            plan=plan,
                            code=item.code,
                            title=item.title,
                            retention_key=item.retention_key,
                            retention_years=years,
                            responsible_id=item.responsible_id
                            if item.responsible_id in keepers
                            else None,
                        )
                    )
            rec.extra_after = {"rows": [f"{i.code} {i.title}" for i in copied]}
    return plan


def add_item(
    *, acting_user, plan: FilePlan, code: str, title: str, retention_key: str, responsible=None
) -> PlanItem:
    """A row of the plan: its code follows the installation's structure and is unique in the
    plan, its retention is the category's in force on 1 January of the plan's year."""
    ensure(acting_user, RecordAction.MANAGE, plan.organization)
    code = rules.check_code(unicodedata.normalize("NFC", code or "").upper())
    title = canonical(title or "").strip()
    if not title:
        raise RecordError(RecordError.EMPTY_TITLE)
    years = rules.retention_of(retention_key or "", _first_day(plan.year))
    if responsible is not None and not (
        access.holders(RecordAction.MANAGE, plan.organization).filter(pk=responsible.pk).exists()
    ):
        raise RecordError(RecordError.NOT_RESPONSIBLE)
    with transaction.atomic():
        FilePlan.objects.select_for_update().get(pk=plan.pk)
        if plan.items.filter(code=code).exists():
            raise RecordError(RecordError.CODE_TAKEN, code=code)
        with audit.change(
            acting_user, None, "records.plan_item_add", organization=plan.organization
        ) as rec:
            rec.target = PlanItem.objects.create(
                plan=plan,
                code=code,
                title=title,
                retention_key=retention_key,
                retention_years=years,
                responsible=responsible,
            )
    return rec.target
