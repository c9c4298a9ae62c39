"""What the API of every area shares: request schemas (trimmed texts, choices, bounded ids and
paging), the page of a list, the current user's scope, and one error shape.

Errors. Every error answers `{"code": ..., "message": <Vietnamese>}`:
- 400: the request is refused as sent, by its schema or by a rule of a service; a schema error
  (or a rule about one field) adds `"errors"`, one `{field, code, message}` per field.
- 401 without a valid token; 404 for a missing record and a forbidden one alike, so ids cannot be
  probed; 405 for a method the address does not take; 500 for an unexpected error (logged as
  Django logs a page's error, never shown).
An id or an offset beyond what the database can store is a 400 like any other bad number.
"""

from functools import wraps
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.db.models import QuerySet, TextChoices
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.utils.log import log_response
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.csrf import csrf_exempt
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import ConfigDict, StringConstraints

from vanphong.core import access
from vanphong.core.errors import ServiceError

# The largest value of a 64-bit signed integer, the type of every primary key (SQLite INTEGER,
# PostgreSQL bigint) and of LIMIT/OFFSET: past it SQLite fails ("datatype mismatch").
MAX_ID = 2**63 - 1
INVALID_STATUS = 400

Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def text(max_length: int, required: bool = False):
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=int(required), max_length=max_length),
    ]


def choice(choices: type[TextChoices], blank: bool = False):
    """A Literal of the choice values: one clear error for an unknown value, an enum in OpenAPI."""
    values = tuple(choices.values) + (("",) if blank else ())
    return Literal[values]  # type: ignore[valid-type]


class Input(Schema):
    """A request body: an unknown field is refused, not silently dropped (a client that sends
    "status" to PATCH /members must learn that status changes only through a procedure)."""

    model_config = ConfigDict(extra="forbid")


class Paging(Schema):
    limit: int = Field(50, ge=1, le=200, description="Số bản ghi mỗi trang (tối đa 200)")
    offset: int = Field(0, ge=0, le=MAX_ID, description="Bỏ qua bao nhiêu bản ghi")


class Page(Schema):
    count: int = Field(description="Tổng số bản ghi khớp bộ lọc")
    limit: int
    offset: int


def page(queryset: QuerySet, paging: Paging) -> dict:
    start, end = paging.offset, paging.offset + paging.limit
    return {
        "count": queryset.count(),
        "limit": paging.limit,
        "offset": paging.offset,
        "items": list(queryset[start:end]),
    }


def scope_organization(user, pk: int | None, action, required: bool = True):
    """The organization asked for, else the top of the user's scope for `action` (None when not
    `required`); 404 if the user may not `action` at all or the organization is outside."""
    access.require(user, action)
    if pk is not None:
        return access.get_organization_for(user, pk, action)
    if not required:
        return None
    organization = access.roots_for(user, action).first()
    if organization is None:
        raise Http404
    return organization


# Errors


class ErrorOut(Schema):
    code: str = Field(description="Mã lỗi, ví dụ not_found, invalid, not_authenticated")
    message: str = Field(description="Thông báo bằng tiếng Việt")


class FieldErrorOut(Schema):
    field: str = Field(description="Trường bị từ chối, ví dụ summary hoặc recipients.0")
    code: str
    message: str


class InvalidOut(ErrorOut):
    errors: list[FieldErrorOut] = Field(
        [], description="Từng trường bị từ chối (khi lỗi thuộc về dữ liệu gửi lên)"
    )


def invalid(field: str, message: str) -> ValidationError:
    """A 400 for a rule the schema cannot express, in the same shape as schema errors."""
    return ValidationError(
        [{"loc": ("body", "payload", field), "type": "vanphong", "msg": message}]
    )


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
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return _("This number is out of range.")
    return _("Enter a valid value.")


def _field(loc) -> str:
    # loc is ("body", "payload", field, …) or ("query", field): keep the field part.
    return ".".join(str(p) for p in loc[2 if loc[0] == "body" else 1 :])


NOT_FOUND = gettext_noop("No such record, or you may not open it.")


