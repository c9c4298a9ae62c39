"""Pages of outgoing documents: drafting with versions, appraisal, signature, issue, dispatch,
seal log, digital signature. HTTP only: access through core/access.py, changes through services."""

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.core.pdf import PdfConversionError
from vanphong.documents import forms, list_filters, list_rows, search, workflow
from vanphong.documents.access import DocumentAction
from vanphong.documents.drafting import initial_from, template_initial
from vanphong.documents.holder import holding
from vanphong.documents.models import (
    ConfidentialAccess,
    FileRole,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
    Verdict,
)
from vanphong.documents.rendering import docx_file_name, docx_for
from vanphong.documents.services import dispatch, files, outgoing
from vanphong.documents.services.errors import DocumentError
from vanphong.documents.signature_block import applied, block_for
from vanphong.documents.types import type_name
from vanphong.documents.views_common import (
    history_page,
    list_facets,
    organizations_for,
    paginate,
    people_for,
    read_filters,
)
from vanphong.documents.views_incoming import _form_error, _FormInvalid

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def outgoing_list(request):
    access.require(request.user, DocumentAction.VIEW)
    user = request.user
    documents = access.visible(
        user,
        # the holder column reads the drafter and the signer (documents/holder.py)
        OutgoingDocument.objects.select_related("organization", "drafted_by", "signer"),
        DocumentAction.VIEW,
    )
    f, documents = read_filters(request, documents, incoming=False, statuses=OutgoingStatus.values)
    filtered = list_filters.apply(documents, f, incoming=False)
    if f.q:
        filtered = search.outgoing_matching(filtered, f.q)
    page = paginate(request, filtered.order_by("-created_at", "-pk"), searching=bool(f.q))
    query = f.query_string()
    return render(
        request,
        "documents/outgoing_list.html",
        {
            "page": page,
            "rows": list_rows.outgoing_rows(page),
            "f": f,
            "facets": list_facets(
                documents, f, user, incoming=False, statuses=OutgoingStatus.choices
            ),
            "query_prefix": f"{query}&" if query else "",
            "can_draft": access.can(user, DocumentAction.DRAFT),
        },
    )


@login_required
def outgoing_create(request):
    access.require(request.user, DocumentAction.DRAFT)
    organizations = organizations_for(request.user, DocumentAction.DRAFT)
    reply_to = None
    reply_id = (
        request.GET.get("tra_loi")
        or request.GET.get("in_reply_to")
        or request.POST.get("in_reply_to")
    )
    if reply_id:
        reply_to = access.get_for(
            request.user, IncomingDocument.objects.all(), reply_id, DocumentAction.VIEW
        )
    initial = {}
    first = reply_to.organization if reply_to else organizations.first()
    if first is not None:
        initial = initial_from(first)
        # A new draft starts from its type's template; choosing another type reloads it (htmx).
        doc_type = request.GET.get("doc_type") or request.GET.get("loai") or "cong_van"
        initial.update(
            template_initial(doc_type, timezone.localdate(), initial.get("issuing_body", ""))
        )
    placeholder = initial.pop("summary_placeholder", "")
    if reply_to:
        initial.update(
            summary=_("Reply to %(number)s") % {"number": reply_to.original_number},
            recipients=reply_to.issuer,
            confidentiality=reply_to.confidentiality,
        )
    form = forms.OutgoingForm(
        request.POST or None, organizations=organizations, initial=initial, user=request.user
    )
    if placeholder:
        form.fields["summary"].widget.attrs["placeholder"] = placeholder
    if request.method == "GET":
        form.fields["doc_type"].help_text = _(
            "Choosing another type loads that type's template; it asks first once you have typed"
            " a summary or content."
        )
        form.fields["doc_type"].widget.attrs.update(
            {
                # static/js/outgoing_form.js asks with this text before replacing typed text
                "data-confirm-replace": _(
                    "Load the template of the new type? The summary and content you typed will be"
                    " replaced. Choose Cancel to keep them."
                ),
                "hx-get": request.path,
                "hx-include": "[name=in_reply_to]",
                "hx-target": "#outgoing-form",
                "hx-select": "#outgoing-form",
                "hx-swap": "outerHTML",
            }
        )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organization = data.pop("organization")
        try:
            document = outgoing.create_draft(
                acting_user=request.user,
                organization=organization,
                in_reply_to=reply_to,
                **data,
            )
        except ServiceError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Draft saved."))
            return redirect("documents:outgoing_detail", pk=document.pk)
    return render(
        request,
        "documents/outgoing_form.html",
        {"form": form, "reply_to": reply_to, "document": None},
    )


