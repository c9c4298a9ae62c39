"""Search across the areas: each app registers the kinds of record it can find.

A kind (`SearchKind`) names what it finds, the action a user must hold to search it and
`find(user, q, limit) -> list[SearchHit]`, which matches only among what the user may see
(`core.access.visible`). `search(user, q)` asks every kind the user may search, in order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from vanphong.core import access
from vanphong.core.registry import Ordered

KINDS = Ordered("search kind")
PER_KIND = 10


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: object  # a lazy translation
    action: str
    find: Callable[..., list[SearchHit]]
    order: int = 500


def register(kind: SearchKind) -> SearchKind:
    if any(known.key == kind.key and known != kind for known in KINDS):
        raise ValueError(f"search kind {kind.key!r} is registered twice")
    return KINDS.register(kind, kind.order)


def kinds_for(user) -> list[SearchKind]:
    return [kind for kind in KINDS if access.can(user, kind.action)]


def search(user, q: str, limit: int = PER_KIND) -> list[tuple[SearchKind, list[SearchHit]]]:
    """The hits of each kind the user may search, at most `limit` each; kinds without a hit left
    out. An empty text finds nothing."""
    q = q.strip()
    if not q:
        return []
    results = []
    for kind in kinds_for(user):
        hits = kind.find(user, q, limit)
        if hits:
            results.append((kind, hits[:limit]))
    return results
