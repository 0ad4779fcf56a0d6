"""Knowledge sharing on a group's page: pinned items from other apps, upcoming gatherings and recent
publications.

The kennisbank (``wendbaar.knowledge``) and bijeenkomsten (``wendbaar.events``) are optional here: each kind
of pin names its app and model as strings, and is offered only when ``apps.is_installed`` says the app is
there and ``apps.get_model`` finds the model. Nothing is imported from those apps, so beroepsgroepen work
(and are tested) without them. Pins store a content type and an object id (Django's contenttypes).
Only what everyone may see is shown: published kennisbank items and bijeenkomsten, active courses.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.communities.models import Group, Pin

CHOICE_LIMIT = 100


@dataclass(frozen=True)
class PinKind:
    key: str  # used in forms: "bijeenkomst:12"
    app: str  # the app that must be installed
    model: str  # "app_label.ModelName"
    label: str
    plural: str

    def model_class(self) -> type[Model] | None:
        if not apps.is_installed(self.app):
            return None
        try:
            return apps.get_model(self.model)
        except LookupError:
            return None

    def visible(self) -> QuerySet | None:
        """Everything of this kind that anyone may see, or None when the kind is not available."""
        model = self.model_class()
        if model is None:
            return None
        objects = model._default_manager.all()
        if callable(getattr(objects, "published", None)):
            return objects.published()
        if _has_field(model, "is_published"):
            return objects.filter(is_published=True)
        if _has_field(model, "active"):
            return objects.filter(active=True)
        return objects

    def offer(self) -> QuerySet | None:
        """What a moderator can pick from: upcoming gatherings, recent items, active courses."""
        objects = self.visible()
        if objects is None:
            return None
        model = objects.model
        if _has_field(model, "ends_at"):
            objects = objects.filter(ends_at__gt=timezone.now()).order_by("starts_at")
        elif _has_field(model, "published_at"):
            objects = objects.order_by("-published_at")
        return objects[:CHOICE_LIMIT]


KINDS = [
    PinKind("kennisbank", "wendbaar.knowledge", "knowledge.Item", _("Kennisbank"), _("Uit de kennisbank")),
    PinKind("bijeenkomst", "wendbaar.events", "events.Event", _("Bijeenkomst"), _("Bijeenkomsten")),
    PinKind("cursus", "wendbaar.learning", "learning.Course", _("Cursus"), _("Cursussen")),
]
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def available_kinds() -> list[PinKind]:
    return [kind for kind in KINDS if kind.model_class() is not None]


def kind_of(obj) -> PinKind | None:
    for kind in available_kinds():
        if isinstance(obj, kind.model_class()):
            return kind
    return None


def choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped options for a select: [(kind label, [("kind:pk", title), …]), …]."""
    grouped = []
    for kind in available_kinds():
        options = [(f"{kind.key}:{obj.pk}", str(obj)) for obj in kind.offer()]
        if options:
            grouped.append((kind.plural, options))
    return grouped


def resolve(value: str):
    """The visible object for a "kind:pk" choice, or None."""
    key, _sep, pk = (value or "").partition(":")
    kind = KINDS_BY_KEY.get(key)
    if kind is None or not pk.isdigit():
        return None
    objects = kind.visible()
    return objects.filter(pk=int(pk)).first() if objects is not None else None


@dataclass(frozen=True)
class Shown:
    pin: Pin | None
    kind: PinKind
    obj: Model


def pinned(group: Group) -> list[Shown]:
    """The group's pins whose object still exists and is visible, newest first."""
    pins = list(group.pins.select_related("content_type"))
    shown = []
    by_type: dict[int, list[Pin]] = {}
    for pin in pins:
        by_type.setdefault(pin.content_type_id, []).append(pin)
    for kind in available_kinds():
        content_type = ContentType.objects.get_for_model(kind.model_class(), for_concrete_model=False)
        wanted = by_type.get(content_type.pk, [])
        if not wanted:
            continue
        objects = {obj.pk: obj for obj in kind.visible().filter(pk__in=[p.object_id for p in wanted])}
        shown += [Shown(pin, kind, objects[p.object_id]) for p in wanted if p.object_id in objects]
    return sorted(shown, key=lambda s: s.pin.created_at, reverse=True)


def _pinned_ids(group: Group, model) -> list[int]:
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return list(group.pins.filter(content_type=content_type).values_list("object_id", flat=True))


def _linked(group: Group, model, fields: dict[str, str]) -> Q:
    """Objects pinned to the group, or tagged with one of its skills or occupations (when the model has
    such a field)."""
    condition = Q(pk__in=_pinned_ids(group, model))
    skills = list(group.skills.values_list("pk", flat=True))
    occupations = list(group.occupations.values_list("pk", flat=True))
    for field, source in fields.items():
        ids = skills if source == "skills" else occupations
        if ids and _has_field(model, field):
            condition |= Q(**{f"{field}__in": ids})
    return condition


def upcoming_events(group: Group, limit: int = 5) -> list:
    """Bijeenkomsten still to come that are pinned to the group or are about its skills."""
    kind = KINDS_BY_KEY["bijeenkomst"]
    events = kind.visible()
    if events is None or not _has_field(events.model, "ends_at"):
        return []
    events = events.filter(ends_at__gt=timezone.now()).filter(
        _linked(group, events.model, {"topics": "skills"})
    )
    return list(events.distinct().order_by("starts_at", "pk")[:limit])


def recent_publications(group: Group, limit: int = 5) -> list:
    """Kennisbank items pinned to the group or tagged with its skills or occupations, newest first."""
    kind = KINDS_BY_KEY["kennisbank"]
    items = kind.visible()
    if items is None:
        return []
    model = items.model
    items = items.filter(_linked(group, model, {"skills": "skills", "occupations": "occupations"}))
    order = ["-published_at", "-pk"] if _has_field(model, "published_at") else ["-pk"]
    return list(items.distinct().order_by(*order)[:limit])
