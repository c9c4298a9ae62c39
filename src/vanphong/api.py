"""The JSON API under /api/v1/ (django-ninja): bearer-token auth and one error format.

Every error answers {"code": ..., "message": <Vietnamese>}; input errors (422) add "errors", one
entry per field. A missing record and a forbidden one both answer 404, so ids cannot be probed.
The Swagger page is off: it loads its scripts from a CDN, and the intranet is closed.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from vanphong.core.api import router as core_router
from vanphong.core.errors import ServiceError
from vanphong.core.services import user_for_api_token
from vanphong.documents.api import incoming_router, outgoing_router, registers_router
from vanphong.organizations.api import members_router, organizations_router


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>` from POST /auth/token; the session cookie is ignored."""

    def authenticate(self, request, token):
        user = user_for_api_token(token)
        if user is None:
            return None
        # access.py reads request.user: the token's user replaces the (session) anonymous one.
        request.user = user
        return user


api = NinjaAPI(
    title="VanPhong API",
    version="1",
    description="API JSON của VanPhong: tổ chức đảng, đảng viên, văn bản. Ngày theo ISO (yyyy-mm-dd).",
    auth=BearerToken(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
api.add_router("/", core_router)
api.add_router("/organizations", organizations_router)
api.add_router("/members", members_router)
api.add_router("/incoming", incoming_router)
api.add_router("/outgoing", outgoing_router)
api.add_router("/registers", registers_router)


def error(request, status: int, code: str, message: str, **extra):
    return api.create_response(request, {"code": code, "message": message, **extra}, status=status)


@api.exception_handler(ServiceError)
def service_error(request, exc: ServiceError):
    return error(request, 400, exc.code, exc.message)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error(request, 404, "not_found", _("No such record, or you may not open it."))


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    return error(
        request, 401, "not_authenticated", _("Send a valid API token: Authorization: Bearer …")
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    # The only HttpError ninja raises on its own is an unreadable body.
    if exc.status_code == 400:
        return error(request, 400, "bad_request", _("The request body is not valid JSON."))
    return error(request, exc.status_code, "error", exc.message)


def field_message(item: dict) -> str:
    """A Vietnamese message for one pydantic error (its English text never reaches users)."""
    kind, ctx = item.get("type", ""), item.get("ctx") or {}
    if kind == "vanphong":  # raised by our endpoints, already translated
        return item["msg"]
    if kind == "missing" or (kind == "string_too_short" and ctx.get("min_length") == 1):
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not accepted here.")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a valid date.")
    if kind in ("enum", "literal_error"):
        return _("Select a valid choice. That choice is not one of the available choices.")
    if kind == "string_too_long":
        return _("At most %(limit)s characters.") % {"limit": ctx.get("max_length")}
    if kind.startswith("int"):
        return _("Enter a whole number.")
    if kind in ("greater_than_equal", "less_than_equal"):
        return _("This number is out of range.")
    return _("Enter a valid value.")


@api.exception_handler(ValidationError)
def invalid_input(request, exc: ValidationError):
    errors = [
        {
            # loc is ("body", "payload", field, …) or ("query", field): keep the field part.
            "field": ".".join(str(p) for p in item["loc"][2 if item["loc"][0] == "body" else 1 :]),
            "code": item.get("type", ""),
            "message": field_message(item),
        }
        for item in exc.errors
    ]
    return error(request, 422, "invalid", _("The data sent is not valid."), errors=errors)
