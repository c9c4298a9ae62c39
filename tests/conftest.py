import pytest
from django.core import mail

from tests import factories


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
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
