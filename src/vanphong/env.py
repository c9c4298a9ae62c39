"""Small typed parsers for settings read from environment variables.

Every variable is documented in docs/configuration.md; a malformed value stops start-up with one
line naming the variable, rather than running with a silent default or a traceback. The messages
are Vietnamese literals: settings are read before Django's translation machinery exists.
"""

import os
from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")


class ConfigError(ImproperlyConfigured, ValueError):
    """A setting that cannot be used; its message is the one line shown to the operator."""


def _get(name: str, default: T, parse: Callable[[str], T]) -> T:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except ValueError as exc:
        raise ConfigError(f"Biến môi trường {name}={raw!r} không hợp lệ: {exc}") from None


def _int(raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise ValueError("cần một số nguyên") from None


def _bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError("cần true hoặc false")


def env_str(name: str, default: str) -> str:
    return _get(name, default, str)


def env_int(name: str, default: int) -> int:
    return _get(name, default, _int)


def env_bool(name: str, default: bool) -> bool:
    return _get(name, default, _bool)


def env_list(name: str, default: list[str]) -> list[str]:
    return _get(name, default, lambda raw: [p.strip() for p in raw.split(",") if p.strip()])


def env_choice(name: str, default: str, choices: dict[str, T]) -> T:
    """The value `choices` maps the variable's word to; an unknown word names the known ones."""
    word = env_str(name, default).strip().lower()
    if word not in choices:
        known = ", ".join(choices)
        raise ConfigError(f"Biến môi trường {name}={word!r} không hợp lệ: chọn một trong {known}")
    return choices[word]


def env_database(name: str, default: str, **options) -> dict:
    """A Django DATABASES entry from a database URL (dj-database-url syntax)."""
    import dj_database_url

    raw = env_str(name, default)
    try:
        return dj_database_url.parse(raw, **options)
    except (ValueError, KeyError) as exc:  # UnknownSchemeError is a ValueError, ParseError too
        shown = raw.split("@")[-1] if "@" in raw else raw  # never print a password
        reason = (
            "lược đồ không được hỗ trợ (dùng postgres:// hoặc sqlite:///)"
            if isinstance(exc, dj_database_url.UnknownSchemeError)
            else "không phải một địa chỉ cơ sở dữ liệu hợp lệ"
        )
        raise ConfigError(f"Biến môi trường {name} ({shown!r}) không hợp lệ: {reason}") from None


def require_secret_key(name: str, value: str, development_key: str, debug: bool) -> str:
    """Outside debug mode the secret key must be set and must not be the development key."""
    if not debug and value == development_key:
        raise ConfigError(
            f"Chưa đặt {name}: ngoài chế độ phát triển (VANPHONG_DEBUG=false) phải đặt một khóa "
            "bí mật riêng, dài và ngẫu nhiên."
        )
    return value
