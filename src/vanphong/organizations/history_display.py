"""History pages of organizations and members, read through core.audit_display; the labels of the
actions this area audits are registered here."""

from django.utils.translation import gettext_lazy as _

from vanphong.core import audit_display
from vanphong.organizations.models import Member, Organization

LABELS = {
    "organization.create": _("Organization created"),
    "organization.update": _("Organization edited"),
    "organization.move": _("Organization moved"),
    "organization.merge": _("Organization merged"),
    "organization.dissolve": _("Organization dissolved"),
    "term.create": _("Committee term opened"),
    "term.close": _("Committee term closed"),
    "term.update": _("Committee term edited"),
    "position.assign": _("Position assigned"),
    "position.end": _("Position ended"),
    "member.admit": _("Member admitted"),
    "member.update": _("Profile edited"),
    "member.recognize_official": _("Recognized as official member"),
    "member.transfer": _("Member transferred"),
    "transfer.create": _("Transfer recorded"),
    "member.exempt": _("Exempted from activity"),
    "member.exemption_end": _("Exemption ended"),
    "member.remove": _("Removed from the party"),
    "member.death": _("Death recorded"),
    "member.import": _("Imported from a spreadsheet"),
}


def _parent(values: list) -> tuple[str, list[str]]:
    names = dict(
        Organization.objects.filter(pk__in=[v for v in values if v]).values_list("pk", "name")
    )
    return str(_("Parent organization")), [names.get(v, "—") for v in values]


def _members_moved(values: list) -> tuple[str, list[str]]:
    return str(_("Members moved")), ["—" if v is None else str(v) for v in values]


def register() -> None:
    audit_display.register_labels(LABELS)
    audit_display.register_formatter("organizations.organization", "parent", _parent)
    audit_display.register_formatter("organizations.organization", "members_moved", _members_moved)


def organization_history(org: Organization) -> list:
    """The organization's entries and those of its committee terms."""
    return audit_display.history(org, [("organizations.committeeterm", org.terms.all())])


def member_history(member: Member) -> list:
    """The member's own entries and those of their exemptions, transfers and positions."""
    return audit_display.history(
        member,
        [
            ("organizations.exemption", member.exemptions.all()),
            ("organizations.transfer", member.transfers.all()),
            ("organizations.position", member.positions.all()),
        ],
    )
