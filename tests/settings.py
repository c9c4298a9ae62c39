"""Settings of the test suite: the project's settings, with a key of their own.

The project refuses to start outside debug mode without a real secret key; the tests run with
debug off (as production does) and so bring a key that is good for nothing else.
"""

import os

os.environ.setdefault("VANPHONG_SECRET_KEY", "tests-only-key-never-used-by-a-server")

from vanphong.settings import *  # noqa: E402, F403
