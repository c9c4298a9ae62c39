"""Pages that edit a member's profile and manage the organization tree: create a subordinate
organization, edit, merge, dissolve, and committee terms. HTTP only: each page fetches its record
through core/access.py (404 alike for missing and forbidden), parses a form and calls a service;
a service error is shown on the form (status 400) and the service's transaction changed nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.core.formats import date_vn
from vanphong.organizations import access as org_access
from vanphong.organizations.access import OrgAction
from vanphong.organizations.forms import (
    DissolveForm,
    MemberEditForm,
    MergeForm,
    OrganizationForm,
    TermEndForm,
    TermForm,
)
from vanphong.organizations.models import (
    ACTIVE_STATUSES,
    CommitteeTerm,
    Member,
    Organization,
    OrgStatus,
)
from vanphong.organizations.services import orgs
from vanphong.organizations.services.members import update_member

TEMPLATE = "organizations/manage_form.html"
MERGE_CHOICES = 500  # organizations listed in the merge menu

# The form field next to which a service error is shown (others go above the form).
ERROR_FIELDS = {
    "card_taken": "card_number",
    "citizen_id_taken": "citizen_id",
    "citizen_id_format": "citizen_id",
    "future_date": "birth_date",
    "birth_after_admission": "birth_date",
    "same_organization": "into",
    "merge_into_descendant": "into",
    "term_dates": "ends_on",
    "end_before_start": "on",
}
GET_POST = require_http_methods(["GET", "POST"])


def _form_page(request, form, act, context: dict):
    """GET shows the form. A valid POST calls `act(cleaned_data)`, which returns
    (message level, message, URL to go to) or raises the service's error."""
    error_code = None
    if request.method == "POST" and form.is_valid():
        try:
            level, message, url = act(form.cleaned_data)
        except ServiceError as exc:
            field = ERROR_FIELDS.get(exc.code)
            form.add_error(field if field in form.fields else None, exc.message)
            error_code = exc.code
        else:
            messages.add_message(request, level, message)
            return redirect(url)
    status = 400 if request.method == "POST" else 200
    context = {**context, "form": form, "error_code": error_code}
    return render(request, TEMPLATE, context, status=status)


def _org_url(org: Organization, anchor: str = "") -> str:
    return reverse("organizations:organization_detail", args=[org.pk]) + anchor


def _org_crumbs(org: Organization) -> list[tuple[str, str]]:
    return [(reverse("organizations:tree"), _("Organizations")), (_org_url(org), org.name)]


def _unchanged(url: str):
    return messages.INFO, _("Nothing was changed."), url


# --- member profile ----------------------------------------------------------------------------


@login_required
@GET_POST
def member_edit(request, pk):
    member = org_access.get_member_for(request.user, pk, OrgAction.MEMBER_CHANGE)
    url = reverse("organizations:member_detail", args=[member.pk])
    form = MemberEditForm(
        request.POST if request.method == "POST" else None,
        initial=MemberEditForm.initial_for(member),
    )

    def act(data):
        changes = form.changes(member)
        if not changes:
            return _unchanged(url)
        update_member(acting_user=request.user, member=member, **changes)
        return messages.SUCCESS, _("The profile was saved."), url

    context = {
        "title": _("Edit the profile of %(name)s") % {"name": member.full_name},
        "crumbs": [(_org_url(member.organization), member.organization.name), (url, member)],
        "back_url": url,
        "submit_label": _("Save"),
    }
    return _form_page(request, form, act, context)


# --- organizations -----------------------------------------------------------------------------


def _org_for_change(request, pk) -> Organization:
    return access.get_organization_for(request.user, pk, OrgAction.ORG_CHANGE)


def _data(request):
    return request.POST if request.method == "POST" else None


@login_required
@GET_POST
def organization_create(request, pk):
    """A new organization under one the user may change."""
    parent = _org_for_change(request, pk)
    form = OrganizationForm(_data(request))

    def act(data):
        org = orgs.create_organization(acting_user=request.user, parent=parent, **data)
        return messages.SUCCESS, _("The organization was created."), _org_url(org)

    context = {
        "title": _("New organization under %(name)s") % {"name": parent.name},
        "crumbs": _org_crumbs(parent),
        "back_url": _org_url(parent),
        "submit_label": _("Create"),
    }
    return _form_page(request, form, act, context)


@login_required
@GET_POST
def organization_edit(request, pk):
    org = _org_for_change(request, pk)
    form = OrganizationForm(
        _data(request),
        initial=OrganizationForm.initial_for(org),
        kinds=OrganizationForm.kinds_for(org),
    )

    def act(data):
        changes = form.changes(org)
        if not changes:
            return _unchanged(_org_url(org))
        orgs.update_organization(acting_user=request.user, organization=org, **changes)
        return messages.SUCCESS, _("The organization was saved."), _org_url(org)

    context = {
        "title": _("Edit %(name)s") % {"name": org.name},
        "crumbs": _org_crumbs(org),
        "back_url": _org_url(org),
        "submit_label": _("Save"),
    }
    return _form_page(request, form, act, context)


