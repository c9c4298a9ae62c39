from django.urls import path

from vanphong.records import views, views_loans

app_name = "records"

urlpatterns = [
    path("", views.plans, name="plans"),
    path("danh-muc/<int:pk>/", views.plan, name="plan"),
    path("muc/<int:pk>/mo/", views.open_file, name="open_file"),
    path("<int:pk>/", views.file_detail, name="file"),
    path("<int:pk>/rut/<int:entry>/", views.file_remove, name="file_remove"),
    path("<int:pk>/ket-thuc/", views.file_close, name="file_close"),
    path("<int:pk>/bagit.zip", views.file_bag, name="file_bag"),
    path("danh-muc/<int:pk>/bagit.zip", views.plan_bag, name="plan_bag"),
    path("nop-luu/", views.due, name="due"),
    path("giao-nhan/", views.handovers, name="handovers"),
    path("giao-nhan/<int:pk>/", views.handover, name="handover"),
    path("giao-nhan/<int:pk>/muc-luc.docx", views.handover_list_docx, name="handover_list_docx"),
    path(
        "giao-nhan/<int:pk>/bien-ban.docx",
        views.handover_minutes_docx,
        name="handover_minutes_docx",
    ),
    path("kho/", views_loans.archive, name="archive"),
    path("kho/<int:pk>/muon/", views_loans.loan_new, name="loan_new"),
    path("muon/", views_loans.loan_list, name="loans"),
    path("muon/<int:pk>/<slug:step>/", views_loans.loan_step, name="loan_step"),
]
