"""XLSX pages: the import template, member and organization import, list exports. HTTP only:
access through core/access.py, work through the xlsx services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Min
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.core import access
from vanphong.core.access import Action
from vanphong.core.errors import ServiceError
from vanphong.organizations.access import OrgAction
from vanphong.organizations.filters import filter_members
from vanphong.organizations.models import CELL_KINDS, Member, Organization, OrgStatus
from vanphong.organizations.services.members import today
from vanphong.organizations.xlsx.errors import RowsRejected
from vanphong.organizations.xlsx.exporter import export_members, export_organizations
from vanphong.organizations.xlsx.importer import import_members
from vanphong.organizations.xlsx.org_import import import_organizations
from vanphong.organizations.xlsx.template import build_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ERRORS_SHOWN = 200
TEMPLATE_CELLS = 5000  # party cells listed in the template
TARGET_LEVELS = 3  # levels of the user's scope offered as import targets
MAX_TARGETS = 2000


@login_required
@require_GET
def template_download(request):
    user = request.user
    if not (access.can(user, OrgAction.MEMBER_IMPORT) or access.can(user, OrgAction.ORG_CHANGE)):
        raise Http404
    cells = list(
        access.visible(
            user,
            Organization.objects.filter(kind__in=CELL_KINDS, status=OrgStatus.ACTIVE),
            OrgAction.MEMBER_IMPORT,
        ).order_by("path")[:TEMPLATE_CELLS]
    )
    step = Organization.steplen
    parents = dict(
        Organization.objects.filter(path__in={c.path[:-step] for c in cells}).values_list(
            "path", "name"
        )
    )
    pairs = [(cell, parents.get(cell.path[:-step], "")) for cell in cells]
    response = HttpResponse(build_template(pairs), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-dang-vien.xlsx"'
    return response


def _targets(user, action: Action) -> list[Organization]:
    """Active organizations the user may import into, down to a few levels below the scope."""
    organizations = access.visible(
        user, Organization.objects.filter(status=OrgStatus.ACTIVE), action
    )
    top = organizations.aggregate(depth=Min("depth"))["depth"] or 1
    return list(organizations.filter(depth__lt=top + TARGET_LEVELS).order_by("path")[:MAX_TARGETS])


def _import_page(request, *, action: Action, service, page: str, success):
    access.require(request.user, action)
    context = {"targets": _targets(request.user, action), "selected": request.GET.get("to_chuc")}
    status = 200
    if request.method == "POST":
        organization = access.get_organization_for(
            request.user, request.POST.get("to_chuc"), action
        )
        context["selected"] = str(organization.pk)
        upload = request.FILES.get("tep")
        status = 400
        if upload is None:
            context["error"] = _("Choose an .xlsx file to import.")
        else:
            try:
                result = service(acting_user=request.user, organization=organization, file=upload)
            except RowsRejected as rejected:
                context.update(
                    error=rejected.message,
                    errors=rejected.errors[:ERRORS_SHOWN],
                    total=rejected.total,
                )
            except ServiceError as error:
                context["error"] = error.message
            else:
                messages.success(
                    request,
                    _("%(count)s rows of %(file)s imported.")
                    % {"count": result.created, "file": result.file_name},
                )
                return redirect(success(organization))
    return render(request, page, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_import(request):
    return _import_page(
        request,
        action=OrgAction.MEMBER_IMPORT,
        service=import_members,
        page="organizations/xlsx/member_import.html",
        success=lambda org: f"{reverse('organizations:member_list')}?to_chuc={org.pk}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_import(request):
    return _import_page(
        request,
        action=OrgAction.ORG_CHANGE,
        service=import_organizations,
        page="organizations/xlsx/organization_import.html",
        success=lambda org: reverse("organizations:organization_detail", args=[org.pk]),
    )


def _xlsx_response(file, name: str) -> FileResponse:
    stamp = today().strftime("%Y%m%d")
    return FileResponse(
        file, as_attachment=True, filename=f"{name}-{stamp}.xlsx", content_type=XLSX
    )


@login_required
@require_GET
def member_export(request):
    """The member list with the list page's filters, limited to what the user may export; an
    organization outside that scope answers 404, as the organization export does."""
    access.require(request.user, OrgAction.MEMBER_EXPORT)
    if request.GET.get("to_chuc"):
        access.get_organization_for(request.user, request.GET["to_chuc"], OrgAction.MEMBER_EXPORT)
    members = access.visible(request.user, Member.objects.all(), OrgAction.MEMBER_EXPORT)
    members = filter_members(members, request.GET, today())
    return _xlsx_response(export_members(members), "dang-vien")


@login_required
@require_GET
def organization_export(request):
    """Visible organizations; with `to_chuc`, that organization's subtree only."""
    access.require(request.user, OrgAction.ORG_VIEW)
    organizations = access.visible(request.user, Organization.objects.all(), OrgAction.ORG_VIEW)
    if request.GET.get("to_chuc"):
        root = access.get_organization_for(request.user, request.GET["to_chuc"])
        organizations = organizations.filter(path__startswith=root.path)
    return _xlsx_response(export_organizations(organizations), "to-chuc")
