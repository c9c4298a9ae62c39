"""A throw-away PKI for the demo data and the tests: a root CA and organization signing certificates.

Never use these in production: the keys are made on the fly and the passphrase is public. The
real organization uploads the PKCS#12 its certification authority issued (decision 0009).

    identity = demo_identity("Đảng bộ tỉnh Phú Thọ")
    signed = sign_pdf(pdf, identity.pkcs12, identity.passphrase)
    verify_pdf(signed, [identity.root_pem])
"""

import datetime
import functools
import unicodedata
from typing import NamedTuple

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEMO_CA_NAME = "VanPhong Demo CA"
DEMO_PASSPHRASE = b"vanphong-demo"
KEY_SIZE = 2048
_CN_MAX = 64  # ub-common-name (RFC 5280)


class DemoCA(NamedTuple):
    certificate: x509.Certificate
    key: rsa.RSAPrivateKey

    @property
    def root_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)


class DemoIdentity(NamedTuple):
    pkcs12: bytes
    passphrase: bytes
    root_pem: bytes


def _name(common_name: str, organization: str | None = None) -> x509.Name:
    common_name = unicodedata.normalize("NFC", common_name)
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organization:
        attributes.append(
            x509.NameAttribute(
                NameOID.ORGANIZATION_NAME, unicodedata.normalize("NFC", organization)
            )
        )
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name[:_CN_MAX]))
    return x509.Name(attributes)


def _yesterday() -> datetime.datetime:
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return now - datetime.timedelta(days=1)


def make_ca(name: str = DEMO_CA_NAME) -> DemoCA:
    """A fresh self-signed root CA (tests use a second one to get an untrusted signer)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    subject = _name(name, "VanPhong")
    start = _yesterday()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=20 * 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return DemoCA(certificate, key)


@functools.cache
def demo_ca() -> DemoCA:
    """The demo root CA, made once per process."""
    return make_ca(DEMO_CA_NAME)


def make_identity(
    organization: str,
    *,
    ca: DemoCA | None = None,
    not_before: datetime.datetime | None = None,
    not_after: datetime.datetime | None = None,
    passphrase: bytes | None = DEMO_PASSPHRASE,
) -> DemoIdentity:
    """A signing certificate for `organization`, issued by `ca` (default: the demo CA), as PKCS#12.

    Valid from yesterday for five years unless told otherwise; passphrase None gives an
    unencrypted PKCS#12. The CA certificate travels inside the PKCS#12 so signatures embed it.
    """
    ca = ca or demo_ca()
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    start = not_before or _yesterday()
    end = not_after or start + datetime.timedelta(days=5 * 365 + 1)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(organization, organization))
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # non-repudiation: what document signatures need
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
        .sign(ca.key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    data = pkcs12.serialize_key_and_certificates(
        name=certificate.subject.rfc4514_string().encode(),
        key=key,
        cert=certificate,
        cas=[ca.certificate],
        encryption_algorithm=encryption,
    )
    return DemoIdentity(data, passphrase, ca.root_pem)


@functools.cache
def demo_identity(organization: str = "Đảng bộ tỉnh Phú Thọ") -> DemoIdentity:
    """The organization's demo signing identity under the demo CA, made once per process."""
    return make_identity(organization)
