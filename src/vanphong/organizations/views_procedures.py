"""POST endpoints of the member procedures, and the introduction letter of a transfer.

Each parses its form, calls the service, and on a MemberError shows the service's message on the
profile (status 400; the service's transaction left nothing changed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.organizations import access as org_access
from vanphong.organizations.access import OrgAction
from vanphong.organizations.letters import introduction_letter_docx
from vanphong.organizations.member_forms import build_form
from vanphong.organizations.models import Transfer
from vanphong.organizations.services import procedures
from vanphong.organizations.services.errors import MemberError
from vanphong.organizations.views_members import profile_context

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _recognize(user, member, data):
    procedures.recognize_official(
        acting_user=user, member=member, on=data["on"], decision=data["decision"]
    )
    return _("The member was recognized as an official member."), None


def _transfer(user, member, data):
    transfer = procedures.transfer_member(
        acting_user=user,
        member=member,
        kind=data["kind"],
        on=data["on"],
        to_organization=data["to_organization"],
        to_organization_name=data["to_organization_name"].strip(),
        returns_on=data["returns_on"],
        reason=data["reason"],
        letter_number=data["letter_number"],
    )
    return _("The transfer was recorded."), {"giay_gioi_thieu": transfer.pk}


def _exempt(user, member, data):
    procedures.exempt_member(
        acting_user=user,
        member=member,
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        reason=data["reason"],
        decision=data["decision"],
    )
    return _("The exemption from activity was recorded."), None


def _end_exemption(user, member, data):
    procedures.end_exemption(acting_user=user, member=member, on=data["on"])
    return _("The exemption from activity was ended."), None


def _position(user, member, data):
    procedures.grant_position(
        acting_user=user,
        member=member,
        organization=data["organization"],
        title=data["title"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
    )
    return _("The position was assigned."), None


def _remove(user, member, data):
    procedures.remove_member(
        acting_user=user,
        member=member,
        on=data["on"],
        reason=data["reason"],
        decision=data["decision"],
    )
    return _("The removal from the party was recorded."), None


def _death(user, member, data):
    procedures.record_death(acting_user=user, member=member, on=data["on"])
    return _("The death was recorded."), None


ACTIONS = {
    "cong-nhan-chinh-thuc": _recognize,
    "chuyen-sinh-hoat": _transfer,
    "mien-sinh-hoat": _exempt,
    "ket-thuc-mien": _end_exemption,
    "chuc-vu": _position,
    "xoa-ten": _remove,
    "tu-tran": _death,
}


@login_required
@require_POST
def member_procedure(request, pk, name):
    if name not in ACTIONS:
        raise Http404
    member = org_access.get_member_for(request.user, pk, OrgAction.MEMBER_PROCEDURE)
    form = build_form(name, request.user, member, request.POST)
    error_code = None
    if form.is_valid():
        try:
            message, query = ACTIONS[name](request.user, member, form.cleaned_data)
        except MemberError as exc:
            form.add_error(None, exc.message)
            error_code = exc.code
        else:
            messages.success(request, message)
            url = reverse("organizations:member_detail", args=[member.pk])
            if query:
                url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
            return redirect(url)
    context = profile_context(request, member, **{name: form})
    context.update({"failed_procedure": name, "error_code": error_code})
    return render(request, "organizations/member_detail.html", context, status=400)


@login_required
def transfer_letter(request, pk):
    """The introduction letter (giấy giới thiệu) of a transfer, as DOCX."""
    transfer = Transfer.objects.select_related("member__organization").filter(pk=pk).first()
    if transfer is None:
        raise Http404
    access.require(request.user, OrgAction.MEMBER_PROCEDURE, transfer.member)
    response = HttpResponse(introduction_letter_docx(transfer), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="giay-gioi-thieu-{transfer.pk}.docx"'
    return response
