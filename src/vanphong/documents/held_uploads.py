"""Held uploads: a file chosen in a form that was refused for another field is kept for the next
submit, so that the user does not have to choose it again (invariant 4: nothing lost).

The file is checked first (`uploads.check_upload`): a refused file is not held, its error stands at
its field. A checked file is written to `settings.DOCUMENT_HELD_DIR` under a random token, with a
small JSON record beside it (name, user, time); the token is remembered in the user's session and
goes back to the browser in a hidden field. A token is honoured only from the session that holds
it, for the user who chose the file, within `settings.DOCUMENT_HELD_MINUTES`; expired files are
swept whenever a file is held. The form then shows "Chosen file: x.pdf", with a box to remove it;
choosing another file replaces it.

    held = held_uploads.keep(request, form, "file")   # after form.is_valid()
    ... register with held.open() ...
    held_uploads.release(request, held)               # once stored for good
"""

import datetime
import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.documents.uploads import CheckedUpload, FileKind, UploadError, check_upload

SESSION_KEY = "held_uploads"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


@dataclass(frozen=True)
class HeldFile:
    token: str
    name: str
    field: str
    content_type: str

    def open(self) -> SimpleUploadedFile:
        """The held file as an upload, for the services (which check it again)."""
        data = _path(self.token).read_bytes()
        return SimpleUploadedFile(self.name, data, content_type=self.content_type)


def _folder() -> Path:
    return Path(settings.DOCUMENT_HELD_DIR)


def _path(token: str) -> Path:
    if not _TOKEN.match(token):
        raise ValueError("not a held-file token")
    return _folder() / token


def _record(token: str) -> Path:
    return _folder() / f"{token}.json"


def _lifetime() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.DOCUMENT_HELD_MINUTES)


def _tokens(request) -> list[str]:
    return list(request.session.get(SESSION_KEY, []))


def hold(request, uploaded, checked: CheckedUpload, field: str) -> HeldFile:
    """Keep a checked upload for this session; returns what the form shows."""
    sweep()
    token = secrets.token_urlsafe(32)
    _folder().mkdir(parents=True, exist_ok=True)
    uploaded.seek(0)
    with _path(token).open("wb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    record = {
        "name": checked.name,
        "field": field,
        "content_type": checked.content_type,
        "user": request.user.pk,
        "at": timezone.now().isoformat(),
    }
    _record(token).write_text(json.dumps(record), encoding="utf-8")
    request.session[SESSION_KEY] = [*_tokens(request), token]
    uploaded.seek(0)
    return HeldFile(token, checked.name, field, checked.content_type)


def find(request, token: str) -> HeldFile | None:
    """The file held under `token` for this session and user, None if unknown or expired."""
    if not token or not _TOKEN.match(token) or token not in _tokens(request):
        return None
    try:
        record = json.loads(_record(token).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    at = datetime.datetime.fromisoformat(record["at"])
    if record["user"] != request.user.pk or timezone.now() - at > _lifetime():
        _delete(token)
        return None
    return HeldFile(token, record["name"], record["field"], record["content_type"])


def release(request, held: HeldFile | None) -> None:
    """Forget a held file (stored for good, removed, or replaced)."""
    if held is None:
        return
    _delete(held.token)
    request.session[SESSION_KEY] = [t for t in _tokens(request) if t != held.token]


def _delete(token: str) -> None:
    for path in (_path(token), _record(token)):
        path.unlink(missing_ok=True)


def sweep() -> int:
    """Delete the held files whose time is over; returns how many."""
    folder = _folder()
    if not folder.is_dir():
        return 0
    swept = 0
    now = timezone.now()
    for record in folder.glob("*.json"):
        try:
            at = datetime.datetime.fromisoformat(json.loads(record.read_text("utf-8"))["at"])
        except (OSError, ValueError, KeyError):
            at = None
        if at is None or now - at > _lifetime():
            token = record.name.removesuffix(".json")
            if _TOKEN.match(token):
                _delete(token)
                swept += 1
    return swept


def held_field(name: str) -> str:
    return f"{name}__held"


def remove_field(name: str) -> str:
    return f"{name}__held_remove"


def keep(request, form, field: str, allowed: set[FileKind] | None = None) -> HeldFile | None:
    """After `form.is_valid()`: the file of `field` for this submit — a newly chosen one (checked,
    then held), or the one held from before unless the user removed it. A refused new file is an
    error at its field and nothing is held. Sets `form.held` for the template."""
    post = request.POST
    previous = find(request, post.get(held_field(field), ""))
    uploaded = request.FILES.get(field)
    held = None
    if uploaded is not None:
        release(request, previous)
        try:
            checked = check_upload(uploaded, allowed=allowed or set(FileKind))
        except UploadError as exc:
            if field not in form.errors:
                form.add_error(field, exc.message)
        else:
            held = hold(request, uploaded, checked, field)
    elif previous is not None and post.get(remove_field(field)):
        release(request, previous)
    elif previous is not None:
        held = previous
    elif post.get(held_field(field)):
        form.add_error(field, _("The file chosen before is no longer kept: choose it again."))
    form.held = held
    form.held_input = held_field(field)
    form.held_remove = remove_field(field)
    return held
