"""Load the demo data of every app that registered a loader (vanphong.core.demo), once.

    manage.py load_demo                      # the demo as of today
    manage.py load_demo --as-of 2026-12-31   # as of an earlier reference day

The services date what they record "now" and refuse a future day, so a reference day after today
is refused too: to see the demo of a later day, run the command with the clock set to it (the
tests travel there with time-machine; on a machine, `faketime`).
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import demo

# The demo's fixed history (the 2025–2030 term, the year of documents before the reference day)
# starts in 2025: an earlier reference day would date documents before their committee's term.
EARLIEST = datetime.date(2026, 1, 1)


def reference_day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("--as-of takes a date written YYYY-MM-DD, not %(text)s.") % {"text": text}
        ) from None


class Command(BaseCommand):
    help = "Load the VanPhong demo data (once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of",
            type=reference_day,
            default=None,
            help="Reference day of the demo, YYYY-MM-DD (default: today).",
        )

    def handle(self, *args, as_of=None, **options):
        if isinstance(as_of, str):  # call_command(as_of="…") skips the parser
            as_of = reference_day(as_of)
        as_of = as_of or timezone.localdate()
        if as_of < EARLIEST:
            raise CommandError(
                _("The demo starts on %(day)s: choose a later reference day.")
                % {"day": EARLIEST.strftime("%d/%m/%Y")}
            )
        if as_of > timezone.localdate():
            raise CommandError(
                _("The reference day %(day)s is after today: set the clock to it instead.")
                % {"day": as_of.strftime("%d/%m/%Y")}
            )
        demo.load(as_of, self.stdout)
