"""The dated rule tables of the party dues, registered with core.rules (docs/rules/dues.md).

- `dues_rate`: per rate key (a category, and for members outside social insurance without a
  pension, `other_working` / `other_retired` by age), either a share of a basis in parts per ten
  thousand (`per_10000`, `basis`: `income` or `minimum_wage`, `previous_month`: the basis of the
  month before the month due) or a fixed amount in đồng (`fixed`).
- `dues_minimum_wage`: the regional minimum wage per region (I–IV), in đồng.
- `dues_retirement_age`: the retirement age per gender (`years`, `months`).
- `dues_exemption`: `membership`: exempt from `years` of party age; a reason recorded by
  decision, with `max_months` (0: no limit).
- `dues_reduction`: `hardship`: the allowed `percents` and `max_months`.
- `dues_setting`: `rounding` (`mode`: half_up, down, up; `unit` in đồng) and `flag`
  (`unpaid_months` in one calendar year).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanphong.core.rules import TABLES


class RuleTable(models.TextChoices):
    RATE = "dues_rate", _("Party dues: rates")
    MINIMUM_WAGE = "dues_minimum_wage", _("Party dues: regional minimum wages")
    RETIREMENT = "dues_retirement_age", _("Party dues: retirement age")
    EXEMPTION = "dues_exemption", _("Party dues: exemptions")
    REDUCTION = "dues_reduction", _("Party dues: reductions")
    SETTING = "dues_setting", _("Party dues: rounding and the unpaid flag")


ROUNDING_MODES = ("half_up", "down", "up")


def _shape(value) -> dict:
    if not isinstance(value, dict):
        raise ValidationError(_("The value must be an object of named fields."), code="shape")
    return value


def _whole(value: dict, name: str, *, required: bool = True, positive: bool = False) -> None:
    if name not in value:
        if required:
            raise ValidationError(
                _("The value lacks the field “%(field)s”."),
                code="missing",
                params={"field": name},
            )
        return
    number = value[name]
    if (
        not isinstance(number, int)
        or isinstance(number, bool)
        or number < 0
        or (positive and number == 0)
    ):
        raise ValidationError(
            _("The field “%(field)s” must be a whole number, zero or more."),
            code="kind",
            params={"field": name},
        )


def validate_rate(value) -> None:
    value = _shape(value)
    if "fixed" in value:
        _whole(value, "fixed")
        return
    _whole(value, "per_10000")
    if value.get("basis") not in ("income", "minimum_wage"):
        raise ValidationError(_("The basis must be “income” or “minimum_wage”."), code="basis")
    if not isinstance(value.get("previous_month", False), bool):
        raise ValidationError(_("“previous_month” must be true or false."), code="kind")


def validate_minimum_wage(value) -> None:
    _whole(_shape(value), "amount", positive=True)


def validate_retirement(value) -> None:
    value = _shape(value)
    _whole(value, "years", positive=True)
    _whole(value, "months", required=False)
    if value.get("months", 0) > 11:
        raise ValidationError(_("“months” must be between 0 and 11."), code="kind")


def validate_exemption(value) -> None:
    value = _shape(value)
    _whole(value, "years", required=False, positive=True)
    _whole(value, "max_months", required=False)


def validate_reduction(value) -> None:
    value = _shape(value)
    _whole(value, "max_months", positive=True)
    percents = value.get("percents")
    if (
        not isinstance(percents, list)
        or not percents
        or any(not isinstance(p, int) or isinstance(p, bool) or not 0 < p < 100 for p in percents)
    ):
        raise ValidationError(
            _("“percents” must list whole percentages between 1 and 99."), code="kind"
        )


def validate_setting(value) -> None:
    value = _shape(value)
    if "mode" in value or "unit" in value:
        if value.get("mode") not in ROUNDING_MODES:
            raise ValidationError(_("The rounding mode must be half_up, down or up."), code="mode")
        _whole(value, "unit", positive=True)
    _whole(value, "unpaid_months", required=False, positive=True)


def register() -> None:
    for table, check in (
        (RuleTable.RATE, validate_rate),
        (RuleTable.MINIMUM_WAGE, validate_minimum_wage),
        (RuleTable.RETIREMENT, validate_retirement),
        (RuleTable.EXEMPTION, validate_exemption),
        (RuleTable.REDUCTION, validate_reduction),
        (RuleTable.SETTING, validate_setting),
    ):
        TABLES.register(table, table.label, validate=check)
