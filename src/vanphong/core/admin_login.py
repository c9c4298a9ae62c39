"""The administration site has no login form of its own: it sends to the application's login
page, so the one throttle, lock and second factor (core.forms) guard it too."""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse


def admin_login(request, extra_context=None):
    target = request.GET.get("next") or reverse("admin:index")
    if request.user.is_authenticated:
        if not admin.site.has_permission(request):
            raise PermissionDenied  # signed in, but not staff: the Vietnamese 403 page
        return redirect(target)
    return redirect_to_login(target, reverse("core:login"))
