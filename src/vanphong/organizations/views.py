"""Pages for the organization tree and members. HTTP only: access through core/access.py,
changes through services."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from vanphong.core import access, audit
from vanphong.core.access import Action
from vanphong.organizations.models import Member, Organization
from vanphong.organizations.services.members import today
from vanphong.organizations.services.procedures import due_for_official

PAGE_SIZE = 50


@login_required
def tree(request):
    access.require(request.user, Action.ORG_VIEW)
    roots = list(access.roots_for(request.user))
    nodes = access.visible(request.user, Organization.objects.all()).order_by("path")
    return render(request, "organizations/tree.html", {"roots": roots, "nodes": nodes})


@login_required
def organization_detail(request, pk):
    org = access.get_organization_for(request.user, pk)
    children = access.visible(request.user, org.get_children()).order_by("path")
    return render(
        request,
        "organizations/organization_detail.html",
        {"org": org, "children": children, "history": audit.history_rows(org)},
    )


def _members(request):
    return access.visible(request.user, Member.objects.select_related("organization"))


@login_required
def member_list(request):
    access.require(request.user, Action.MEMBER_VIEW)
    page = Paginator(_members(request), PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "organizations/member_list.html", {"page": page})


@login_required
def probation_due(request):
    access.require(request.user, Action.MEMBER_VIEW)
    rows = due_for_official(_members(request), today())
    return render(request, "organizations/probation_due.html", {"rows": rows})


@login_required
def member_detail(request, pk):
    member = access.get_member_for(request.user, pk)
    return render(request, "organizations/member_detail.html", {"member": member})


@login_required
def member_history(request, pk):
    member = access.get_member_for(request.user, pk)
    return render(
        request,
        "organizations/member_history.html",
        {"member": member, "history": audit.history_rows(member)},
    )
