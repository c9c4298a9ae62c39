"""Digital signatures on PDF files with pyHanko (decision 0009).

- `sign_pdf` adds a PAdES signature (ETSI.CAdES.detached, SHA-256) as an incremental update, with
  the organization's PKCS#12; the bytes before the signature are kept as they were.
- `verify_pdf` checks every embedded signature offline against the trust roots the administrator
  set: no network, no revocation fetching. A certificate that does not chain to a trust root is
  UNTRUSTED, never an exception (pyHanko only logs it): the status comes from pyHanko's
  intact/valid/trusted/modification flags, whose conjunction is `bottom_line`.
- `certificate_summary` describes an uploaded PKCS#12 for the admin page.

Pure functions on bytes: no database, no audit. The services that store a signed file record it.
pyHanko runs its own event loop (`asyncio.run`): call these from synchronous code only.
"""

import datetime
import io
import logging
import unicodedata
from dataclasses import dataclass

from asn1crypto import core as asn1_core
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import pkcs12 as pyca_pkcs12
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from pyhanko.pdf_utils import misc
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from vanphong.core.errors import ServiceError
from vanphong.core.formats import date_vn

logger = logging.getLogger(__name__)

DEFAULT_FIELD_NAME = "ChuKy"
_PDF_HEADER_WINDOW = 1024  # readers accept "%PDF-" anywhere in the first KiB
# A document signature needs one of these key usages (RFC 5280 §4.2.1.3); most Vietnamese
# signing certificates carry both.
_SIGNING_KEY_USAGES = {"digital_signature", "non_repudiation"}


class SignatureError(ServiceError):
    NOT_PDF = "not_pdf", gettext_lazy("This file is not a PDF document.")
    MALFORMED_PDF = (
        "malformed_pdf",
        gettext_lazy("The PDF file is damaged and cannot be read: open it and save it again."),
    )
    ENCRYPTED_PDF = (
        "encrypted_pdf",
        gettext_lazy("The PDF file is password-protected: remove the password and try again."),
    )
    NOT_PKCS12 = (
        "not_pkcs12",
        gettext_lazy(
            "The certificate file cannot be read: upload the .p12 or .pfx file that holds "
            "the certificate and its private key."
        ),
    )
    WRONG_PASSPHRASE = (
        "wrong_passphrase",
        gettext_lazy("The certificate file cannot be opened: the passphrase is wrong or missing."),
    )
    NO_PRIVATE_KEY = (
        "no_private_key",
        gettext_lazy(
            "The certificate file holds no private key: export the certificate together "
            "with its private key."
        ),
    )
    UNSUPPORTED_KEY = (
        "unsupported_key",
        gettext_lazy("The certificate's key type is not supported for signing."),
    )
    NOT_FOR_SIGNING = (
        "not_for_signing",
        gettext_lazy("This certificate is not meant for signing documents."),
    )
    CERT_EXPIRED = (
        "cert_expired",
        gettext_lazy("The signing certificate expired on %(date)s: renew it before signing."),
    )
    CERT_NOT_YET_VALID = (
        "cert_not_yet_valid",
        gettext_lazy("The signing certificate is only valid from %(date)s."),
    )
    SIGNING_FAILED = (
        "signing_failed",
        gettext_lazy("The document could not be signed: the file was not changed."),
    )
    BAD_TRUST_ROOT = (
        "bad_trust_root",
        gettext_lazy("A trusted root certificate cannot be read: it must be a PEM or DER file."),
    )


class SignatureStatus(models.TextChoices):
    VALID = "valid", pgettext_lazy("signature status", "Valid")
    INVALID = "invalid", pgettext_lazy("signature status", "Invalid")
    UNTRUSTED = "untrusted", pgettext_lazy("signature status", "Untrusted")


@dataclass(frozen=True)
class SignatureCheck:
    status: SignatureStatus
    signer: str  # common name of the signing certificate's subject
    signed_at: datetime.datetime | None  # signing time the signature declares (aware)
    field_name: str
    covers_whole_file: bool  # False once anything (e.g. a later signature) follows it
    message: str  # why, in the UI language


# ---------------------------------------------------------------------------- inputs


def _check_pdf_header(pdf: bytes) -> None:
    if not isinstance(pdf, bytes | bytearray) or b"%PDF-" not in pdf[:_PDF_HEADER_WINDOW]:
        raise SignatureError(SignatureError.NOT_PDF)


