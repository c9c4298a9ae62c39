from django.urls import path

from vanphong.organizations import views

app_name = "organizations"
urlpatterns = [
    path("to-chuc/", views.tree, name="tree"),
    path("to-chuc/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("dang-vien/", views.member_list, name="member_list"),
    path("dang-vien/den-han-chinh-thuc/", views.probation_due, name="probation_due"),
    path("dang-vien/<int:pk>/", views.member_detail, name="member_detail"),
    path("dang-vien/<int:pk>/lich-su/", views.member_history, name="member_history"),
]
