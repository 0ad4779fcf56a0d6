"""The matching engine for this process: a snapshot of the taxonomy, rebuilt when its version moves on.

Occupations and skills are known to the engine by their ESCO URI, or by their local code when they have
none (curated municipal functions). Obsolete concepts are left out: nobody should be sent towards them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from wendbaar.core.builds import Stored
from wendbaar.matching import Engine, Indicator, Snapshot
from wendbaar.taxonomy.models import (
    Indicator as IndicatorModel,
)
from wendbaar.taxonomy.models import (
    IndicatorValue,
    Occupation,
    OccupationSkill,
    OccupationTranslation,
    RelationType,
    Skill,
    SkillRelation,
    Status,
)
from wendbaar.taxonomy.versioned import PerTaxonomyVersion


@dataclass
class Loaded:
    engine: Engine
    occupation_ids: list[int]
    skill_ids: list[int]
    # Every name an occupation or skill answers to (URI and code) → engine index.
    occupation_lookup: dict[str, int]
    skill_lookup: dict[str, int]

    @cached_property
    def occupation_index_by_id(self) -> dict[int, int]:
        """Database id → engine index: a profile's rows name their concepts by id."""
        return {pk: i for i, pk in enumerate(self.occupation_ids)}

    @cached_property
    def skill_index_by_id(self) -> dict[int, int]:
        return {pk: i for i, pk in enumerate(self.skill_ids)}


def build_snapshot() -> tuple[Snapshot, list[int], list[int], dict[str, int], dict[str, int]]:
    occupations = list(
        Occupation.objects.filter(status=Status.RELEASED)
        .order_by("id")
        .values_list("id", "uri", "code", "name", "isco_code", "is_municipal", "sector")
    )
    skills = list(
        Skill.objects.filter(status=Status.RELEASED).order_by("id").values_list("id", "uri", "code", "name")
    )
    occ_index = {row[0]: i for i, row in enumerate(occupations)}
    skill_index = {row[0]: i for i, row in enumerate(skills)}

    relations = [
        (occ_index[o], skill_index[s], kind == RelationType.ESSENTIAL)
        for o, s, kind in OccupationSkill.objects.values_list(
            "occupation_id", "skill_id", "relation_type"
        ).iterator(chunk_size=20000)
        if o in occ_index and s in skill_index
    ]
    texts = [[] for _ in occupations]
    for concept_id, label, alt, description in OccupationTranslation.objects.values_list(
        "concept_id", "preferred_label", "alt_labels", "description"
    ):
        if concept_id in occ_index:
            texts[occ_index[concept_id]].append(" ".join([label, *alt, description]))

    def pairs(rows):
        return [(skill_index[a], skill_index[b]) for a, b in rows if a in skill_index and b in skill_index]

    broader = pairs(Skill.broader.through.objects.values_list("from_skill_id", "to_skill_id"))
    related = pairs(SkillRelation.objects.values_list("skill_id", "related_id"))
    groups = [
        (skill_index[s], g)
        for s, g in Skill.groups.through.objects.values_list("skill_id", "skillgroup_id")
        if s in skill_index
    ]

    indicators = []
    for indicator in IndicatorModel.objects.all():
        values = np.full(len(occupations), np.nan)
        for occupation_id, value in IndicatorValue.objects.filter(indicator=indicator).values_list(
            "occupation_id", "value"
        ):
            if occupation_id in occ_index:
                values[occ_index[occupation_id]] = value
        indicators.append(
            Indicator(indicator.name, indicator.label, indicator.source, values, indicator.exposure)
        )

    snapshot = Snapshot(
        occupation_keys=[uri or code for _id, uri, code, *_rest in occupations],
        occupation_labels=[row[3] for row in occupations],
        occupation_isco=[row[4] or "" for row in occupations],
        occupation_municipal=[row[5] for row in occupations],
        occupation_sector=[row[6] or "" for row in occupations],
        occupation_text=[" ".join(parts) for parts in texts],
        skill_keys=[uri or code for _id, uri, code, _name in skills],
        skill_labels=[row[3] for row in skills],
        relations=relations,
        skill_broader=broader,
        skill_related=related,
        skill_groups=groups,
        indicators=indicators,
    )
    occupation_lookup = {}
    for i, (_id, uri, code, *_rest) in enumerate(occupations):
        occupation_lookup[code] = i
        if uri:
            occupation_lookup[uri] = i
    skill_lookup = {}
    for i, (_id, uri, code, _name) in enumerate(skills):
        skill_lookup[code] = i
        if uri:
            skill_lookup[uri] = i
    return snapshot, [r[0] for r in occupations], [r[0] for r in skills], occupation_lookup, skill_lookup


def _load() -> Loaded:
    snapshot, occupation_ids, skill_ids, occupation_lookup, skill_lookup = build_snapshot()
    return Loaded(Engine(snapshot), occupation_ids, skill_ids, occupation_lookup, skill_lookup)


# A worker builds the engine after every taxonomy change and stores it (wendbaar.core.tasks); a process that
# meets the new version loads that in a fraction of a second instead of building it on a person's request.
stored_engine = Stored(
    "engine", _load, code=["wendbaar.matching.engine", "wendbaar.matching.snapshot", __name__]
)
_loaded = PerTaxonomyVersion(stored_engine.load)


def get_engine() -> Loaded:
    """The engine for the current taxonomy version, built on first use and after every change."""
    return _loaded.get()


def get_engine_and_version() -> tuple[Loaded, str]:
    """The engine and the taxonomy version it was built for."""
    return _loaded.get_with_version()
