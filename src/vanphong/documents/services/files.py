"""Files of documents: uploads (checked before stored), generated DOCX, signed PDFs, and reading
them (classified ones logged, PDFs watermarked with the reader's name)."""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from vanphong.core import audit
from vanphong.core.models import Clearance
from vanphong.documents import workflow
from vanphong.documents.models import (
    ConfidentialAccess,
    DocumentFile,
    FileRole,
    IncomingDocument,
    OutgoingDocument,
    SigningCertificate,
    TrustedRoot,
)
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.uploads import (
    CheckedUpload,
    FileKind,
    check_upload,
    store_upload_in_transaction,
)

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def owner_fields(document) -> dict:
    if isinstance(document, IncomingDocument):
        return {"incoming": document}
    return {"outgoing": document}


def add_generated(acting_user, document, *, role: str, name: str, kind: str, data: bytes):
    """Store a file VanPhong produced (issued DOCX, signed PDF) with its checksum."""
    checked = CheckedUpload(
        name=name,
        kind=FileKind(kind),
        content_type=CONTENT_TYPES[kind],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    with transaction.atomic():
        return _add(acting_user, document, ContentFile(data, name=name), checked, role)


def add_upload(acting_user, document, uploaded, *, role: str = FileRole.SCAN) -> DocumentFile:
    """Check an uploaded file by content, size and name, then store it with the document (an
    outgoing document's "upload" step of documents/workflow.py)."""
    checked = check_upload(uploaded, allowed=set(FileKind))
    with transaction.atomic():
        if isinstance(document, OutgoingDocument):
            document, _step = _take(acting_user, document, "upload")
        return store_checked_upload(acting_user, document, uploaded, checked, role)


def store_checked_upload(acting_user, document, uploaded, checked: CheckedUpload, role: str):
    """Store an upload already checked (check_upload), in the caller's transaction."""
    return _add(acting_user, document, uploaded, checked, role)


def _take(acting_user, document, name: str):
    """Lock the outgoing document and check step `name` of documents/workflow.py on it."""
    document = OutgoingDocument.objects.select_for_update().get(pk=document.pk)
    return document, workflow.check(acting_user, document, name)


def _add(acting_user, document, content, checked: CheckedUpload, role: str) -> DocumentFile:
    stored = store_upload_in_transaction(content, checked, folder="documents")
    row = DocumentFile.objects.create(
        role=role,
        file=stored,
        name=checked.name,
        kind=checked.kind,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=acting_user,
        **owner_fields(document),
    )
    audit.record(
        actor=acting_user,
        action="document.file_add",
        target=document,
        after={"file": checked.name, "role": role, "sha256": checked.sha256},
    )
    return row


def store_generated_docx(document) -> DocumentFile | None:
    """The issued DOCX, rendered once from the issued record (never edited afterwards)."""
    from vanphong.documents.rendering import docx_file_name, docx_for

    if document.files.filter(role=FileRole.ISSUED_DOCX).exists():
        return None
    return add_generated(
        document.issued_by,
        document,
        role=FileRole.ISSUED_DOCX,
        name=docx_file_name(document),
        kind="docx",
        data=docx_for(document),
    )


def read_file(user, row: DocumentFile) -> bytes:
    """The file's bytes for `user` (access already checked by the caller); a classified document's
    read is logged, and its PDFs carry the reader's name and the time as a watermark."""
    data = _read(row)
    document = row.document
    if document.confidentiality > Clearance.NONE:
        log_access(user, document, ConfidentialAccess.Kind.DOWNLOAD, file_name=row.name)
        if row.kind == "pdf":  # signed ones too: the reader's copy is not the signed original
            from vanphong.documents.watermark import watermark_pdf

            stamp = f"{user.get_full_name() or user.get_username()} — {timezone.localtime():%d/%m/%Y %H:%M}"
            data = watermark_pdf(data, stamp)
    return data


def log_access(user, document, kind: str, file_name: str = "") -> None:
    """Record a view or download of a classified document (nothing for unclassified ones)."""
    if document.confidentiality == Clearance.NONE:
        return
    ConfidentialAccess.objects.create(
        organization=document.organization,
        user=user,
        kind=kind,
        target_type=document._meta.label_lower,
        target_id=str(document.pk),
        target_label=str(document)[:100],
        file_name=file_name[:200],
    )


def preview_pdf(user, document) -> bytes:
    """The PDF `user` reads before acting on `document` (access already checked by the caller):
    its signed or issued PDF once made, otherwise the current text rendered as it will print
    (LibreOffice, outside any transaction; PdfConversionError when it cannot run). A classified
    document's read is logged and its copy carries the reader's name and the time."""
    from vanphong.core.pdf import docx_to_pdf
    from vanphong.documents.rendering import docx_for

    for role in (FileRole.SIGNED_PDF, FileRole.ISSUED_PDF):
        row = document.files.filter(role=role).order_by("-pk").first()
        if row is not None:
            return read_file(user, row)
    data = docx_to_pdf(docx_for(document))
    if document.confidentiality > Clearance.NONE:
        from vanphong.documents.watermark import watermark_pdf

        log_access(user, document, ConfidentialAccess.Kind.DOWNLOAD, file_name="preview.pdf")
        name = user.get_full_name() or user.get_username()
        data = watermark_pdf(data, f"{name} — {timezone.localtime():%d/%m/%Y %H:%M}")
    return data


def _read(row: DocumentFile) -> bytes:
    with default_storage.open(row.file.name, "rb") as handle:
        return handle.read()


def issued_pdf(acting_user, document) -> DocumentFile:
    """The issued document as PDF (LibreOffice from the stored DOCX), made once and kept.

    Only an issued document has one (its number and date are in it). LibreOffice may take two
    minutes, so it runs outside any transaction (call this outside one): the step is checked and
    the DOCX stored in a short transaction first, and the PDF is recorded in another one that
    keeps the first PDF made when two clerks clicked at once.
    """
    from vanphong.core.pdf import docx_to_pdf
    from vanphong.documents.rendering import docx_file_name

    with transaction.atomic():
        document, _step = _take(acting_user, document, "pdf")
        existing = document.files.filter(role=FileRole.ISSUED_PDF).first()
        if existing:
            return existing
        docx = document.files.filter(role=FileRole.ISSUED_DOCX).first() or store_generated_docx(
            document
        )
    pdf = docx_to_pdf(_read(docx))
    with transaction.atomic():
        document, _step = _take(acting_user, document, "pdf")
        existing = document.files.filter(role=FileRole.ISSUED_PDF).first()
        if existing:
            return existing
        name = docx_file_name(document).removesuffix(".docx") + ".pdf"
        return add_generated(
            acting_user, document, role=FileRole.ISSUED_PDF, name=name, kind="pdf", data=pdf
        )


@sensitive_variables("passphrase")
def sign_issued(acting_user, document, passphrase: str) -> DocumentFile:
    """Sign the issued PDF with the organization's certificate (the passphrase is not kept).

    The certificate and passphrase are checked before anything is made, so a wrong passphrase
    leaves no file behind; the signed PDF and its audit entry are stored together.
    """
    from vanphong.documents.signatures import _signer, sign_pdf

    workflow.check(acting_user, document, "sign_pdf")  # checked again when the file is stored
    certificate = (
        SigningCertificate.objects.filter(organization=document.organization, active=True)
        .order_by("-added_at", "-pk")
        .first()
    )
    if certificate is None:
        raise DocumentError(DocumentError.NO_CERTIFICATE)
    pkcs12 = bytes(certificate.pkcs12)
    _signer(pkcs12, passphrase)  # SignatureError: wrong passphrase, expired certificate…
    pdf = issued_pdf(acting_user, document)
    signed = sign_pdf(
        _read(pdf),
        pkcs12,
        passphrase,
        reason=_("Issued document no. %(symbol)s") % {"symbol": document.symbol},
        location=document.place,
    )
    with transaction.atomic():
        document, step = _take(acting_user, document, "sign_pdf")
        row = add_generated(
            acting_user,
            document,
            role=FileRole.SIGNED_PDF,
            name=pdf.name.removesuffix(".pdf") + "-ky-so.pdf",
            kind="pdf",
            data=signed,
        )
        audit.record(
            actor=acting_user,
            action=step.records,
            target=document,
            after={
                "file": row.name,
                "sha256": row.sha256,
                "certificate": certificate.pk,
                "subject": certificate.subject,
            },
        )
    return row


def verify_signatures(row: DocumentFile) -> list[dict]:
    """Check the signatures of a PDF against the trusted roots; the result is kept on the row.

    A stored root that cannot be read is skipped (and logged) rather than making every check
    fail; the admin validates roots when they are added.
    """
    from vanphong.documents.signatures import (
        SignatureError,
        SignatureStatus,
        _trust_roots,
        verify_pdf,
    )

    if row.kind != "pdf":
        return []
    roots = []
    for root in TrustedRoot.objects.order_by("pk"):
        pem = root.pem.encode()
        try:
            _trust_roots([pem])
        except SignatureError:
            logger.warning("Trusted root %s (%s) cannot be read: skipped", root.pk, root.name)
            continue
        roots.append(pem)
    checks = []
    for c in verify_pdf(_read(row), roots):
        status = SignatureStatus(c.status)
        checks.append(
            {
                "status": status.value,
                "status_label": str(status.label),
                "signer": c.signer,
                "signed_at": c.signed_at.isoformat() if c.signed_at else None,
                "signed_at_display": (
                    f"{timezone.localtime(c.signed_at):%d/%m/%Y %H:%M}" if c.signed_at else ""
                ),
                "message": str(c.message),
            }
        )
    DocumentFile.objects.filter(pk=row.pk).update(signatures=checks)
    row.signatures = checks
    return checks
