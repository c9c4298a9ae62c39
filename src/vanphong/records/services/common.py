"""What the records services share: the acting user's right and a file's state."""

from vanphong.core import access
from vanphong.organizations.services.members import today
from vanphong.records.access import RecordAction
from vanphong.records.errors import RecordError
from vanphong.records.models import FileStatus, RecordFile

__all__ = ["ensure", "ensure_open", "lock", "today"]


def ensure(user, action: RecordAction, obj) -> None:
    """Refuse (PermissionDenied) a user who may not do `action` there; None is the system."""
    access.ensure_allowed(user, action, obj)


def lock(file: RecordFile) -> RecordFile:
    """The file re-read under a row lock, so that two clerks' changes do not interleave."""
    return RecordFile.objects.select_for_update().get(pk=file.pk)


def ensure_open(file: RecordFile) -> None:
    """Invariant 3: a closed file changes no more, a handed-over one is the archive's."""
    if file.status == FileStatus.HANDED_OVER:
        raise RecordError(RecordError.HANDED_OVER)
    if file.status != FileStatus.OPEN:
        raise RecordError(RecordError.NOT_OPEN, status=file.get_status_display().lower())
