"""Asking the rules from a view, and the page "Wie heeft mijn gegevens bekeken".

A refusal always looks the same:

- a visitor who is not signed in goes to the login page (after which the question is asked again);
- **404** when the object's existence is itself someone's business: another person's conversation,
  follow-up action, order, notification or availability, an unpublished event or publication, a hidden post,
  a closed group's attachment. Saying "forbidden" would tell that it exists. Pass ``hide=True``.
- **403** when the object is public and only the action is not for this person: the moderators' pages of a
  group anyone can find, the organisers' pages, creating a group. The default.

Three ways to ask, all ending in ``request.user.has_perm(permission, obj)``:

- ``require(request, "events.view_conversation", conversation, hide=True)`` inside a function view;
- ``@permission_required_for("events.organise_event")`` or, with an object,
  ``@permission_required_for("events.view_event", lambda request, slug: get_object_or_404(Event, slug=slug),
  hide=True)`` — the loaded object is left on ``request.permission_object``;
- ``RulePermissionMixin`` on a class-based view (``permission_required``, ``hide_object``), which checks
  the object ``get_object()`` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET


def require(request, permission: str, obj=None, *, hide: bool = False) -> None:
    """Raise ``Http404`` (``hide``) or ``PermissionDenied`` unless the signed-in user may do this."""
    if request.user.has_perm(permission, obj):
        return
    if hide:
        raise Http404
    raise PermissionDenied


def permission_required_for(
    permission: str, get_object: Callable | None = None, *, hide: bool = False
) -> Callable:
    """Decorator: load the object with ``get_object(request, **kwargs)`` (if given) and ask the rules.

    Visitors who are not signed in and are refused go to the login page; others get 404 or 403 (see above).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = get_object(request, *args, **kwargs) if get_object is not None else None
            if not request.user.has_perm(permission, obj):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise Http404 if hide else PermissionDenied
            request.permission_object = obj
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class _Refused(Exception):
    pass


class RulePermissionMixin:
    """For class-based views: ``permission_required`` is asked about the object of ``get_object()`` (or,
    for views without one, with no object). ``hide_object = True`` answers 404 instead of 403."""

    permission_required: str = ""
    hide_object: bool = False

    def dispatch(self, request, *args, **kwargs):
        try:
            has_object = hasattr(super(), "get_object")  # e.g. a DetailView: checked in get_object
            if not has_object and not request.user.has_perm(self.permission_required):
                raise _Refused
            return super().dispatch(request, *args, **kwargs)
        except _Refused:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404 if self.hide_object else PermissionDenied from None

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.request.user.has_perm(self.permission_required, obj):
            raise _Refused
        return obj


LOG_PAGE_SIZE = 25


@login_required
@require_GET
def access_log(request):
    """Wie heeft mijn gegevens bekeken: every entry about the signed-in person, newest first."""
    entries = request.user.access_log.all()
    page = Paginator(entries, LOG_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "access/access_log.html", {"page": page})