def _get(request, pk, action=DocumentAction.VIEW) -> OutgoingDocument:
    return access.get_for(
        request.user,
        OutgoingDocument.objects.select_related("organization", "signer", "drafted_by"),
        pk,
        action,
    )


@login_required
def outgoing_edit(request, pk):
    document = _get(request, pk)
    access.require(request.user, DocumentAction.DRAFT, document)
    if not workflow.allows(request.user, document, "edit"):
        messages.error(request, _("Only a draft can be edited."))
        return redirect("documents:outgoing_detail", pk=pk)
    organizations = organizations_for(request.user, DocumentAction.DRAFT).filter(
        pk=document.organization_id
    )
    initial = {name: getattr(document, name) for name in outgoing.DRAFT_FIELDS}
    initial["organization"] = document.organization
    form = forms.OutgoingForm(
        request.POST or None, organizations=organizations, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        note = data.pop("note", "")
        data.pop("organization")
        try:
            outgoing.update_draft(acting_user=request.user, document=document, note=note, **data)
        except ServiceError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("New version saved."))
            return redirect("documents:outgoing_detail", pk=pk)
    return render(request, "documents/outgoing_form.html", {"form": form, "document": document})


@login_required
def outgoing_detail(request, pk):
    document = _get(request, pk)
    files.log_access(request.user, document, ConfidentialAccess.Kind.VIEW)
    return render(request, "documents/outgoing_detail.html", _detail_context(request, document))


REASON_STEPS = ("return", "recall", "cancel")


def _detail_context(request, document, **bound) -> dict:
    """Everything the page shows; `bound` (context name → form) replaces a step's form after a
    refused submit, so that its errors stand at their fields and what was typed stays."""
    steps = workflow.available(request.user, document)
    today = timezone.localdate()
    agreed = document.status == OutgoingStatus.APPRAISAL and workflow.appraised(document)
    block = None
    if document.signer_id and document.status == OutgoingStatus.SUBMITTED:
        block = block_for(document.signer, document.organization, today)
        block = applied(block, document.authority_line) if block else None
    context = {
        "document": document,
        "holding": holding(document, agreed=agreed),
        # what the signer signs: the block the rule gives (None: the one typed on the draft)
        "signature_block": block,
        "urgency_label": document.get_urgency_display() if document.urgency else "",
        "confidentiality_label": document.get_confidentiality_display(),
        "recipient_list": document.recipient_list(),
        "last_return": (
            document.appraisals.select_related("author").filter(verdict=Verdict.REVISE).last()
            if document.status == OutgoingStatus.RETURNED
            else None
        ),
        "type_name": type_name(document.doc_type, document.issued_on or document.created_at.date()),
        "versions": document.versions.select_related("author").order_by("-version"),
        "appraisals": document.appraisals.select_related("author"),
        "dispatches": document.dispatches.all(),
        "seal_uses": document.seal_uses.select_related("used_by"),
        "files": document.files.all(),
        # The buttons: exactly the steps documents/workflow.py lets this user take now.
        "steps": steps,
        "appraise_form": forms.AppraiseForm(),
        "issue_form": forms.IssueForm(),
        "sign_form": forms.SignForm(),
        "dispatch_form": forms.DispatchForm(),
        "delivery_choices": forms.DeliveryForm.base_fields["status"].choices,
        "seal_form": forms.SealForm(),
        "passphrase_form": forms.PassphraseForm(),
        "upload_form": forms.UploadForm(),
    }
    for step in REASON_STEPS:
        context[f"{step}_form"] = forms.ReasonForm(auto_id=f"id_{step}_%s")
    if "submit" in steps:
        context["submit_form"] = _submit_form(document)
    context.update(bound)
    return context


