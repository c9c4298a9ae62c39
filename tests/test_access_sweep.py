"""The access sweep: every address of every area, as every demo role and anonymously.

- anonymous: the login page, nothing else (a redirect to it);
- a signed-in role: never a server error; a refusal is the Vietnamese 403/404 page, never
  Django's technical page;
- a classified record's summary never reaches a reader below its clearance: not in a list, a
  search, a count, a page, an export or a file (XLSX, PDF, DOCX read back as text);
- a write that is refused changes nothing;
- no answer may be kept by a browser or a proxy (Cache-Control: no-store).

Each area lists its addresses in `tests/<app>/access_samples.py`; a URL pattern no area lists
fails `test_every_address_is_swept`, so a new page is swept from the day it exists."""

import importlib

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_sweep_support import MARKERS, World, text_of

pytestmark = pytest.mark.django_db

NOT_SWEPT_HERE = ("quan-tri/", "api/")  # the admin's own site; the API has its own fuzz test
REFUSAL_PAGES = ("Không tìm thấy trang", "Không có quyền truy cập")
ANSWERS = {200, 302, 400, 403, 404, 405}


def _areas():
    for config in apps.get_app_configs():
        if config.name.startswith("vanphong."):
            module = f"tests.{config.label}.access_samples"
            try:
                yield config.label, importlib.import_module(module).SAMPLES
            except ModuleNotFoundError:
                yield config.label, []


SAMPLES = [sample for _, samples in _areas() for sample in samples]


def _url_names(patterns=None, prefix="", namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(NOT_SWEPT_HERE):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def test_every_address_is_swept():
    swept = {sample.name for sample in SAMPLES}
    missing = sorted(set(_url_names()) - swept)
    assert not missing, f"add a Sample to tests/<app>/access_samples.py for: {missing}"


def _state() -> dict:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("vanphong.")
        and model._meta.label not in ("core.LoginFailure", "documents.ConfidentialAccess")
    }


def _url(sample, world) -> str:
    url = reverse(sample.name, args=sample.args(world))
    return f"{url}?{sample.query}" if sample.query else url


@pytest.fixture
def world(tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return World(tree)


def test_anonymous_meets_the_login_page_everywhere(world):
    client = Client(raise_request_exception=False)
    login = reverse("core:login")
    problems = []
    for sample in SAMPLES:
        url = _url(sample, world)
        response = client.get(url)
        if sample.public:
            ok = response.status_code == 200
        else:
            ok = response.status_code == 302 and response.url.startswith(login)
            ok = ok or (sample.post_only and response.status_code == 405)
        if sample.post:
            before = _state()
            posted = client.post(url, {})
            ok = ok and posted.status_code == 302 and _state() == before
        if not ok:
            problems.append((url, response.status_code))
    assert not problems


@pytest.mark.parametrize("role", World.ROLES)
def test_each_role_is_answered_or_refused_in_vietnamese_and_sees_no_secret_above_it(world, role):
    user = world.users[role]
    client = Client(raise_request_exception=False)
    client.force_login(user)
    hidden = [
        m for level, m in MARKERS.items() if not (user.is_superuser or user.clearance >= level)
    ]
    problems, seen = [], set()
    for sample in SAMPLES:
        url = _url(sample, world)
        response = client.get(url)
        status = response.status_code
        if status not in ANSWERS or (sample.post_only and status not in (405, 302, 404)):
            problems.append((url, "GET", status))
            continue
        if "no-store" not in response.get("Cache-Control", ""):
            problems.append((url, "cacheable", response.get("Cache-Control")))
        text = text_of(response) if status in (200, 403, 404) else ""
        if status in (403, 404) and (
            not any(page in text for page in REFUSAL_PAGES) or "URLconf" in text
        ):
            problems.append((url, "refusal page", status))
        seen |= {marker for marker in MARKERS.values() if marker in text}
        leaked = [marker for marker in hidden if marker in text]
        if leaked:
            problems.append((url, "leak", leaked))
        if sample.post:
            before = _state()
            posted = client.post(url, {})
            if posted.status_code not in ANSWERS:
                problems.append((url, "POST", posted.status_code))
            elif posted.status_code in (403, 404) and _state() != before:
                problems.append((url, "refused write changed data", posted.status_code))
            leaked = [m for m in hidden if m in posted.content.decode(errors="replace")]
            if leaked:
                problems.append((url, "POST leak", leaked))
    assert not problems
    if role == "leader":  # cleared for both: the sweep does reach the classified records
        assert seen == set(MARKERS.values())
