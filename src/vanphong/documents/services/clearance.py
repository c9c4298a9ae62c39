"""A user may not create a record above their own clearance, nor raise one there: the record
would vanish from their own lists and answer 404 to its author."""

from vanphong.core import access
from vanphong.core.models import Clearance
from vanphong.documents.services.errors import DocumentError


def require_clearance(user, level: int) -> None:
    """Refuse, before anything is saved, a confidentiality above `user`'s clearance."""
    if not access.clearance_allows(user, level):
        raise DocumentError(DocumentError.ABOVE_CLEARANCE, level=str(Clearance(level).label))