def _passphrase_bytes(passphrase: bytes | str | None) -> bytes | None:
    if isinstance(passphrase, str):
        return passphrase.encode() if passphrase else None
    return passphrase or None


def _load_pkcs12(data: bytes, passphrase: bytes | str | None):
    """(private key, certificate, other certificates) from PKCS#12 bytes, or SignatureError.

    Both callers need the key: a PKCS#12 with certificates only cannot sign.
    """
    if not isinstance(data, bytes | bytearray) or not data:
        raise SignatureError(SignatureError.NOT_PKCS12)
    try:  # PFX ::= SEQUENCE { version INTEGER (v3), authSafe, macData OPTIONAL }
        pfx = asn1_core.Sequence.load(bytes(data), strict=True)
        is_pfx = pfx[0].native == 3
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        is_pfx = False
    if not is_pfx:
        raise SignatureError(SignatureError.NOT_PKCS12)
    try:
        key, certificate, others = pyca_pkcs12.load_key_and_certificates(
            bytes(data), _passphrase_bytes(passphrase)
        )
    except (ValueError, TypeError) as exc:
        # cryptography says "Invalid password or PKCS12 data" for both: the structure was
        # checked above, so the passphrase is the likely culprit.
        raise SignatureError(SignatureError.WRONG_PASSPHRASE) from exc
    if key is None:  # OpenSSL then files the certificates under `others`
        raise SignatureError(
            SignatureError.NO_PRIVATE_KEY if certificate or others else SignatureError.NOT_PKCS12
        )
    if certificate is None:
        raise SignatureError(SignatureError.NOT_PKCS12)
    return key, certificate, others


def _common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    text = str(values[0].value) if values else name.rfc4514_string()
    return unicodedata.normalize("NFC", text)


def _check_certificate_for_signing(certificate: x509.Certificate) -> None:
    now = datetime.datetime.now(datetime.UTC)
    if certificate.not_valid_after_utc < now:
        raise SignatureError(
            SignatureError.CERT_EXPIRED, date=_date_vn(certificate.not_valid_after_utc)
        )
    if certificate.not_valid_before_utc > now:
        raise SignatureError(
            SignatureError.CERT_NOT_YET_VALID, date=_date_vn(certificate.not_valid_before_utc)
        )
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise SignatureError(SignatureError.NOT_FOR_SIGNING)


def _date_vn(moment: datetime.datetime) -> str:
    return date_vn(moment.date())


def certificate_summary(pkcs12_data: bytes, passphrase: bytes | str | None) -> dict:
    """What an uploaded PKCS#12 holds, for the admin page; SignatureError on unusable input.

    An expired certificate is described, not refused (`expired` says so): the page must be able
    to show why signing stopped working.
    """
    _key, certificate, _others = _load_pkcs12(pkcs12_data, passphrase)
    not_after = certificate.not_valid_after_utc
    return {
        "subject": _common_name(certificate.subject),
        "issuer": _common_name(certificate.issuer),
        "serial": format(certificate.serial_number, "X"),
        "not_before": certificate.not_valid_before_utc,
        "not_after": not_after,
        "expired": not_after < datetime.datetime.now(datetime.UTC),
        "fingerprint_sha256": certificate.fingerprint(hashes.SHA256()).hex(":").upper(),
    }


# ---------------------------------------------------------------------------- signing


def _signer(pkcs12_data: bytes, passphrase: bytes | str | None) -> signers.SimpleSigner:
    _key, certificate, _others = _load_pkcs12(pkcs12_data, passphrase)
    _check_certificate_for_signing(certificate)
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            bytes(pkcs12_data), other_certs=(), passphrase=_passphrase_bytes(passphrase)
        )
    except (ValueError, TypeError, NotImplementedError) as exc:
        raise SignatureError(SignatureError.UNSUPPORTED_KEY) from exc


def _open_for_update(pdf: bytes) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(bytes(pdf)), strict=False)
    except Exception as exc:  # a damaged file can fail anywhere in the parser
        logger.info("Unreadable PDF for signing: %r", exc)
        raise SignatureError(SignatureError.MALFORMED_PDF) from exc
    if writer.prev.encrypted:
        raise SignatureError(SignatureError.ENCRYPTED_PDF)
    return writer


