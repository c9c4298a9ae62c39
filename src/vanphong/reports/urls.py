from django.urls import path

from vanphong.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.member_statistics_page, name="member_statistics"),
]
