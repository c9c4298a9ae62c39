"""Vietnamese names of audited actions, for history pages."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "organization.create": _("Organization created"),
    "organization.update": _("Organization edited"),
    "organization.move": _("Organization moved"),
    "organization.merge": _("Organization merged"),
    "organization.dissolve": _("Organization dissolved"),
    "term.create": _("Committee term opened"),
    "term.close": _("Committee term closed"),
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
    "position.assign": _("Position assigned"),
    "user.create": _("User created"),
    "user.update": _("User edited"),
    "user.email_preferences": _("E-mail preferences changed"),
    "role.grant": _("Role granted"),
    "role.revoke": _("Role revoked"),
    "rule.set": _("Rule version added"),
    "api_token.issue": _("API token issued"),
}


def label_for(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))
