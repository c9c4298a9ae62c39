"""Pages of incoming documents: the register list, registration, the document and its routing.
HTTP only: access through core/access.py, changes through documents/services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.documents import forms, held_uploads, list_filters, list_rows, search, symbols
from vanphong.documents.access import DocumentAction
from vanphong.documents.models import (
    AssignmentRole,
    ConfidentialAccess,
    DocumentFile,
    IncomingDocument,
    IncomingStatus,
)
from vanphong.documents.services import files, incoming
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.types import type_name
from vanphong.documents.views_common import (
    departments_of,
    history_page,
    list_facets,
    organizations_for,
    paginate,
    people_for,
    read_filters,
)


def _documents(user):
    """The documents the user may see, with the columns of the list's rows (list_rows)."""
    return access.visible(
        user, IncomingDocument.objects.only(*list_rows.INCOMING_COLUMNS), DocumentAction.VIEW
    )


@login_required
def incoming_list(request):
    access.require(request.user, DocumentAction.VIEW)
    user = request.user
    documents = _documents(user)
    f, documents = read_filters(request, documents, incoming=True, statuses=IncomingStatus.values)
    filtered = list_filters.apply(documents, f, incoming=True)
    if f.q:  # last: it picks the first matches among the documents filtered so far
        filtered = search.first_matching(filtered, f.q)
    # The register year is the year of receipt: the same order, which PostgreSQL reads from
    # its indexes (documents migrations 0002, 0004) instead of sorting the whole scope.
    page = paginate(request, filtered.order_by(*search.LIST_ORDER), searching=bool(f.q))
    query = f.query_string()
    return render(
        request,
        "documents/incoming_list.html",
        {
            "page": page,
            "rows": list_rows.incoming_rows(page),
            "f": f,
            "facets": list_facets(
                documents, f, user, incoming=True, statuses=IncomingStatus.choices
            ),
            "query_prefix": f"{query}&" if query else "",
            "can_register": access.can(user, DocumentAction.REGISTER),
        },
    )


def _attach(request, document, uploaded) -> None:
    files.add_upload(request.user, document, uploaded)


# Refusals of the registration service that belong to one field of the form.
REGISTER_FIELDS = {
    DocumentError.UNKNOWN_TYPE[0]: "doc_type",
    DocumentError.FUTURE_DATE[0]: "document_date",
    DocumentError.RECEIVED_FUTURE[0]: "received_at",
    DocumentError.NUMBER_WITHOUT_DIGITS[0]: "original_number",
    DocumentError.DATE_AFTER_RECEIPT[0]: "document_date",
    DocumentError.EMPTY_SUMMARY[0]: "summary",
    DocumentError.PAGES[0]: "pages",
    DocumentError.ABOVE_CLEARANCE[0]: "confidentiality",
}


@login_required
def incoming_register(request):
    access.require(request.user, DocumentAction.REGISTER)
    organizations = organizations_for(request.user, DocumentAction.REGISTER)
    form = forms.IncomingForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        user=request.user,
    )
    duplicates = []
    valid = form.is_valid()  # an unbound form (a POST of nothing) is not valid
    if request.method == "POST":
        # the chosen scan is kept across a refused submit (held_uploads)
        held = held_uploads.keep(request, form, "file")
    if valid and not form.errors:
        data = form.cleaned_data
        duplicates = list(
            access.visible(
                request.user,
                incoming.find_duplicates(
                    data["organization"],
                    issuer=data["issuer"],
                    original_number=data["original_number"],
                    document_date=data["document_date"],
                ),
                DocumentAction.VIEW,
            )
        )
        if duplicates and not data["confirm_duplicate"]:
            messages.warning(
                request,
                _("A document with the same issuer, number and date is already registered."),
            )
        else:
            try:
                document = _register(request, data, held.open() if held else None)
            except ServiceError as exc:
                form.add_error(REGISTER_FIELDS.get(exc.code), str(exc))
            else:
                held_uploads.release(request, held)
                messages.success(
                    request,
                    _("Registered as incoming no. %(number)s/%(year)s.")
                    % {"number": document.number, "year": document.year},
                )
                return redirect("documents:incoming_detail", pk=document.pk)
    return render(
        request,
        "documents/incoming_register.html",
        {"form": form, "duplicates": duplicates},
    )


