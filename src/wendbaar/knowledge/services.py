"""Small services other parts of the platform may call: content tagged with given skills or occupations."""

from collections.abc import Iterable

from django.db.models import Case, Count, IntegerField, Q, Value, When

from wendbaar.knowledge.models import Item, Kind

# With equally many shared tags: whole works before single episodes and news.
KIND_ORDER = [Kind.PUBLICATIE, Kind.ESSAY, Kind.PODCAST, Kind.AFLEVERING, Kind.NIEUWS]


def _ids(values) -> list[int]:
    """Model instances, ids, or any mix of them in a list or queryset → ids."""
    if values is None or values == "":
        return []
    if hasattr(values, "values_list"):
        return list(values.values_list("pk", flat=True))
    if not isinstance(values, Iterable) or isinstance(values, str):
        values = [values]
    return [getattr(v, "pk", v) for v in values if v is not None and v != ""]


def related_items(skills=None, occupations=None, limit: int = 4, exclude=None) -> list[Item]:
    """Published items tagged with any of these skills or occupations: most shared tags first, then by kind
    (publications, essays and series before episodes and news), then newest."""
    skill_ids, occupation_ids = _ids(skills), _ids(occupations)
    if not skill_ids and not occupation_ids:
        return []
    # Only the tag kinds asked for: a count over an empty list would turn the whole sum into 0.
    counts, match = [], Q()
    if skill_ids:
        counts.append(Count("skills", filter=Q(skills__in=skill_ids), distinct=True))
        match |= Q(skills__in=skill_ids)
    if occupation_ids:
        counts.append(Count("occupations", filter=Q(occupations__in=occupation_ids), distinct=True))
        match |= Q(occupations__in=occupation_ids)
    shared = counts[0] if len(counts) == 1 else counts[0] + counts[1]
    items = (
        Item.objects.published()
        .filter(match)
        .exclude(pk__in=_ids(exclude))
        .annotate(
            shared=shared,
            kind_order=Case(
                *[When(kind=kind, then=Value(i)) for i, kind in enumerate(KIND_ORDER)],
                output_field=IntegerField(),
            ),
        )
        .order_by("-shared", "kind_order", "-published_at", "title")
        .distinct()
    )
    return list(items[:limit])
