"""The two-step verification page: set up an authenticator app (a TOTP secret shown as a QR code
and as text), or verify a session that has not given its code yet."""

import base64

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from vanphong.core import login_throttle, second_factor
from vanphong.core.forms import SecondFactorForm


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@login_required
def second_factor_page(request):
    user = request.user
    setting_up = not second_factor.has(user)
    if not setting_up and user.is_verified():
        messages.info(request, _("Two-step verification is on for your account."))
        return redirect("core:dashboard")
    device = second_factor.pending_device(user) if setting_up else None
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["otp_token"].strip().replace(" ", "")
        if setting_up:
            accepted = device if token.isdigit() and device.verify_token(token) else None
        else:
            accepted = second_factor.check(user, token)
        if accepted is not None:
            if setting_up:
                second_factor.confirm(user, accepted)
            otp_login(request, accepted)
            login_throttle.clear_failures(user.username)
            messages.success(request, _("Two-step verification confirmed."))
            return redirect(_next(request))
        address = login_throttle.client_address(request)
        login_throttle.record_failure(user.username, address)
        if login_throttle.is_locked(user.username, address):
            logout(request)  # the same lock as a wrong password
            return redirect("core:login")
        form.add_error("otp_token", _("The verification code is missing or wrong."))
    context = {"form": form, "setting_up": setting_up, "next": _next(request)}
    if setting_up:
        context["secret"] = base64.b32encode(device.bin_key).decode()
        context["qr"] = segno.make(device.config_url, error="m").svg_data_uri(scale=5)
    return render(request, "core/second_factor.html", context)
