"""Congresses (đại hội): their documents share one sequence, so their dates and code matter."""

from django.db import transaction

from vanphong.core import audit
from vanphong.documents.models import Congress
from vanphong.documents.services.errors import DocumentError


def save_congress(*, acting_user, congress: Congress) -> Congress:
    """Create or edit a congress (audited); it must close on or after the day it opens."""
    if congress.closes_on < congress.opens_on:
        raise DocumentError(DocumentError.CONGRESS_CLOSES_FIRST)
    with transaction.atomic():
        before = None
        if congress.pk:
            before = audit.snapshot(Congress.objects.select_for_update().get(pk=congress.pk))
        congress.save()
        audit.record(
            actor=acting_user,
            action="congress.update" if before else "congress.create",
            target=congress,
            before=before,
            after=audit.snapshot(congress),
        )
    return congress


def delete_congress(*, acting_user, congress: Congress) -> None:
    """Delete a congress that has no documents (the database refuses one that has)."""
    with transaction.atomic():
        audit.record(
            actor=acting_user,
            action="congress.delete",
            target=congress,
            before=audit.snapshot(congress),
        )
        congress.delete()
