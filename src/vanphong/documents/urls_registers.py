"""Registers (sổ), the seal-use log and the deadline dashboard (documents/registers)."""

from django.urls import path

from vanphong.documents import views_registers

urlpatterns = [
    path("so/<slug:kind>/", views_registers.register_page, name="register"),
    path(
        "so/<slug:kind>/<slug:fmt>/",
        views_registers.register_download,
        name="register_download",
    ),
    path("han-xu-ly/", views_registers.deadline_dashboard, name="deadline_dashboard"),
    path("han-xu-ly/viec/", views_registers.deadline_assignments, name="deadline_assignments"),
]
