"""Sessions slide forward while used, written at most once a minute; idle ones expire."""

import datetime

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests import factories
from vanphong.core import sessions


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_used_session_slides_at_most_once_a_minute(client, db, monkeypatch, settings):
    user = factories.user("nguoidung")
    now = [1_900_000_000]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    client.force_login(user)
    assert client.get(reverse("core:dashboard")).status_code == 200
    first = _expiry(client)
    Session.objects.update(expire_date=first - datetime.timedelta(minutes=5))
    now[0] += sessions.SLIDE_SECONDS - 1
    client.get(reverse("core:dashboard"))
    assert _expiry(client) == first - datetime.timedelta(minutes=5)  # not written again
    now[0] += 1
    client.get(reverse("core:dashboard"))
    renewed = _expiry(client)
    assert renewed > first - datetime.timedelta(minutes=5)
    assert renewed > timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_an_idle_session_ends(client, db):
    client.force_login(factories.user("nguoidung"))
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302 and reverse("core:login") in response["Location"]


def test_an_anonymous_visit_makes_no_session(client, db):
    client.get(reverse("core:login"))
    assert not Session.objects.exists()


def test_an_api_call_makes_no_session(client, db):
    from tests.api.conftest import bearer

    response = client.get("/api/v1/members", **bearer(factories.user("nguoidung")))
    assert response.status_code == 200
    assert not Session.objects.exists()
