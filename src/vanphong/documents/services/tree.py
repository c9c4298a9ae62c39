"""Documents follow the party tree: a merge that moves a subtree moves its documents' branch."""

from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.organizations.models import branch_of


def follow_moved_subtree(organization) -> None:
    """Called inside the merge's transaction, with the moved organization's new path."""
    for model in (IncomingDocument, OutgoingDocument):
        model.objects.filter(organization__path__startswith=organization.path).update(
            branch=branch_of(organization.path)
        )
