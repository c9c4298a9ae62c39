"""Background tasks about members. `manage.py notify_probation_due` enqueues the daily one (cron)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from vanphong.core.formats import date_vn
from vanphong.core.models import Notification
from vanphong.core.notifications import notify
from vanphong.organizations.models import Member
from vanphong.organizations.notices import NoticeKind
from vanphong.organizations.services.members import today
from vanphong.organizations.services.procedures import (
    due_for_official,
    probation_ends_on,
    staff_of,
)


@task()
def notify_probation_due(within_days: int = 30) -> int:
    """Tell the staff over each probationary member whose 12 months end within `within_days`,
    once per member. Returns how many members were announced."""
    announced = 0
    for member in due_for_official(
        Member.objects.select_related("organization"), today(), within_days
    ):
        url = f"/dang-vien/{member.pk}/"
        if Notification.objects.filter(kind=NoticeKind.PROBATION_DUE, url=url).exists():
            continue
        with transaction.atomic():
            notify(
                staff_of(member.organization),
                kind=NoticeKind.PROBATION_DUE,
                title=_("%(name)s completes probation on %(date)s")
                % {"name": member.full_name, "date": date_vn(probation_ends_on(member))},
                url=url,
            )
        announced += 1
    return announced
