from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError


class OrganizationError(ServiceError):
    PARENT_REQUIRED = "parent_required", _("Only the Central Committee may be a root organization.")
    NOT_ACTIVE = "not_active", _("This organization is no longer active.")
    SAME_ORGANIZATION = "same_organization", _("An organization cannot be merged into itself.")
    MERGE_INTO_DESCENDANT = (
        "merge_into_descendant",
        _("An organization cannot be merged into one of its own subordinates."),
    )
    TERM_OVERLAP = "term_overlap", _("This term overlaps another term of the organization.")
    TERM_DATES = "term_dates", _("A term must end after it starts.")
    END_BEFORE_START = "end_before_start", _("The end date is before the establishment date.")


class MemberError(ServiceError):
    CARD_TAKEN = "card_taken", _("This party card number is already in use.")
    CITIZEN_ID_TAKEN = "citizen_id_taken", _("This citizen ID is already in use.")
    CITIZEN_ID_FORMAT = "citizen_id_format", _("A citizen ID has exactly 12 digits.")
    NOT_A_CELL = "not_a_cell", _("A member must attend a party cell.")
    CELL_NOT_ACTIVE = (
        "cell_not_active",
        _("This party cell is no longer active (merged or dissolved)."),
    )
    NOT_ACTIVE = "not_active", _("This member is no longer active in the party.")
    NOT_PROBATIONARY = (
        "not_probationary",
        _("Only a probationary member can be recognized as official."),
    )
    TOO_EARLY = (
        "too_early",
        _("Probation lasts 12 months: this member can be recognized from %(date)s."),
    )
    BIRTH_AFTER_ADMISSION = (
        "birth_after_admission",
        _("The admission date is before the date of birth."),
    )
    TOO_YOUNG = "too_young", _("A member must be at least 18 years old at admission.")
    FUTURE_DATE = "future_date", _("This date is in the future.")
    DATE_BEFORE_ADMISSION = "date_before_admission", _("This date is before the admission date.")
    SAME_ORGANIZATION = "same_organization", _("The member already attends this organization.")
    ALREADY_EXEMPT = "already_exempt", _("This member is already exempted from activity.")
    NOT_EXEMPT = "not_exempt", _("This member is not exempted from activity.")
    END_BEFORE_START = "end_before_start", _("The end date is before the start date.")
