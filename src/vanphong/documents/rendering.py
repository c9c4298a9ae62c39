"""From an outgoing document to the party's layout (documents/layout renders it)."""

from django.utils import timezone

from vanphong.documents.models import CONFIDENTIALITY_MARKS, URGENCY_MARKS, OutgoingDocument
from vanphong.documents.symbols import draft_number_line, number_line
from vanphong.documents.types import type_rule

OFFICIAL_LETTER = "cong_van"


def layout_for(document: OutgoingDocument, signer_name: str = ""):
    from vanphong.documents.layout.model import PartyDocumentLayout

    day = document.issued_on or timezone.localdate()
    rule = type_rule(document.doc_type, day)
    if document.symbol:
        number = number_line(document.symbol)
    else:
        code = document.congress.code if document.congress_id else document.organization.code
        number = draft_number_line(rule["abbreviation"], code)
    signer = document.signer
    return PartyDocumentLayout(
        superior_body=document.superior_body.upper(),
        issuing_body=document.issuing_body.upper(),
        number_line=number,
        place=document.place,
        date=document.issued_on,
        type_name="" if document.doc_type == OFFICIAL_LETTER else rule["name"],
        summary=document.summary,
        is_official_letter=document.doc_type == OFFICIAL_LETTER,
        body=[p.strip() for p in document.body.split("\n") if p.strip()],
        authority_line=document.authority_line.upper(),
        signer_position=document.signer_position.upper(),
        signer_name=signer_name or (signer.get_full_name() if signer else ""),
        recipients=document.recipient_list(),
        confidentiality_mark=CONFIDENTIALITY_MARKS.get(document.confidentiality, ""),
        urgency_mark=URGENCY_MARKS.get(document.urgency, ""),
    )


def docx_for(document: OutgoingDocument) -> bytes:
    from vanphong.documents.layout.docx import render_docx

    return render_docx(layout_for(document))


def docx_file_name(document: OutgoingDocument) -> str:
    """ "15-NQ-TU.docx" for an issued document, "du-thao-<id>.docx" for a draft."""
    if document.symbol:
        return document.symbol.replace("/", "-") + ".docx"
    return f"du-thao-{document.pk}.docx"
