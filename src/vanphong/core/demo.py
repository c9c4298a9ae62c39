"""Demo loaders registered by the apps; `manage.py load_demo` runs them in their order.

Each app that brings demo data registers one loader from its `AppConfig.ready`:

    demo.register("documents", load_documents, order=20)

A loader is called as `loader(as_of=date, out=stream)`: it dates everything relative to the
reference day `as_of`, fixes its own random seed (so one day always gives the same demo), and
does nothing when its data is already there. Core knows no area: it only keeps the list.
"""

import datetime
from collections.abc import Callable
from typing import NamedTuple, Protocol


class Loader(Protocol):
    def __call__(self, *, as_of: datetime.date, out) -> None: ...


class _Entry(NamedTuple):
    order: int
    name: str
    loader: Callable


_LOADERS: dict[str, _Entry] = {}


def register(name: str, loader: Loader, order: int) -> None:
    """Register (or replace, on a second `ready`) the demo loader of `name`; lower orders first
    (the organizations before the documents that belong to them)."""
    _LOADERS[name] = _Entry(order, name, loader)


def loaders() -> list[tuple[str, Callable]]:
    return [(e.name, e.loader) for e in sorted(_LOADERS.values())]


def load(as_of: datetime.date, out=None) -> None:
    for _name, loader in loaders():
        loader(as_of=as_of, out=out)
