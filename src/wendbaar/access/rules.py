"""Who may do what with which object: every object-level rule of the platform, answered in one place.

Each app declares its rules in its own ``rules.py`` as a mapping ``RULES = {"app.action_model": predicate}``,
where ``predicate(user, obj) -> bool``. ``RulesBackend`` (in AUTHENTICATION_BACKENDS) finds them all, so
views, the API and the admin ask the same question the same way::

    request.user.has_perm("opportunities.change_opportunity", opportunity)

A permission without a rule is refused: forgetting to write a rule never opens anything up. About an
object, the rules alone decide, for superusers too (``User.has_perm`` asks ``decisive`` first): being a
superuser opens the admin, not other people's conversations.

A predicate is asked without an object ("may this person organise events at all?") only when its object
parameter has a default (``def rule(user, obj=None)``); ``def rule(user, obj)`` is only ever asked about an
object, and "no" without one. It is asked about visitors who are not signed in only when marked
``@anyone`` (published content); otherwise only about signed-in, active users. How views turn a refusal
into 403 or 404 is described in ``wendbaar.access.views``.
"""

from __future__ import annotations

import inspect
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


def anyone(predicate: Predicate) -> Predicate:
    """Mark a predicate that also answers for visitors who are not signed in (e.g. "published")."""
    predicate.anyone = True
    return predicate


@cache
def answers_without_object(predicate: Predicate) -> bool:
    """Whether the predicate's object parameter has a default, so it may be asked with ``obj=None``."""
    try:
        parameters = list(inspect.signature(predicate).parameters.values())
    except (TypeError, ValueError):
        return False
    return len(parameters) >= 2 and parameters[1].default is not inspect.Parameter.empty


def has_rule(permission: str) -> bool:
    return permission in all_rules()


@cache
def is_model_permission(permission: str) -> bool:
    """One of Django's own model permissions ("accounts.view_user"), which the admin asks without object."""
    app_label, _dot, codename = permission.partition(".")
    action, _sep, model_name = codename.partition("_")
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return action in model._meta.default_permissions


def decisive(user, permission: str, obj=None) -> bool | None:
    """The rules' answer where they alone decide (``User.has_perm`` asks this first), else None.

    They decide about every object (no rule: no), and about platform actions without an object
    ("events.organise_event"). Django's model permissions without an object ("accounts.view_user", as the
    admin asks) stay with Django: superusers and granted permissions, with a rule that answers without an
    object as one more yes.
    """
    if obj is not None:
        return allowed(user, permission, obj)
    if has_rule(permission) and not is_model_permission(permission):
        return allowed(user, permission)
    return None


def allowed(user, permission: str, obj=None) -> bool:
    """The one answer to "may ``user`` do ``permission`` (on ``obj``)?"; inactive users may do nothing,
    visitors who are not signed in only what an ``@anyone`` predicate allows."""
    if user is None:
        return False
    predicate = all_rules().get(permission)
    if predicate is None:
        return False
    if obj is None and not answers_without_object(predicate):
        return False
    if not getattr(user, "is_authenticated", False):
        return getattr(predicate, "anyone", False) and bool(predicate(user, obj))
    if not user.is_active:
        return False
    return bool(predicate(user, obj))


# Small predicates the apps' rules are built from.


def signed_in(user, obj=None) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def programme_staff(user, obj=None) -> bool:
    """Programmateam and beheerders (by platform role)."""
    return bool(getattr(user, "is_authenticated", False) and user.is_programme_staff)


def beheerder(user, obj=None) -> bool:
    """Beheerders: the platform role, or a superuser."""
    from wendbaar.accounts.models import Role

    return bool(
        getattr(user, "is_authenticated", False) and (user.is_superuser or user.role == Role.BEHEERDER)
    )


def owner(user, obj) -> bool:
    """The object belongs to the user: it is the user, or its ``user`` is."""
    if obj is None or not getattr(user, "pk", None):
        return False
    if getattr(obj, "_meta", None) is not None and obj._meta.label == "accounts.User":
        return obj.pk == user.pk
    return getattr(obj, "user_id", None) == user.pk


class RulesBackend:
    """Authentication backend that authenticates nobody and answers object permissions from the rules."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, permission, obj=None):
        if permission not in all_rules():
            return False  # leave model-level admin permissions to ModelBackend
        return allowed(user, permission, obj)
