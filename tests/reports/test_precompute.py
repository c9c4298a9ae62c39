"""The nightly precompute: `manage.py precompute_statistics` (cron) and its background task."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from tests import factories
from tests.reports.conftest import python_count
from vanphong.organizations.models import Organization, OrgKind
from vanphong.reports.models import MemberStatsSnapshot
from vanphong.reports.statistics import CACHED_MAX_DEPTH, member_statistics
from vanphong.reports.tasks import precompute_statistics

AS_OF = datetime.date(2026, 3, 1)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("precompute_statistics", *args, stdout=out)
    return out.getvalue()


def cached_levels() -> list[Organization]:
    return list(Organization.objects.filter(depth__lte=CACHED_MAX_DEPTH).order_by("path"))


def test_command_refreshes_the_centre_and_the_provinces(national, django_assert_num_queries):
    """GIVEN a national tree with nothing cached
    WHEN the command runs in-process for 01/03/2026
    THEN every organization of the top two levels has a snapshot of that date, each served in
    one query and equal to a member-by-member count; the output says so in Vietnamese."""
    output = run("--now", "--date", "01/03/2026")

    orgs = cached_levels()
    assert len(orgs) == 1 + 2 + 6
    assert f"{len(orgs)} tổ chức" in output and "01/03/2026" in output
    assert MemberStatsSnapshot.objects.filter(as_of=AS_OF).count() == len(orgs)
    for org in orgs:
        with django_assert_num_queries(1):
            figures = member_statistics(org, AS_OF)
        assert figures == python_count(org, AS_OF), org.name


def test_second_run_recounts_only_what_changed(national):
    """GIVEN snapshots refreshed for a date
    WHEN the task runs again, then a member is added in one province and it runs once more
    THEN the second run recounts nothing; the third recounts that province and the Centre."""
    assert precompute_statistics.call(AS_OF.isoformat())["recomputed"] == 9
    assert precompute_statistics.call(AS_OF.isoformat())["recomputed"] == 0
    province = Organization.objects.filter(kind=OrgKind.PROVINCIAL).order_by("path").first()
    cell = Organization.objects.filter(path__startswith=province.path, kind=OrgKind.CELL).first()
    factories.member(cell)

    done = precompute_statistics.call(AS_OF.isoformat())

    assert done == {"as_of": "2026-03-01", "organizations": 9, "recomputed": 2, "purged": 0}
    assert member_statistics(province, AS_OF) == python_count(province, AS_OF)


def test_command_queues_the_task_for_the_day_it_runs(national, monkeypatch):
    """GIVEN the task backend of the tests (runs a queued task at once)
    WHEN cron calls the command without arguments
    THEN it reports the queued task and the snapshots of the task's day exist."""
    monkeypatch.setattr("vanphong.reports.tasks.today", lambda: AS_OF)
    assert run().startswith("queued ")
    assert MemberStatsSnapshot.objects.filter(as_of=AS_OF).count() == len(cached_levels())


@pytest.mark.django_db(transaction=True)
def test_database_worker_runs_the_queued_precompute(monkeypatch):
    """The real database backend: nothing is counted until db_worker takes the task."""
    factories.Tree()
    monkeypatch.setattr("vanphong.reports.tasks.today", lambda: AS_OF)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        run()
        assert not MemberStatsSnapshot.objects.exists()
        call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert set(MemberStatsSnapshot.objects.values_list("organization__depth", "as_of")) == {
        (1, AS_OF),
        (2, AS_OF),
    }


def test_snapshots_of_past_dates_nobody_asked_for_are_deleted(tree):
    """GIVEN snapshots of 20/02/2026 computed 8 days ago, and of 28/02/2026 computed today
    WHEN the task refreshes 01/03/2026
    THEN the old one is deleted, the recent one kept."""
    member_statistics(tree.province, datetime.date(2026, 2, 20))
    member_statistics(tree.province, datetime.date(2026, 2, 28))
    MemberStatsSnapshot.objects.filter(as_of=datetime.date(2026, 2, 20)).update(
        computed_at=timezone.now() - datetime.timedelta(days=8)
    )

    done = precompute_statistics.call(AS_OF.isoformat())

    assert done["purged"] == 1
    assert sorted(MemberStatsSnapshot.objects.values_list("as_of", flat=True)) == [
        datetime.date(2026, 2, 28),
        AS_OF,
        AS_OF,
    ]


@pytest.mark.parametrize("bad", ["31/02/2026", "hôm nay", "2026-13-01"])
def test_a_bad_date_is_refused_in_vietnamese(tree, bad):
    """GIVEN an impossible or malformed date
    WHEN the command is called with it
    THEN it stops with the Vietnamese message and nothing is counted or queued."""
    with pytest.raises(CommandError, match="Nhập ngày theo dạng dd/mm/yyyy."):
        run("--now", "--date", bad)
    with pytest.raises(CommandError, match="Nhập ngày theo dạng dd/mm/yyyy."):
        run("--date", bad)
    assert not MemberStatsSnapshot.objects.exists()
