"""System tools the tests need, asked for in one place.

    require_tool("soffice")                 # in a test or fixture: returns the tool's path
    pytestmark = pytest.mark.tools("pdftotext", "soffice")   # every test of a module

A missing tool skips the test on a developer's machine, naming the Debian package to install;
under CI (`CI=true`) or `bin/test` (`VANPHONG_STRICT_TOOLS=1`) it fails the test the same way, so
a missing tool never turns into a silent skip nor into unrelated failures.
"""

import os
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest


class Tool(NamedTuple):
    package: str
    paths: tuple[str, ...] = ()  # files to look for instead of a command on PATH


CHROMIUM = "/usr/bin/chromium"
VIETNAMESE_FONTS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
TOOLS = {
    "soffice": Tool("libreoffice-writer-nogui"),
    "pdftotext": Tool("poppler-utils"),
    "pdftoppm": Tool("poppler-utils"),
    "pdfsig": Tool("poppler-utils"),
    "chromium": Tool("chromium", (CHROMIUM,)),
    "msgfmt": Tool("gettext"),
    "vietnamese-font": Tool("fonts-liberation2", VIETNAMESE_FONTS),
}


def strict() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("VANPHONG_STRICT_TOOLS") == "1"


def find_tool(name: str) -> str | None:
    tool = TOOLS[name]
    if tool.paths:
        return next((p for p in tool.paths if Path(p).exists()), None)
    if name == "soffice":  # the binary the application runs (settings.SOFFICE_BINARY)
        return shutil.which(os.environ.get("VANPHONG_SOFFICE") or name)
    return shutil.which(name)


def require_tool(name: str) -> str:
    """The path of the tool `name` (a key of TOOLS); fails or skips the test when it is missing."""
    found = find_tool(name)
    if found is not None:
        return found
    message = f"{name} is not installed: apt-get install {TOOLS[name].package}"
    if strict():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
