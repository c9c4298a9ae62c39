from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuesConfig(AppConfig):
    name = "vanphong.dues"
    label = "dues"
    verbose_name = _("Party dues")

    def ready(self):
        from vanphong.core import dashboard
        from vanphong.core import demo as core_demo
        from vanphong.dues import access, attention, demo, history, nav, rule_tables

        access.register()
        history.register()
        rule_tables.register()
        dashboard.register(attention.cards_for, order=400)
        nav.register_entries()
        core_demo.register("dues", demo.load_dues, order=40)