def _free_field_name(writer: IncrementalPdfFileWriter, wanted: str) -> str:
    """`wanted`, or `wanted_2`, `wanted_3`… when a signature already fills it."""
    try:
        filled = {name for name, _value, _ref in fields.enumerate_sig_fields(writer, True)}
    except Exception as exc:
        raise SignatureError(SignatureError.MALFORMED_PDF) from exc
    name, number = wanted, 1
    while name in filled:
        number += 1
        name = f"{wanted}_{number}"
    return name


def sign_pdf(
    pdf: bytes,
    pkcs12: bytes,
    passphrase: bytes | str | None,
    *,
    field_name: str = DEFAULT_FIELD_NAME,
    reason: str = "",
    location: str = "",
) -> bytes:
    """The PDF with one more (invisible, approval) signature appended as an incremental update.

    If `field_name` already holds a signature the new one goes to `field_name_2` (then _3…), so
    several people can sign the same file; an empty field of that name is filled.
    """
    field_name = (field_name or "").strip()
    if not field_name or "." in field_name:
        raise ValueError("A signature field name is required and cannot contain '.'")
    _check_pdf_header(pdf)
    signer = _signer(pkcs12, passphrase)
    writer = _open_for_update(pdf)
    meta = signers.PdfSignatureMetadata(
        field_name=_free_field_name(writer, field_name),
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=unicodedata.normalize("NFC", reason) or None,
        location=unicodedata.normalize("NFC", location) or None,
        name=_common_name(x509.load_der_x509_certificate(signer.signing_cert.dump()).subject),
    )
    try:
        output = signers.sign_pdf(writer, meta, signer=signer)
    except (SigningError, misc.PdfError, ValueError, KeyError, TypeError) as exc:
        logger.warning("PDF signing failed", exc_info=exc)
        raise SignatureError(SignatureError.SIGNING_FAILED) from exc
    return output.getvalue()


# ---------------------------------------------------------------------------- verifying


def _trust_roots(roots: list[bytes]) -> list[asn1_x509.Certificate]:
    certificates = []
    for blob in roots:
        try:
            blob = bytes(blob)
            if asn1_pem.detect(blob):
                ders = [der for _kind, _headers, der in asn1_pem.unarmor(blob, multiple=True)]
            else:
                ders = [blob]
            for der in ders:
                certificate = asn1_x509.Certificate.load(der, strict=True)
                certificate.native  # noqa: B018 — parse it all now, not during validation
                certificates.append(certificate)
        except (ValueError, TypeError, KeyError) as exc:
            raise SignatureError(SignatureError.BAD_TRUST_ROOT) from exc
        if not ders:
            raise SignatureError(SignatureError.BAD_TRUST_ROOT)
    return certificates


def _signer_name(certificate: asn1_x509.Certificate | None) -> str:
    if certificate is None:
        return ""
    try:
        return _common_name(x509.load_der_x509_certificate(certificate.dump()).subject)
    except ValueError:
        return certificate.subject.human_friendly


_EXPIRY = {
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
    AdESIndeterminate.EXPIRED,
    AdESIndeterminate.NOT_YET_VALID,
    AdESFailure.NOT_YET_VALID,
}
_REVOKED = {
    AdESIndeterminate.REVOKED_NO_POE,
    AdESIndeterminate.REVOKED_CA_NO_POE,
    AdESFailure.REVOKED,
}


def _untrusted_message(status) -> str:
    problem = status.trust_problem_indic
    if status.revoked or problem in _REVOKED:
        return _("The file is intact, but the signer's certificate has been revoked.")
    if problem in _EXPIRY:
        return _(
            "The file is intact, but the signer's certificate has expired or is not valid yet."
        )
    if problem == AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE:
        return _("The file is intact, but the signer's certificate is not meant for signing.")
    if problem == AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND or status.validation_path is None:
        return _(
            "The file is intact, but the signer's certificate was not issued by a trusted "
            "certification authority."
        )
    return _("The file is intact, but the signer's certificate could not be verified.")


def _timestamp_trust_ok(status) -> bool:
    return all(
        token is None or token.trusted
        for token in (status.timestamp_validity, status.content_timestamp_validity)
    )


def _timestamps_intact(status) -> bool:
    return all(
        token is None or (token.intact and token.valid)
        for token in (status.timestamp_validity, status.content_timestamp_validity)
    )


