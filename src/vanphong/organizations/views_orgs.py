"""Pages of the organization tree: the tree (children loaded lazily), an organization's page, and
the admission of a member into a cell. HTTP only: access through core/access.py, changes through
services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.access import Action
from vanphong.organizations.access import OrgAction
from vanphong.organizations.forms import AdmitForm
from vanphong.organizations.history_display import organization_history
from vanphong.organizations.models import Member, Organization, OrgStatus, Position
from vanphong.organizations.services import procedures
from vanphong.organizations.services.errors import MemberError
from vanphong.organizations.services.members import today
from vanphong.organizations.services.orgs import term_on
from vanphong.organizations.tree_counts import active_member_counts


def _with_counts(user, nodes: list[Organization]) -> list[Organization]:
    counts = active_member_counts(user, nodes)
    for node in nodes:
        node.active_members = counts[node.pk]
    return nodes


@login_required
def tree(request):
    access.require(request.user, OrgAction.ORG_VIEW)
    roots = list(access.roots_for(request.user).select_related("merged_into"))
    return render(request, "organizations/tree.html", {"nodes": _with_counts(request.user, roots)})


@login_required
def tree_children(request, pk):
    """The children of one node, as a fragment for the tree's lazy loading."""
    org = access.get_organization_for(request.user, pk)
    children = access.visible(
        request.user, Organization.objects.get_children(org).select_related("merged_into")
    )
    nodes = _with_counts(request.user, list(children))
    return render(request, "organizations/_tree_nodes.html", {"nodes": nodes})


def _can_admit(user, org: Organization) -> bool:
    return (
        org.is_cell
        and org.status == OrgStatus.ACTIVE
        and access.can(user, OrgAction.MEMBER_PROCEDURE, org)
    )


def _detail_context(request, org: Organization, admit_form=None) -> dict:
    user, day = request.user, today()
    ancestors = access.visible(user, Organization.objects.get_ancestors(org).order_by("depth"))
    children = list(
        access.visible(user, Organization.objects.get_children(org).select_related("merged_into"))
    )
    counts = active_member_counts(user, [org, *children])
    for child in children:
        child.active_members = counts[child.pk]
    visible_members = access.visible(user, Member.objects.all())
    # who holds the committee's positions is part of the organization, shown to whoever opens it;
    # only the holders' records follow member access (a link where the user may open it)
    positions = list(
        Position.objects.filter(organization=org)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("member", "term")
        .order_by("title", "member__name_sort")
    )
    openable = set(
        visible_members.filter(pk__in=[p.member_id for p in positions]).values_list("pk", flat=True)
    )
    for position in positions:
        position.member_openable = position.member_id in openable
    context = {
        "org": org,
        "ancestors": list(ancestors),
        "children": children,
        "active_members": counts[org.pk],
        "terms": list(org.terms.all()),
        "current_term": term_on(org, day),
        "positions": positions,
        "can_list_members": access.can(user, OrgAction.MEMBER_VIEW, org),
        "history": (
            organization_history(org) if access.can(user, Action.AUDIT_VIEW, org) else None
        ),
    }
    if org.is_cell:
        context["members"] = list(
            visible_members.filter(organization=org).select_related("organization")
        )
        context["members_total"] = Member.objects.filter(organization=org).count()
    if _can_admit(user, org):
        context["admit_form"] = admit_form or AdmitForm()
    return context


@login_required
def organization_detail(request, pk):
    org = access.get_organization_for(request.user, pk)
    return render(request, "organizations/organization_detail.html", _detail_context(request, org))


@login_required
@require_POST
def admit(request, pk):
    org = access.get_organization_for(request.user, pk, OrgAction.MEMBER_PROCEDURE)
    form = AdmitForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            member = procedures.admit_member(
                acting_user=request.user,
                organization=org,
                admitted_on=data["admitted_on"],
                decision=data["decision"],
                **form.profile(),
            )
        except MemberError as exc:
            form.add_error(None, exc.message)
            form.error_code = exc.code
        else:
            messages.success(request, _("The admission was recorded."))
            return redirect("organizations:member_detail", pk=member.pk)
    context = _detail_context(request, org, admit_form=form)
    context["admit_form"] = form  # shown even when the organization cannot take members
    context["error_code"] = getattr(form, "error_code", None)
    return render(request, "organizations/organization_detail.html", context, status=400)
