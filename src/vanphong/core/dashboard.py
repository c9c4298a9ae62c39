"""The dashboard ("what needs your attention"): cards brought by the apps.

An app registers a card provider, `provider(user) -> list[dict]` with a label, a figure and a url
(empty for none), at an `order` (`register(provider, order)`, from its `AppConfig.ready`). A provider
counts only over what the user may see and returns no card for work the user cannot do.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import notifications
from vanphong.core.registry import Ordered

PROVIDERS = Ordered("dashboard card provider")


def register(provider, order: int = 500):
    return PROVIDERS.register(provider, order)


def cards_for(user) -> list[dict]:
    cards = []
    for provider in PROVIDERS:
        cards.extend(provider(user))
    return cards


def unread_notifications(user) -> list[dict]:
    return [
        {
            "label": _("Unread notifications"),
            "figure": notifications.unread_count(user),
            "url": reverse("core:inbox") + "?chua_doc=1",
        }
    ]


# Last, after every area's cards.
register(unread_notifications, order=1000)
