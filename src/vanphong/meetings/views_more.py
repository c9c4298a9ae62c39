"""The minutes page and its DOCX, a member's own meetings and presentations, and the overseeing
committee's compliance view with its XLSX."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.core.pdf import PdfConversionError, docx_to_pdf
from vanphong.core.spreadsheet import row_as_text
from vanphong.meetings import absences, attention, compliance, minutes_docx
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.forms import (
    ComplianceForm,
    CorrectionForm,
    MinutesForm,
    ReviewForm,
    SubmitPresentationForm,
)
from vanphong.meetings.models import (
    Attendance,
    DraftResolution,
    DraftStatus,
    Meeting,
    MinutesStatus,
    Motion,
    MotionStatus,
    Presence,
    Presentation,
    Status,
)
from vanphong.meetings.services import minutes as minutes_service
from vanphong.meetings.services import planning
from vanphong.organizations.models import Organization

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _meeting(request, pk) -> Meeting:
    return access.get_for(
        request.user,
        Meeting.objects.select_related("organization", "chair", "secretary"),
        pk,
        MeetingAction.VIEW,
    )


def _minutes_context(request, meeting, **extra):
    record = minutes_service.current(meeting)
    content = (
        record.content
        if record is not None and record.status != MinutesStatus.DRAFT
        else minutes_service.content_of(meeting, record.other_matters if record else "")
    )
    user = request.user
    signer = user.member_id and user.member_id in (meeting.chair_id, meeting.secretary_id)
    return {
        "meeting": meeting,
        "record": record,
        "content": content,
        "manage": access.can(user, MeetingAction.MANAGE, meeting),
        "may_sign": bool(signer) and record is not None and record.status == MinutesStatus.ADOPTED,
        "form": extra.get("form")
        or MinutesForm(initial={"other_matters": record.other_matters if record else ""}),
        "correction_form": CorrectionForm(),
        "error": extra.get("error"),
    }


@login_required
def minutes_page(request, pk: int):
    meeting = _meeting(request, pk)
    if meeting.status != Status.HELD:
        raise Http404
    return render(request, "meetings/minutes.html", _minutes_context(request, meeting))


@login_required
@require_POST
def minutes_step(request, pk: int, name: str):
    meeting = _meeting(request, pk)
    user = request.user
    try:
        if name == "ky":
            record = minutes_service.current(meeting)
            if record is None:
                raise Http404
            minutes_service.sign(user=user, minutes=record)
            message = _("Comrade signed the minutes.")
        else:
            access.require(user, MeetingAction.MANAGE, meeting)
            record = minutes_service.draft(acting_user=user, meeting=meeting)
            if name == "luu":
                form = MinutesForm(request.POST)
                if not form.is_valid():
                    context = _minutes_context(request, meeting, form=form)
                    return render(request, "meetings/minutes.html", context, status=400)
                minutes_service.edit(acting_user=user, minutes=record, **form.cleaned_data)
                message = _("The minutes were saved.")
            elif name == "thong-qua":
                minutes_service.adopt(acting_user=user, minutes=record)
                message = _(
                    "The minutes were adopted by the meeting; the chair and the secretary sign them."
                )
            elif name == "dinh-chinh":
                form = CorrectionForm(request.POST)
                if not form.is_valid():
                    raise minutes_service.MeetingError(minutes_service.MeetingError.REASON_NEEDED)
                minutes_service.correct(acting_user=user, minutes=record, **form.cleaned_data)
                message = _("A correction of the minutes was opened.")
            else:
                raise Http404
    except (ServiceError, PermissionDenied) as error:
        context = _minutes_context(
            request,
            meeting,
            error=getattr(error, "message", "") or _("Comrade may not take this step."),
        )
        return render(request, "meetings/minutes.html", context, status=400)
    messages.success(request, message)
    return redirect("meetings:minutes", meeting.pk)


def _minutes_file(request, pk: int) -> tuple[bytes, str]:
    """The minutes as DOCX in the party layout, and the file name without its extension."""
    meeting = _meeting(request, pk)
    if meeting.status != Status.HELD:
        raise Http404
    context = _minutes_context(request, meeting)
    data = minutes_docx.render(context["content"], meeting.locality or meeting.place)
    day = timezone.localtime(meeting.started_at or meeting.starts_at)
    return data, f"bien-ban-{meeting.pk}-{day:%Y%m%d}"


@login_required
def minutes_docx_view(request, pk: int):
    data, name = _minutes_file(request, pk)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response


@login_required
def minutes_pdf_view(request, pk: int):
    """The same minutes as PDF (LibreOffice, outside any transaction), to read on a phone or
    print; a server without LibreOffice says so and points to the DOCX."""
    data, name = _minutes_file(request, pk)
    try:
        pdf = docx_to_pdf(data)
    except PdfConversionError as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


# -- A member's own pages ------------------------------------------------------------------------


@login_required
def mine(request):
    user = request.user
    if not user.member_id:
        return render(request, "meetings/mine.html", {"no_member": True})
    meetings = (
        access.visible(user, Meeting.objects.all(), MeetingAction.VIEW)
        .filter(attendance__member_id=user.member_id)
        .exclude(status=Status.CANCELLED)
        .select_related("organization")
    )
    now = timezone.now()
    rows = (
        Attendance.objects.filter(member_id=user.member_id, meeting__in=meetings)
        .exclude(presence=Presence.UNRECORDED)
        .select_related("meeting")
    )
    open_votes = Motion.objects.filter(
        meeting__in=meetings.filter(status=Status.IN_SESSION), status=MotionStatus.OPEN
    ).select_related("meeting")
    week = request.GET.get("tuan") == "1"  # the dashboard's card: the coming 7 days, all of them
    coming = (
        attention.my_upcoming(user).select_related("organization").order_by("starts_at")
        if week
        else meetings.filter(starts_at__gte=now).order_by("starts_at")[:20]
    )
    return render(
        request,
        "meetings/mine.html",
        {
            "coming": coming,
            "week": week,
            "past": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:20],
            "presentations": Presentation.objects.filter(
                member_id=user.member_id, meeting__in=meetings
            ).select_related("meeting"),
            "open_votes": open_votes,
            "drafts": access.visible(user, DraftResolution.objects.all(), MeetingAction.VIEW)
            .filter(recipients__member_id=user.member_id, status=DraftStatus.OPEN)
            .filter(deadline__gte=now)
            .order_by("deadline"),
            "record": rows.order_by("-meeting__starts_at")[:50],
        },
    )


def _presentation(request, pk) -> Presentation:
    presentation = Presentation.objects.select_related("meeting", "member").filter(pk=pk).first()
    if presentation is None:
        raise Http404
    user = request.user
    if user.member_id != presentation.member_id:
        access.require(user, MeetingAction.MANAGE, presentation.meeting)
    elif not access.can(user, MeetingAction.VIEW, presentation.meeting):
        raise Http404
    return presentation


@login_required
def presentation_page(request, pk: int):
    presentation = _presentation(request, pk)
    user = request.user
    mine_ = user.member_id == presentation.member_id
    submit_form = SubmitPresentationForm(request.POST or None, initial={"text": presentation.text})
    review_form = ReviewForm(request.POST or None)
    error = None
    if request.method == "POST":
        try:
            if request.POST.get("step") == "nop" and mine_:
                if submit_form.is_valid():
                    planning.submit_presentation(
                        user=user, presentation=presentation, **submit_form.cleaned_data
                    )
                    messages.success(request, _("The presentation was submitted to the secretary."))
                    return redirect("meetings:presentation", presentation.pk)
            elif request.POST.get("step") in ("nhan", "tra-lai"):
                access.require(user, MeetingAction.MANAGE, presentation.meeting)
                if review_form.is_valid():
                    planning.review_presentation(
                        acting_user=user,
                        presentation=presentation,
                        accept=request.POST["step"] == "nhan",
                        remarks=review_form.cleaned_data["remarks"],
                    )
                    messages.success(request, _("The review was recorded."))
                    return redirect("meetings:presentation", presentation.pk)
            else:
                raise Http404
        except ServiceError as error_:
            error = error_.message
        presentation.refresh_from_db()
    context = {
        "presentation": presentation,
        "mine": mine_,
        "manage": access.can(user, MeetingAction.MANAGE, presentation.meeting),
        "submit_form": submit_form,
        "review_form": review_form,
        "error": error,
    }
    return render(
        request,
        "meetings/presentation.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


# -- Compliance ---------------------------------------------------------------------------------


def _compliance(request):
    roots = list(access.roots_for(request.user, MeetingAction.OVERSEE))
    if not roots:
        raise Http404
    form = ComplianceForm(request.GET or None, organizations=roots)
    day = timezone.localdate()
    root = roots[0]
    if form.is_bound and form.is_valid():
        day = form.cleaned_data["day"] or day
        chosen = form.cleaned_data["organization"]
        root = next((r for r in roots if str(r.pk) == chosen), root)
    drill = request.GET.get("don_vi", "")
    if drill.isdigit() and len(drill) < 12:
        root = access.get_organization_for(request.user, int(drill), MeetingAction.OVERSEE)
    cells = compliance.cells_with_compliance(root, day)
    needs = compliance.requirements(day)
    figures = compliance.summary(root, day, needs)
    return form, root, day, cells, needs, figures


@login_required
def compliance_page(request):
    form, root, day, cells, needs, figures = _compliance(request)
    children = Organization.objects.filter(
        path__startswith=root.path, depth=root.depth + 1
    ).order_by("path")
    return render(
        request,
        "meetings/compliance.html",
        {
            "form": form,
            "root": root,
            "day": day,
            "cells": cells[:500],
            "needs": needs,
            "not_met": figures["not_met"],
            "no_thematic": figures["no_thematic"],
            "total": figures["total"],
            "children": children,
        },
    )


@login_required
def compliance_xlsx(request):
    form, root, day, cells, needs, _figures = _compliance(request)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Compliance")[:31]
    sheet.append([_("Cell meetings: compliance") + f" — {root.name} — {day:%m/%Y}"])
    sheet.append([_("Cell"), _("Meetings this month"), _("Thematic this quarter")])
    for cell in cells.iterator():
        sheet.append([cell.name, cell.held_month, cell.thematic_quarter])
        row_as_text(sheet[sheet.max_row])
    output = io.BytesIO()
    book.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="tuan-thu-sinh-hoat-{day:%Y-%m}.xlsx"'
    return response


# -- Members absent without reason ---------------------------------------------------------------


@login_required
def absences_page(request):
    """The members flagged this year and last year, each with the meetings missed: for whoever
    runs the meetings."""
    if not access.can(request.user, MeetingAction.MANAGE):
        raise Http404
    year = timezone.localdate().year
    years = [
        {"year": y, "flags": absences.flagged(request.user, y), "limit": absences.threshold(y)}
        for y in (year, year - 1)
    ]
    return render(request, "meetings/absences.html", {"years": years})
