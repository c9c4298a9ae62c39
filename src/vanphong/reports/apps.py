from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "vanphong.reports"
    label = "reports"
    verbose_name = _("Reports and statistics")

    def ready(self):
        from vanphong.core import generator
        from vanphong.reports import nav
        from vanphong.reports.generator import part

        nav.register_entries()
        generator.register(part.PART)
