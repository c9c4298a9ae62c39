"""The suite's settings: the application's, read from the same environment, with HTTPS
redirection off by default — the test client and the browser tests' live server speak plain
HTTP, and the live server builds its middleware before any test fixture could change it."""

import os

os.environ.setdefault("VANPHONG_SSL_REDIRECT", "false")

from vanphong.settings import *  # noqa: E402, F403
