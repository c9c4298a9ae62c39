"""Organizations and members are viewed in the admin; they change through the pages and services."""

from django.contrib import admin

from vanphong.core.admin import ReadOnlyAdmin
from vanphong.organizations.models import CommitteeTerm, Member, Organization


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    list_display = ("name", "code", "kind", "status", "depth")
    list_filter = ("kind", "status")
    search_fields = ("name", "name_folded", "code")
    ordering = ("path",)


@admin.register(Member)
class MemberAdmin(ReadOnlyAdmin):
    list_display = ("full_name", "card_number", "status", "organization")
    list_filter = ("status", "gender")
    search_fields = ("full_name", "name_folded", "card_number", "citizen_id")
    list_select_related = ("organization",)


@admin.register(CommitteeTerm)
class CommitteeTermAdmin(ReadOnlyAdmin):
    list_display = ("organization", "name", "starts_on", "ends_on")
