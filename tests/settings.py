"""Settings of the test suite: the project's settings, with a key of their own.

The project refuses to start outside debug mode without a real secret key; the tests run with
debug off (as production does) and so bring a key that is good for nothing else.
"""

import os

os.environ.setdefault("VANPHONG_SECRET_KEY", "tests-only-key-never-used-by-a-server")

from vanphong.settings import *  # noqa: E402, F403

# The catalog compiled once per run by tests/conftest.py (with the pending translations) first.
if os.environ.get("VANPHONG_TEST_LOCALE"):
    LOCALE_PATHS = [os.environ["VANPHONG_TEST_LOCALE"], *LOCALE_PATHS]  # noqa: F405