def _register(request, data, scan) -> IncomingDocument:
    return incoming.register_with_scan(
        acting_user=request.user,
        scan=scan,
        organization=data["organization"],
        received_at=data["received_at"],
        channel=data["channel"],
        issuer=data["issuer"],
        original_number=data["original_number"],
        document_date=data["document_date"],
        doc_type=data["doc_type"],
        summary=data["summary"],
        pages=data["pages"],
        urgency=data["urgency"] or "",
        confidentiality=data["confidentiality"],
    )


def _symbol_warning(document: IncomingDocument) -> str | None:
    """Shown on the record itself, so the clerk meets it after registering and whenever she
    comes back."""
    if not symbols.off_party_form(document.issuer, document.original_number):
        return None
    return _(
        "The number and symbol “%(typed)s” are not in the party's form (for example "
        "12-QĐ/TU): the document was registered as typed; check it against the original."
    ) % {"typed": document.original_number}


def _get(request, pk) -> IncomingDocument:
    return access.get_for(
        request.user,
        IncomingDocument.objects.select_related("organization", "registered_by", "directed_by"),
        pk,
        DocumentAction.VIEW,
    )


def _is_handler(user, document) -> bool:
    return document.assignments.filter(
        user=user, role__in=[AssignmentRole.LEAD, AssignmentRole.CO]
    ).exists() or access.can(user, DocumentAction.ROUTE, document)


@login_required
def incoming_detail(request, pk):
    document = _get(request, pk)
    files.log_access(request.user, document, ConfidentialAccess.Kind.VIEW)
    return render(request, "documents/incoming_detail.html", _detail_context(request, document))


def _assign_form(document, data=None, **kwargs) -> forms.AssignForm:
    return forms.AssignForm(
        data,
        people=people_for(document.organization, DocumentAction.VIEW, document.confidentiality),
        handlers=people_for(document.organization, DocumentAction.HANDLE, document.confidentiality),
        departments=departments_of(document),
        **kwargs,
    )


def _detail_context(request, document, **bound) -> dict:
    """Everything the page shows; `bound` replaces a step's form after a refused submit, so that
    its errors stand at their fields and what was typed or chosen stays."""
    user = request.user
    can_route = access.can(user, DocumentAction.ROUTE, document)
    open_ = document.status != IncomingStatus.DONE
    context = {
        "document": document,
        "type_name": type_name(document.doc_type, document.document_date),
        "assignments": document.assignments.select_related("user").order_by("role", "pk"),
        "notes": document.notes.select_related("author"),
        "files": document.files.all(),
        "replies": access.visible(user, document.replies.all(), DocumentAction.VIEW),
        "can_route": can_route and open_,
        "can_handle": open_ and _is_handler(user, document),
        "can_upload": access.can(user, DocumentAction.REGISTER, document),
        "can_reply": open_ and access.can(user, DocumentAction.DRAFT, document),
        "symbol_warning": _symbol_warning(document),
    }
    if context["can_route"]:
        context["assign_form"] = _assign_form(document, initial={"deadline": document.deadline})
    for step in TEXT_STEPS:
        context[f"{step}_form"] = forms.TextForm(auto_id=f"id_{step}_%s")
    context["upload_form"] = forms.UploadForm()
    for step, form in bound.items():
        context[f"{step}_form"] = form
    return context


@login_required
def incoming_history(request, pk):
    document = _get(request, pk)
    title = _("incoming document %(number)s/%(year)s") % {
        "number": document.number,
        "year": document.year,
    }
    return history_page(
        request,
        document,
        title=title,
        back_url=reverse("documents:incoming_detail", args=[pk]),
    )


STEPS = {
    "assign": DocumentAction.ROUTE,
    "direct": DocumentAction.ROUTE,
    "progress": DocumentAction.VIEW,  # the service checks that the user handles it
    "close": DocumentAction.VIEW,
    "upload": DocumentAction.REGISTER,
    "verify": DocumentAction.VIEW,
}