def install_error_handlers(api: NinjaAPI) -> None:
    """Answer every error of `api` in the one shape, unexpected ones included."""

    def error(request, status: int, code: str, message: str, **extra):
        return api.create_response(
            request, {"code": code, "message": message, **extra}, status=status
        )

    @api.exception_handler(ValidationError)
    def invalid_input(request, exc: ValidationError):
        errors = [
            {
                "field": _field(item["loc"]),
                "code": item.get("type", ""),
                "message": field_message(item),
            }
            for item in exc.errors
        ]
        message = _("The data sent is not valid.")
        return error(request, INVALID_STATUS, "invalid", message, errors=errors)

    @api.exception_handler(DjangoValidationError)
    def invalid_record(request, exc: DjangoValidationError):
        # A model's own check, should a service let one through: a refusal, not a crash.
        errors = [
            {"field": field, "code": "invalid", "message": message}
            for field, messages in getattr(exc, "message_dict", {"": exc.messages}).items()
            for message in messages
        ]
        message = _("The data sent is not valid.")
        return error(request, INVALID_STATUS, "invalid", message, errors=errors)

    @api.exception_handler(ServiceError)
    def service_error(request, exc: ServiceError):
        return error(request, INVALID_STATUS, exc.code, exc.message)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        # The only HttpError ninja raises on its own is an unreadable body.
        if exc.status_code == 400:
            return error(request, 400, "bad_request", _("The request body is not valid JSON."))
        return error(request, exc.status_code, "error", exc.message)

    @api.exception_handler(SuspiciousOperation)
    def unreadable(request, exc: SuspiciousOperation):
        return error(request, 400, "bad_request", _("The request cannot be read."))

    @api.exception_handler(Http404)
    @api.exception_handler(PermissionDenied)
    def not_found(request, exc):
        return error(request, 404, "not_found", _(NOT_FOUND))

    @api.exception_handler(AuthenticationError)
    def not_authenticated(request, exc):
        message = _("Send a valid API token: Authorization: Bearer …")
        return error(request, 401, "not_authenticated", message)

    @api.exception_handler(Exception)
    def server_error(request, exc: Exception):
        # What Django does for a page's uncaught error (signal, log with the traceback), but the
        # answer stays JSON whatever DEBUG says.
        got_request_exception.send(sender=None, request=request)
        message = _("Something went wrong on the server. Try again, or tell the administrator.")
        response = error(request, 500, "server_error", message)
        log_response(
            "%s: %s",
            "Internal Server Error",
            request.path,
            response=response,
            request=request,
            exception=exc,
        )
        return response


def json_error(status: int, code: str, message: str, **headers) -> JsonResponse:
    return JsonResponse({"code": code, "message": message}, status=status, headers=headers)


@csrf_exempt  # no session is read, and a POST must get the same 404 as a GET
def not_found_view(request, *args, **kwargs):
    """An address under the API that matches no endpoint."""
    return json_error(404, "not_found", _(NOT_FOUND))


def json_not_allowed(view):
    """Ninja answers a method an address does not take with a plain-text 405: answer it in the
    error shape, keeping the Allow header."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            message = _("This address does not take the %(method)s method.") % {
                "method": request.method
            }
            return json_error(405, "method_not_allowed", message, Allow=response["Allow"])
        return response

    return wrapper


ERROR_RESPONSES = {
    400: (InvalidOut, "Yêu cầu bị từ chối: dữ liệu không hợp lệ hoặc trái quy tắc"),
    401: (ErrorOut, "Thiếu token hợp lệ"),
    404: (ErrorOut, "Không có bản ghi này, hoặc người dùng không được phép mở"),
    500: (ErrorOut, "Lỗi máy chủ"),
}


class VanPhongAPI(NinjaAPI):
    """The project's NinjaAPI: operation ids are the endpoint names (stable when a module is
    split), and every operation documents the error answers it may give."""

    def get_openapi_operation_id(self, operation) -> str:
        return operation.view_func.__name__

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for out, _description in ERROR_RESPONSES.values():
            definition = out.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(definition.pop("$defs", {}))
            components[out.__name__] = definition
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, (out, description) in ERROR_RESPONSES.items():
                    if status == 401 and not operation.get("security"):
                        continue
                    responses.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{out.__name__}"}
                                }
                            },
                        },
                    )
        return schema
