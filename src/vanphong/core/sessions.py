"""Idle sessions expire SESSION_COOKIE_AGE after the last request; an active one slides forward.

Django's SESSION_SAVE_EVERY_REQUEST wrote and committed the session row on every page, a write
transaction per read (bench/README.md, documents). Here the session is saved when its last slide
is older than SLIDE_SECONDS: an idle session still ends within a minute of its time.
"""

import time

SLIDE_SECONDS = 60
SLID_AT = "_vp_slid_at"


class SlidingSessionMiddleware:
    """After SessionMiddleware in MIDDLEWARE, so that it marks the session before it is saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        # A signed-in browser's session only: an API call (bearer token) has none to slide.
        if session is not None and session.session_key and user and user.is_authenticated:
            now = int(time.time())
            if now - session.get(SLID_AT, 0) >= SLIDE_SECONDS:
                session[SLID_AT] = now  # modified: SessionMiddleware saves it, expiry renewed
        return response
