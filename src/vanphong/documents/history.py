"""A document's history page: its audit entries made readable (core.audit_display) and, for those
who audit, who viewed or downloaded it when it is classified. The labels of the actions this area
audits, and how its snapshots' handlers read, are registered here."""

from django.utils.translation import gettext_lazy as _

from vanphong.core import access, audit_display
from vanphong.core.access import Action
from vanphong.core.models import User
from vanphong.documents.models import AssignmentRole, ConfidentialAccess

LABELS = {
    "incoming.register": _("Incoming document registered"),
    "incoming.assign": _("Handlers assigned"),
    "incoming.direct": _("Leader's direction recorded"),
    "incoming.progress": _("Progress recorded"),
    "incoming.close": _("Incoming document closed"),
    "outgoing.draft": _("Draft created"),
    "outgoing.revise": _("Draft revised"),
    "outgoing.to_appraisal": _("Sent for appraisal"),
    "outgoing.appraise": _("Appraised"),
    "outgoing.revise_requested": _("Revision requested"),
    "outgoing.submit": _("Submitted for signature"),
    "outgoing.sign": _("Signed"),
    "outgoing.returned": _("Returned by the signer"),
    "outgoing.issue": _("Issued with a number"),
    "outgoing.cancel": _("Cancelled"),
    "outgoing.recall": _("Recalled"),
    "outgoing.dispatch": _("Sent to recipients"),
    "outgoing.seal": _("Seal used"),
    "outgoing.delivery": _("Delivery status changed"),
    "outgoing.sign_pdf": _("PDF digitally signed"),
    "document.file_add": _("File added"),
    "number.cancel": _("Number cancelled"),
    "signing_certificate.add": _("Signing certificate added"),
    "signing_certificate.deactivate": _("Signing certificate no longer used"),
    "trusted_root.add": _("Trusted root certificate added"),
    "trusted_root.remove": _("Trusted root certificate removed"),
    "congress.create": _("Congress added"),
    "congress.update": _("Congress edited"),
    "congress.delete": _("Congress deleted"),
}


def _handlers(values: list) -> tuple[str, list[str]]:
    """{"3": "lead", "7": "co"} → "Nguyễn Văn A (Lead handler), …" for both sides at once."""
    ids = {int(pk) for side in values for pk in (side or {})}
    people = {u.pk: u.get_full_name() or u.username for u in User.objects.filter(pk__in=ids)}
    roles = dict(AssignmentRole.choices)
    rank = {role: n for n, role in enumerate(AssignmentRole.values)}
    shown = []
    for side in values:
        # the lead first, then co-handlers and readers, each by name: PostgreSQL's JSON keeps
        # no order of its own
        ordered = sorted(
            (side or {}).items(),
            key=lambda item: (rank.get(item[1], len(rank)), people.get(int(item[0]), "")),
        )
        parts = [f"{people.get(int(pk), '—')} ({roles.get(role, role)})" for pk, role in ordered]
        shown.append(", ".join(parts) or "—")
    return str(_("Handlers")), shown


def register() -> None:
    audit_display.register_labels(LABELS)
    audit_display.register_formatter("documents.incomingdocument", "handlers", _handlers)


def rows_for(document) -> list:
    return audit_display.history(document)


def accesses_for(user, document):
    """Views and downloads of a classified document, for users who may read audit trails."""
    if not document.confidentiality or not access.can(user, Action.AUDIT_VIEW, document):
        return None
    return ConfidentialAccess.objects.filter(
        target_type=document._meta.label_lower, target_id=str(document.pk)
    ).select_related("user")