def _submit_form(document, data=None):
    signers = people_for(document.organization, DocumentAction.SIGN, document.confidentiality)
    return forms.SubmitForm(
        data, signers=signers, organization=document.organization, day=timezone.localdate()
    )


@login_required
def outgoing_history(request, pk):
    document = _get(request, pk)
    title = document.symbol or _("draft %(summary)s") % {"summary": document.summary[:80]}
    if document.confidentiality and not document.symbol:
        title = _("classified draft")
    return history_page(
        request,
        document,
        title=title,
        back_url=reverse("documents:outgoing_detail", args=[pk]),
    )


@login_required
def outgoing_docx(request, pk):
    """The DOCX: the stored one of an issued document, a fresh rendering of a draft."""
    document = _get(request, pk)
    stored = document.files.filter(role=FileRole.ISSUED_DOCX).first()
    if stored is not None:
        data = files.read_file(request.user, stored)
    else:
        files.log_access(request.user, document, ConfidentialAccess.Kind.DOWNLOAD)
        data = docx_for(document)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = content_disposition_header(True, docx_file_name(document))
    return response


@login_required
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": ["'self'"]})
def outgoing_pdf(request, pk):
    """The PDF the reader is about to act on, shown inline in the detail page (an <iframe>, so
    this one view may be framed by the application's own pages): the issued PDF once made, else
    the draft rendered now, as it will print. A classified document's copy carries the reader's
    name (documents/services/files.py)."""
    document = _get(request, pk)
    try:
        data = files.preview_pdf(request.user, document)
    except PdfConversionError as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type="application/pdf")
    name = docx_file_name(document).removesuffix(".docx") + ".pdf"
    response["Content-Disposition"] = content_disposition_header(False, name)
    return response


# The steps posted to this page's one URL: "draft" and "edit" have pages of their own, and an
# appraisal asking for a revision is posted as "appraise" with its verdict.
POSTED_STEPS = frozenset(workflow.NAMES) - {"draft", "edit", "request_revision"}


def _step_action(step: str, document) -> DocumentAction:
    """The action whose holders may post `step`: the table's row for the document's state, or
    (a step not possible in this state) any row of it, so the refusal is the service's message."""
    row = workflow.step_for(step, document.status)
    if row is None:
        row = next(s for s in workflow.STEPS if s.name == step)
    return row.action


@login_required
@require_POST
def outgoing_step(request, pk, step):
    if step not in POSTED_STEPS:
        raise Http404
    document = _get(request, pk)
    # Holding the step's action is access (404 otherwise, revealing nothing); the state and who
    # may take it are the service's to refuse, with its message.
    access.require(request.user, _step_action(step, document), document)
    made: dict = {}
    try:
        done = _run_step(request, document, step, made)
    except ServiceError as exc:
        form = made.get("form")
        shown = step in STEP_FORMS and step in workflow.available(request.user, document)
        if form is not None and shown:
            # the step's form is on the page: shown again, the error at its field, input kept
            if not isinstance(exc, _FormInvalid):
                fields = [f for f in SERVICE_FIELDS.get(exc.code, ()) if f in form.fields]
                form.add_error(fields[0] if fields else None, str(exc))
            bound = {FORM_NAMES.get(step, step) + "_form": form}
            context = _detail_context(request, document, **bound)
            return render(request, "documents/outgoing_detail.html", context, status=400)
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("documents:outgoing_detail", pk=document.pk)


