"""The month at a glance for whoever runs meetings (/hop/thang/): each body's standing plan, set
in the page; the month's meeting made from it in one step; what is held, planned or missing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core.errors import ServiceError
from vanphong.meetings import month as month_view
from vanphong.meetings.compliance import requirements
from vanphong.meetings.forms import MonthPlanForm
from vanphong.meetings.models import MeetingPlan
from vanphong.meetings.services import planning
from vanphong.meetings.services.common import month_label
from vanphong.meetings.views import managed_organizations


def _organizations(user):
    organizations = list(managed_organizations(user))
    if not organizations:
        raise Http404
    return organizations


def _page(request, month, organizations, forms=None, error="", status=200):
    today = timezone.localdate()
    rows = month_view.overview(organizations, month)
    forms = forms or {}
    for row in rows:
        key = f"{row.organization.pk}-{row.body}"
        row.form = forms.get(key) or MonthPlanForm(
            prefix=key,
            initial=(
                {
                    "day": row.plan.day,
                    "time": row.plan.time.strftime("%H:%M"),
                    "place": row.plan.place,
                    "planned_minutes": row.plan.planned_minutes,
                }
                if row.plan
                else None
            ),
        )
        row.key = key
    context = {
        "rows": rows,
        "month": month,
        "month_text": f"{month:%m/%Y}",
        "month_name": month_label(month),
        "previous": f"{month_view.shifted(month, -1):%m/%Y}",
        "next": f"{month_view.shifted(month, 1):%m/%Y}",
        "can_make": month >= today.replace(day=1),
        "needs": requirements(month),
        "error": error,
    }
    return render(request, "meetings/month.html", context, status=status)


def _month(source):
    """The month asked for ("thang=12/2026"), this month when none is, None when malformed."""
    return month_view.parse_month(source.get("thang", ""), timezone.localdate())


@login_required
def month_page(request):
    organizations = _organizations(request.user)
    month = _month(request.GET)
    if month is None:
        month = timezone.localdate().replace(day=1)
        return _page(
            request,
            month,
            organizations,
            error=_("Type the month as mm/yyyy, e.g. 12/2026."),
            status=400,
        )
    return _page(request, month, organizations)


def _row(request, organizations):
    """The (organization, body) the form was posted for, among those the user runs."""
    organization_id, _sep, body = request.POST.get("row", "").partition("-")
    organization = next((o for o in organizations if str(o.pk) == organization_id), None)
    if organization is None or body not in planning.bodies_of(organization):
        raise Http404
    return organization, body


@login_required
@require_POST
def month_plan(request):
    organizations = _organizations(request.user)
    organization, body = _row(request, organizations)
    month = _month(request.POST) or timezone.localdate().replace(day=1)
    key = f"{organization.pk}-{body}"
    form = MonthPlanForm(request.POST, prefix=key)
    if not form.is_valid():
        return _page(request, month, organizations, forms={key: form}, status=400)
    try:
        planning.set_plan(
            acting_user=request.user, organization=organization, body=body, **form.cleaned_data
        )
    except ServiceError as error:
        form.add_error(None, error.message)
        return _page(request, month, organizations, forms={key: form}, status=400)
    messages.success(request, _("The monthly plan was saved."))
    return redirect(f"{reverse('meetings:month')}?thang={month:%m/%Y}")


@login_required
@require_POST
def month_make(request):
    organizations = _organizations(request.user)
    organization, body = _row(request, organizations)
    month = _month(request.POST)
    today = timezone.localdate().replace(day=1)
    plan = MeetingPlan.objects.filter(organization=organization, body=body).first()
    if month is None or month < today or plan is None:
        error = (
            _("Set the monthly plan first.")
            if plan is None
            else _("A month's meeting is made from the plan for this month or a later one.")
        )
        return _page(request, month or today, organizations, error=error, status=400)
    try:
        meeting = planning.meeting_of_month(acting_user=request.user, plan=plan, month=month)
    except ServiceError as error:
        return _page(request, month, organizations, error=error.message, status=400)
    messages.success(
        request, _("The meeting of %(month)s is planned.") % {"month": month_label(month)}
    )
    return redirect("meetings:detail", meeting.pk)
