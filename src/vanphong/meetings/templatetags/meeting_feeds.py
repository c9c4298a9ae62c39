"""The boxes the calendar and the exports add to the meetings pages, each one line in the page's
template: the member's calendar address on "Cuộc họp của tôi", the downloads on a meeting."""

from django import template

from vanphong.meetings.access import MeetingAction
from vanphong.meetings.services import feeds
from vanphong.meetings.views_feeds import may_export

register = template.Library()


@register.inclusion_tag("meetings/_calendar_box.html", takes_context=True)
def calendar_box(context):
    user = context["request"].user
    return {
        "feed": feeds.active_feed(user) if user.member_id else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("meetings/_meeting_exports.html", takes_context=True)
def meeting_exports(context, meeting):
    from vanphong.core import access

    user = context["request"].user
    return {
        "meeting": meeting,
        "export": may_export(user, meeting),
        "manage": access.can(user, MeetingAction.MANAGE, meeting),
    }
