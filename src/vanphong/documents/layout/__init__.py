"""The party's document layout (docs/rules/party-documents.md §4): what is printed, as DOCX and
as PDF."""

from .docx import render_docx
from .errors import LayoutError, PdfConversionError
from .model import PartyDocumentLayout
from .pdf import docx_to_pdf, soffice_available

__all__ = [
    "LayoutError",
    "PartyDocumentLayout",
    "PdfConversionError",
    "docx_to_pdf",
    "render_docx",
    "soffice_available",
]
