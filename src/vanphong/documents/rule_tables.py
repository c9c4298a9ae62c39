"""The dated rule tables of the documents area, registered with core.rules.

The document types and their abbreviations, the numbering settings, the drafting templates per
document type, the "due soon" window of routed documents (days before a deadline) and the bound of an issue date (docs/rules/party-documents.md §3a); each row's value is checked against its table's shape when a version is added.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.rules import TABLES


class RuleTable(models.TextChoices):
    DOCUMENT_TYPE = "document_type", _("Document types and abbreviations")
    NUMBERING = "numbering", _("Numbering settings")
    DOCUMENT_TEMPLATE = "document_template", _("Drafting templates per document type")
    DOCUMENT_DEADLINE = "document_deadline", _("Deadlines of routed documents")
    ISSUE_DATE = "issue_date", _("Issue date: how many days ahead of today it may be")


def _fields(value, required: dict[str, type], optional: dict[str, type] | None = None) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("The value must be an object of named fields."), code="shape")
    for name, kind in {**required, **(optional or {})}.items():
        if name not in value:
            if name in required:
                raise ValidationError(
                    _("The value lacks the field “%(field)s”."),
                    code="missing",
                    params={"field": name},
                )
            continue
        if not isinstance(value[name], kind):
            raise ValidationError(
                _("The field “%(field)s” has the wrong kind of value."),
                code="kind",
                params={"field": name},
            )


def validate_document_type(value) -> None:
    _fields(value, {"name": str, "abbreviation": str}, {"administrative": bool})
    if not value["abbreviation"].strip():
        raise ValidationError(_("The abbreviation cannot be empty."), code="abbreviation")


def validate_document_template(value) -> None:
    _fields(
        value,
        {},
        {
            "summary": str,
            "body": list,
            "recipients": list,
            "authority_line": str,
            "signer_position": str,
        },
    )


def validate_issue_date(value) -> None:
    _fields(value, {"days_ahead": int})
    if isinstance(value["days_ahead"], bool) or not 0 <= value["days_ahead"] <= 60:
        raise ValidationError(
            _("The number of days ahead must be between 0 and 60."), code="days_ahead"
        )


def validate_numbering(value) -> None:
    _fields(value, {})


def validate_document_deadline(value) -> None:
    _fields(value, {"days": int})
    if not 0 <= value["days"] <= 60:
        raise ValidationError(_("The number of days must be from 0 to 60."), code="days")


def register() -> None:
    TABLES.register(
        RuleTable.DOCUMENT_TYPE, RuleTable.DOCUMENT_TYPE.label, validate=validate_document_type
    )
    TABLES.register(RuleTable.NUMBERING, RuleTable.NUMBERING.label, validate=validate_numbering)
    TABLES.register(
        RuleTable.DOCUMENT_TEMPLATE,
        RuleTable.DOCUMENT_TEMPLATE.label,
        validate=validate_document_template,
    )
    TABLES.register(
        RuleTable.DOCUMENT_DEADLINE,
        RuleTable.DOCUMENT_DEADLINE.label,
        validate=validate_document_deadline,
    )
    TABLES.register(RuleTable.ISSUE_DATE, RuleTable.ISSUE_DATE.label, validate=validate_issue_date)
