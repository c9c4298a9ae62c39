from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "vanphong.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from vanphong.documents import access, history, signals  # noqa: F401 — signals connects receivers

        access.register()
        history.register()
