"""Generate national-scale data for benchmarks: every part the apps register (core.generator),
by default the Centre, 34 provinces, committees under the Centre, 3,321 communes, ~300,000
organizations and 5.6 million members."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from vanphong.core import generator


class Command(BaseCommand):
    help = "Generate national-scale data (for benchmarks): every registered part, in order."

    def add_arguments(self, parser):
        keys = [part.key for part in generator.PARTS]
        parser.add_argument(
            "--parts", nargs="+", choices=keys, default=keys, help="Only these parts, in order."
        )
        for part in generator.PARTS:
            part.add_arguments(parser)

    def handle(self, *args, **options):
        today = timezone.localdate()
        for part in generator.PARTS:
            if part.key not in options["parts"]:
                continue
            try:
                summary = part.run(options, today=today, log=self.stdout.write)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(self.style.SUCCESS(summary))
