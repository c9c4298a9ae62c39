"""Registries through which each app brings its own vocabulary into the core.

Core knows no area. An app registers its roles, notification kinds, rule tables, dashboard cards,
navigation entries, search kinds and data-generator parts from its `AppConfig.ready`; core code
reads the registries. Two shapes cover them all: a `Vocabulary` of stored values with labels (the
values a CharField keeps) and an `Ordered` list of providers.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    value: str
    label: Any  # a lazy translation
    extra: dict = field(default_factory=dict)


class Vocabulary:
    """Values a model field stores, each registered once by its app with its label.

    The field keeps a plain CharField validated against the vocabulary (`validator`), so that a new
    app's values need no migration of core; forms and the admin take their `choices()` from here.
    """

    def __init__(self, name: str):
        self.name = name
        self._terms: dict[str, Term] = {}

    def register(self, value, label, **extra) -> Term:
        value = str(value)
        known = self._terms.get(value)
        if known is not None and (known.label != label or known.extra != extra):
            raise ValueError(f"{self.name} {value!r} is registered twice")
        term = known or Term(value, label, extra)
        self._terms[value] = term
        return term

    def register_choices(self, choices, **extra) -> None:
        """Register every member of a TextChoices class."""
        for value, label in choices.choices:
            self.register(value, label, **extra)

    def unregister(self, value) -> None:
        """For tests that register a kind of their own."""
        self._terms.pop(str(value), None)

    def __contains__(self, value) -> bool:
        return str(value) in self._terms

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms.values())

    def get(self, value) -> Term | None:
        return self._terms.get(str(value))

    def values(self) -> list[str]:
        return list(self._terms)

    def label(self, value) -> str:
        """The label of a stored value; an unknown one (its app removed) shows as stored."""
        term = self._terms.get(str(value))
        return str(term.label) if term else str(value)

    def choices(self) -> list[tuple[str, Any]]:
        """(value, label) in the terms' `order` (an extra, 500 if none), then as registered."""
        terms = sorted(self._terms.values(), key=lambda t: t.extra.get("order", 500))
        return [(t.value, t.label) for t in terms]

    def validator(self, value) -> None:
        if str(value) not in self._terms:
            raise ValidationError(
                _("Unknown value “%(value)s”."), code="unknown", params={"value": value}
            )


class Ordered:
    """Providers registered by apps, read in their `order` (then in registration order)."""

    def __init__(self, name: str):
        self.name = name
        self._items: list[tuple[int, int, Any]] = []

    def register(self, item, order: int = 500):
        """Add `item`; the same item registered again (an app's `ready` run twice) is kept once."""
        if any(entry[2] == item for entry in self._items):
            return item
        self._items.append((order, len(self._items), item))
        self._items.sort(key=lambda entry: entry[:2])
        return item

    def unregister(self, item) -> None:
        self._items = [entry for entry in self._items if entry[2] is not item]

    def __iter__(self) -> Iterator:
        return iter([entry[2] for entry in self._items])

    def __len__(self) -> int:
        return len(self._items)
