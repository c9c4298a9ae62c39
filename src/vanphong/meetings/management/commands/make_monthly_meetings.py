"""Queue the making of next month's meetings from the bodies' standing plans (cron, monthly).

manage.py make_monthly_meetings              # next month
manage.py make_monthly_meetings --month 01/2027
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.meetings.month import parse_month, shifted
from vanphong.meetings.tasks import make_monthly_meetings


class Command(BaseCommand):
    help = "Queue the making of a month's meetings from the standing plans (default: next month)."

    def add_arguments(self, parser):
        parser.add_argument("--month", default="", help="MM/YYYY")

    def handle(self, *args, month: str, **options):
        this_month = timezone.localdate().replace(day=1)
        chosen = parse_month(month, this_month) if month else shifted(this_month, 1)
        if chosen is None:
            raise CommandError(_("Type the month as mm/yyyy, e.g. 12/2026."))
        result = make_monthly_meetings.enqueue(chosen.isoformat())
        self.stdout.write(f"queued {result.id}")
