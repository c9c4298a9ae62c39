"""The Vietnamese of the security work's messages, from its pending PO file until the catalogue is
refreshed from it (bin/i18n); then the file is gone and the catalogue answers alone. Import the
fixture into a test module that reads those messages."""

import subprocess
from pathlib import Path

import pytest

SECURITY_PO = Path(__file__).parents[1] / "src/vanphong/locale/pending/security.po"


@pytest.fixture(autouse=True)
def security_translations(settings, tmp_path_factory):
    if not SECURITY_PO.exists():
        return
    root = tmp_path_factory.mktemp("locale")
    target = root / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    subprocess.run(
        ["msgfmt", "-o", str(target / "django.mo"), str(SECURITY_PO)], check=True, timeout=30
    )
    settings.LOCALE_PATHS = [str(root), *settings.LOCALE_PATHS]
