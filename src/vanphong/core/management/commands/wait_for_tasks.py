"""Wait until the task worker has done the queued background work (the demo's PDFs and e-mails).

    manage.py wait_for_tasks               # up to 5 minutes
    manage.py wait_for_tasks --timeout 60

`bin/run` calls it between starting the worker and the web server, so that the first page a user
opens shows the demo complete (issued documents with their PDFs) and the terminal says when it is
ready. Only the database backend keeps a queue this process can read; with another backend there
is nothing to wait for here.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

DB_BACKEND = "django_tasks_db.DatabaseBackend"


def pending_count() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()


class Command(BaseCommand):
    help = "Wait until the queued background tasks are done."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=int, default=300)
        parser.add_argument("--interval", type=float, default=2.0)

    def handle(self, *args, timeout: int, interval: float, **options):
        if settings.TASKS["default"]["BACKEND"] != DB_BACKEND:
            return
        deadline = time.monotonic() + timeout
        last = None
        while (left := pending_count()) > 0:
            if left != last:
                self.stdout.write(
                    _("Preparing the demo data: %(count)s background tasks left…") % {"count": left}
                )
                last = left
            if time.monotonic() > deadline:
                raise CommandError(
                    _(
                        "The task worker has not finished after %(seconds)s seconds; "
                        "see var/log/worker.log."
                    )
                    % {"seconds": timeout}
                )
            time.sleep(interval)
        if last is not None:
            self.stdout.write(_("The demo data is ready."))
