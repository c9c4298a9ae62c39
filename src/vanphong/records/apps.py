from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "vanphong.records"
    label = "records"
    verbose_name = _("Records and archives")

    def ready(self):
        from vanphong.core import dashboard
        from vanphong.core import demo as core_demo
        from vanphong.records import access, attention, demo, history, nav, rule_tables, search

        access.register()
        history.register()
        rule_tables.register()
        dashboard.register(attention.cards_for, order=400)
        nav.register_entries()
        search.register_kinds()
        core_demo.register("records", demo.load_records, order=40)
