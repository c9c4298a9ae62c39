"""The pages of draft resolutions: the list, a new draft, the draft's page (its parts, the
comment form for a recipient, the round and the synthesis for whoever runs it), its steps, and
the synthesis DOCX."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core import access
from vanphong.core.errors import ServiceError
from vanphong.meetings import step_pages, synthesis_docx
from vanphong.meetings.access import MeetingAction
from vanphong.meetings.forms_drafts import CommentForm, DecideForm, DraftForm, IssueForm, SendForm
from vanphong.meetings.models import DraftResolution, DraftStatus, Meeting, Status
from vanphong.meetings.services import drafts
from vanphong.meetings.services.common import superior_of
from vanphong.meetings.step_pages import FormInvalid
from vanphong.meetings.views import managed_organizations
from vanphong.organizations.models import ACTIVE_STATUSES, Member, Organization

LIST_SIZE = 100


@login_required
def draft_list(request):
    rows = (
        access.visible(request.user, DraftResolution.objects.all(), MeetingAction.VIEW)
        .select_related("organization")
        .order_by("-created_at", "-pk")[:LIST_SIZE]
    )
    return render(
        request,
        "meetings/drafts.html",
        {"drafts": rows, "can_create": managed_organizations(request.user).exists()},
    )


@login_required
def draft_new(request):
    organizations = list(managed_organizations(request.user))
    if not organizations:
        raise Http404
    meetings = list(
        access.visible(request.user, Meeting.objects.all(), MeetingAction.MANAGE)
        .exclude(status__in=(Status.CANCELLED, Status.HELD))
        .order_by("starts_at")[:50]
    )
    form = DraftForm(request.POST or None, organizations=organizations, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organization = next(o for o in organizations if str(o.pk) == data["organization"])
        meeting = next((m for m in meetings if str(m.pk) == data["meeting"]), None)
        try:
            draft = drafts.create(
                acting_user=request.user,
                organization=organization,
                meeting=meeting,
                title=data["title"],
                text=data["text"],
                confidentiality=data["confidentiality"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft was saved. Send it for comment when ready."))
            return redirect("meetings:draft", draft.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/draft_new.html", {"form": form}, status=status)


def _send_form(draft, data=None):
    organization = draft.organization
    members = Member.objects.filter(organization=organization, status__in=ACTIVE_STATUSES).order_by(
        "full_name"
    )
    below = Organization.objects.filter(
        path__startswith=organization.path, depth=organization.depth + 1
    ).order_by("path")
    return SendForm(data, members=members, organizations=below)


def _context(request, draft, **forms) -> dict:
    user = request.user
    manage = access.can(user, MeetingAction.MANAGE, draft)
    mine = draft.recipients.filter(member_id=getattr(user, "member_id", None)).first()
    comments = draft.comments.select_related("member", "on_behalf_of")
    if not manage:
        comments = comments.filter(member_id=getattr(user, "member_id", None))
    comments = list(comments)
    parts = [(0, _("The draft as a whole"))] + list(enumerate(draft.parts, start=1))
    by_part = {number: [] for number, _text in parts}
    for comment in comments:
        by_part.setdefault(comment.part, []).append(comment)
    open_now = drafts.is_open(draft)
    return {
        "draft": draft,
        "manage": manage,
        "recipient": mine,
        "parts": [(number, text, by_part[number]) for number, text in parts],
        "comments": comments,
        "open_now": open_now,
        "round_over": draft.status == DraftStatus.CLOSED
        or (draft.status == DraftStatus.OPEN and not open_now),
        "recipients_count": draft.recipients.count(),
        "commenters_count": draft.comments.values("member").distinct().count(),
        "send_form": forms.get("send_form") or _send_form(draft),
        "comment_form": forms.get("comment_form") or CommentForm(parts=draft.parts),
        "decide_form": DecideForm(),
        "issue_form": forms.get("issue_form") or IssueForm(initial={"revised_text": draft.text}),
        "error": forms.get("error"),
    }


@login_required
def draft_detail(request, pk: int):
    draft = access.get_for(
        request.user,
        DraftResolution.objects.select_related("organization", "meeting", "issued_document"),
        pk,
        MeetingAction.VIEW,
    )
    return render(request, "meetings/draft.html", _context(request, draft))


def _send(request, draft):
    access.require(request.user, MeetingAction.MANAGE, draft)
    form = _send_form(draft, request.POST)
    if not form.is_valid():
        raise FormInvalid("send_form", form)
    data = form.cleaned_data
    members = list(
        Member.objects.filter(
            organization=draft.organization,
            status__in=ACTIVE_STATUSES,
            pk__in=[int(v) for v in data["members"]],
        )
    )
    organizations = list(
        Organization.objects.filter(pk__in=[int(v) for v in data["organizations"]])
    )
    draft = drafts.send(
        acting_user=request.user,
        draft=draft,
        members=members,
        organizations=organizations,
        deadline=data["deadline"],
    )
    return _("The draft was sent to %(count)s members for comment.") % {
        "count": draft.recipients.count()
    }


def _comment(request, draft):
    form = CommentForm(request.POST, parts=draft.parts)
    if not form.is_valid():
        raise FormInvalid("comment_form", form)
    data = form.cleaned_data
    drafts.comment(
        user=request.user,
        draft=draft,
        part=data["part"],
        text=data["text"],
        on_behalf=data["on_behalf"],
    )
    return _("Comrade's comment was recorded.")


def _close(request, draft):
    drafts.close(acting_user=request.user, draft=draft)
    return _("The comment round is closed.")


def _decide(request, draft):
    comment = step_pages.posted_row(draft.comments.all(), request.POST, "comment")
    form = DecideForm(request.POST)
    if not form.is_valid():
        raise drafts.MeetingError(drafts.MeetingError.NO_DISPOSITION)
    drafts.decide(
        acting_user=request.user,
        comment=comment,
        disposition=form.cleaned_data["disposition"],
        reason=form.cleaned_data["reason"],
    )
    return _("The answer to the comment was recorded.")


def _issue(request, draft):
    form = IssueForm(request.POST)
    if not form.is_valid():
        raise FormInvalid("issue_form", form)
    draft = drafts.issue(
        acting_user=request.user, draft=draft, revised_text=form.cleaned_data["revised_text"]
    )
    return _("The resolution was drafted in the outgoing documents: it follows their workflow.")


STEPS = {"gui": _send, "y-kien": _comment, "dong": _close, "xu-ly": _decide, "ban-hanh": _issue}


@login_required
@require_POST
def draft_step(request, pk: int, name: str):
    if name not in STEPS:
        raise Http404
    draft = access.get_for(
        request.user, DraftResolution.objects.select_related("organization"), pk, MeetingAction.VIEW
    )
    return step_pages.run(
        request,
        draft,
        lambda: STEPS[name](request, draft),
        template="meetings/draft.html",
        context_of=_context,
        done_url=reverse("meetings:draft", args=[draft.pk]) + f"#{name}",
    )


@login_required
def synthesis_docx_view(request, pk: int):
    draft = access.get_for(
        request.user,
        DraftResolution.objects.select_related("organization", "meeting"),
        pk,
        MeetingAction.MANAGE,
    )
    organization = draft.organization
    parent = superior_of(organization)
    superior = parent.name if parent is not None else ""
    place = (draft.meeting.locality if draft.meeting else "") or organization.name
    content = synthesis_docx.render(draft, superior, place, timezone.localdate())
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="tong-hop-y-kien-{draft.pk}.docx"'
    return response
