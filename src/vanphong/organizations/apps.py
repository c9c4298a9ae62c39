from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "vanphong.organizations"
    label = "organizations"
    verbose_name = _("Party organizations and members")

    def ready(self):
        from vanphong.core import demo as core_demo
        from vanphong.organizations import access, demo, history_display

        access.register()
        history_display.register()
        core_demo.register("organizations", demo.load, order=10)