def merge_offered(user, org: Organization):
    """The merge menu: active organizations of the same level in the same region (cells of
    nearby committees, communes of the same province) that the user may change."""
    region = org.path[: max(0, len(org.path) - 2 * Organization.steplen)]
    candidates = Organization.objects.filter(
        status=OrgStatus.ACTIVE, depth=org.depth, path__startswith=region
    ).exclude(pk=org.pk)
    return access.visible(user, candidates, OrgAction.ORG_CHANGE).order_by("path")[:MERGE_CHOICES]


@login_required
@GET_POST
def organization_merge(request, pk):
    org = _org_for_change(request, pk)
    targets = access.visible(
        request.user, Organization.objects.filter(status=OrgStatus.ACTIVE), OrgAction.ORG_CHANGE
    )
    form = MergeForm(_data(request), targets=targets, offered=merge_offered(request.user, org))

    def act(data):
        target = data["into"]
        orgs.merge_organization(
            acting_user=request.user, organization=org, into=target, on=data["on"]
        )
        message = _("%(name)s was merged into %(target)s.") % {
            "name": org.name,
            "target": target.name,
        }
        return messages.SUCCESS, message, _org_url(target)

    context = {
        "title": _("Merge %(name)s into another organization") % {"name": org.name},
        "intro": _(
            "Its active members and subordinate organizations move to the organization it is "
            "merged into; it stays in the tree, closed, with its history and records."
        ),
        "crumbs": _org_crumbs(org),
        "back_url": _org_url(org),
        "submit_label": _("Merge"),
        "danger": True,
    }
    return _form_page(request, form, act, context)


@login_required
@GET_POST
def organization_dissolve(request, pk):
    org = _org_for_change(request, pk)
    form = DissolveForm(_data(request))

    def act(data):
        orgs.dissolve_organization(acting_user=request.user, organization=org, on=data["on"])
        return messages.SUCCESS, _("The organization was dissolved."), _org_url(org)

    members = access.visible(request.user, Member.objects.all()).filter(
        organization__path__startswith=org.path, status__in=ACTIVE_STATUSES
    )
    children = Organization.objects.get_children(org).filter(status=OrgStatus.ACTIVE)
    warnings = []
    if org.status == OrgStatus.ACTIVE and (count := members.count()):
        warnings.append(
            ngettext(
                "%(count)s active member still belongs to it: transfer them first.",
                "%(count)s active members still belong to it: transfer them first.",
                count,
            )
            % {"count": count}
        )
    if org.status == OrgStatus.ACTIVE and (count := children.count()):
        warnings.append(
            ngettext(
                "%(count)s subordinate organization is still active.",
                "%(count)s subordinate organizations are still active.",
                count,
            )
            % {"count": count}
        )
    context = {
        "title": _("Dissolve %(name)s") % {"name": org.name},
        "intro": _("A dissolved organization stays in the tree, closed, with its history."),
        "warnings": warnings,
        "crumbs": _org_crumbs(org),
        "back_url": _org_url(org),
        "submit_label": _("Dissolve"),
        "danger": True,
    }
    return _form_page(request, form, act, context)


# --- committee terms ---------------------------------------------------------------------------

TERMS_ANCHOR = "#nhiem-ky"


@login_required
@GET_POST
def term_add(request, pk):
    org = _org_for_change(request, pk)
    form = TermForm(_data(request))

    def act(data):
        orgs.add_term(acting_user=request.user, organization=org, **data)
        return messages.SUCCESS, _("The committee term was added."), _org_url(org, TERMS_ANCHOR)

    context = {
        "title": _("New committee term of %(name)s") % {"name": org.name},
        "intro": _("A running term ends the day before the new one starts."),
        "crumbs": _org_crumbs(org),
        "back_url": _org_url(org, TERMS_ANCHOR),
        "submit_label": _("Add the term"),
    }
    return _form_page(request, form, act, context)


@login_required
@GET_POST
def term_edit(request, pk):
    term = get_object_or_404(CommitteeTerm.objects.select_related("organization"), pk=pk)
    access.require(request.user, OrgAction.ORG_CHANGE, term)
    org = term.organization
    form = TermEndForm(_data(request), initial={"ends_on": term.ends_on})

    def act(data):
        url = _org_url(org, TERMS_ANCHOR)
        if data["ends_on"] == term.ends_on:
            return _unchanged(url)
        orgs.change_term_end(acting_user=request.user, term=term, ends_on=data["ends_on"])
        return messages.SUCCESS, _("The end date of the term was saved."), url

    context = {
        "title": _("End date of the term %(term)s") % {"term": term.name},
        "intro": _("The term started on %(date)s.") % {"date": date_vn(term.starts_on)},
        "crumbs": _org_crumbs(org),
        "back_url": _org_url(org, TERMS_ANCHOR),
        "submit_label": _("Save"),
    }
    return _form_page(request, form, act, context)
