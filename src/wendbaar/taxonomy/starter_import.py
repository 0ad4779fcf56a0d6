"""Write the Dutch starter set into the database, merging with ESCO concepts that share a URI."""

from __future__ import annotations

from django.db import transaction

from wendbaar.taxonomy import store
from wendbaar.taxonomy.esco import ensure_collections
from wendbaar.taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    RelationType,
    Skill,
    SkillCollection,
    Source,
    Status,
    TaxonomyChange,
)
from wendbaar.taxonomy.starter import StarterSet, read_starter_set


def _upsert(model, items, structure) -> dict[str, int]:
    """Find each item by ESCO URI (merge) or by its key, create it when new; returns key -> id."""
    by_uri = store.id_by_uri(model)
    by_code = dict(model.objects.values_list("code", "id"))
    ids = {}
    for item in items:
        concept_id = by_uri.get(item.uri) if item.uri else by_code.get(item.key)
        fields = structure(item)
        if concept_id is None:
            concept = model.objects.create(
                code=item.key, uri=item.uri or None, source=Source.STARTER, name=item.label_nl, **fields
            )
            concept_id = concept.id
        else:
            model.objects.filter(id=concept_id).update(status=Status.RELEASED, **fields)
        ids[item.key] = concept_id
    return ids


def _translations(items, ids) -> list[dict]:
    rows = []
    for item in items:
        rows.append(
            {
                "concept_id": ids[item.key],
                "language": "nl",
                "preferred_label": item.label_nl,
                "alt_labels": list(item.synonyms_nl),
                "hidden_labels": [],
                "description": item.description_nl,
            }
        )
        if item.label_en:
            rows.append(
                {
                    "concept_id": ids[item.key],
                    "language": "en",
                    "preferred_label": item.label_en,
                    "alt_labels": list(item.synonyms_en),
                    "hidden_labels": [],
                    "description": "",
                }
            )
    return rows


def _retire_dropped(model, keep_ids: set[int]) -> None:
    """Starter concepts no longer in the starter set (and unknown to ESCO) become obsolete."""
    model.objects.filter(source=Source.STARTER, in_esco=False).exclude(id__in=keep_ids).update(
        status=Status.OBSOLETE
    )


def load_starter_set(starter: StarterSet | None = None) -> dict[str, int]:
    starter = starter or read_starter_set()
    skills, occupations = list(starter.skills.values()), list(starter.occupations.values())
    with transaction.atomic():
        collections = ensure_collections()
        skill_ids = _upsert(
            Skill, skills, lambda s: {"skill_type": s.skill_type, "reuse_level": s.reuse_level}
        )
        isco = dict(IscoGroup.objects.exclude(isco_code="").values_list("isco_code", "id"))
        occupation_ids = _upsert(
            Occupation,
            occupations,
            lambda o: {
                "isco_code": o.isco,
                "isco_group_id": isco.get(o.isco),
                "is_municipal": o.municipal,
                "sector": o.sector,
            },
        )
        _retire_dropped(Skill, set(skill_ids.values()))
        _retire_dropped(Occupation, set(occupation_ids.values()))

        for model, items, ids in ((Skill, skills, skill_ids), (Occupation, occupations, occupation_ids)):
            concept_ids = (
                store.translation_model(model)
                .objects.filter(source=Source.STARTER)
                .values_list("concept_id", flat=True)
            )
            stale = set(concept_ids) | set(ids.values())
            store.replace_translations(model, Source.STARTER, ["nl", "en"], _translations(items, ids), stale)
            store.refresh_names(model, stale)

        store.replace_rows(
            OccupationSkill,
            [
                OccupationSkill(
                    occupation_id=occupation_ids[o.key],
                    skill_id=skill_ids[key],
                    relation_type=relation,
                    source=Source.STARTER,
                )
                for o in occupations
                for relation, keys in (
                    (RelationType.ESSENTIAL, o.essential),
                    (RelationType.OPTIONAL, o.optional),
                )
                for key in keys
            ],
            source=Source.STARTER,
        )
        store.replace_rows(
            SkillCollection,
            [
                SkillCollection(
                    skill_id=skill_ids[s.key], collection=collections[code], source=Source.STARTER
                )
                for s in skills
                for code in s.collections
            ],
            source=Source.STARTER,
        )
        counts = {
            "occupations": len(occupations),
            "skills": len(skills),
            "occupation_skill_relations": sum(len(o.essential) + len(o.optional) for o in occupations),
        }
        TaxonomyChange.objects.create(kind="starter", summary=counts)
    return counts
