"""Errors of the party document layout: codes with Vietnamese messages (STYLE habit 4)."""

from django.utils.translation import gettext_lazy as _

from vanphong.core.errors import ServiceError


class LayoutError(ServiceError):
    UNKNOWN_CONFIDENTIALITY = (
        "unknown_confidentiality",
        _("Unknown confidentiality mark “%(mark)s”. Allowed: MẬT, TỐI MẬT, TUYỆT MẬT."),
    )
    UNKNOWN_URGENCY = (
        "unknown_urgency",
        _("Unknown urgency mark “%(mark)s”. Allowed: KHẨN, THƯỢNG KHẨN, HỎA TỐC."),
    )
    MISSING_FIELD = (
        "missing_field",
        _("The document cannot be laid out: the %(field)s is missing."),
    )
