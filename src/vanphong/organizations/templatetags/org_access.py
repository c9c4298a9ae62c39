"""`{% can "member.change" member as allowed %}`: templates ask core/access.py, the one authority,
whether to show a link or a button (the view behind it asks again)."""

from django import template

from vanphong.core import access

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action: str, obj=None) -> bool:
    request = context.get("request")
    if request is None:
        return False
    return access.can(request.user, action, obj)
