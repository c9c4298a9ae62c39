"""The organization tree and its members: the first part of the national data generator."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.generator import GeneratorPart
from vanphong.organizations.models import Organization
from vanphong.reports.generator.build import NationalData, Plan


def add_arguments(parser) -> None:
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


def run(options, *, today, log) -> str:
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
    counts = NationalData(plan, today=today, log=log).run()
    return _("Generated %(organizations)s organizations and %(members)s members.") % {
        k: f"{v:,}" for k, v in counts.items()
    }


PART = GeneratorPart(
    "organizations", gettext_lazy("Organizations and members"), add_arguments, run, order=100
)
