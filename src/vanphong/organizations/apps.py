from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "vanphong.organizations"
    label = "organizations"
    verbose_name = _("Party organizations and members")

    def ready(self):
        from vanphong.core import dashboard as core_dashboard
        from vanphong.core import demo as core_demo
        from vanphong.organizations import (
            access,
            dashboard,
            demo,
            history_display,
            nav,
            notices,
            roles,
        )

        roles.register()
        access.register()
        history_display.register()
        notices.register()
        core_dashboard.register(dashboard.cards_for, order=100)
        nav.register_entries()
        core_demo.register("organizations", demo.load, order=10)
