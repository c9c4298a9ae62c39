from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("vanphong.core.urls")),
    path("", include("vanphong.organizations.urls")),
    path("", include("vanphong.organizations.urls_xlsx")),
    path("thong-ke/", include("vanphong.reports.urls")),
    path("van-ban/", include("vanphong.documents.urls")),
    path("hop/", include("vanphong.meetings.urls")),
    path("dang-phi/", include("vanphong.dues.urls")),
    path("ho-so/", include("vanphong.records.urls")),
    path("api/v1/", include("vanphong.api_urls")),
    path("quan-tri/", admin.site.urls),
]
