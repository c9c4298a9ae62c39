from vanphong.core import access, notifications
from vanphong.core.access import Action


def navigation(request):
    """What the navigation bar shows: only the areas the user may open."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "nav": {
            "organizations": access.can(user, Action.ORG_VIEW),
            "members": access.can(user, Action.MEMBER_VIEW),
            "statistics": access.can(user, Action.MEMBER_EXPORT),
            "documents": access.can(user, Action.DOCUMENT_VIEW),
            "admin": user.is_staff,
        },
        "unread_count": notifications.unread_count(user),
    }
