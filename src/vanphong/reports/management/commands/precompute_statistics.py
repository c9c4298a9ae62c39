import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vanphong.core.formats import date_vn
from vanphong.reports.tasks import precompute_statistics


def _day(text: str) -> datetime.date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 — a calendar day
        except ValueError:
            continue
    raise CommandError(_("Enter a date as dd/mm/yyyy."))


class Command(BaseCommand):
    help = (
        "Queue the nightly refresh of the member statistics of the Centre and the provinces "
        "(cron, just after midnight)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="dd/mm/yyyy; the day the task runs by default.")
        parser.add_argument(
            "--now", action="store_true", help="Refresh in this process instead of queueing."
        )

    def handle(self, *args, **options):
        as_of = _day(options["date"]).isoformat() if options["date"] else None
        if not options["now"]:
            result = precompute_statistics.enqueue(as_of)
            self.stdout.write(f"queued {result.id}")
            return
        done = precompute_statistics.call(as_of)
        self.stdout.write(
            _(
                "Statistics of %(date)s: %(organizations)s organizations checked, "
                "%(recomputed)s recounted, %(purged)s old snapshots deleted."
            )
            % (done | {"date": date_vn(datetime.date.fromisoformat(done["as_of"]))})
        )
