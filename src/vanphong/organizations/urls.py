from django.urls import path

from vanphong.organizations import views_members, views_orgs, views_procedures

app_name = "organizations"
urlpatterns = [
    path("to-chuc/", views_orgs.tree, name="tree"),
    path("to-chuc/<int:pk>/", views_orgs.organization_detail, name="organization_detail"),
    path("to-chuc/<int:pk>/con/", views_orgs.tree_children, name="tree_children"),
    path("to-chuc/<int:pk>/ket-nap/", views_orgs.admit, name="admit"),
    path("dang-vien/", views_members.member_list, name="member_list"),
    path("dang-vien/den-han-chinh-thuc/", views_members.probation_due, name="probation_due"),
    path("dang-vien/<int:pk>/", views_members.member_detail, name="member_detail"),
    path("dang-vien/<int:pk>/lich-su/", views_members.member_history, name="member_history"),
    path(
        "dang-vien/<int:pk>/thu-tuc/<slug:name>/",
        views_procedures.member_procedure,
        name="member_procedure",
    ),
    path(
        "chuyen-sinh-hoat/<int:pk>/giay-gioi-thieu/",
        views_procedures.transfer_letter,
        name="transfer_letter",
    ),
]
