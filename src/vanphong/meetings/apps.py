from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "vanphong.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from vanphong.core import dashboard, generator
        from vanphong.core import demo as core_demo
        from vanphong.meetings import (
            access,
            attention,
            demo,
            history,
            nav,
            notices,
            rule_tables,
            search,
        )
        from vanphong.meetings import (
            generator as meetings_generator,
        )

        access.register()
        history.register()
        notices.register()
        rule_tables.register()
        dashboard.register(attention.cards_for, order=300)
        nav.register_entries()
        search.register_kinds()
        core_demo.register("meetings", demo.load_meetings, order=30)
        generator.register(meetings_generator.PART)
