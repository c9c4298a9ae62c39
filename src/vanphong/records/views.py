"""The records pages: the file plans, a plan and its rows, a file with its table of contents
and filing, the files due at the archive and their hand-over, the hand-overs and their DOCX.

Every record is fetched through core.access (404 alike for missing and forbidden); each write
calls a service, and a refused one shows the service's Vietnamese message on the page (status
400; the service's transaction left nothing changed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.core.vntext import fold
from vanphong.documents.models import IncomingDocument, OutgoingDocument, OutgoingStatus
from vanphong.organizations.models import Organization
from vanphong.records import bag, handover_docx, rules
from vanphong.records.access import RecordAction
from vanphong.records.forms import FilingForm, ItemForm, PlanForm, ReceiveForm
from vanphong.records.models import FileEntry, FilePlan, FileStatus, HandOver, PlanItem, RecordFile
from vanphong.records.services import files as file_service
from vanphong.records.services import handover as handover_service
from vanphong.records.services import plans as plan_service
from vanphong.records.services.common import today

CANDIDATES = 40
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _id(value) -> int:
    if not isinstance(value, str) or not value.isdigit() or len(value) > 12:
        raise Http404
    return int(value)


def _managed(user):
    return access.visible(user, Organization.objects.all(), RecordAction.MANAGE).order_by("path")


# --- plans ------------------------------------------------------------------------------------


@login_required
def plans(request):
    access.require(request.user, RecordAction.VIEW)
    organizations = list(_managed(request.user)[:200])
    form = None
    status = 200
    if organizations:
        form = PlanForm(
            request.POST or None,
            organizations=organizations,
            initial={"year": today().year, "from_last_year": True},
        )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            organization = next(o for o in organizations if str(o.pk) == data["organization"])
            try:
                plan = plan_service.create_plan(
                    acting_user=request.user,
                    organization=organization,
                    year=data["year"],
                    from_last_year=data["from_last_year"],
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The file plan is made."))
                return redirect("records:plan", plan.pk)
        status = 400
    rows = (
        access.visible(request.user, FilePlan.objects.all())
        .select_related("organization")
        .annotate(n=Count("items"))
        .order_by("-year", "organization__path")[:200]
    )
    return render(request, "records/plans.html", {"rows": rows, "form": form}, status=status)


@login_required
def plan(request, pk):
    plan = access.get_for(request.user, FilePlan.objects.select_related("organization"), pk)
    may_manage = access.can(request.user, RecordAction.MANAGE, plan.organization)
    form, status = None, 200
    if may_manage:
        people = access.holders(RecordAction.MANAGE, plan.organization).order_by("last_name")
        form = ItemForm(
            request.POST or None,
            retention=rules.retention_choices(plan_service._first_day(plan.year)),
            people=people,
        )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            responsible = (
                people.filter(pk=data["responsible"]).first() if data["responsible"] else None
            )
            try:
                plan_service.add_item(
                    acting_user=request.user,
                    plan=plan,
                    code=data["code"],
                    title=data["title"],
                    retention_key=data["retention_key"],
                    responsible=responsible,
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The file is added to the plan."))
                return redirect("records:plan", plan.pk)
        status = 400
    items = plan.items.select_related("responsible", "file").order_by("code")
    visible_files = set(
        access.visible(request.user, RecordFile.objects.filter(item__plan=plan)).values_list(
            "pk", flat=True
        )
    )
    rows = []
    for item in items:
        file = getattr(item, "file", None)
        rows.append(
            {
                "item": item,
                "file": file if file and file.pk in visible_files else None,
                "hidden": file is not None and file.pk not in visible_files,
            }
        )
    context = {
        "plan": plan,
        "rows": rows,
        "form": form,
        "may_manage": may_manage,
        "retention_label": rules.retention_label,
    }
    return render(request, "records/plan.html", context, status=status)


@login_required
@require_POST
def open_file(request, pk):
    # a plan row reaches its organization through its plan: looked up among the rows the user
    # may see, then the right to keep that organization's files is asked of core.access
    item = access.visible(request.user, PlanItem.objects.select_related("plan__organization"))
    item = item.filter(pk=pk).first()
    if item is None:
        raise Http404
    access.require(request.user, RecordAction.MANAGE, item.plan.organization)
    try:
        file = file_service.open_file(acting_user=request.user, item=item)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("records:plan", item.plan_id)
    return redirect("records:file", file.pk)


# --- files ------------------------------------------------------------------------------------


def _candidates(user, file: RecordFile, q: str) -> list[dict]:
    """Documents of the file's organization and year the user may see, not yet in the file."""
    folded = fold(q)
    incoming = (
        access.visible(user, IncomingDocument.objects.all())
        .filter(organization=file.organization, year=file.year)
        .exclude(record_entries__file=file)
    )
    outgoing = (
        access.visible(user, OutgoingDocument.objects.all())
        .filter(
            organization=file.organization, status=OutgoingStatus.ISSUED, issued_on__year=file.year
        )
        .exclude(record_entries__file=file)
    )
    if folded:
        incoming = incoming.filter(summary_folded__contains=folded)
        outgoing = outgoing.filter(summary_folded__contains=folded)
    rows = [
        {
            "token": f"den-{d.pk}",
            "label": f"{d.original_number} ({d.document_date:%d/%m/%Y}) — {d.summary}",
        }
        for d in incoming.order_by("document_date", "pk")[:CANDIDATES]
    ] + [
        {"token": f"di-{d.pk}", "label": f"{d.symbol} ({d.issued_on:%d/%m/%Y}) — {d.summary}"}
        for d in outgoing.order_by("issued_on", "pk")[:CANDIDATES]
    ]
    return rows


