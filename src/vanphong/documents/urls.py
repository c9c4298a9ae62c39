from django.urls import include, path

from vanphong.documents import views_incoming, views_outgoing

app_name = "documents"

urlpatterns = [
    path("den/", views_incoming.incoming_list, name="incoming_list"),
    path("den/vao-so/", views_incoming.incoming_register, name="incoming_register"),
    path("den/<int:pk>/", views_incoming.incoming_detail, name="incoming_detail"),
    path("den/<int:pk>/lich-su/", views_incoming.incoming_history, name="incoming_history"),
    path("den/<int:pk>/<str:step>/", views_incoming.incoming_step, name="incoming_step"),
    path("di/", views_outgoing.outgoing_list, name="outgoing_list"),
    path("di/du-thao/", views_outgoing.outgoing_create, name="outgoing_create"),
    path("di/<int:pk>/", views_outgoing.outgoing_detail, name="outgoing_detail"),
    path("di/<int:pk>/sua/", views_outgoing.outgoing_edit, name="outgoing_edit"),
    path("di/<int:pk>/lich-su/", views_outgoing.outgoing_history, name="outgoing_history"),
    path("di/<int:pk>/docx/", views_outgoing.outgoing_docx, name="outgoing_docx"),
    path("di/<int:pk>/xem-pdf/", views_outgoing.outgoing_pdf, name="outgoing_pdf"),
    path("di/<int:pk>/<str:step>/", views_outgoing.outgoing_step, name="outgoing_step"),
    path("tep/<int:pk>/", views_incoming.file_download, name="file_download"),
    path("", include("vanphong.documents.urls_registers")),
]
