"""wait_for_tasks: bin/run starts the web server only once the worker has done the queued work,
and says so; a worker that never finishes is reported in Vietnamese, not waited on for ever."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from vanphong.core.management.commands import wait_for_tasks
from vanphong.core.models import User
from vanphong.core.notifications import notify

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _queue_one():
    someone = User.objects.create_user("a", email="a@vanphong.local")
    notify([someone], kind="system", title="Bảo trì")


@pytest.mark.django_db(transaction=True)
def test_it_waits_for_the_worker_and_says_when_ready(monkeypatch):
    out = io.StringIO()

    def worker_runs_while_waiting(seconds):
        # The real worker, run in the pause between two looks at the queue (db_worker installs
        # signal handlers, so it cannot run in a thread beside the command).
        call_command("db_worker", batch=True, interval=0, verbosity=0)

    monkeypatch.setattr(wait_for_tasks.time, "sleep", worker_runs_while_waiting)
    with override_settings(TASKS=DB_TASKS):
        _queue_one()
        call_command("wait_for_tasks", interval=0.1, timeout=60, stdout=out)
    assert out.getvalue().splitlines() == [
        "Đang chuẩn bị dữ liệu mẫu: còn 1 việc chạy nền…",
        "Dữ liệu mẫu đã sẵn sàng.",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_does_not_run_is_reported_after_the_timeout():
    with override_settings(TASKS=DB_TASKS):
        _queue_one()
        with pytest.raises(CommandError, match="Tiến trình chạy nền chưa xong sau 0 giây"):
            call_command("wait_for_tasks", interval=0, timeout=0, stdout=io.StringIO())


@pytest.mark.django_db
def test_with_nothing_queued_it_says_nothing():
    out = io.StringIO()
    with override_settings(TASKS=DB_TASKS):
        call_command("wait_for_tasks", timeout=0, stdout=out)
    assert out.getvalue() == ""
