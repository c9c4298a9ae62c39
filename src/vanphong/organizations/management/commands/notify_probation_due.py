from django.core.management.base import BaseCommand

from vanphong.organizations.tasks import notify_probation_due


class Command(BaseCommand):
    help = "Queue the daily notice of probationary members due for official recognition (cron)."

    def handle(self, *args, **options):
        result = notify_probation_due.enqueue()
        self.stdout.write(f"queued {result.id}")
