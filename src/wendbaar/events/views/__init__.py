"""Pages for bijeenkomsten (events.py) and gesprekken (conversations.py)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def organiser_required(view):
    """Programme staff (programmateam, beheerder) only; others get 403, anonymous visitors the login page."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("events.organise_event"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def adviser_required(view):
    """Loopbaanadviseurs only (their own availability); others get 403, anonymous visitors the login page."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("events.manage_adviser"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
