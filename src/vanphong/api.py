"""The JSON API under /api/v1/ (django-ninja): bearer-token auth, the routers of each area, and
the one error shape of core/api.py (400 for a request refused as sent, 404 for a missing or
forbidden record, JSON for every error, 500 included).
The Swagger page is off: it loads its scripts from a CDN, and the intranet is closed.
"""

from ninja.security import HttpBearer

from vanphong.core.api import VanPhongAPI, install_error_handlers
from vanphong.core.api_auth import router as auth_router
from vanphong.core.services import user_for_api_token
from vanphong.documents.api import incoming_router, outgoing_router, registers_router
from vanphong.meetings.api import router as meetings_router
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


api = VanPhongAPI(
    title="VanPhong API",
    version="1",
    description=(
        "API JSON của VanPhong: tổ chức đảng, đảng viên, văn bản. Ngày theo ISO (yyyy-mm-dd). "
        'Mọi lỗi trả về {"code", "message"} (thông báo tiếng Việt). 400: yêu cầu bị từ chối '
        '(dữ liệu sai kèm "errors" theo từng trường, hoặc trái quy tắc nghiệp vụ); 401: thiếu '
        "token hợp lệ; 404: không có bản ghi hoặc không được phép mở; 500: lỗi máy chủ."
    ),
    auth=BearerToken(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
install_error_handlers(api)
api.add_router("/", auth_router)
api.add_router("/organizations", organizations_router)
api.add_router("/members", members_router)
api.add_router("/incoming", incoming_router)
api.add_router("/outgoing", outgoing_router)
api.add_router("/registers", registers_router)
api.add_router("/meetings", meetings_router)
