"""The dues pages: the cells one records for, a cell's month (compute with its preview, cash
payments, the unpaid flag), the flagged members, a member's own history, and the roll-up of a
subtree for the accountant. Every page goes through core.access."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.dues import flags, rollup
from vanphong.dues.access import DuesAction
from vanphong.dues.forms import PaymentForm, YearForm
from vanphong.dues.models import LedgerLine
from vanphong.dues.rates import month_of, next_month, previous_month
from vanphong.dues.services import ledger, payments
from vanphong.organizations.models import CELL_KINDS, Organization
from vanphong.organizations.services.members import today


def _month(year: int, month: int) -> datetime.date:
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    return datetime.date(year, month, 1)


def _cell(request, pk: int) -> Organization:
    cell = access.get_organization_for(request.user, pk, DuesAction.RECORD)
    if cell.kind not in CELL_KINDS:
        raise Http404
    return cell


def _month_url(cell, month) -> str:
    return reverse("dues:month", args=[cell.pk, month.year, month.month])


@login_required
def home(request):
    """The cells whose dues the user records, each with a link to this month."""
    if not access.can(request.user, DuesAction.RECORD):
        raise Http404
    cells = access.visible(
        request.user, Organization.objects.filter(kind__in=CELL_KINDS), DuesAction.RECORD
    ).order_by("path")
    current = month_of(today())
    rows = [{"cell": cell, "url": _month_url(cell, current)} for cell in cells]
    return render(request, "dues/home.html", {"rows": rows, "month": current})


@login_required
def month_page(request, pk: int, year: int, month: int, form=None, status=200):
    cell = _cell(request, pk)
    day = _month(year, month)
    lines = list(ledger.month_lines(cell, day))
    arrears = ledger.arrears_before([line.member_id for line in lines], day)
    for line in lines:
        line.arrears = arrears.get(line.member_id, 0)
    context = {
        "cell": cell,
        "month": day,
        "lines": lines,
        "begun": day <= month_of(today()),
        "flags": flags.flagged(request.user, day.year, cell),
        "limit": flags.threshold(day.year),
        "total_due": sum(line.due for line in lines),
        "total_paid": sum(line.paid for line in lines),
        "previous_url": _month_url(cell, previous_month(day)),
        "next_url": _month_url(cell, next_month(day)),
        "form": form or PaymentForm(initial={"paid_on": today()}),
    }
    return render(request, "dues/month.html", context, status=status)


@login_required
@require_POST
def compute(request, pk: int, year: int, month: int):
    """Without `confirm`: what computing the month would change, shown; with it: saved."""
    cell = _cell(request, pk)
    day = _month(year, month)
    try:
        if request.POST.get("confirm") != "1":
            result = ledger.preview(acting_user=request.user, organization=cell, month=day)
            return render(
                request, "dues/preview.html", {"cell": cell, "month": day, "result": result}
            )
        result = ledger.compute_month(acting_user=request.user, organization=cell, month=day)
    except PermissionDenied:
        raise Http404 from None
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_month_url(cell, day))
    messages.success(
        request,
        _("The dues of %(month)s are computed: %(changed)s lines changed.")
        % {"month": day.strftime("%m/%Y"), "changed": len(result.changed)},
    )
    return redirect(_month_url(cell, day))


@login_required
@require_POST
def pay(request, pk: int):
    line = access.get_for(
        request.user,
        LedgerLine.objects.select_related("organization", "member"),
        pk,
        DuesAction.RECORD,
    )
    back = _month_url(line.organization, line.month)
    form = PaymentForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    try:
        payment = payments.record_payment(
            acting_user=request.user,
            line=line,
            value=data["amount"],
            paid_on=data["paid_on"],
            channel=data["channel"],
            reference=data["reference"],
        )
    except PermissionDenied:
        raise Http404 from None
    except ServiceError as error:
        messages.error(request, f"{line.member.full_name}: {error.message}")
        return redirect(back)
    text = _("Payment of %(name)s for %(month)s recorded.") % {
        "name": line.member.full_name,
        "month": line.month.strftime("%m/%Y"),
    }
    if payment.receipt_number:
        text += " " + _("Receipt no. %(number)s.") % {"number": payment.receipt_number}
    messages.success(request, text)
    return redirect(back)


def _year(request) -> int:
    form = YearForm(request.GET)
    if not form.is_valid():
        raise Http404
    return form.cleaned_data["nam"] or today().year


@login_required
def flagged_page(request):
    """The members unpaid for three months this year and last year, with the months."""
    if not access.can(request.user, DuesAction.RECORD):
        raise Http404
    year = today().year
    rows = flags.flagged(request.user, year)
    years = [
        {
            "year": y,
            "flags": rows if y == year else flags.flagged(request.user, y),
            "limit": flags.threshold(y),
        }
        for y in (year, year - 1)
    ]
    return render(request, "dues/flagged.html", {"rows": rows, "years": years})


@login_required
def mine(request):
    """The member's own dues, month by month, and what is still owed."""
    user = request.user
    if not user.member_id:
        return render(request, "dues/mine.html", {"no_member": True})
    lines = list(
        access.visible(user, LedgerLine.objects.all(), DuesAction.VIEW)
        .filter(member_id=user.member_id)
        .select_related("relief", "organization")
        .prefetch_related("payments")
        .order_by("-month")
    )
    owed = sum(line.outstanding for line in lines if line.month < month_of(today()))
    return render(request, "dues/mine.html", {"lines": lines, "owed": owed})


@login_required
def rollup_page(request):
    """Due, paid and owed per organization under the user's committee, for a year."""
    roots = list(access.roots_for(request.user, DuesAction.OVERSEE))
    if not roots:
        raise Http404
    year = _year(request)
    root = roots[0]
    drill = request.GET.get("don_vi", "")
    if drill:
        if not drill.isdigit() or len(drill) > 12:
            raise Http404
        root = access.get_organization_for(request.user, int(drill), DuesAction.OVERSEE)
    rows, total = rollup.by_organization(request.user, root, year)
    context = {
        "root": root,
        "year": year,
        "rows": rows,
        "total": total,
        "flags": flags.flagged(request.user, year, root, DuesAction.OVERSEE),
        "limit": flags.threshold(year),
    }
    return render(request, "dues/rollup.html", context)
