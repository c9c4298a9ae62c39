from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "vanphong.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from vanphong.core import dashboard
        from vanphong.core import demo as core_demo
        from vanphong.documents import (  # noqa: F401 — signals connects its receivers
            access,
            attention,
            demo,
            history,
            nav,
            notices,
            rule_tables,
            search,
            signals,
        )

        access.register()
        history.register()
        notices.register()
        rule_tables.register()
        dashboard.register(attention.cards_for, order=200)
        nav.register_entries()
        search.register_kinds()
        core_demo.register("documents", demo.load_documents, order=20)
