"""Active-member counts per organization subtree.

A count is a fact about the organization, so whoever may open a node sees its true figure
(decision 0004); which members are behind it is a matter of member access, checked by the lists.

One grouped query per distinct path length among the nodes (siblings share one), so a page of the
tree costs a fixed number of queries however many nodes it shows.
"""

from django.db.models import Count, Q
from django.db.models.functions import Substr

from vanphong.core import access
from vanphong.organizations.models import ACTIVE_STATUSES, Member, Organization


def active_member_counts(user, nodes: list[Organization]) -> dict[int, int]:
    """{organization id: active members in its subtree} for each node the user may open (a node
    they may not open counts 0, and callers pass only visible nodes)."""
    members = Member.objects.filter(status__in=ACTIVE_STATUSES)
    counts = {node.pk: 0 for node in nodes}
    opened = access.visible(user, Organization.objects.filter(pk__in=list(counts)))
    opened_ids = set(opened.values_list("pk", flat=True))
    by_length: dict[int, list[Organization]] = {}
    for node in nodes:
        if node.pk in opened_ids:
            by_length.setdefault(len(node.path), []).append(node)
    for length, group in by_length.items():
        within = Q(pk__in=[])
        for node in group:
            within |= Q(organization__path__startswith=node.path)
        rows = (
            members.filter(within)
            .annotate(prefix=Substr("organization__path", 1, length))
            .values("prefix")
            .annotate(n=Count("id"))
            .values_list("prefix", "n")
        )
        figures = dict(rows)
        for node in group:
            counts[node.pk] = figures.get(node.path, 0)
    return counts
