"""Login throttling: too many failures for a username, or from an address, lock logins for a while."""

import datetime

from django.conf import settings
from django.utils import timezone

from vanphong.core.models import LoginFailure


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


def _window_start() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=settings.LOGIN_LOCK_MINUTES)


def is_locked(username: str, address: str) -> bool:
    recent = LoginFailure.objects.filter(at__gte=_window_start())
    limit = settings.LOGIN_MAX_FAILURES
    by_user = recent.filter(username=username.lower()).count() >= limit
    # An address may mistype more, since several people can share one (a proxy, a front desk).
    by_address = recent.filter(address=address).count() >= limit * 4
    return by_user or by_address


def record_failure(username: str, address: str) -> None:
    LoginFailure.objects.create(username=username.lower()[:150], address=address)


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username=username.lower()).delete()
