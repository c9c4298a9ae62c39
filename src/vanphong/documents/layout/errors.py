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


class PdfConversionError(ServiceError):
    NOT_INSTALLED = (
        "soffice_missing",
        _(
            "LibreOffice is not installed on the server, so the PDF cannot be made. The DOCX file is still available."
        ),
    )
    FAILED = (
        "soffice_failed",
        _(
            "LibreOffice could not convert the document to PDF. Try again; if it fails again, tell the administrator."
        ),
    )
    TIMED_OUT = (
        "soffice_timeout",
        _(
            "LibreOffice took more than %(seconds)s seconds to convert the document to PDF and was stopped."
        ),
    )
