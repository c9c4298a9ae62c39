"""Response rules that hold for every page and API answer.

- `NoStoreMiddleware`: no browser or proxy keeps a copy of a dynamic response. Nearly every page
  (lists, search, dashboards, details, downloads, exports, API answers) may carry a classified
  record or a member's personal data; one rule for all is the one that cannot miss a new view.
  Static files are answered by WhiteNoise before this middleware and stay cacheable.
- `SecondFactorMiddleware`: a signed-in user who must use two-step verification
  (core.second_factor) reaches no page but that one until the session has given its code.
- `FriendlyErrorsMiddleware`: with DEBUG on (bin/run) refusals and errors still show the
  Vietnamese 403/404/500 pages, never Django's technical page with the URL list; the traceback
  of a 500 goes to the log.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from vanphong.core import second_factor

log = logging.getLogger("django.request")
API_PREFIX = "/api/"


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware, which tells whether the session is verified. The API
    is outside: its token login asks for the code itself (core.api)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(API_PREFIX)
            and not user.is_verified()
            and request.path not in (reverse("core:second_factor"), reverse("core:logout"))
            and second_factor.needs(user)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('core:second_factor')}?{query}")
        return self.get_response(request)


class FriendlyErrorsMiddleware:
    """After AuthenticationMiddleware, so that the pages show the signed-in user's menu."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and response.status_code == 404 and request.resolver_match is None:
            return page_not_found(request)  # no URL pattern matched: Django's page lists them
        return response

    def process_exception(self, request, exception):
        if not settings.DEBUG or request.path.startswith(API_PREFIX):
            # production: Django's handlers render the same templates; the API answers its own
            # errors in JSON
            return None
        if isinstance(exception, Http404):
            return page_not_found(request)
        if isinstance(exception, PermissionDenied):
            return render(request, "403.html", status=403)
        log.error("Internal Server Error: %s", request.path, exc_info=exception)
        return server_error()


def page_not_found(request):
    return render(request, "404.html", status=404)


def server_error():
    return HttpResponseServerError(loader.get_template("500.html").render())
