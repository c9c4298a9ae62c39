from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "vanphong.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from vanphong.documents import access, notices, rule_tables, signals  # noqa: F401

        access.register()  # signals, imported above, connects its receivers
        notices.register()
        rule_tables.register()
