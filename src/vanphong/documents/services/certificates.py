"""Signing certificates and trusted roots, set by an administrator (docs/decisions/0009).

- `add_signing_certificate` keeps an organization's PKCS#12 after checking it can sign (right
  passphrase, a private key, valid today, a key usage that allows signing); the new certificate
  replaces the organization's previous one. The passphrase is only used for the check: it is
  never stored, audited or logged, and neither are the key bytes.
- `add_trusted_root` keeps a root (or intermediate) CA certificate that `verify_pdf` trusts, stored
  as canonical PEM whatever the administrator pasted or uploaded (PEM or DER).

Each change is one transaction with its audit entry.
"""

import datetime
import unicodedata

from asn1crypto import pem as asn1_pem
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12 as pyca_pkcs12
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from vanphong.core import audit
from vanphong.core.errors import ServiceError
from vanphong.core.formats import date_vn
from vanphong.documents.models import SigningCertificate, TrustedRoot
from vanphong.documents.signatures import (
    SignatureError,
    _check_certificate_for_signing,
    _common_name,
    certificate_summary,
)

MAX_PKCS12_BYTES = 64 * 1024  # a PKCS#12 with a chain is a few KiB
MAX_ROOT_BYTES = 64 * 1024


class CertificateError(ServiceError):
    PASSPHRASE_REQUIRED = (
        "passphrase_required",
        _("Type the passphrase of the certificate file: it is used to check the file only."),
    )
    UNENCRYPTED = (
        "unencrypted",
        _(
            "The certificate file is not protected by a passphrase: export it again with a "
            "passphrase before uploading it."
        ),
    )
    TOO_LARGE = (
        "too_large",
        _("The file is too large for a certificate (at most %(limit)s KiB)."),
    )
    NAME_REQUIRED = "name_required", _("Give the certificate a name.")
    BAD_PEM = (
        "bad_pem",
        _(
            "This is not a readable certificate: paste the text from “-----BEGIN CERTIFICATE-----” "
            "to “-----END CERTIFICATE-----”, or upload the .pem, .crt or .cer file."
        ),
    )
    SEVERAL_CERTIFICATES = (
        "several_certificates",
        _("The text holds %(count)s certificates: add them one at a time."),
    )
    NOT_CA = (
        "not_ca",
        _(
            "This certificate does not belong to a certification authority: add the "
            "authority's root certificate, not a signer's certificate."
        ),
    )
    ROOT_EXPIRED = (
        "root_expired",
        _("This root certificate expired on %(date)s."),
    )
    ROOT_DUPLICATE = (
        "root_duplicate",
        _("This root certificate is already trusted as “%(name)s”."),
    )


# ---------------------------------------------------------------------------- signing certificates


