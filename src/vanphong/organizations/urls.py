from django.urls import path

from vanphong.organizations import views_manage, views_members, views_orgs, views_procedures

app_name = "organizations"
urlpatterns = [
    path("to-chuc/", views_orgs.tree, name="tree"),
    path("to-chuc/<int:pk>/", views_orgs.organization_detail, name="organization_detail"),
    path("to-chuc/<int:pk>/con/", views_orgs.tree_children, name="tree_children"),
    path("to-chuc/<int:pk>/ket-nap/", views_orgs.admit, name="admit"),
    path("to-chuc/<int:pk>/them/", views_manage.organization_create, name="organization_create"),
    path("to-chuc/<int:pk>/sua/", views_manage.organization_edit, name="organization_edit"),
    path("to-chuc/<int:pk>/hop-nhat/", views_manage.organization_merge, name="organization_merge"),
    path(
        "to-chuc/<int:pk>/giai-the/",
        views_manage.organization_dissolve,
        name="organization_dissolve",
    ),
    path("to-chuc/<int:pk>/nhiem-ky/them/", views_manage.term_add, name="term_add"),
    path("nhiem-ky/<int:pk>/sua/", views_manage.term_edit, name="term_edit"),
    path("dang-vien/", views_members.member_list, name="member_list"),
    path("dang-vien/den-han-chinh-thuc/", views_members.probation_due, name="probation_due"),
    path("dang-vien/<int:pk>/", views_members.member_detail, name="member_detail"),
    path("dang-vien/<int:pk>/lich-su/", views_members.member_history, name="member_history"),
    path("dang-vien/<int:pk>/sua/", views_manage.member_edit, name="member_edit"),
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
