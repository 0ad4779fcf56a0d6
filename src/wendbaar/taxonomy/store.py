"""Bulk writes shared by the ESCO importer and the starter-set loader.

Both write thousands of rows at once, so they work in bulk and replace what *their own source* wrote
before: re-running either gives the same database, and neither erases the other's labels or relations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import models

from wendbaar.taxonomy.models import SOURCE_PREFERENCE, Concept, language_preference

BATCH = 2000


def translation_model(model: type[Concept]) -> type[models.Model]:
    return model.translations.rel.related_model


def id_by_uri(model: type[Concept]) -> dict[str, int]:
    return dict(model.objects.filter(uri__isnull=False).values_list("uri", "id"))


def replace_translations(
    model: type[Concept],
    source: str,
    languages: Iterable[str],
    rows: list[dict],
    concept_ids: Iterable[int] | None = None,
) -> None:
    """Replace ``source``'s translations in ``languages`` (for ``concept_ids``, or all) with ``rows``.

    Each row holds concept_id, language, preferred_label, alt_labels, hidden_labels, description.
    """
    translation = translation_model(model)
    existing = translation.objects.filter(source=source, language__in=list(languages))
    if concept_ids is not None:
        ids = list(concept_ids)
        for start in range(0, len(ids), BATCH):
            existing.filter(concept_id__in=ids[start : start + BATCH]).delete()
    else:
        existing.delete()
    translation.objects.bulk_create((translation(source=source, **row) for row in rows), batch_size=BATCH)


def refresh_names(model: type[Concept], concept_ids: Iterable[int] | None = None) -> int:
    """Recompute the denormalised display ``name`` from the translations; returns how many changed."""
    translation = translation_model(model)
    preference = language_preference(settings.LANGUAGE_CODE)
    rank = {
        (lang, source): (i, j)
        for i, lang in enumerate(preference)
        for j, source in enumerate(SOURCE_PREFERENCE)
    }
    best: dict[int, tuple[tuple[int, int], str, str]] = {}
    queryset = translation.objects.all()
    ids = None if concept_ids is None else list(concept_ids)
    chunks = [None] if ids is None else [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]
    for chunk in chunks:
        rows = queryset if chunk is None else queryset.filter(concept_id__in=chunk)
        for concept_id, lang, source, label in rows.values_list(
            "concept_id", "language", "source", "preferred_label"
        ):
            key = rank.get((lang, source), (99, 99))
            if concept_id not in best or key < best[concept_id][0]:
                best[concept_id] = (key, label, lang)

    changed = []
    current = model.objects.all() if ids is None else model.objects.filter(id__in=list(best))
    by_id = {}
    for chunk_start in range(0, len(best), BATCH):
        chunk = list(best)[chunk_start : chunk_start + BATCH]
        for obj in current.filter(id__in=chunk).only("id", "name", "name_language"):
            by_id[obj.id] = obj
    for concept_id, (_rank, label, lang) in best.items():
        obj = by_id.get(concept_id)
        if obj is not None and (obj.name, obj.name_language) != (label[:500], lang):
            obj.name, obj.name_language = label[:500], lang
            changed.append(obj)
    model.objects.bulk_update(changed, ["name", "name_language"], batch_size=500)
    return len(changed)


def replace_rows(model: type[models.Model], rows: list[models.Model], **scope) -> None:
    """Delete the rows matching ``scope`` and insert ``rows`` in their place."""
    model.objects.filter(**scope).delete()
    model.objects.bulk_create(rows, batch_size=BATCH)


def group_by(pairs: Iterable[tuple]) -> dict:
    grouped = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped
