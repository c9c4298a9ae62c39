import os

import pytest

from tests.tools import require_tool

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around it
# are synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser_page():
    """A Chromium page. The browser keeps the machine's clock: tests using it are `real_clock`
    (the server's cookies and the browser must agree on the time)."""
    from playwright.sync_api import sync_playwright

    chromium = require_tool("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15_000)
        yield page
        browser.close()
