import datetime
import time

import pytest
from django.core import mail

from tests import clock, factories
from tests.tools import require_tool

# Started before collection: module-level code of the test files reads the fixed day too.
_clock = clock.fixed()
_clock.start()
_started = time.monotonic()  # time-machine leaves the monotonic clock alone


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "real_clock: runs on the machine's clock (browser tests on the live server)"
    )
    config.addinivalue_line(
        "markers", "tools(*names): system tools the tests need (tests/tools.py)"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Keep together the tests that share a database set-up, so that `--dist loadgroup` runs them
    on one worker: the tests using a module-scoped fixture, and the transactional
    tests of a module (each flushes and rebuilds the worker's database). A browser test runs on
    the real clock."""
    for item in items:
        if "browser_page" in item.fixturenames:  # the browser keeps real time (tests/clock.py)
            item.add_marker(pytest.mark.real_clock)
        db = item.get_closest_marker("django_db")
        transactional = db is not None and bool(db.kwargs.get("transaction"))
        fixtures = getattr(item, "_fixtureinfo", None)
        shared = fixtures is not None and any(
            definitions[-1].scope == "module" for definitions in fixtures.name2fixturedefs.values()
        )
        if transactional or shared:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def pytest_unconfigure(config):
    _clock.stop()


@pytest.fixture(autouse=True)
def _fixed_clock(request):
    """A `real_clock` test runs on the machine's clock; every other one on the fixed clock, which
    ticks on from its instant through the run (time never goes back between two tests)."""
    if not request.node.get_closest_marker("real_clock"):
        yield
        return
    global _clock
    _clock.stop()
    try:
        yield
    finally:  # back on the fixed clock, as far on as the run is
        elapsed = datetime.timedelta(seconds=time.monotonic() - _started)
        _clock = clock.fixed(clock.NOW + elapsed)
        _clock.start()


@pytest.fixture(autouse=True)
def _tools(request):
    for mark in request.node.iter_markers("tools"):
        for name in mark.args:
            require_tool(name)


@pytest.fixture(autouse=True)
def _rules_after_a_flush(request):
    """The dated rule tables come from a data migration, and a transactional test flushes them
    from its worker's database: a later test, whatever order the workers run them in, finds them
    back (loaded inside its own transaction)."""
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if "transactional_db" in names or "live_server" in names:
        return
    if marker is not None and marker.kwargs.get("transaction"):
        return
    if marker is None and "db" not in names:
        return
    request.getfixturevalue("db")
    from vanphong.core.models import DatedRule
    from vanphong.documents import rule_seeds
    from vanphong.dues import rule_seeds as dues_rule_seeds
    from vanphong.meetings import rule_seeds as meeting_rule_seeds
    from vanphong.records import rule_seeds as record_rule_seeds

    if not DatedRule.objects.exists():
        rule_seeds.load(DatedRule)
        meeting_rule_seeds.load(DatedRule)
        dues_rule_seeds.load(DatedRule)
        record_rule_seeds.load(DatedRule)


@pytest.fixture(scope="session")
def _held_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("held")


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings, _held_dir):
    # files held across a refused form (documents/held_uploads.py), out of the checkout's var/
    settings.DOCUMENT_HELD_DIR = _held_dir
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Tests write rule rows directly and roll them back: no rule table kept between reads.
    settings.RULES_CACHE_SECONDS = 0
    # Users log in with a password; the second-factor tests turn the requirement on.
    settings.SECOND_FACTOR_REQUIRED = False
    mail.outbox = []


@pytest.fixture
def tree(db):
    return factories.Tree()
