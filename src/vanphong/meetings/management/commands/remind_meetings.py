from django.core.management.base import BaseCommand

from vanphong.meetings.tasks import remind_meetings


class Command(BaseCommand):
    help = "Queue the day-before reminders of meetings, presentations and comments (cron, daily)."

    def handle(self, *args, **options):
        result = remind_meetings.enqueue()
        self.stdout.write(f"queued {result.id}")
