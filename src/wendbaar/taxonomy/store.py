"""Bulk writes shared by the ESCO importer and the starter-set loader.

Both write thousands of rows at once, so they work in bulk and replace what *their own source* wrote
before: re-running either gives the same database, and neither erases the other's labels or relations.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models

from wendbaar.taxonomy.models import SOURCE_PREFERENCE, Concept, language_preference

BATCH = 2000


def translation_model(model: type[Concept]) -> type[models.Model]:
    return model.translations.rel.related_model


def id_by_uri(model: type[Concept]) -> dict[str, int]:
    return dict(model.objects.filter(uri__isnull=False).values_list("uri", "id"))


def in_batches(queryset, field: str, ids: Iterable[int] | None):
    """The queryset filtered on ``field`` in ``ids`` (all rows when ``ids`` is None), a batch at a time,
    so a long id list never exceeds the database's limit on query parameters."""
    if ids is None:
        yield queryset
        return
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        yield queryset.filter(**{f"{field}__in": ids[start : start + BATCH]})


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
    for batch in in_batches(existing, "concept_id", concept_ids):
        batch.delete()
    translation.objects.bulk_create((translation(source=source, **row) for row in rows), batch_size=BATCH)


def refresh_names(model: type[Concept], concept_ids: Iterable[int] | None = None) -> int:
    """Recompute the denormalised display ``name`` from the translations; returns how many changed."""
    preference = language_preference(settings.LANGUAGE_CODE)
    rank = {
        (lang, source): (i, j)
        for i, lang in enumerate(preference)
        for j, source in enumerate(SOURCE_PREFERENCE)
    }
    ids = None if concept_ids is None else list(concept_ids)
    best: dict[int, tuple[tuple[int, int], str, str]] = {}
    translations = translation_model(model).objects.values_list(
        "concept_id", "language", "source", "preferred_label"
    )
    for batch in in_batches(translations, "concept_id", ids):
        for concept_id, lang, source, label in batch:
            key = rank.get((lang, source), (99, 99))
            if concept_id not in best or key < best[concept_id][0]:
                best[concept_id] = (key, label[:500], lang)

    changed = []
    for batch in in_batches(model.objects.only("id", "name", "name_language"), "id", list(best)):
        for concept in batch:
            _rank, label, lang = best[concept.id]
            if (concept.name, concept.name_language) != (label, lang):
                concept.name, concept.name_language = label, lang
                changed.append(concept)
    model.objects.bulk_update(changed, ["name", "name_language"], batch_size=500)
    return len(changed)


def replace_rows(model: type[models.Model], rows: list[models.Model], **scope) -> None:
    """Delete the rows matching ``scope`` and insert ``rows`` in their place."""
    model.objects.filter(**scope).delete()
    model.objects.bulk_create(rows, batch_size=BATCH)
