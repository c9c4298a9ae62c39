"""Quality gates run with the suite: ruff, migrations, the Vietnamese catalog."""

import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "src" / "vanphong" / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_ruff_is_clean():
    ruff = Path(sys.executable).parent / "ruff"
    check = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:
        pytest.fail(f"missing migrations:\n{out.getvalue()} ({exc})")


def test_catalog_is_complete_and_compiles():
    result = subprocess.run(
        [require_tool("msgfmt"), "-c", "--statistics", "-o", "/dev/null", CATALOG],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.django_db
def test_catalog_covers_every_message_in_the_code(tmp_path, settings, monkeypatch):
    """makemessages over a copy of the sources leaves no untranslated entry: every string in the
    code and templates is in the committed catalog."""
    msgfmt = require_tool("msgfmt")
    copy = tmp_path / "vanphong"
    shutil.copytree(ROOT / "src" / "vanphong", copy, ignore=shutil.ignore_patterns("__pycache__"))
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["vi"], no_obsolete=True, verbosity=0)
    result = subprocess.run(
        [msgfmt, "--statistics", "-o", "/dev/null", copy / "locale/vi/LC_MESSAGES/django.po"],
        capture_output=True,
        text=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_the_suite_runs_on_its_fixed_clock():
    """Every test but a `real_clock` one reads the suite's day, 25/11/2026 in Asia/Ho_Chi_Minh
    (tests/clock.py, set before collection), whatever day the suite is run: no test depends on
    the day it runs. The clock ticks on from 10:00 for the length of the run."""
    import datetime

    from django.utils import timezone

    from tests import clock

    assert timezone.localdate() == clock.TODAY
    assert datetime.date.today() == clock.TODAY
    assert datetime.timedelta(0) <= timezone.now() - clock.NOW < datetime.timedelta(hours=12)


def test_only_browser_tests_run_on_the_real_clock():
    """The real clock is for the browser tests on the live server (the browser keeps real time);
    one time library only (time-machine)."""
    tests = ROOT / "tests"
    sources = {p: p.read_text(encoding="utf-8") for p in tests.rglob("*.py")}
    own = {Path(__file__), tests / "conftest.py", tests / "clock.py"}
    real_clock = [
        p.relative_to(ROOT)
        for p, text in sources.items()
        if "mark.real_clock" in text and p not in own and "e2e" not in p.parts
    ]
    assert real_clock == []
    assert [p.relative_to(ROOT) for p, text in sources.items() if "freezegun" in text] == [
        Path(__file__).relative_to(ROOT)
    ]


def test_users_are_addressed_as_comrades_and_no_space_precedes_a_full_stop():
    """Every message a user can meet, ours and Django's, reads as VanPhong speaks: "đồng chí",
    never "bạn", and no stray space before punctuation (Django's own Vietnamese has both)."""
    import gettext
    import re

    import django
    from django.utils.translation import trans_real

    ours = trans_real.translation("vi")._catalog
    django_root = Path(django.__file__).parent
    # the administration site (contrib/admin) is left in Django's words: only administrators see it
    from django.conf import settings

    catalogs = [
        django_root / "conf/locale",
        django_root / "contrib/auth/locale",
        Path(settings.LOCALE_PATHS[0]),  # ours, as this run compiled it (tests/settings.py)
    ]
    wrong = []
    for catalog in catalogs:
        with open(catalog / "vi/LC_MESSAGES/django.mo", "rb") as mo:
            keys = [k for k in gettext.GNUTranslations(mo)._catalog if k]
        for key in keys:
            text = ours[key]  # what the user reads: our catalog wins over Django's
            if re.search(r"\b[Bb]ạn\b| [.,:;](\s|$)", text):
                wrong.append(f"{key!r}: {text}")
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_no_date_field_follows_the_browsers_locale():
    """A browser date picker shows mm/dd/yyyy in an English browser: every date is typed as
    dd/mm/yyyy text (core.form_fields), like the lists and filters that show it."""
    pickers = []
    for path in (ROOT / "src" / "vanphong").rglob("*"):
        if path.suffix not in {".html", ".py"} or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for marker in ('type="date"', "datetime-local", 'input_type = "date"'):
            if marker in text:
                pickers.append(f"{path.relative_to(ROOT)}: {marker}")
    assert not pickers, "\n".join(pickers)
