"""Pages and downloads of the registers (văn bản đến / đi), the seal-use log and the deadline
dashboard. HTTP only: what a user may see comes from core/access.py (documents/registers/build.py
and dashboard.py filter through `access.visible`); an organization outside the scope is a 404."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import access
from vanphong.core.api import MAX_ID
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import AssignmentRole, ConfidentialAccess
from vanphong.documents.registers import build, dashboard, downloads
from vanphong.documents.registers import period as periods
from vanphong.documents.views_common import organizations_for

# URL word → register kind
KINDS = {"den": "incoming", "di": "outgoing", "con-dau": "seal"}
ROWS_PER_PAGE = 100


def _kind(word: str) -> str:
    try:
        return KINDS[word]
    except KeyError:
        raise Http404 from None


def _organization(request, required: bool = True):
    """The organization asked for (?don_vi=), else the top of the user's scope; 404 if outside."""
    pk = request.GET.get("don_vi", "").strip()
    if pk:
        return access.get_organization_for(request.user, pk, DocumentAction.VIEW)
    if not required:
        return None
    organization = access.roots_for(request.user, DocumentAction.VIEW).first()
    if organization is None:
        raise Http404
    return organization


def _query(organization, period) -> str:
    return urlencode({"don_vi": organization.pk, **period.query()})


@login_required
def register_page(request, kind):
    kind = _kind(kind)
    access.require(request.user, DocumentAction.VIEW)
    organization = _organization(request)
    try:
        period = periods.parse(request.GET)
    except periods.PeriodError as exc:
        messages.error(request, str(exc))
        period = periods.this_year()
    register = build.BUILDERS[kind](request.user, organization, period)
    downloads.log_classified(request.user, kind, organization, period, ConfidentialAccess.Kind.VIEW)
    page = Paginator(register.rows, ROWS_PER_PAGE).get_page(request.GET.get("trang"))
    query = _query(organization, period)
    word = {v: k for k, v in KINDS.items()}[kind]
    return render(
        request,
        "documents/registers/register.html",
        {
            "register": register,
            "kind": kind,
            "word": word,
            "page": page,
            "organization": organization,
            "organizations": organizations_for(request.user, DocumentAction.VIEW),
            "period": period,
            "query": query,
            "query_prefix": query + "&",
        },
    )


@login_required
def register_download(request, kind, fmt):
    kind = _kind(kind)
    if fmt not in downloads.FORMATS:
        raise Http404
    access.require(request.user, DocumentAction.VIEW)
    organization = _organization(request)
    try:
        period = periods.parse(request.GET)
    except periods.PeriodError as exc:
        messages.error(request, str(exc))
        word = {v: k for k, v in KINDS.items()}[kind]
        return redirect(reverse("documents:register", args=[word]) + f"?don_vi={organization.pk}")
    register = build.BUILDERS[kind](request.user, organization, period)
    downloads.log_classified(
        request.user, kind, organization, period, ConfidentialAccess.Kind.DOWNLOAD
    )
    writer, content_type = downloads.FORMATS[fmt]
    response = HttpResponse(writer(register), content_type=content_type)
    name = downloads.file_name(kind, organization, period, fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def deadline_dashboard(request):
    access.require(request.user, DocumentAction.VIEW)
    organization = _organization(request, required=False)
    today = timezone.localdate()
    assignments = dashboard.open_assignments(request.user, organization)
    people = dashboard.by_person(assignments, today)
    departments = dashboard.by_department(assignments, today)
    mine = (
        assignments.filter(user=request.user)
        .select_related("document")
        .order_by(F("deadline").asc(nulls_last=True), "document__received_at")
    )
    return render(
        request,
        "documents/registers/dashboard.html",
        {
            "organization": organization,
            "organizations": organizations_for(request.user, DocumentAction.VIEW),
            "people": people,
            "departments": departments,
            "total": dashboard.totals(people),
            "mine": mine[:20],
            "mine_count": mine.count(),
            "today": today,
            "soon_days": dashboard.soon_days(today),
            "scope": f"don_vi={organization.pk}&" if organization else "",
            "OVERDUE": dashboard.OVERDUE,
            "SOON": dashboard.SOON,
            "ALL": dashboard.ALL,
        },
    )


def _int(value: str) -> int | None:
    """An id from the address; one past what the database can hold names no record: 404."""
    value = (value or "").strip()
    if not value.isdigit():
        return None
    if int(value) > MAX_ID:
        raise Http404
    return int(value)


@login_required
def deadline_assignments(request):
    """The list behind a dashboard count: open assignments of one person or department, all,
    overdue or due soon."""
    access.require(request.user, DocumentAction.VIEW)
    organization = _organization(request, required=False)
    assignments = dashboard.open_assignments(request.user, organization)
    person, department = _int(request.GET.get("nguoi", "")), _int(request.GET.get("phong", ""))
    if person is not None:
        assignments = assignments.filter(user_id=person)
    if department is not None:
        assignments = assignments.filter(department_id=department)
    kind = request.GET.get("loai", dashboard.ALL)
    if kind not in dashboard.KINDS:
        kind = dashboard.ALL
    assignments = dashboard.narrow(assignments, kind).select_related(
        "document", "user", "department"
    )
    page = Paginator(
        assignments.order_by(F("deadline").asc(nulls_last=True), "document__received_at", "pk"), 50
    ).get_page(request.GET.get("trang"))
    params = {k: v for k, v in request.GET.items() if k in ("don_vi", "nguoi", "phong", "loai")}
    return render(
        request,
        "documents/registers/assignments.html",
        {
            "page": page,
            "kind": kind,
            "today": timezone.localdate(),
            "query_prefix": urlencode(params) + "&" if params else "",
            "title": {
                dashboard.ALL: _("Open assignments"),
                dashboard.OVERDUE: _("Overdue assignments"),
                dashboard.SOON: _("Assignments due within %(days)s days")
                % {"days": dashboard.soon_days()},
            }[kind],
            "LEAD": AssignmentRole.LEAD,
        },
    )
