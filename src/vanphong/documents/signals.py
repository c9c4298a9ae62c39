"""Documents follow their organization when its subtree moves (a merge moves the children)."""

from django.dispatch import receiver

from vanphong.organizations.models import branch_of
from vanphong.organizations.signals import subtree_moved


@receiver(subtree_moved)
def documents_follow_their_branch(sender, organization, **kwargs):
    from vanphong.documents.models import IncomingDocument, OutgoingDocument

    for model in (IncomingDocument, OutgoingDocument):
        model.objects.filter(organization__path__startswith=organization.path).update(
            branch=branch_of(organization.path)
        )
