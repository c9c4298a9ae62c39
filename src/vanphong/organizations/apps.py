from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "vanphong.organizations"
    label = "organizations"
    verbose_name = _("Party organizations and members")

    def ready(self):
        from vanphong.organizations import access, history_display

        access.register()
        history_display.register()
