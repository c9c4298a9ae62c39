"""A new draft starts from its type's template (RuleTable.DOCUMENT_TEMPLATE, dated data)."""

import datetime

from vanphong.core.rules import value_as_of
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.rule_tables import RuleTable
from vanphong.organizations.models import Organization


def initial_from(organization) -> dict:
    """Sensible defaults: the issuing body and place of the organization's last document."""
    last = (
        OutgoingDocument.objects.filter(organization=organization).order_by("-created_at").first()
    )
    if last is None:
        parent = Organization.objects.get_parent(organization) if organization.depth > 1 else None
        return {
            "organization": organization,
            "issuing_body": organization.name,
            "superior_body": parent.name if parent and parent.depth > 1 else "",
        }
    return {
        "organization": organization,
        "issuing_body": last.issuing_body,
        "superior_body": last.superior_body,
        "place": last.place,
        "authority_line": last.authority_line,
        "signer_position": last.signer_position,
    }


def template_initial(doc_type: str, day: datetime.date, issuing_body: str) -> dict:
    """Form values for a new draft of `doc_type`: body skeleton, signature block, recipients, and
    the subject's usual opening as `summary_placeholder` (never a value). Empty when the type has
    no template in force."""
    template = value_as_of(RuleTable.DOCUMENT_TEMPLATE, doc_type, day)
    if not template:
        return {}
    body = issuing_body.strip() or "…"

    def fill(text: str) -> str:
        return text.replace("{CO_QUAN}", body.upper()).replace("{co_quan}", body)

    # The template's summary is a hint, shown as the field's placeholder: a value would pass the
    # required check with its "…" still in it.
    return {
        "doc_type": doc_type,
        "summary_placeholder": fill(template.get("summary", "")),
        "body": "\n".join(fill(line) for line in template.get("body", [])),
        "authority_line": template.get("authority_line", ""),
        "signer_position": template.get("signer_position", ""),
        "recipients": "\n".join(template.get("recipients", [])),
    }
