"""The study of a resolution: the share of members who studied it in a subtree, for the
overseeing committee (or, without that right, the organizations one runs)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from vanphong.core import access
from vanphong.meetings import study
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.forms import StudyCoverageForm
from vanphong.organizations.models import Organization


def _roots(user) -> tuple[list, str]:
    for action in (MeetingAction.OVERSEE, MeetingAction.MANAGE):
        roots = list(access.roots_for(user, action))
        if roots:
            return roots, action
    raise Http404


@login_required
def study_page(request):
    roots, action = _roots(request.user)
    form = StudyCoverageForm(request.GET or None, organizations=roots)
    context = {"form": form, "lines": None}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        root = next((r for r in roots if str(r.pk) == data["organization"]), roots[0])
        drill = request.GET.get("don_vi", "")
        if drill.isdigit() and len(drill) < 12:
            root = access.get_organization_for(request.user, int(drill), action)
        visible = access.visible(request.user, Organization.objects.all(), action)
        lines, total = study.coverage(data["resolution"], root, visible)
        context.update(
            {
                "root": root,
                "lines": lines,
                "total": total,
                "resolution": study.canonical(data["resolution"]),
            }
        )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "meetings/study.html", context, status=status)
