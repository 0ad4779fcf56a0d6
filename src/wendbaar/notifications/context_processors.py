"""The number of unread notifications for the badge in the header, counted only when a page shows it."""

from functools import cache


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def count() -> int:
        from wendbaar.notifications.services import unread_count

        return unread_count(user)

    # Templates call a callable when they use it, so pages without the header pay nothing.
    return {"unread_notifications": count}