# The steps whose form stands on the page, and the context name of those not named as the step.
STEP_FORMS = frozenset(
    ("appraise", "submit", "sign", "return", "issue", "recall", "cancel", "dispatch", "seal")
    + ("sign_pdf", "upload")
)
FORM_NAMES = {"sign_pdf": "passphrase"}
# Refusals of the services that belong to one field of the step's form.
SERVICE_FIELDS = {
    DocumentError.ISSUE_DATE[0]: ("issued_on", "sent_on"),  # issuing, or sending before it
    DocumentError.NO_RECIPIENTS[0]: ("recipients",),
    DocumentError.REASON_REQUIRED[0]: ("text",),
}


def _valid(form, made: dict):
    made["form"] = form
    if not form.is_valid():
        raise _form_error(form)
    return form.cleaned_data


def _run_step(request, document, step, made) -> str:  # noqa: C901 — one branch per step, flat
    """Take the step; `made["form"]` is the step's form once it is made."""
    user = request.user
    if step == "to_appraisal":
        outgoing.send_to_appraisal(acting_user=user, document=document)
        return _("Sent for appraisal.")
    if step == "appraise":
        data = _valid(forms.AppraiseForm(request.POST), made)
        outgoing.appraise(acting_user=user, document=document, **data)
        return _("Appraisal recorded.")
    if step == "submit":
        data = _valid(_submit_form(document, request.POST), made)
        outgoing.submit_for_signature(acting_user=user, document=document, signer=data["signer"])
        return _("Submitted for signature.")
    if step == "sign":
        # the signer confirms having read the text shown in the page (the PDF above the button)
        _valid(forms.SignForm(request.POST), made)
        outgoing.sign(acting_user=user, document=document)
        return _("Signed.")
    if step == "return":
        data = _valid(forms.ReasonForm(request.POST, auto_id=f"id_{step}_%s"), made)
        outgoing.return_unsigned(acting_user=user, document=document, reason=data["text"])
        return _("Returned to the drafter.")
    if step == "issue":
        data = _valid(forms.IssueForm(request.POST), made)
        document = outgoing.issue(acting_user=user, document=document, on=data["issued_on"])
        return _("Issued as no. %(symbol)s.") % {"symbol": document.symbol}
    if step in ("cancel", "recall"):
        data = _valid(forms.ReasonForm(request.POST, auto_id=f"id_{step}_%s"), made)
        service = outgoing.cancel if step == "cancel" else outgoing.recall
        service(acting_user=user, document=document, reason=data["text"])
        return _("Cancelled.") if step == "cancel" else _("Recalled.")
    if step == "dispatch":
        data = _valid(forms.DispatchForm(request.POST), made)
        rows = dispatch.send(
            acting_user=user,
            document=document,
            recipients=data["recipients"].splitlines(),
            channel=data["channel"],
            sent_on=data["sent_on"],
        )
        return _("Sent to %(count)s recipients.") % {"count": len(rows)}
    if step == "delivery":
        row = document.dispatches.filter(pk=request.POST.get("dispatch")).first()
        if row is None:
            raise Http404
        data = _valid(forms.DeliveryForm(request.POST), made)
        dispatch.set_delivery(acting_user=user, dispatch=row, status=data["status"])
        return _("Delivery status of %(recipient)s: %(status)s.") % {
            "recipient": row.recipient,
            "status": row.get_status_display(),
        }
    if step == "seal":
        data = _valid(forms.SealForm(request.POST), made)
        dispatch.apply_seal(acting_user=user, document=document, **data)
        return _("Seal use recorded.")
    if step == "pdf":
        files.issued_pdf(user, document)
        return _("PDF made.")
    if step == "sign_pdf":
        data = _valid(forms.PassphraseForm(request.POST), made)
        files.sign_issued(user, document, data["passphrase"])
        return _("The PDF is digitally signed.")
    if step != "upload":
        raise Http404
    data = _valid(forms.UploadForm(request.POST, request.FILES), made)
    files.add_upload(user, document, data["file"], role=FileRole.ATTACHMENT)
    return _("File added.")
