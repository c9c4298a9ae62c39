from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError


class DuesError(ServiceError):
    NOT_A_CELL = ("not_a_cell", _("Party dues are computed for a party cell."))
    FUTURE_MONTH = ("future_month", _("The month %(month)s has not begun yet."))
    NOT_AN_AMOUNT = ("not_an_amount", _("The amount must be a whole number of đồng."))
    NEGATIVE = ("negative", _("The amount cannot be negative."))
    ZERO = ("zero", _("The amount must be more than 0 đ."))
    TOO_LARGE = ("too_large", _("The amount is too large: at most %(limit)s."))
    ALREADY_PAID = ("already_paid", _("The dues of %(month)s are already paid."))
    NOTHING_DUE = ("nothing_due", _("Nothing is due for %(month)s."))
    MORE_THAN_DUE = (
        "more_than_due",
        _("%(amount)s is more than what is owed for %(month)s (%(owed)s)."),
    )
    NOT_COMPUTED = ("not_computed", _("The dues of %(month)s are not computed yet."))
    PAID_IN_FUTURE = ("paid_in_future", _("The payment date cannot be later than today."))
    PAID_BEFORE_MONTH = (
        "paid_before_month",
        _("The payment date cannot be before the month %(month)s."),
    )
    REFERENCE_NEEDED = (
        "reference_needed",
        _("A payment on the portal needs its reference."),
    )
    UNKNOWN_CHANNEL = ("unknown_channel", _("Choose cash or the portal."))
    UNKNOWN_CATEGORY = ("unknown_category", _("Unknown dues category."))
    REGION_NEEDED = (
        "region_needed",
        _("A member without a pension needs the minimum-wage region of the cell."),
    )
    UNKNOWN_REASON = ("unknown_reason", _("Unknown reason for an exemption or a reduction."))
    NOT_ALLOWED_REASON = (
        "not_allowed_reason",
        _("No rule in force on %(month)s allows this reason."),
    )
    PERCENT_NOT_ALLOWED = (
        "percent_not_allowed",
        _("A reduction must be one of %(percents)s%%."),
    )
    REDUCTION_FOR_HARDSHIP = (
        "reduction_for_hardship",
        _("Only another hardship is reduced; the other reasons exempt."),
    )
    END_NEEDED = ("end_needed", _("A relief for hardship needs its last month."))
    END_BEFORE_START = ("end_before_start", _("The last month cannot come before the first."))
    TOO_LONG = (
        "too_long",
        _(
            "An exemption or reduction for hardship lasts at most %(months)s months (%(given)s given)."
        ),
    )
    OVERLAP = (
        "overlap",
        _("The member already has an exemption or reduction covering %(month)s."),
    )
    DECISION_NEEDED = ("decision_needed", _("Give the number of the decision."))
    MONTH_INVALID = ("month_invalid", _("Not a month: write it as mm/yyyy."))
