from django.core.management.base import BaseCommand

from vanphong.documents.tasks import remind_deadlines


class Command(BaseCommand):
    help = "Queue the daily reminders of document deadlines: 3 days before and once a day after (cron)."

    def handle(self, *args, **options):
        result = remind_deadlines.enqueue()
        self.stdout.write(f"queued {result.id}")
