"""Pages of party members: the filtered list, the probation list, the profile and its history.
HTTP only: access through core/access.py; the procedure forms post to views_procedures."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.core.access import Action
from vanphong.organizations import access as org_access
from vanphong.organizations import member_forms
from vanphong.organizations.access import OrgAction
from vanphong.organizations.filters import filter_members
from vanphong.organizations.forms import MemberFilterForm
from vanphong.organizations.history_display import member_history as readable_member_history
from vanphong.organizations.milestones import next_badge, party_age
from vanphong.organizations.models import Member, MemberStatus, Organization
from vanphong.organizations.services.members import today
from vanphong.organizations.services.procedures import (
    current_exemption,
    due_for_official,
    probation_ends_on,
)

PAGE_SIZE = 50
PICKER_DEPTH = 2  # levels below the user's top scope offered in the organization picker


def _members(request):
    return access.visible(request.user, Member.objects.select_related("organization"))


def _picker_organizations(user):
    """Organizations offered by the list's filter: the user's scope and two levels below it."""
    paths = access.scope_paths(user, OrgAction.MEMBER_VIEW)
    top = min((len(p) // Organization.steplen for p in paths), default=1)
    orgs = access.visible(user, Organization.objects.all(), OrgAction.MEMBER_VIEW)
    return orgs.filter(depth__lte=top + PICKER_DEPTH).order_by("path").only("pk", "name", "depth")


def _export_url(user) -> str | None:
    """The XLSX export of the same list, when the user may export and the export exists."""
    if not access.can(user, OrgAction.MEMBER_EXPORT):
        return None
    try:
        return reverse("organizations_xlsx:member_export")
    except NoReverseMatch:
        return None


@login_required
def member_list(request):
    access.require(request.user, OrgAction.MEMBER_VIEW)
    members = filter_members(_members(request), request.GET, today())
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("trang"))
    params = request.GET.copy()
    params.pop("trang", None)
    context = {
        "page": page,
        "form": MemberFilterForm(request.GET, organizations=_picker_organizations(request.user)),
        "query_prefix": f"{params.urlencode()}&" if params else "",
        "export_url": _export_url(request.user),
        "group": _card_group(request.GET.get("nhom")),
    }
    return render(request, "organizations/member_list.html", context)


def _card_group(key) -> tuple[str, str] | None:
    """(key, label) of the dashboard card whose members the list shows (filters.CARD_GROUPS)."""
    labels = {
        "dang_sinh_hoat": _("Active party members"),
        "mien_sinh_hoat": _("Members exempted from activity"),
        "huy_hieu": _("Party badges to present at the next presentation day"),
    }
    return (key, labels[key]) if key in labels else None


@login_required
def probation_due(request):
    access.require(request.user, OrgAction.MEMBER_VIEW)
    rows = list(due_for_official(_members(request), today()))
    for row in rows:
        row.probation_ends_on = probation_ends_on(row)
    return render(request, "organizations/probation_due.html", {"rows": rows})


def profile_context(request, member: Member, **bound_forms) -> dict:
    """Everything the profile shows; `bound_forms` replaces a procedure form after a failed POST."""
    user, day = request.user, today()
    gaps = [(gap.starts_on, gap.ends_on) for gap in member.activity_gaps.all()]
    exemption = current_exemption(member, day)
    context = {
        "member": member,
        "party_age": party_age(member.admitted_on, day, gaps),
        "next_badge": next_badge(member.admitted_on, day, gaps),
        "exemption": exemption,
        "probation_ends_on": (
            probation_ends_on(member) if member.status == MemberStatus.PROBATIONARY else None
        ),
        "positions": list(member.positions.select_related("organization", "term")),
        "transfers": list(member.transfers.select_related("from_organization")),
        "events": list(member.events.select_related("organization")),
        "can_see_history": _can_see_history(user, member),
        "can_procedure": access.can(user, OrgAction.MEMBER_PROCEDURE, member),
        "letter_transfer": _letter_transfer(request, member),
    }
    forms = {}
    if member.is_active and access.can(user, OrgAction.MEMBER_PROCEDURE, member):
        forms = member_forms.procedure_forms(user, member, exemption)
    forms.update(bound_forms)  # a failed form is shown with its error even if no longer offered
    context["procedure_forms"] = forms
    return context


def _letter_transfer(request, member: Member):
    """The transfer just recorded, whose introduction letter the profile offers to download."""
    pk = request.GET.get("giay_gioi_thieu", "")
    if not pk.isdigit() or not access.can(request.user, OrgAction.MEMBER_PROCEDURE, member):
        return None
    return member.transfers.filter(pk=int(pk)).first()


def _can_see_history(user, member: Member) -> bool:
    return user.member_id == member.pk or access.can(user, Action.AUDIT_VIEW, member)


@login_required
def member_detail(request, pk):
    member = org_access.get_member_for(request.user, pk)
    return render(request, "organizations/member_detail.html", profile_context(request, member))


@login_required
def member_history(request, pk):
    member = org_access.get_member_for(request.user, pk)
    if not _can_see_history(request.user, member):
        raise Http404
    context = {
        "member": member,
        "history": readable_member_history(member),
        "events": list(member.events.select_related("organization")),
    }
    return render(request, "organizations/member_history.html", context)