def _judge(status) -> tuple[SignatureStatus, str]:
    """Map pyHanko's flags to our three statuses; `bottom_line` is the all-clear."""
    if not (status.intact and status.valid):
        return SignatureStatus.INVALID, _(
            "The file was changed after it was signed: its content no longer matches the signature."
        )
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        return SignatureStatus.INVALID, _(
            "The signature does not cover the document properly: the file may have been altered."
        )
    if status.docmdp_ok is False:
        return SignatureStatus.INVALID, _(
            "The document was modified after signing in a way that is not allowed "
            "(for example, page content was changed)."
        )
    if not status.seed_value_ok:
        return SignatureStatus.INVALID, _(
            "The signature does not meet the requirements of its signature field."
        )
    if not _timestamps_intact(status):
        return SignatureStatus.INVALID, _("The signature's timestamp is damaged.")
    if not (status.trusted and _timestamp_trust_ok(status)):
        message = _untrusted_message(status)
        logger.info("Untrusted PDF signature: %s", status.summary())
        return SignatureStatus.UNTRUSTED, message
    if not status.bottom_line:  # a flag pyHanko added that the checks above do not know yet
        return SignatureStatus.INVALID, _("The signature could not be confirmed.")
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureStatus.VALID, _(
            "The signature is valid and the file has not changed since it was signed."
        )
    if status.modification_level == ModificationLevel.NONE:
        return SignatureStatus.VALID, _(
            "The signature is valid; data added to the file after it does not change the document."
        )
    return SignatureStatus.VALID, _(
        "The signature is valid; later changes to the file are only further signatures "
        "or form filling."
    )


def _signed_at(status) -> datetime.datetime | None:
    token = status.timestamp_validity
    moment = token.timestamp if token is not None and token.trusted else status.signer_reported_dt
    if moment is None:
        return None
    if moment.tzinfo is None:  # a PDF date without offset: read it as UTC
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)


def _unreadable(field_name: str, signer: str = "") -> SignatureCheck:
    return SignatureCheck(
        status=SignatureStatus.INVALID,
        signer=signer,
        signed_at=None,
        field_name=field_name,
        covers_whole_file=False,
        message=_("The signature cannot be read: it is damaged or in an unsupported format."),
    )


def _check_one(embedded, trust_roots: list[asn1_x509.Certificate]) -> SignatureCheck:
    context = ValidationContext(
        trust_roots=trust_roots,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    usage = KeyUsageConstraints(key_usage=_SIGNING_KEY_USAGES, match_all_key_usages=False)
    try:
        status = validate_pdf_signature(
            embedded, signer_validation_context=context, key_usage_settings=usage
        )
    except Exception as exc:  # pyHanko raises several types for a signature it cannot parse
        logger.warning("Unreadable PDF signature in field %s", embedded.field_name, exc_info=exc)
        try:
            signer = _signer_name(embedded.signer_cert)
        except Exception:
            signer = ""
        return _unreadable(embedded.field_name, signer)
    verdict, message = _judge(status)
    return SignatureCheck(
        status=verdict,
        signer=_signer_name(status.signing_cert),
        signed_at=_signed_at(status),
        field_name=embedded.field_name,
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        message=message,
    )


def verify_pdf(pdf: bytes, trust_roots: list[bytes]) -> list[SignatureCheck]:
    """One check per embedded signature, in signing order; [] for an unsigned PDF.

    Signatures in a format pyHanko does not read come last, as INVALID.

    Offline: the chain must reach one of `trust_roots` (PEM or DER certificates; a PEM blob may
    hold several); revocation is not checked (no network, soft-fail).
    """
    _check_pdf_header(pdf)
    roots = _trust_roots(trust_roots)
    try:
        reader = PdfFileReader(io.BytesIO(bytes(pdf)))
        if reader.encrypted:
            raise SignatureError(SignatureError.ENCRYPTED_PDF)
        embedded = reader.embedded_regular_signatures
        known = {signature.field_name for signature in reader.embedded_signatures}
        # pyHanko skips signatures with a SubFilter it does not know (adbe.pkcs7.sha1,
        # adbe.x509.rsa_sha1): list them as unreadable rather than let the file look unsigned.
        skipped = [
            name
            for name, _value, _ref in fields.enumerate_sig_fields(reader, filled_status=True)
            if name not in known
        ]
    except SignatureError:
        raise
    except Exception as exc:  # a damaged file can fail anywhere in the parser
        logger.info("Unreadable PDF for verification: %r", exc)
        raise SignatureError(SignatureError.MALFORMED_PDF) from exc
    checks = [_check_one(signature, roots) for signature in embedded]
    return checks + [_unreadable(name) for name in skipped]
