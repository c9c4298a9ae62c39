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


@pytest.fixture(autouse=True)
def _demo_pki_of_the_real_clock():
    """The demo PKI is made once per process, valid from the day before: made here on the real
    clock, it would not yet be valid for the tests on the suite's fixed day, so none is kept."""
    from vanphong.documents import demo_pki

    demo_pki.demo_ca.cache_clear()
    demo_pki.demo_identity.cache_clear()
    yield
    demo_pki.demo_ca.cache_clear()
    demo_pki.demo_identity.cache_clear()


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
