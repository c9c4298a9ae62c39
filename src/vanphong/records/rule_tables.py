"""The dated rule tables of the records area, registered with core.rules (docs/rules/records.md).

- `record_retention`: how long a kind of file or document is kept, key a file category or a
  document type (`nghi_quyet`, …), value `{"label": str, "years": N}` with `years` null for
  permanent; `default` is used for a document type the table does not name.
- `record_handover`: when a closed file is due at the organization's archive, key
  `current_archive`, value `{"years": N, "warn_days": N}`: due on 31 December of the year that
  is `years` after the year the file was closed, warned `warn_days` before.
- `record_loan`: how long a file of the archive is lent, key `days`, value `{"days": N}`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.rules import TABLES


class RuleTable(models.TextChoices):
    RETENTION = "record_retention", _("Retention of files and documents")
    HANDOVER = "record_handover", _("Hand-over of files to the archive")
    LOAN = "record_loan", _("Loans of archived files")


def _whole(value, name: str, *, nullable: bool = False) -> None:
    number = value.get(name)
    if number is None and nullable and name in value:
        return
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        raise ValidationError(
            _("The field “%(field)s” must be a whole number, zero or more."),
            code="kind",
            params={"field": name},
        )


def _object(value) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("The value must be an object of named fields."), code="shape")


def validate_retention(value) -> None:
    _object(value)
    if not isinstance(value.get("label"), str) or not value["label"].strip():
        raise ValidationError(
            _("The value lacks the field “%(field)s”."), code="missing", params={"field": "label"}
        )
    if "years" not in value:
        raise ValidationError(
            _("The value lacks the field “%(field)s”."), code="missing", params={"field": "years"}
        )
    _whole(value, "years", nullable=True)
    if value["years"] == 0:
        raise ValidationError(_("A retention is permanent (null) or at least one year."))


def validate_handover(value) -> None:
    _object(value)
    for name in ("years", "warn_days"):
        _whole(value, name)


def validate_loan(value) -> None:
    _object(value)
    _whole(value, "days")
    if value["days"] == 0:
        raise ValidationError(_("A loan lasts at least one day."))


def register() -> None:
    TABLES.register(RuleTable.RETENTION, RuleTable.RETENTION.label, validate=validate_retention)
    TABLES.register(RuleTable.HANDOVER, RuleTable.HANDOVER.label, validate=validate_handover)
    TABLES.register(RuleTable.LOAN, RuleTable.LOAN.label, validate=validate_loan)
