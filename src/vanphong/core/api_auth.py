"""API of the core: token login (throttled like the login page), token revocation and the
current user.

Revocation: `POST /auth/token/revoke` revokes the token the request carries (log-out of an
integration); `GET /auth/tokens` lists the caller's tokens still valid and
`DELETE /auth/tokens/{id}` revokes one of them (a lost or leaked token). `/auth/token` itself stays
the one anonymous endpoint, for login only. A revoked token expires at that moment (its row and
the audit entry stay) and answers 401 from then on; another user's token answers 404 like a
missing one."""

import datetime

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.core import login_throttle, second_factor, services
from vanphong.core.api import ErrorOut
from vanphong.core.models import ApiToken

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str = Field(max_length=150, description="Tên đăng nhập")
    password: str = Field(max_length=4096, description="Mật khẩu")
    otp_token: str = Field(
        "", max_length=10, description="Mã xác thực hai bước (6 chữ số), nếu tài khoản đã bật"
    )


class TokenOut(Schema):
    token: str = Field(description="Gửi kèm mọi yêu cầu: Authorization: Bearer <token>")
    expires_at: datetime.datetime = Field(description="Hết hạn lúc (UTC)")


class TokenInfoOut(Schema):
    id: int
    created_at: datetime.datetime = Field(description="Cấp lúc (UTC)")
    expires_at: datetime.datetime = Field(description="Hết hạn lúc (UTC)")
    current: bool = Field(description="Là token của chính yêu cầu này")


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
    response={200: TokenOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut},
    summary="Đăng nhập, nhận token",
)
def issue_token(request, payload: TokenIn):
    address = login_throttle.client_address(request)
    if login_throttle.is_locked(payload.username, address):
        message = _("Too many failed logins. Try again in %(minutes)s minutes.") % {
            "minutes": settings.LOGIN_LOCK_MINUTES
        }
        return Status(429, {"code": "locked", "message": message})
    # the backend counts a wrong password against the same lock as the login page's
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        return Status(401, {"code": "invalid_login", "message": _("Wrong username or password.")})
    if second_factor.has(user):
        if second_factor.check(user, payload.otp_token) is None:
            login_throttle.record_failure(payload.username, address)
            message = _("The verification code is missing or wrong.")
            return Status(401, {"code": "otp_invalid", "message": message})
    elif second_factor.needs(user):
        message = _("Set up two-step verification on the web pages first.")
        return Status(403, {"code": "otp_setup_required", "message": message})
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
                "role_label": a.role_label,
                "organization_id": a.organization_id,
                "organization_name": a.organization.name,
            }
            for a in assignments
        ],
    }


def request_token(request) -> ApiToken:
    """The token the request was authenticated with (the bearer auth already checked it)."""
    header = request.headers.get("Authorization", "")
    secret = " ".join(header.split(" ")[1:])
    return ApiToken.objects.get(digest=ApiToken.digest_of(secret))


@router.post(
    "/auth/token/revoke",
    response={204: None},
    summary="Thu hồi token đang dùng (đăng xuất)",
)
def revoke_current_token(request):
    services.revoke_api_token(acting_user=request.auth, token=request_token(request))
    return Status(204, None)


@router.get("/auth/tokens", response=list[TokenInfoOut], summary="Các token còn hiệu lực của tôi")
def list_tokens(request):
    current = request_token(request).pk
    return [
        {
            "id": token.pk,
            "created_at": token.created_at,
            "expires_at": token.expires_at,
            "current": token.pk == current,
        }
        for token in services.active_api_tokens(request.auth)
    ]


@router.delete("/auth/tokens/{int:token_id}", response={204: None}, summary="Thu hồi một token")
def revoke_token(request, token_id: int):
    """Only one's own token still valid; any other id answers 404."""
    token = services.active_api_tokens(request.auth).filter(pk=token_id).first()
    if token is None:
        raise Http404
    services.revoke_api_token(acting_user=request.auth, token=token)
    return Status(204, None)
