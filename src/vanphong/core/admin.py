"""Back-office admin, in Vietnamese. Writes go through services so that they are audited;
the audit trail itself is read-only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from vanphong.core import audit, rules, services
from vanphong.core.admin_login import admin_login
from vanphong.core.models import AuditEntry, DatedRule, Notification, RoleAssignment, User

admin.site.site_header = _("VanPhong administration")
admin.site.site_title = _("VanPhong administration")
admin.site.index_title = _("Back-office data")
admin.site.login = admin_login


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "target_type", "target_label", "organization")
    list_filter = ("action", "target_type")
    search_fields = ("target_label", "target_id")
    date_hierarchy = "at"


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "user", "kind", "title", "read_at", "emailed_at")
    list_filter = ("kind",)


@admin.register(DatedRule)
class DatedRuleAdmin(admin.ModelAdmin):
    """A rule is never edited in place: a change is a new version with its own effective date."""

    list_display = ("table", "key", "effective_from", "value", "source")
    list_filter = ("table",)
    search_fields = ("key", "source")

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = rules.set_rule(
            acting_user=request.user,
            table=obj.table,
            key=obj.key,
            effective_from=obj.effective_from,
            value=obj.value,
            source=obj.source,
        )
        obj.pk = saved.pk


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Party"), {"fields": ("member", "clearance")}),
    )
    raw_id_fields = ("member",)
    list_display = ("username", "first_name", "last_name", "clearance", "is_active", "is_staff")

    def save_model(self, request, obj, form, change):
        before = (
            audit.snapshot(User.objects.get(pk=obj.pk), exclude=services.USER_AUDIT_EXCLUDE)
            if change
            else None
        )
        super().save_model(request, obj, form, change)
        audit.record(
            actor=request.user,
            action="user.update" if change else "user.create",
            target=obj,
            before=before,
            after=audit.snapshot(obj, exclude=services.USER_AUDIT_EXCLUDE),
        )


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organization")
    list_filter = ("role",)
    autocomplete_fields = ("user", "organization")

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        saved = services.grant_role(
            acting_user=request.user, user=obj.user, organization=obj.organization, role=obj.role
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.revoke_role(acting_user=request.user, assignment=obj)

    def delete_queryset(self, request, queryset):
        for assignment in queryset:
            services.revoke_role(acting_user=request.user, assignment=assignment)
