"""The loan pages: the files of the archive one may borrow, a loan request, the loans (to
decide, to hand out, overdue, one's own) and the POST endpoints of each step."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.core.form_fields import StyledForm
from vanphong.records.access import RecordAction
from vanphong.records.models import NOTE_MAX, FileStatus, Loan, RecordFile
from vanphong.records.services import loans

LIST_MAX = 300


class LoanForm(StyledForm):
    purpose = forms.CharField(
        label=gettext_lazy("Purpose"), max_length=NOTE_MAX, widget=forms.Textarea({"rows": 3})
    )


@login_required
def archive(request):
    access.require(request.user, RecordAction.LOAN_REQUEST)
    rows = (
        access.visible(
            request.user,
            RecordFile.objects.filter(status=FileStatus.HANDED_OVER),
            RecordAction.LOAN_REQUEST,
        )
        .select_related("organization")
        .order_by("-year", "code")[:LIST_MAX]
    )
    return render(request, "records/archive.html", {"rows": rows})


@login_required
def loan_new(request, pk):
    file = access.get_for(
        request.user,
        RecordFile.objects.select_related("organization"),
        pk,
        RecordAction.LOAN_REQUEST,
    )
    form, status = LoanForm(request.POST or None), 200
    if request.method == "POST":
        if form.is_valid():
            try:
                loans.request_loan(
                    acting_user=request.user, file=file, purpose=form.cleaned_data["purpose"]
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The loan is requested."))
                return redirect("records:loans")
        status = 400
    return render(request, "records/loan_new.html", {"file": file, "form": form}, status=status)


def _listed(queryset) -> list:
    return list(queryset.select_related("file", "borrower").order_by("-requested_at")[:LIST_MAX])


def _sections(user) -> list[tuple[str, str, list]]:
    return [
        ("cho_duyet", _("Waiting for your decision"), _listed(loans.to_decide(user))),
        ("cho_muon", _("To hand out and out on loan"), _listed(loans.to_hand_out(user))),
        ("qua_han", _("Overdue"), _listed(loans.overdue(user))),
        ("cua_toi", _("Your loans"), _listed(loans.mine(user))),
    ]


@login_required
def loan_list(request):
    access.require(request.user, RecordAction.LOAN_REQUEST)
    sections = _sections(request.user)
    key = next((k for k, _label, _rows in sections if request.GET.get(k) == "1"), None)
    context = {"sections": sections, "key": key}
    if key is not None:
        context["rows"] = next(rows for k, _label, rows in sections if k == key)
    return render(request, "records/loans.html", context)


STEPS = {"duyet", "tu-choi", "cho-muon", "tra"}


@login_required
@require_POST
def loan_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    loan = access.get_for(
        request.user, Loan.objects.select_related("file"), pk, RecordAction.LOAN_REQUEST
    )
    if not any(
        access.can(request.user, action, loan)
        for action in (RecordAction.RECEIVE, loans.approver_action(loan))
    ):
        raise Http404
    note = request.POST.get("ly_do", "")[: NOTE_MAX + 1]
    try:
        if step == "duyet":
            loans.decide(acting_user=request.user, loan=loan, approve=True)
        elif step == "tu-choi":
            loans.decide(acting_user=request.user, loan=loan, approve=False, note=note)
        elif step == "cho-muon":
            loans.lend(acting_user=request.user, loan=loan)
        else:
            loans.record_return(acting_user=request.user, loan=loan)
    except PermissionDenied:  # a step of another role's: the request reveals nothing
        raise Http404 from None
    except ServiceError as error:
        messages.error(request, error.message)
        context = {"sections": _sections(request.user), "key": None}
        return render(request, "records/loans.html", context, status=400)
    return redirect("records:loans")
