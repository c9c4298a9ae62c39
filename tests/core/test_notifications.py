import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from tests.factories import user
from vanphong.core import services
from vanphong.core.models import Notification
from vanphong.core.notifications import notify

pytestmark = pytest.mark.django_db


def test_inbox_always_and_email_only_for_chosen_kinds(django_capture_on_commit_callbacks):
    """GIVEN one user who wants member procedures by e-mail and one who does not
    WHEN a notification of that kind is sent and the transaction commits
    THEN both inboxes get it and only the first user gets an e-mail."""
    wants = user("a", email="a@vanphong.local")
    services.set_email_preferences(acting_user=wants, kinds=["member_procedure"])
    quiet = user("b", email="b@vanphong.local")

    with django_capture_on_commit_callbacks(execute=True):
        notify([wants, quiet], kind="member_procedure", title="Đảng viên mới", url="/dang-vien/1/")

    assert Notification.objects.filter(title="Đảng viên mới").count() == 2
    assert [m.to for m in mail.outbox] == [["a@vanphong.local"]]
    assert mail.outbox[0].subject == "Đảng viên mới"
    assert "http://127.0.0.1:8000/dang-vien/1/" in mail.outbox[0].body
    assert Notification.objects.get(user=wants).emailed_at is not None
    assert Notification.objects.get(user=quiet).emailed_at is None


def test_no_email_before_commit(django_capture_on_commit_callbacks):
    wants = user("a", email="a@vanphong.local")
    services.set_email_preferences(acting_user=wants, kinds=["system"])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify([wants], kind="system", title="Bảo trì")

    assert mail.outbox == []
    assert len(callbacks) == 1


@pytest.mark.django_db(transaction=True)
def test_database_worker_sends_the_queued_email():
    """The real database backend: the task waits in the queue until db_worker runs it."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        wants = user("a", email="a@vanphong.local")
        services.set_email_preferences(acting_user=wants, kinds=["system"])
        notify([wants], kind="system", title="Lịch họp chi bộ tháng 12")
        assert mail.outbox == []

        call_command("db_worker", batch=True, interval=0, verbosity=0)

    assert [m.subject for m in mail.outbox] == ["Lịch họp chi bộ tháng 12"]
