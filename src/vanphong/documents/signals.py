"""Receivers of the organizations' signals."""

from django.dispatch import receiver

from vanphong.organizations.signals import subtree_moved


@receiver(subtree_moved)
def documents_follow_their_branch(sender, organization, **kwargs):
    from vanphong.documents.services.tree import follow_moved_subtree

    follow_moved_subtree(organization)
