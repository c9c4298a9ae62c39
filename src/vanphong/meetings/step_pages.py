"""What the meetings' step endpoints share: a step parses its form and calls a service; a form
refused is shown again at its fields, a service's refusal above the page (status 400, nothing
changed by the service's transaction), a step taken redirects to its anchor with its message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vanphong.core.errors import ServiceError


class FormInvalid(Exception):
    """A step's form did not validate: `name` is its context name on the page."""

    def __init__(self, name, form):
        self.name, self.form = name, form


def posted_row(queryset, post, key: str):
    """The row of `queryset` whose id the form posted under `key`; 404 for a missing or
    malformed id (never a query on a value that cannot be an id)."""
    value = post.get(key, "")
    row = queryset.filter(pk=int(value)).first() if value.isdigit() and len(value) < 12 else None
    if row is None:
        raise Http404
    return row


def run(request, record, take, *, template: str, context_of, done_url: str):
    """Take the step (`take()` → success message) on `record` and answer the page."""
    try:
        message = take()
    except FormInvalid as invalid:
        record.refresh_from_db()
        context = context_of(request, record, **{invalid.name: invalid.form})
        context["error"] = _("Please correct the fields marked below.")
        return render(request, template, context, status=400)
    except (ServiceError, PermissionDenied) as error:
        record.refresh_from_db()
        context = context_of(request, record)
        context["error"] = getattr(error, "message", "") or _("Comrade may not take this step.")
        return render(request, template, context, status=400)
    messages.success(request, message)
    return redirect(done_url)
