"""Settings of the test suite: the project's settings, with a key of their own, HTTPS
redirection off (the test client and the browser tests' live server speak plain HTTP, and the live
server builds its middleware before any fixture could change it), and the catalog compiled once
per run.

The project refuses to start outside debug mode without a real secret key; the tests run with
debug off (as production does) and so bring a key that is good for nothing else.
"""

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

os.environ.setdefault("VANPHONG_SECRET_KEY", "tests-only-key-never-used-by-a-server")
os.environ.setdefault("VANPHONG_SSL_REDIRECT", "false")

from vanphong.settings import *  # noqa: E402, F403
from vanphong.settings import BASE_DIR, LOCALE_PATHS  # noqa: E402


def _compiled_catalog() -> str | None:
    """The Vietnamese catalog with the translations still waiting in locale/pending/*.po,
    compiled once per run (the xdist workers inherit the directory from the controller through
    the environment) into a directory read before the project's own; None without gettext (the
    catalog bin/setup compiled is used)."""
    if os.environ.get("VANPHONG_TEST_LOCALE"):
        return os.environ["VANPHONG_TEST_LOCALE"]
    if shutil.which("msgfmt") is None or shutil.which("msgcat") is None:
        return None
    root = Path(tempfile.mkdtemp(prefix="vanphong-locale-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)  # the process that made it, last
    target = root / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    locale = BASE_DIR / "locale"
    sources = [*sorted((locale / "pending").glob("*.po")), locale / "vi/LC_MESSAGES/django.po"]
    merged = target / "django.po"
    subprocess.run(["msgcat", "--use-first", "-o", merged, *sources], check=True, timeout=60)
    subprocess.run(["msgfmt", "-o", target / "django.mo", merged], check=True, timeout=60)
    os.environ["VANPHONG_TEST_LOCALE"] = str(root)
    return str(root)


if _catalog := _compiled_catalog():
    LOCALE_PATHS = [_catalog, *LOCALE_PATHS]
