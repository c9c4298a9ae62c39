from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from vanphong.core import views

app_name = "core"
urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("core:password_done")),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_done",
    ),
    path("thong-bao/", views.inbox, name="inbox"),
    path("thong-bao/da-doc/", views.mark_all_read, name="mark_all_read"),
    path("thong-bao/email/", views.email_preferences, name="email_preferences"),
    path("tim-kiem/", views.search_view, name="search"),
]
