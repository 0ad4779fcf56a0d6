"""Which kinds of notification exist, and how people may hear about them.

Every app declares its kinds in ``<app>/notification_kinds.py`` (found by this app's ``ready()``):

    register_group("kansen", label=_("Kansen en contactverzoeken"), default_email=Email.DIRECT)
    register_kind("opportunities.contactverzoek", group="kansen", label=_("Iemand wil contact met je"))

A *group* is what a person sets e-mail for on the settings page (right away, a daily or weekly overview, or
none); in-app notifications always appear. A *kind* belongs to one group. Most kinds store their text when
they are made; a kind with ``render`` instead makes its text when it is shown, in the reader's language,
from the object the notification points at (its ``target``), so that content hidden later never lingers in
a notification. Such a kind usually also gives ``visible``: a condition (a ``Q`` on Notification, for one
reader) that hides notifications about what the reader may no longer see — in the app and in mail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from wendbaar.notifications.models import Notification


class Email(models.TextChoices):
    """How someone wants e-mail about one group of notifications."""

    DIRECT = "direct", _("Direct: een e-mail bij elke melding")
    DAILY = "dagelijks", _("Eén keer per dag een overzicht")
    WEEKLY = "wekelijks", _("Eén keer per week een overzicht")
    NONE = "geen", _("Geen e-mail")


class Rendered(NamedTuple):
    """A notification as a reader sees it: the sentence, where it leads, and where it happened."""

    text: str
    url: str = ""
    place: str = ""


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    help_text: str = ""
    default_email: str = Email.DAILY
    order: int = 100


@dataclass(frozen=True)
class Kind:
    key: str
    group: str
    label: str
    render: Callable[[Notification], Rendered | None] | None = None
    visible: Callable[[object], Q] | None = None
    # Querysets that fetch targets for ``render`` in one go (e.g. a post with its topic and group).
    targets: tuple[Callable[[], QuerySet], ...] = field(default=())


_groups: dict[str, Group] = {}
_kinds: dict[str, Kind] = {}


def register_group(
    key: str, *, label, help_text="", default_email: str = Email.DAILY, order: int = 100
) -> Group:
    """Declare a group that people set e-mail for. Declaring the same group again changes nothing."""
    key = str(key)
    if default_email not in Email.values:
        raise ValueError(f"Unknown e-mail choice {default_email!r} for notification group {key!r}")
    group = Group(key=key, label=label, help_text=help_text, default_email=default_email, order=order)
    if _groups.setdefault(key, group) != group:
        raise ValueError(f"Notification group {key!r} is already registered differently")
    return group


def register_kind(
    key: str,
    *,
    group: str,
    label,
    render: Callable[[Notification], Rendered | None] | None = None,
    visible: Callable[[object], Q] | None = None,
    targets: tuple[Callable[[], QuerySet], ...] = (),
) -> Kind:
    """Declare a kind of notification in a registered group. Use ``<app_label>.<name>`` as the key."""
    key, group = str(key), str(group)
    if group not in _groups:
        raise ValueError(f"Register notification group {group!r} before kind {key!r}")
    if len(key) > 60:
        raise ValueError(f"Notification kind {key!r} is longer than 60 characters")
    kind = Kind(key=key, group=group, label=label, render=render, visible=visible, targets=tuple(targets))
    if _kinds.setdefault(key, kind) != kind:
        raise ValueError(f"Notification kind {key!r} is already registered differently")
    return kind


def get_kind(key: str) -> Kind:
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(
            f"Unknown notification kind {key!r}; register it in notification_kinds.py"
        ) from None


def find_kind(key: str) -> Kind | None:
    return _kinds.get(key)


def get_group(key: str) -> Group:
    return _groups[key]


def groups() -> list[Group]:
    """The groups in the order the settings page shows them."""
    return sorted(_groups.values(), key=lambda g: (g.order, str(g.label)))


def kinds(group: str | None = None) -> list[Kind]:
    return [k for k in _kinds.values() if group is None or k.group == group]


def visibility(user) -> Q:
    """A condition on Notification: the rows this reader may see now. Kinds without a rule always pass.

    Kinds that share one rule are checked together, so the rule's subqueries appear once.
    """
    by_rule: dict[Callable, list[str]] = {}
    for kind in _kinds.values():
        if kind.visible is not None:
            by_rule.setdefault(kind.visible, []).append(kind.key)
    ruled = [key for keys in by_rule.values() for key in keys]
    condition = ~Q(kind__in=ruled) if ruled else Q()
    for rule, keys in by_rule.items():
        condition |= Q(kind__in=keys) & rule(user)
    return condition


def target_querysets() -> list[QuerySet]:
    """One queryset per target model, to prefetch what ``render`` needs."""
    seen, querysets = set(), []
    for kind in _kinds.values():
        for make in kind.targets:
            queryset = make()
            if queryset.model not in seen:
                seen.add(queryset.model)
                querysets.append(queryset)
    return querysets
