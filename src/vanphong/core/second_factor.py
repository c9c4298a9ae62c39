"""Second factor: a TOTP code (django-otp) after the password, for the roles that must use it
(docs/decisions/0014-second-factor.md) and for anyone who turned it on.

A user "needs" a second factor when SECOND_FACTOR_REQUIRED is on and they are a superuser or
hold one of SECOND_FACTOR_ROLES; a user "has" one once a TOTP device is confirmed."""

from django.conf import settings
from django.db import transaction
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from vanphong.core import audit
from vanphong.core.models import RoleAssignment


def needs(user) -> bool:
    if not (settings.SECOND_FACTOR_REQUIRED and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return RoleAssignment.objects.filter(user=user, role__in=settings.SECOND_FACTOR_ROLES).exists()


def has(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def check(user, token: str):
    """The user's confirmed device that accepts `token`, or None."""
    token = (token or "").strip().replace(" ", "")
    if not token.isdigit():
        return None
    return match_token(user, token)


def pending_device(user) -> TOTPDevice:
    """The device being set up (not yet confirmed): one per user, kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="VanPhong", confirmed=False)
    return device


def confirm(user, device: TOTPDevice) -> None:
    """The first right code turns the device on; the audit trail keeps when (not the secret)."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record(
            actor=user, action="second_factor.enable", target=user, after={"method": "TOTP"}
        )
