from vanphong.core import access, notifications


def navigation(request):
    """What the navigation bar shows: only the areas the user may open."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "nav": {
            "organizations": access.can(user, "organization.view"),
            "members": access.can(user, "member.view"),
            "statistics": access.can(user, "member.export"),
            "documents": access.can(user, "document.view"),
            "admin": user.is_staff,
        },
        "unread_count": notifications.unread_count(user),
    }
