"""A fuzz test of the whole API from its OpenAPI schema (schemathesis): as each demo user and
anonymously, a few generated requests per operation, none answering a server error. The office
head also sends requests that break the schema (values past each bound, wrong types), which must
be refused with a 4xx, never a 5xx.

Bounded: EXAMPLES requests per operation and user keep the test under a minute. The two steps
that run LibreOffice or sign a PDF (seconds each) are left out: they are tested on their own."""

import io
import time

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.api.conftest import bearer
from vanphong.api import api
from vanphong.core.models import User

EXAMPLES = 2
SLOW = {"make_issued_pdf", "sign_issued_pdf"}
DEMO_USERS = [
    None,  # anonymous
    "admin",
    "chanhvanphong",
    "chuyenvien",
    "vanthu",
    "luutru",
    "ketoan",
    "bithu",
    "bithuchibo",
    "dangvien",
]


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, serving within the test's transaction: like Django's test
    client, requests must not close the database connection when they finish."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.fuzz
@pytest.mark.django_db
def test_no_generated_request_is_a_server_error(wsgi_app, settings, tmp_path):
    """GIVEN the demo loaded WHEN each demo user (and an anonymous caller) sends generated
    requests to every operation THEN no answer is a 5xx."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.ALLOWED_HOSTS = ["localhost"]
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = wsgi_app
    operations = [
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().definition.raw.get("operationId") not in SLOW
    ]
    assert len(operations) > 40
    started, calls = time.monotonic(), 0

    plan = [(name, GenerationMode.POSITIVE) for name in DEMO_USERS]
    plan.append(("chanhvanphong", GenerationMode.NEGATIVE))
    for number, (username, mode) in enumerate(plan):
        user = User.objects.get(username=username) if username else None
        for operation in operations:
            # A fresh token per operation: a generated request may revoke the one it carries.
            token = bearer(user).get("HTTP_AUTHORIZATION")
            calls += fuzz(operation, mode, {"Authorization": token} if token else {}, number)

    assert calls >= len(operations) * len(plan)
    print(f"{calls} requests in {time.monotonic() - started:.1f} s")


def fuzz(operation, mode: GenerationMode, headers: dict, number: int) -> int:
    """Send generated requests to one operation; fail on a server error. Returns how many.
    Each user has its own seed: other requests for each, the same ones on every run."""
    sent = 0

    @seed(number)
    @settings_for_fuzz
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        nonlocal sent
        sent += 1
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error], headers=headers)

    check()
    return sent


settings_for_fuzz = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
