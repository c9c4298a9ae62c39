"""The party's document layout (docs/rules/party-documents.md §4): what is printed, as DOCX and
as PDF."""

from vanphong.core.pdf import PdfConversionError, docx_to_pdf, soffice_available

from .docx import render_docx
from .errors import LayoutError
from .model import PartyDocumentLayout

__all__ = [
    "LayoutError",
    "PartyDocumentLayout",
    "PdfConversionError",
    "docx_to_pdf",
    "render_docx",
    "soffice_available",
]