def _documents_of(user, file: RecordFile, tokens: list[str]) -> list:
    found = []
    for token in tokens:
        kind, _sep, number = token.partition("-")
        model = {"den": IncomingDocument, "di": OutgoingDocument}.get(kind)
        if model is None:
            raise Http404
        found.append(access.get_for(user, model.objects.all(), _id(number)))
    return found


def _file_page(request, file, *, form=None, status=200):
    may_manage = access.can(request.user, RecordAction.MANAGE, file)
    q = request.GET.get("q", "")[:100]
    candidates = []
    if may_manage and file.status == FileStatus.OPEN:
        candidates = _candidates(request.user, file, q)
        form = form or FilingForm(candidates=candidates)
    context = {
        "file": file,
        "toc": file_service.table_of_contents(request.user, file),
        "form": form if may_manage and file.status == FileStatus.OPEN else None,
        "q": q,
        "may_manage": may_manage,
        "retention": rules.retention_label(file.retention_years),
    }
    return render(request, "records/file.html", context, status=status)


@login_required
def file_detail(request, pk):
    file = access.get_for(
        request.user, RecordFile.objects.select_related("organization", "item"), pk
    )
    if request.method != "POST":
        return _file_page(request, file)
    access.require(request.user, RecordAction.MANAGE, file)
    if file.status != FileStatus.OPEN:
        messages.error(request, _("This file can no longer change."))
        return _file_page(request, file, status=400)
    candidates = _candidates(request.user, file, "")
    tokens = request.POST.getlist("documents")[:200]
    form = FilingForm(request.POST, candidates=candidates)
    if not tokens:
        form.add_error(None, _("Choose at least one document to file."))
        return _file_page(request, file, form=form, status=400)
    try:
        documents = _documents_of(request.user, file, tokens)
        file_service.add_documents(acting_user=request.user, file=file, documents=documents)
    except Http404:
        form.add_error(None, _("Choose the documents from the list."))
        return _file_page(request, file, form=form, status=400)
    except (ServiceError, PermissionDenied) as error:
        form.add_error(None, getattr(error, "message", _("You may not do this.")))
        return _file_page(request, file, form=form, status=400)
    messages.success(request, _("%(n)s documents filed.") % {"n": len(documents)})
    return redirect("records:file", file.pk)


