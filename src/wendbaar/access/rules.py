"""Who may do what with which object: every object-level rule of the platform, answered in one place.

Each app declares its rules in its own ``rules.py`` as a mapping ``RULES = {"app.action_model": predicate}``,
where ``predicate(user, obj) -> bool``. ``RulesBackend`` (in AUTHENTICATION_BACKENDS) finds them all, so
views, the API and the admin ask the same question the same way::

    request.user.has_perm("opportunities.change_opportunity", opportunity)

A permission without a rule is refused: forgetting to write a rule never opens anything up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module

from django.apps import apps

Predicate = Callable[[object, object], bool]


@cache
def all_rules() -> dict[str, Predicate]:
    """Every app's ``RULES``, gathered once per process."""
    rules: dict[str, Predicate] = {}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.rules")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.rules":
                raise  # a rules module that exists but fails to import must not pass silently
            continue
        for name, predicate in getattr(module, "RULES", {}).items():
            if name in rules:
                raise ValueError(f"Rule {name!r} is declared twice ({config.name}).")
            rules[name] = predicate
    return rules


def allowed(user, permission: str, obj=None) -> bool:
    """The one answer to "may ``user`` do ``permission`` (on ``obj``)?"; inactive users may do nothing."""
    if user is None or not getattr(user, "is_active", False):
        return False
    predicate = all_rules().get(permission)
    if predicate is None:
        return False
    return bool(predicate(user, obj))


class RulesBackend:
    """Authentication backend that authenticates nobody and answers object permissions from the rules."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, permission, obj=None):
        if permission not in all_rules():
            return False  # leave model-level admin permissions to ModelBackend
        return allowed(user, permission, obj)
