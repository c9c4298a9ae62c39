"""The files of a document through the API: upload, download (a classified read is logged and
its PDF watermarked), signature checks, the DOCX, the issued PDF and its digital signature."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.debug import sensitive_variables
from ninja import File, Router, Status
from ninja.files import UploadedFile

from vanphong.documents.api.lookups import incoming_for, outgoing_for
from vanphong.documents.models import ConfidentialAccess, FileRole
from vanphong.documents.rendering import docx_file_name, docx_for
from vanphong.documents.schemas import FileOut, SignatureCheckOut, SignPdfIn
from vanphong.documents.services import files

incoming_files = Router()
outgoing_files = Router()

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_response(name: str, data: bytes, content_type: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(attachment, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _download(user, document, file_id: int) -> HttpResponse:
    """One file of a document already fetched with DOCUMENT_VIEW; a classified read is logged
    and its PDF watermarked (files.read_file)."""
    row = document.files.filter(pk=file_id).first()
    if row is None:
        raise Http404
    try:
        data = files.read_file(user, row)
    except (FileNotFoundError, PermissionDenied):
        raise Http404 from None
    return file_response(row.name, data, row.content_type, row.kind != "pdf")


# Incoming documents


@incoming_files.post(
    "/{int:document_id}/files", response={201: FileOut}, summary="Thêm tệp (PDF, DOCX, ảnh)"
)
def upload_incoming_file(request, document_id: int, file: File[UploadedFile]):
    """multipart/form-data, field `file`. The type is checked by content; a refused file leaves
    nothing behind."""
    document = incoming_for(request.auth, document_id, "upload")
    return Status(201, files.add_upload(request.auth, document, file, role=FileRole.SCAN))


@incoming_files.get("/{int:document_id}/files/{int:file_id}", summary="Tải tệp")
def download_incoming_file(request, document_id: int, file_id: int):
    """The file's bytes; a classified document's download is logged and its PDF carries the
    reader's name as a watermark."""
    document = incoming_for(request.auth, document_id)
    return _download(request.auth, document, file_id)


@incoming_files.post(
    "/{int:document_id}/files/{int:file_id}/verify",
    response=list[SignatureCheckOut],
    summary="Kiểm tra chữ ký số",
)
def verify_incoming_file(request, document_id: int, file_id: int):
    document = incoming_for(request.auth, document_id, "verify")
    row = document.files.filter(pk=file_id).first()
    if row is None:
        raise Http404
    return files.verify_signatures(row)


# Outgoing documents


@outgoing_files.get("/{int:document_id}/docx", summary="Tải DOCX")
def download_docx(request, document_id: int):
    """The stored DOCX of an issued document, a fresh rendering of a draft."""
    user = request.auth
    document = outgoing_for(user, document_id)
    stored = document.files.filter(role=FileRole.ISSUED_DOCX).first()
    if stored is not None:
        data = files.read_file(user, stored)
    else:
        files.log_access(user, document, ConfidentialAccess.Kind.DOWNLOAD)
        data = docx_for(document)
    return file_response(docx_file_name(document), data, DOCX, True)


@outgoing_files.post(
    "/{int:document_id}/files", response={201: FileOut}, summary="Thêm tệp đính kèm"
)
def upload_outgoing_file(request, document_id: int, file: File[UploadedFile]):
    document = outgoing_for(request.auth, document_id, "upload")
    return Status(201, files.add_upload(request.auth, document, file, role=FileRole.ATTACHMENT))


@outgoing_files.get("/{int:document_id}/files/{int:file_id}", summary="Tải tệp")
def download_outgoing_file(request, document_id: int, file_id: int):
    """The file's bytes (the issued PDF, the signed PDF, an attachment…); a classified document's
    download is logged and its PDF carries the reader's name as a watermark."""
    document = outgoing_for(request.auth, document_id)
    return _download(request.auth, document, file_id)


@outgoing_files.post("/{int:document_id}/pdf", response=FileOut, summary="Tạo bản PDF phát hành")
def make_issued_pdf(request, document_id: int):
    """The issued document as PDF (LibreOffice from the issued DOCX), made once and kept: asking
    again answers the same file. Only an issued document has one. Download it through
    /files/{file_id}."""
    user = request.auth
    return files.issued_pdf(user, outgoing_for(user, document_id, "pdf"))


@outgoing_files.post(
    "/{int:document_id}/sign-pdf", response={201: FileOut}, summary="Ký số bản PDF phát hành"
)
@sensitive_variables("payload")
def sign_issued_pdf(request, document_id: int, payload: SignPdfIn):
    """Signs the issued PDF with the organization's certificate (set by an administrator). The
    passphrase is used once and neither kept, logged nor sent back; a wrong one answers 400 and
    makes no file."""
    user = request.auth
    document = outgoing_for(user, document_id, "sign_pdf")
    return Status(201, files.sign_issued(user, document, payload.passphrase))
