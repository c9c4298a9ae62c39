from django.urls import path

from vanphong.organizations import views_xlsx

app_name = "organizations_xlsx"
urlpatterns = [
    path("dang-vien/mau-nhap.xlsx", views_xlsx.template_download, name="template"),
    path("dang-vien/nhap/", views_xlsx.member_import, name="member_import"),
    path("dang-vien/xuat.xlsx", views_xlsx.member_export, name="member_export"),
    path("to-chuc/nhap/", views_xlsx.organization_import, name="organization_import"),
    path("to-chuc/xuat.xlsx", views_xlsx.organization_export, name="organization_export"),
]
