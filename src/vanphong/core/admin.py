"""Back-office admin, in Vietnamese. Writes go through services so that they are audited;
the audit trail itself is read-only."""

import contextvars

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vanphong.core import access, rules, services
from vanphong.core.access import Action
from vanphong.core.models import AuditEntry, DatedRule, Notification, RoleAssignment, User
from vanphong.core.notifications import KINDS
from vanphong.core.registry import Vocabulary
from vanphong.core.roles import ROLES

admin.site.site_header = _("VanPhong administration")
admin.site.site_title = _("VanPhong administration")
admin.site.index_title = _("Back-office data")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def vocabulary_filter(field: str, vocabulary: Vocabulary, title):
    """A list filter over a field whose values an app registered, shown with their labels."""

    class Filter(admin.SimpleListFilter):
        parameter_name = field

        def lookups(self, request, model_admin):
            return vocabulary.choices()

        def queryset(self, request, queryset):
            value = self.value()
            return queryset.filter(**{field: value}) if value else queryset

    Filter.title = title
    return Filter


class ActionAdmin(admin.ModelAdmin):
    """Adding and changing need `action` (core.access) as well as Django's staff permissions."""

    action = None

    def _allowed(self, request) -> bool:
        return access.can(request.user, self.action)

    def has_add_permission(self, request):
        return self._allowed(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request) and super().has_delete_permission(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "target_type", "target_label", "organization")
    list_filter = ("action", "target_type")
    search_fields = ("target_label", "target_id")
    date_hierarchy = "at"


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "user", "kind_label", "title", "read_at", "emailed_at")
    list_filter = (vocabulary_filter("kind", KINDS, _("kind")),)

    @admin.display(description=_("kind"))
    def kind_label(self, obj):
        return obj.kind_label


class DatedRuleForm(forms.ModelForm):
    table = forms.ChoiceField(label=_("table"), choices=rules.TABLES.choices)

    class Meta:
        model = DatedRule
        fields = ("table", "key", "effective_from", "value", "source")

    def clean(self):
        cleaned = super().clean()
        if "table" in cleaned and "value" in cleaned:
            try:
                rules.validate(cleaned["table"], cleaned["value"])
            except ValidationError as error:
                self.add_error("value", error)
        return cleaned


@admin.register(DatedRule)
class DatedRuleAdmin(ActionAdmin):
    """A rule is never edited in place: a change is a new version with its own effective date."""

    action = Action.RULES_CHANGE
    form = DatedRuleForm
    list_display = ("table_label", "key", "effective_from", "value", "source")
    list_filter = (vocabulary_filter("table", rules.TABLES, _("table")),)
    search_fields = ("key", "source")

    @admin.display(description=_("table"))
    def table_label(self, obj):
        return obj.table_label

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


# The admin user acting on the password page: Django's view builds the form without the request.
_acting_user: contextvars.ContextVar = contextvars.ContextVar("acting_admin_user")


class AuditedPasswordForm(AdminPasswordChangeForm):
    def save(self, commit=True):
        usable = self.cleaned_data.get("set_usable_password", True)
        return services.set_password(
            acting_user=_acting_user.get(),
            user=self.user,
            password=self.cleaned_data["password1"] if usable else None,
        )


@admin.register(User)
class UserAdmin(ActionAdmin, DjangoUserAdmin):
    action = Action.USERS_MANAGE
    change_password_form = AuditedPasswordForm
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Party"), {"fields": ("member", "clearance")}),
    )
    raw_id_fields = ("member",)
    list_display = ("username", "first_name", "last_name", "clearance", "is_active", "is_staff")

    def has_change_permission(self, request, obj=None):
        # a superuser's account, password included, is changed by a superuser only
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # deactivate instead: the history keeps pointing at the people who acted
        return False

    def save_model(self, request, obj, form, change):
        services.save_user(acting_user=request.user, user=obj)

    def user_change_password(self, request, id, form_url=""):
        token = _acting_user.set(request.user)
        try:
            return super().user_change_password(request, id, form_url)
        finally:
            _acting_user.reset(token)


class RoleAssignmentForm(forms.ModelForm):
    role = forms.ChoiceField(label=_("role"), choices=ROLES.choices)

    class Meta:
        model = RoleAssignment
        fields = ("user", "organization", "role")


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ActionAdmin):
    action = Action.USERS_MANAGE
    form = RoleAssignmentForm
    list_display = ("user", "role_label", "organization")
    list_filter = (vocabulary_filter("role", ROLES, _("role")),)
    autocomplete_fields = ("user", "organization")

    @admin.display(description=_("role"))
    def role_label(self, obj):
        return obj.role_label

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
