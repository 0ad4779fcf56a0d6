"""Notifications for everyone, from every app: in the app, and by e-mail right away or in an overview."""


def notify(user, kind: str, **options):
    """Shortcut for ``wendbaar.notifications.services.notify`` that is safe to import at any time."""
    from wendbaar.notifications.services import notify as make

    return make(user, kind, **options)
