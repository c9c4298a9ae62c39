"""API of the core: token login (throttled like the login page) and the current user."""

import datetime

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.core import login_throttle, services
from vanphong.core.models import ApiToken

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str = Field(max_length=150, description="Tên đăng nhập")
    password: str = Field(max_length=4096, description="Mật khẩu")


class TokenOut(Schema):
    token: str = Field(description="Gửi kèm mọi yêu cầu: Authorization: Bearer <token>")
    expires_at: datetime.datetime = Field(description="Hết hạn lúc (UTC)")


class ErrorOut(Schema):
    code: str
    message: str


class RoleOut(Schema):
    role: str
    role_label: str
    organization_id: int
    organization_name: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    member_id: int | None
    clearance: int
    is_superuser: bool
    roles: list[RoleOut]


@router.post(
    "/auth/token",
    auth=None,
    response={200: TokenOut, 401: ErrorOut, 429: ErrorOut},
    summary="Đăng nhập, nhận token",
)
def issue_token(request, payload: TokenIn):
    address = login_throttle.client_address(request)
    if login_throttle.is_locked(payload.username, address):
        message = _("Too many failed logins. Try again in %(minutes)s minutes.") % {
            "minutes": settings.LOGIN_LOCK_MINUTES
        }
        return Status(429, {"code": "locked", "message": message})
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        login_throttle.record_failure(payload.username, address)
        return Status(401, {"code": "invalid_login", "message": _("Wrong username or password.")})
    login_throttle.clear_failures(payload.username)
    secret = services.issue_api_token(user=user)
    expires_at = ApiToken.objects.get(digest=ApiToken.digest_of(secret)).expires_at
    return Status(200, {"token": secret, "expires_at": expires_at})


@router.get("/me", response=MeOut, summary="Người dùng hiện tại và các vai trò")
def me(request):
    user = request.auth
    assignments = user.role_assignments.select_related("organization").order_by(
        "organization__path", "role"
    )
    return {
        "id": user.pk,
        "username": user.username,
        "full_name": user.get_full_name(),
        "member_id": user.member_id,
        "clearance": user.clearance,
        "is_superuser": user.is_superuser,
        "roles": [
            {
                "role": a.role,
                "role_label": a.get_role_display(),
                "organization_id": a.organization_id,
                "organization_name": a.organization.name,
            }
            for a in assignments
        ],
    }