def check_signing_certificate(pkcs12_bytes: bytes, passphrase: str | bytes | None) -> dict:
    """`certificate_summary` of a PKCS#12 that can sign today; SignatureError/CertificateError
    otherwise. No writes: the admin form calls it to show the error next to the fields."""
    if not passphrase:
        raise CertificateError(CertificateError.PASSPHRASE_REQUIRED)
    data = bytes(pkcs12_bytes or b"")
    if len(data) > MAX_PKCS12_BYTES:
        raise CertificateError(CertificateError.TOO_LARGE, limit=MAX_PKCS12_BYTES // 1024)
    try:
        summary = certificate_summary(data, passphrase)
    except SignatureError as exc:
        if exc.code == SignatureError.WRONG_PASSPHRASE[0] and _opens_without_passphrase(data):
            raise CertificateError(CertificateError.UNENCRYPTED) from None
        raise
    # Expired, not yet valid, or a key usage that does not allow signing: refused here rather
    # than at the clerk's first signature.
    _check_certificate_for_signing(_certificate(data, passphrase))
    return summary


def _opens_without_passphrase(data: bytes) -> bool:
    try:
        pyca_pkcs12.load_key_and_certificates(data, None)
    except (ValueError, TypeError):
        return False
    return True


def _certificate(data: bytes, passphrase: str | bytes) -> x509.Certificate:
    secret = passphrase.encode() if isinstance(passphrase, str) else passphrase
    _key, certificate, _others = pyca_pkcs12.load_key_and_certificates(data, secret)
    return certificate


def _certificate_audit(summary: dict, organization) -> dict:
    """What the audit keeps of a certificate: public facts only, never key or passphrase."""
    return {
        "organization": organization.pk,
        "subject": summary["subject"],
        "issuer": summary["issuer"],
        "serial": summary["serial"],
        "not_before": summary["not_before"].isoformat(),
        "not_after": summary["not_after"].isoformat(),
        "fingerprint_sha256": summary["fingerprint_sha256"],
    }


def add_signing_certificate(
    acting_user, organization, pkcs12_bytes: bytes, passphrase: str | bytes
) -> SigningCertificate:
    """Keep the organization's new signing certificate; its previous one stops being used."""
    summary = check_signing_certificate(pkcs12_bytes, passphrase)
    with transaction.atomic():
        previous = list(
            SigningCertificate.objects.select_for_update()
            .filter(organization=organization, active=True)
            .order_by("pk")
        )
        for old in previous:
            _deactivate(acting_user, old)
        row = SigningCertificate.objects.create(
            organization=organization,
            pkcs12=bytes(pkcs12_bytes),
            subject=summary["subject"][:255],
            valid_until=summary["not_after"],
            active=True,
            added_by=acting_user,
        )
        after = {**_row(row), **_certificate_audit(summary, organization)}
        after["replaces"] = [old.pk for old in previous]
        audit.record(
            actor=acting_user,
            action="signing_certificate.add",
            target=row,
            organization=organization,
            after=after,
        )
    return row


def deactivate_certificate(acting_user, certificate: SigningCertificate) -> SigningCertificate:
    """Stop using a signing certificate (kept for the record); nothing happens if already off."""
    with transaction.atomic():
        row = SigningCertificate.objects.select_for_update().get(pk=certificate.pk)
        if row.active:
            _deactivate(acting_user, row)
    certificate.active = row.active
    return row


def _row(row: SigningCertificate) -> dict:
    """The certificate's row for the audit, without its key (which the trail never holds)."""
    return audit.snapshot(row, exclude=("pkcs12",))


def _deactivate(acting_user, row: SigningCertificate) -> None:
    with audit.change(
        acting_user,
        row,
        "signing_certificate.deactivate",
        snap=_row,
        organization=row.organization,
    ):
        row.active = False
        row.save(update_fields=["active"])


# ---------------------------------------------------------------------------- trusted roots


def parse_trusted_root(pem: str | bytes) -> x509.Certificate:
    """The one CA certificate in `pem` (PEM text or DER bytes), or CertificateError."""
    if isinstance(pem, str):
        pem = unicodedata.normalize("NFC", pem).strip().encode("utf-8", "replace")
    raw = bytes(pem or b"")
    # Only PEM text may be trimmed: a DER certificate can end in a byte that looks like a space.
    data = raw.strip() if asn1_pem.detect(raw.strip()) else raw
    if not data.strip():
        raise CertificateError(CertificateError.BAD_PEM)
    if len(data) > MAX_ROOT_BYTES:
        raise CertificateError(CertificateError.TOO_LARGE, limit=MAX_ROOT_BYTES // 1024)
    try:
        if asn1_pem.detect(data):
            blocks = [
                der
                for kind, _headers, der in asn1_pem.unarmor(data, multiple=True)
                if kind in ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE")
            ]
        else:
            blocks = [data]
        if len(blocks) > 1:
            raise CertificateError(CertificateError.SEVERAL_CERTIFICATES, count=len(blocks))
        if not blocks:
            raise CertificateError(CertificateError.BAD_PEM)
        certificate = x509.load_der_x509_certificate(blocks[0])
        certificate.subject  # noqa: B018 — parse the names now
        certificate.issuer  # noqa: B018
    except CertificateError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise CertificateError(CertificateError.BAD_PEM) from exc
    try:
        is_ca = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = certificate.subject == certificate.issuer  # an old (v1) self-signed root
    except ValueError as exc:
        raise CertificateError(CertificateError.BAD_PEM) from exc
    if not is_ca:
        raise CertificateError(CertificateError.NOT_CA)
    if certificate.not_valid_after_utc < datetime.datetime.now(datetime.UTC):
        raise CertificateError(
            CertificateError.ROOT_EXPIRED, date=date_vn(certificate.not_valid_after_utc.date())
        )
    return certificate


def root_facts(certificate: x509.Certificate) -> dict:
    return {
        "subject": _common_name(certificate.subject),
        "serial": format(certificate.serial_number, "X"),
        "not_after": certificate.not_valid_after_utc,
        "fingerprint_sha256": certificate.fingerprint(hashes.SHA256()).hex(":").upper(),
    }


def trusted_root_facts(root: TrustedRoot) -> dict | None:
    """Subject, serial, expiry and fingerprint of a stored root (None if it cannot be read)."""
    try:
        return root_facts(x509.load_pem_x509_certificate(root.pem.encode()))
    except ValueError:
        return None


def check_trusted_root(pem: str | bytes) -> x509.Certificate:
    """`parse_trusted_root`, and not trusted already; no writes (the admin form calls it)."""
    certificate = parse_trusted_root(pem)
    fingerprint = root_facts(certificate)["fingerprint_sha256"]
    for existing in TrustedRoot.objects.order_by("pk"):
        known = trusted_root_facts(existing)
        if known and known["fingerprint_sha256"] == fingerprint:
            raise CertificateError(CertificateError.ROOT_DUPLICATE, name=existing.name)
    return certificate


def add_trusted_root(acting_user, name: str, pem: str | bytes) -> TrustedRoot:
    """Trust a certification authority's certificate when checking received PDFs."""
    name = unicodedata.normalize("NFC", (name or "").strip())[:255]
    if not name:
        raise CertificateError(CertificateError.NAME_REQUIRED)
    with transaction.atomic():
        list(TrustedRoot.objects.select_for_update().values_list("pk", flat=True))
        certificate = check_trusted_root(pem)
        facts = root_facts(certificate)
        canonical = certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
        root = TrustedRoot.objects.create(name=name, pem=canonical)
        audit.record(
            actor=acting_user,
            action="trusted_root.add",
            target=root,
            after={
                **audit.snapshot(root),
                "subject": facts["subject"],
                "serial": facts["serial"],
                "not_after": facts["not_after"].isoformat(),
                "fingerprint_sha256": facts["fingerprint_sha256"],
            },
        )
    return root


def remove_trusted_root(acting_user, root: TrustedRoot) -> None:
    """Stop trusting a root: signatures it vouched for show as untrusted from now on."""
    with transaction.atomic():
        facts = trusted_root_facts(root) or {}
        audit.record(
            actor=acting_user,
            action="trusted_root.remove",
            target=root,
            before={
                **audit.snapshot(root),
                "subject": facts.get("subject", ""),
                "fingerprint_sha256": facts.get("fingerprint_sha256", ""),
            },
        )
        TrustedRoot.objects.filter(pk=root.pk).delete()
