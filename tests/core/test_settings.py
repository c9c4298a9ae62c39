"""Settings fail fast: a server never starts on the development key or a malformed variable, and
the operator reads one Vietnamese line naming the variable instead of a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IMPORT = """
import sys
from django.core.exceptions import ImproperlyConfigured
try:
    import vanphong.settings as s
except ImproperlyConfigured as exc:
    sys.exit(f"ImproperlyConfigured: {exc}")
print(s.TASKS["default"]["BACKEND"])
"""
PRODUCTION = {"VANPHONG_DEBUG": "false", "VANPHONG_SECRET_KEY": "a-long-random-production-key"}


def _settings(**env) -> subprocess.CompletedProcess:
    """Import vanphong.settings in a fresh interpreter with exactly these VanPhong variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("VANPHONG_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "-c", IMPORT],
        env={**clean, "PYTHONPATH": str(ROOT / "src"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def _manage(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("VANPHONG_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "vanphong.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _error_line(result) -> str:
    assert result.returncode != 0
    return result.stderr.strip().splitlines()[-1]


def test_production_settings_load():
    result = _settings(**PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend"


@pytest.mark.parametrize(
    "env",
    [
        pytest.param({"VANPHONG_DEBUG": "false"}, id="missing"),
        pytest.param({}, id="debug-unset-and-missing"),
        pytest.param(
            {"VANPHONG_DEBUG": "false", "VANPHONG_SECRET_KEY": "dev-only-insecure-key-change-me"},
            id="development-key",
        ),
    ],
)
def test_without_a_real_secret_key_outside_debug_nothing_starts(env):
    line = _error_line(_settings(**env))
    assert line.startswith("ImproperlyConfigured: Chưa đặt VANPHONG_SECRET_KEY")


def test_debug_mode_keeps_the_development_key():
    assert _settings(VANPHONG_DEBUG="true").returncode == 0


def test_manage_py_says_one_line_not_a_traceback():
    result = _manage(VANPHONG_DEBUG="false")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("VanPhong: Chưa đặt VANPHONG_SECRET_KEY")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"VANPHONG_TASKS_BACKEND": "celery"},
            "VANPHONG_TASKS_BACKEND='celery' không hợp lệ: chọn một trong db, rq, immediate",
        ),
        (
            {"DATABASE_URL": "postgress://vp@db.local/vanphong"},
            "DATABASE_URL ('db.local/vanphong') không hợp lệ: lược đồ không được hỗ trợ",
        ),
        (
            {"DATABASE_URL": "postgres://vp:secret@db.local:port/vanphong"},
            "DATABASE_URL ('db.local:port/vanphong') không hợp lệ: không phải một địa chỉ",
        ),
        ({"VANPHONG_SESSION_MINUTES": "tám"}, "VANPHONG_SESSION_MINUTES='tám' không hợp lệ"),
        ({"VANPHONG_DEBUG": "maybe"}, "VANPHONG_DEBUG='maybe' không hợp lệ: cần true hoặc false"),
    ],
)
def test_a_malformed_variable_is_one_line_naming_it(env, expected):
    result = _settings(**{**PRODUCTION, **env})
    assert "KeyError" not in result.stderr
    line = _error_line(result)
    assert line.startswith("ImproperlyConfigured: ") and expected in line
    assert "secret" not in result.stderr  # a password in DATABASE_URL is never printed


def test_manage_py_names_a_malformed_variable_in_one_line():
    result = _manage(**PRODUCTION, VANPHONG_TASKS_BACKEND="celery")
    assert result.stderr.strip().splitlines() == [
        "VanPhong: Biến môi trường VANPHONG_TASKS_BACKEND='celery' không hợp lệ: chọn một trong "
        "db, rq, immediate"
    ]


def test_the_rq_backend_is_chosen_by_its_word():
    result = _settings(**PRODUCTION, VANPHONG_TASKS_BACKEND="RQ")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django_tasks_rq.RQBackend"
