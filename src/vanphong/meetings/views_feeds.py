"""The member's calendar (the secret address for a calendar application, made and revoked from
"Cuộc họp của tôi", and the .ics download), the attendance XLSX of a meeting and of an
organization over a period, and the invitation DOCX (docs/rules/meetings.md §5–§7).

The feed's address is the only page here reached without a session: its token stands for the
user, and what it shows is what `core.access` lets that user see."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from vanphong.core import access
from vanphong.core.form_fields import StyledForm, date_field
from vanphong.meetings import exports, ical, invitation_docx
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.models import Meeting, Status
from vanphong.meetings.services import feeds

ICS = "text/calendar; charset=utf-8"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The longest period one grid covers: a term of office is five years.
PERIOD_MAX_DAYS = 5 * 366


def _calendar(request, user, name: str) -> HttpResponse:
    data = ical.render(user, ical.feed_meetings(user), host=request.get_host().split(":")[0])
    response = HttpResponse(data, content_type=ICS)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@never_cache
@require_GET
def calendar_feed(request, token: str):
    """The feed a calendar application reads: no session, the token stands for the user."""
    user = feeds.user_for_token(token)
    if user is None:
        response = render(request, "404.html", status=404)
        response["Cache-Control"] = "no-store"
        return response
    return _calendar(request, user, "lich-hop.ics")


@login_required
@require_GET
def my_calendar(request):
    """The logged-in member's meetings as an .ics file, to import once."""
    response = _calendar(request, request.user, "lich-hop.ics")
    response["Content-Disposition"] = 'attachment; filename="lich-hop.ics"'
    return response


@login_required
@require_POST
def calendar_make(request):
    """A new secret address (the old one stops working); shown once, on this page."""
    if not request.user.member_id:
        messages.error(request, _("Comrade's account is not linked to a party member record."))
        return redirect("meetings:mine")
    token = feeds.make_feed(user=request.user)
    address = request.build_absolute_uri(reverse("meetings:calendar_feed", args=[token]))
    return render(request, "meetings/calendar_address.html", {"address": address})


@login_required
@require_POST
def calendar_revoke(request):
    if feeds.revoke_feed(user=request.user):
        messages.success(request, _("The calendar address was revoked: it no longer works."))
    else:
        messages.info(request, _("Comrade has no calendar address in use."))
    return redirect("meetings:mine")


# -- Attendance XLSX ----------------------------------------------------------------------------


def may_export(user, meeting_or_org) -> bool:
    return access.can(user, MeetingAction.MANAGE, meeting_or_org) or access.can(
        user, MeetingAction.OVERSEE, meeting_or_org
    )


def _meeting_for_export(request, pk: int) -> Meeting:
    meeting = access.get_for(
        request.user, Meeting.objects.select_related("organization"), pk, MeetingAction.VIEW
    )
    if not may_export(request.user, meeting):
        raise Http404
    return meeting


@login_required
def attendance_xlsx(request, pk: int):
    meeting = _meeting_for_export(request, pk)
    day = timezone.localtime(meeting.started_at or meeting.starts_at)
    response = HttpResponse(exports.meeting_attendance(meeting), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="diem-danh-{meeting.pk}-{day:%Y%m%d}.xlsx"'
    )
    return response


class PeriodForm(StyledForm):
    organization = forms.ChoiceField(label=gettext_lazy("Organization"))
    start = date_field(gettext_lazy("From"))
    end = date_field(gettext_lazy("To"))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(str(o.pk), o.name) for o in organizations]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end must come after the start."))
            elif (end - start).days > PERIOD_MAX_DAYS:
                self.add_error("end", _("A period of at most five years."))
        return data


def _export_organizations(user, chosen: str):
    """The organizations with a body that meets where the user runs or oversees meetings: the
    first 500 in tree order, and the one asked for if it is further down the list."""
    from vanphong.meetings.services.planning import BODIES
    from vanphong.organizations.models import Organization

    kinds = {kind for kinds in BODIES.values() for kind in kinds}
    everything = Organization.objects.filter(kind__in=kinds)
    scoped = access.visible(user, everything, MeetingAction.MANAGE) | access.visible(
        user, everything, MeetingAction.OVERSEE
    )
    organizations = list(scoped.order_by("path")[:500])
    if chosen.isdigit() and len(chosen) < 12 and all(str(o.pk) != chosen for o in organizations):
        organizations += list(scoped.filter(pk=int(chosen)))
    return organizations


@login_required
@require_GET
def attendance_period(request):
    """An organization's meetings over a period, member by meeting: the form, then the XLSX."""
    chosen = request.GET.get("organization") or request.GET.get("don_vi", "")
    organizations = _export_organizations(request.user, chosen)
    if not organizations:
        raise Http404
    today = timezone.localdate()
    initial = {
        "organization": request.GET.get("don_vi", ""),
        "start": today.replace(month=1, day=1),
        "end": today,
    }
    bound = "start" in request.GET
    form = PeriodForm(request.GET if bound else None, initial=initial, organizations=organizations)
    if not (bound and form.is_valid()):
        return render(
            request,
            "meetings/attendance_period.html",
            {"form": form},
            status=400 if bound else 200,
        )
    data = form.cleaned_data
    organization = next(o for o in organizations if str(o.pk) == data["organization"])
    if not may_export(request.user, organization):
        raise Http404
    start, end = data["start"], data["end"]
    zone = timezone.get_current_timezone()
    meetings = (
        access.visible(request.user, Meeting.objects.all(), MeetingAction.VIEW)
        .filter(
            organization=organization,
            starts_at__gte=datetime.datetime.combine(start, datetime.time.min, zone),
            starts_at__lt=datetime.datetime.combine(
                end + datetime.timedelta(days=1), datetime.time.min, zone
            ),
        )
        .exclude(status=Status.CANCELLED)
        .order_by("starts_at", "pk")
    )
    response = HttpResponse(
        exports.period_attendance(organization, meetings, start, end), content_type=XLSX
    )
    response["Content-Disposition"] = (
        f'attachment; filename="diem-danh-{organization.pk}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
    )
    return response


# -- The invitation ------------------------------------------------------------------------------


@login_required
def invitation(request, pk: int):
    meeting = access.get_for(
        request.user, Meeting.objects.select_related("organization"), pk, MeetingAction.VIEW
    )
    access.require(request.user, MeetingAction.MANAGE, meeting)
    data = invitation_docx.render(invitation_docx.content_of(meeting))
    response = HttpResponse(data, content_type=DOCX)
    day = timezone.localtime(meeting.starts_at)
    response["Content-Disposition"] = (
        f'attachment; filename="giay-moi-{meeting.pk}-{day:%Y%m%d}.docx"'
    )
    return response
