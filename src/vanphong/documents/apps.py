from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "vanphong.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from vanphong.core import demo as core_demo
        from vanphong.documents import access, demo, history, signals  # noqa: F401 — signals connects receivers

        access.register()
        history.register()
        core_demo.register("documents", demo.load_documents, order=20)
