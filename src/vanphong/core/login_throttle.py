"""Login throttling: too many failures for a username, or from an address, lock logins for a while.

The lock lives in the authentication backend, so every way in shares one count and one lock:
the login page, the administration site's login, the API's token login and a second factor
typed wrong (core.forms). A locked username is refused before its password is even checked.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from vanphong.core.models import LoginFailure


def client_address(request) -> str:
    if request is None:
        return ""
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


class ThrottledModelBackend(ModelBackend):
    """Django's username and password check, behind the lock. Raising PermissionDenied makes
    django.contrib.auth.authenticate() refuse at once, whatever the password."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        address = client_address(request)
        if is_locked(username, address):
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            record_failure(username, address)
        # A right password does not clear the count: the second factor may still fail. The way
        # in clears it once every factor has passed (clear_failures).
        return user
