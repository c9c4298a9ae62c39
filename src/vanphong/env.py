"""Small typed parsers for settings read from environment variables.

Every variable is documented in docs/configuration.md; a malformed value stops start-up with a
message naming the variable, rather than running with a silent default.
"""

import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class ConfigError(ValueError):
    pass


def _get(name: str, default: T, parse: Callable[[str], T]) -> T:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r}: {exc}") from exc


def _bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true/false")


def env_str(name: str, default: str) -> str:
    return _get(name, default, str)


def env_int(name: str, default: int) -> int:
    return _get(name, default, int)


def env_bool(name: str, default: bool) -> bool:
    return _get(name, default, _bool)


def env_list(name: str, default: list[str]) -> list[str]:
    return _get(name, default, lambda raw: [p.strip() for p in raw.split(",") if p.strip()])
