"""Permissions of the API. Object checks go through ``request.user.has_perm`` like everywhere else
(wendbaar.access.rules); a view names the rule per HTTP method in ``object_rules``."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission

from wendbaar.api.models import ApiToken


class Authenticated(BasePermission):
    """Personal data: only with an API key (or the signed-in session)."""

    message = _("Hiervoor heb je een API-sleutel nodig.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)


class TokenScope(BasePermission):
    """A read-only key may read, never change anything."""

    message = _("Deze sleutel mag alleen lezen. Maak een sleutel met 'lezen en wijzigen'.")
    code = "insufficient_scope"

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return not (isinstance(request.auth, ApiToken) and not request.auth.can_write)


class ObjectRules(BasePermission):
    """Asks the platform's rules about the object a view works on.

    ``view.object_rules`` maps HTTP methods to permission names, e.g. ``{"GET": "api.view_apitoken",
    "DELETE": "api.delete_apitoken"}``. Someone who may not even see the object gets 404, so the API does
    not tell which objects of other people exist; a method without a rule is refused. Views without
    ``object_rules`` serve public objects, which their queryset already limits (published only).
    """

    def has_object_permission(self, request, view, obj):
        rules = getattr(view, "object_rules", None)
        if rules is None:
            return True
        view_rule = rules.get("GET")
        if view_rule is None or not request.user.has_perm(view_rule, obj):
            raise exceptions.NotFound()
        method = "GET" if request.method in SAFE_METHODS else request.method
        rule = rules.get(method)
        return rule is not None and request.user.has_perm(rule, obj)