TEXT_STEPS = ("direct", "progress", "close")

# Refusals of the routing service that belong to one field of the form.
ASSIGN_FIELDS = {
    DocumentError.DEADLINE_PAST[0]: "deadline",
    DocumentError.NO_LEAD[0]: "lead",
    DocumentError.DEPARTMENT_SCOPE[0]: "department",
}


class _Refused(Exception):
    """A step's form refused: the page is shown again with it bound."""

    def __init__(self, form):
        super().__init__(form.errors.as_text())
        self.form = form


@login_required
@require_POST
def incoming_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    document = _get(request, pk)
    access.require(request.user, STEPS[step], document)
    try:
        done = _run_step(request, document, step)
    except _Refused as refused:
        context = _detail_context(request, document, **{step: refused.form})
        return render(request, "documents/incoming_detail.html", context, status=400)
    except ServiceError as exc:
        messages.error(request, str(exc))
    else:
        if done:
            messages.success(request, done)
    return redirect("documents:incoming_detail", pk=document.pk)


def _service_step(form, call, fields=None):
    """Run `call`; a refusal of the service is put on the form (at its field when it has one)."""
    try:
        return call()
    except ServiceError as exc:
        form.add_error((fields or {}).get(exc.code), str(exc))
        raise _Refused(form) from exc


def _run_step(request, document, step) -> str:
    user = request.user
    if step == "assign":
        form = _assign_form(document, request.POST)
        if not form.is_valid():
            raise _Refused(form)
        data = form.cleaned_data
        _service_step(
            form,
            lambda: incoming.assign(
                acting_user=user,
                document=document,
                lead=data["lead"],
                co_handlers=data["co_handlers"],
                readers=data["readers"],
                deadline=data["deadline"],
                direction=data["direction"],
                department=data["department"],
            ),
            ASSIGN_FIELDS,
        )
        return _("Assigned.")
    if step == "upload":
        form = forms.UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            raise _Refused(form)
        _service_step(form, lambda: _attach(request, document, form.cleaned_data["file"]))
        return _("File added.")
    if step == "verify":
        row = document.files.filter(pk=request.POST.get("file")).first()
        if row is None:
            raise Http404
        checks = files.verify_signatures(row)
        return _("Signatures checked: %(count)s.") % {"count": len(checks)}
    form = forms.TextForm(request.POST, auto_id=f"id_{step}_%s")
    if not form.is_valid():
        raise _Refused(form)
    text = form.cleaned_data["text"]
    if step == "direct":
        _service_step(
            form,
            lambda: incoming.record_direction(acting_user=user, document=document, direction=text),
        )
        return _("Direction recorded.")
    if step == "progress":
        _service_step(
            form, lambda: incoming.add_progress(acting_user=user, document=document, text=text)
        )
        return _("Progress recorded.")
    _service_step(form, lambda: incoming.close(acting_user=user, document=document, result=text))
    return _("The document is closed.")


class _FormInvalid(ServiceError):
    pass


def _form_error(form) -> ServiceError:
    first = next(iter(form.errors.values()))[0]
    return _FormInvalid(("invalid", first))


@login_required
def file_download(request, pk):
    row = DocumentFile.objects.select_related("incoming", "outgoing").filter(pk=pk).first()
    if row is None:
        raise Http404
    document = row.document
    access.get_for(request.user, type(document).objects.all(), document.pk, DocumentAction.VIEW)
    try:
        data = files.read_file(request.user, row)
    except FileNotFoundError:
        raise Http404 from None
    except PermissionDenied:
        raise Http404 from None
    except ServiceError as exc:  # a stored PDF the reader's watermark cannot be drawn on
        messages.error(request, str(exc))
        kind = "incoming" if row.incoming_id else "outgoing"
        return redirect(f"documents:{kind}_detail", pk=document.pk)
    response = HttpResponse(data, content_type=row.content_type)
    disposition = "inline" if row.kind == "pdf" else "attachment"
    from django.utils.http import content_disposition_header

    response["Content-Disposition"] = content_disposition_header(
        disposition == "attachment", row.name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
