"""Signals other apps follow the tree by."""

from django.dispatch import Signal

# Sent inside the transaction after an organization (and its subtree) moved to another parent;
# `organization` is the moved organization with its new path.
subtree_moved = Signal()