@login_required
@require_POST
def file_remove(request, pk, entry):
    file = access.get_for(request.user, RecordFile.objects.all(), pk, RecordAction.MANAGE)
    # the file is the user's (just checked): its entry is looked up within it only
    entry = FileEntry.objects.filter(file=file, pk=entry).first()
    if entry is None:
        raise Http404
    try:
        file_service.remove_document(acting_user=request.user, entry=entry)
    except ServiceError as error:
        messages.error(request, error.message)
        return _file_page(request, file, status=400)
    return redirect("records:file", file.pk)


@login_required
@require_POST
def file_close(request, pk):
    file = access.get_for(request.user, RecordFile.objects.all(), pk, RecordAction.MANAGE)
    try:
        file_service.close_file(acting_user=request.user, file=file)
    except ServiceError as error:
        messages.error(request, error.message)
        return _file_page(request, file, status=400)
    messages.success(request, _("The file is closed."))
    return redirect("records:file", file.pk)


# --- the archive ------------------------------------------------------------------------------


@login_required
def due(request):
    access.require(request.user, RecordAction.VIEW)
    warned = request.GET.get("canh_bao") == "1"
    rows = list(handover_service.due_files(request.user, warned=warned)[:500])
    receivable = [f for f in rows if access.can(request.user, RecordAction.RECEIVE, f)]
    form, status = None, 200
    if receivable:
        form = ReceiveForm(request.POST or None, files=receivable)
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            chosen = [f for f in receivable if str(f.pk) in data["files"]]
            try:
                handover = handover_service.receive(
                    acting_user=request.user,
                    files=chosen,
                    handed_by_name=data["handed_by_name"],
                    note=data["note"],
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The files are received into the archive."))
                return redirect("records:handover", handover.pk)
        status = 400
    context = {"rows": rows, "form": form, "warned": warned, "today": today()}
    return render(request, "records/due.html", context, status=status)


@login_required
def handovers(request):
    access.require(request.user, RecordAction.VIEW)
    rows = (
        access.visible(request.user, HandOver.objects.all())
        .select_related("organization", "received_by")
        .order_by("-received_on", "-pk")[:200]
    )
    return render(request, "records/handovers.html", {"rows": rows})


def _handover(request, pk):
    return access.get_for(
        request.user, HandOver.objects.select_related("organization", "received_by"), pk
    )


@login_required
def handover(request, pk):
    handover = _handover(request, pk)
    files = access.visible(request.user, handover.files.all()).order_by("code")
    return render(request, "records/handover.html", {"handover": handover, "files": files})


def _docx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def handover_list_docx(request, pk):
    handover = _handover(request, pk)
    return _docx(handover_docx.file_list(handover), f"muc-luc-nop-luu-{handover.number:02d}.docx")


@login_required
def handover_minutes_docx(request, pk):
    handover = _handover(request, pk)
    return _docx(handover_docx.minutes(handover), f"bien-ban-giao-nhan-{handover.number:02d}.docx")


# --- packages ---------------------------------------------------------------------------------


def _bag_response(files, *, name: str, source: str, withheld: int = 0) -> FileResponse:
    package = bag.write_bag(files, name=name, source=source, withheld=withheld)
    return FileResponse(
        package, as_attachment=True, filename=f"{name}.zip", content_type="application/zip"
    )


@login_required
def file_bag(request, pk):
    file = access.get_for(request.user, RecordFile.objects.select_related("organization"), pk)
    if file.confidentiality:
        messages.error(request, _("A classified file is not exported as a package."))
        return _file_page(request, file, status=400)
    return _bag_response(
        [file], name=f"ho-so-{file.year}-{file.code}", source=file.organization.name
    )


@login_required
def plan_bag(request, pk):
    plan = access.get_for(request.user, FilePlan.objects.select_related("organization"), pk)
    done = access.visible(request.user, RecordFile.objects.filter(item__plan=plan)).exclude(
        status=FileStatus.OPEN
    )
    files = list(done.select_related("organization").order_by("code"))
    withheld = sum(1 for f in files if f.confidentiality)
    return _bag_response(
        files,
        name=f"ho-so-{plan.year}",
        source=plan.organization.name,
        withheld=withheld,
    )
