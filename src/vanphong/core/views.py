"""Pages of the core: login, dashboard, notification inbox, e-mail preferences."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import dashboard, notifications, search, services
from vanphong.core.forms import EmailPreferencesForm, ThrottledLoginForm
from vanphong.core.models import Notification


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    redirect_authenticated_user = True


@login_required
def dashboard_view(request):
    cards = dashboard.cards_for(request.user)
    return render(request, "core/dashboard.html", {"cards": cards})


@login_required
def inbox(request):
    rows = Notification.objects.filter(user=request.user)
    unread = request.GET.get("chua_doc") == "1"  # the dashboard's card: the unread ones
    if unread:
        rows = notifications.unread(request.user)
    page = Paginator(rows, 30).get_page(request.GET.get("trang"))
    context = {"page": page, "unread": unread, "query_prefix": "chua_doc=1&" if unread else ""}
    return render(request, "core/inbox.html", context)


@login_required
@require_POST
def mark_all_read(request):
    ids = list(
        Notification.objects.filter(user=request.user, read_at=None).values_list("pk", flat=True)
    )
    notifications.mark_read(acting_user=request.user, notification_ids=ids)
    return redirect("core:inbox")


@login_required
def email_preferences(request):
    current = list(request.user.email_preferences.values_list("kind", flat=True))
    form = EmailPreferencesForm(request.POST or None, initial={"kinds": current})
    if request.method == "POST" and form.is_valid():
        services.set_email_preferences(acting_user=request.user, kinds=form.cleaned_data["kinds"])
        messages.success(request, _("Your e-mail preferences were saved."))
        return redirect("core:email_preferences")
    return render(request, "core/email_preferences.html", {"form": form})


@login_required
def search_view(request):
    """One search box over every kind of record the apps register (core.search)."""
    q = request.GET.get("q", "")[:200]
    results = search.search(request.user, q)
    return render(request, "core/search.html", {"q": q, "results": results})
