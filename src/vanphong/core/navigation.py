"""The navigation bar's entries, brought by the apps.

An app registers its entries (`register(NavEntry(...))`, from its `AppConfig.ready`): a label, the
url name it opens (with its arguments) and the action a user must hold to see it, or a menu of
such entries (`children`; None draws a divider). The bar shows them in their `order`, after the
dashboard and before the administration link.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from vanphong.core import access
from vanphong.core.registry import Ordered

ENTRIES = Ordered("navigation entry")


@dataclass(frozen=True)
class NavEntry:
    label: object  # a lazy translation
    url_name: str = ""
    url_args: tuple = ()
    action: str | None = None
    order: int = 500
    children: tuple["NavEntry | None", ...] = field(default_factory=tuple)
    html_id: str = ""


def register(entry: NavEntry) -> NavEntry:
    return ENTRIES.register(entry, entry.order)


def _shown(entry: NavEntry, user) -> bool:
    return entry.action is None or access.can(user, entry.action)


def _item(entry: NavEntry, user) -> dict | None:
    if not _shown(entry, user):
        return None
    item = {"label": entry.label, "id": entry.html_id, "url": "", "children": []}
    if entry.url_name:
        item["url"] = reverse(entry.url_name, args=entry.url_args)
    if entry.children:
        children = []
        for child in entry.children:
            shown = None if child is None else _item(child, user)
            if child is None or shown is not None:
                children.append(shown)  # None: a divider
        item["children"] = _without_stray_dividers(children)
        if not item["children"]:
            return None
    return item


def _without_stray_dividers(children: list) -> list:
    kept: list = []
    for child in children:
        if child is None and (not kept or kept[-1] is None):
            continue
        kept.append(child)
    while kept and kept[-1] is None:
        kept.pop()
    return kept


def items_for(user) -> list[dict]:
    """The entries `user` may open, in order, with their urls."""
    if not user.is_authenticated:
        return []
    return [item for item in (_item(entry, user) for entry in ENTRIES) if item is not None]
