"""The member statistics page. HTTP only: access through core/access.py."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from vanphong.core import access
from vanphong.organizations.access import OrgAction
from vanphong.organizations.models import Organization
from vanphong.organizations.services.members import today
from vanphong.reports.forms import StatisticsForm
from vanphong.reports.statistics import member_statistics
from vanphong.reports.tables import statistics_tables


def _picker(user) -> list[tuple[int, str]]:
    """(id, indented name) for the top of the user's scope and one level below it: a national
    tree has 300,000 nodes, deeper ones are reached through the links to sub-organizations."""
    roots = list(access.roots_for(user, OrgAction.MEMBER_EXPORT))
    if not roots:
        return []
    top = min(root.depth for root in roots)
    candidates = Organization.objects.filter(depth__lte=top + 1).order_by("path")
    return [
        (org.pk, "\u00a0\u00a0" * (org.depth - top) + org.name)
        for org in access.visible(user, candidates, OrgAction.MEMBER_EXPORT)
    ]


@login_required
def member_statistics_page(request):
    access.require(request.user, OrgAction.MEMBER_EXPORT)
    form = StatisticsForm(request.GET or None)
    picker = _picker(request.user)
    context = {"form": form, "picker": picker}
    if form.is_bound and not form.is_valid():
        return render(request, "reports/member_statistics.html", context)
    data = form.cleaned_data if form.is_bound else {}
    org_id = data.get("to_chuc") or (picker[0][0] if picker else None)
    org = access.get_organization_for(request.user, org_id, OrgAction.MEMBER_EXPORT)
    as_of = data.get("ngay") or today()
    figures = member_statistics(org, as_of)
    children = access.visible(
        request.user, Organization.objects.get_children(org), OrgAction.MEMBER_EXPORT
    )
    context.update(
        org=org,
        org_in_picker=any(pk == org.pk for pk, _label in picker),
        as_of=as_of,
        figures=figures,
        tables=statistics_tables(figures),
        children=children.order_by("path"),
    )
    return render(request, "reports/member_statistics.html", context)
