from vanphong.core import navigation as nav_entries
from vanphong.core import notifications, search


def navigation(request):
    """What the navigation bar shows: only the entries the user may open."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "nav_items": nav_entries.items_for(user),
        "nav_admin": user.is_staff,
        "nav_search": bool(search.kinds_for(user)),
        "unread_count": notifications.unread_count(user),
    }
