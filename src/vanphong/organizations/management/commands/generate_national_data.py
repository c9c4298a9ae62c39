"""Generate national-scale party data: the Centre, 34 provinces, committees under the Centre,
3,321 communes, ~300,000 organizations and 5.6 million members by default."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.organizations.models import Organization
from vanphong.reports.generator.build import NationalData, Plan


class Command(BaseCommand):
    help = "Generate national-scale organizations and members (for benchmarks)."

    def add_arguments(self, parser):
        default = Plan()
        parser.add_argument("--provinces", type=int, default=default.provinces)
        parser.add_argument("--communes", type=int, default=default.communes)
        parser.add_argument("--members", type=int, default=default.members)
        parser.add_argument("--members-per-cell", type=int, default=default.members_per_cell)
        parser.add_argument("--seed", type=int, default=default.seed)
        parser.add_argument("--batch", type=int, default=default.batch)
        parser.add_argument(
            "--scale", type=float, default=None, help="Multiply communes and members (e.g. 0.01)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Add a new tree even if organizations exist."
        )

    def handle(self, *args, **options):
        if Organization.objects.exists() and not options["force"]:
            raise CommandError(
                _("The database already holds organizations; use --force to add a national tree.")
            )
        plan = Plan(
            provinces=options["provinces"],
            communes=options["communes"],
            members=options["members"],
            members_per_cell=options["members_per_cell"],
            seed=options["seed"],
            batch=options["batch"],
        )
        if options["scale"] is not None:
            plan = plan.scaled(options["scale"])
        try:
            generator = NationalData(plan, today=timezone.localdate(), log=self.stdout.write)
            counts = generator.run()
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Generated %(organizations)s organizations and %(members)s members.")
                % {k: f"{v:,}" for k, v in counts.items()}
            )
        )
