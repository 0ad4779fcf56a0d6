"""Kansen and the matching engine (``wendbaar.matching.bulk``): the same scores and explanations as Verkennen.

- A medewerker's list is computed live, for one person against every open kans. The kansen's side (a
  sparse kans × skill matrix) is built once per process and rebuilt when the taxonomy or the set of open
  kansen changes (read with one aggregate query per request).
- An organisation's list reads ``OpportunityMatch`` rows, made by ``compute_matches`` (nightly, and for
  one kans when it is published, and for one person when they become visible). Only people who are
  zichtbaar voor organisaties are matched at all; the list filters on that again when it is read.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wendbaar.explore.engine import Loaded, get_engine
from wendbaar.matching import bulk
from wendbaar.opportunities import notify
from wendbaar.opportunities.models import Opportunity, OpportunityMatch
from wendbaar.profiles.models import Profile, ProfileSkill
from wendbaar.profiles.services import engine_profile
from wendbaar.taxonomy.models import Skill

WRITE_BATCH = 5000


@dataclass
class Lookups:
    """Database ids → engine indices, as arrays (vectorised look-ups for hundreds of thousands of rows)."""

    skill: np.ndarray
    occupation: np.ndarray

    @classmethod
    def of(cls, loaded: Loaded) -> Lookups:
        def array(ids):
            result = np.full((max(ids) + 1) if ids else 1, -1, dtype=np.int64)
            result[np.asarray(ids, dtype=np.int64)] = np.arange(len(ids))
            return result

        return cls(array(loaded.skill_ids), array(loaded.occupation_ids))

    @staticmethod
    def find(table: np.ndarray, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64)
        inside = (ids >= 0) & (ids < len(table))
        result = np.full(len(ids), -1, dtype=np.int64)
        result[inside] = table[ids[inside]]
        return result


@dataclass
class OpportunityIndex:
    loaded: Loaded
    lookups: Lookups
    ids: np.ndarray
    demands: bulk.Demands
    position: dict[int, int] = field(default_factory=dict)


def build_index(
    loaded: Loaded, opportunity_ids: list[int], lookups: Lookups | None = None
) -> OpportunityIndex:
    lookups = lookups or Lookups.of(loaded)
    rows = dict(Opportunity.objects.filter(pk__in=opportunity_ids).values_list("id", "occupation_id"))
    ids = sorted(rows)
    position = {pk: i for i, pk in enumerate(ids)}
    required: list[list[int]] = [[] for _ in ids]
    through = Opportunity.required_skills.through.objects.filter(opportunity_id__in=ids)
    pairs = np.array(list(through.values_list("opportunity_id", "skill_id")), dtype=np.int64).reshape(-1, 2)
    skill_index = Lookups.find(lookups.skill, pairs[:, 1])
    for opportunity_id, index in zip(pairs[:, 0].tolist(), skill_index.tolist(), strict=True):
        if index >= 0:  # an obsolete skill no longer counts
            required[position[opportunity_id]].append(index)
    occupation = Lookups.find(lookups.occupation, [rows[pk] if rows[pk] else -1 for pk in ids])
    demands = bulk.build_demands(loaded.engine, required, [int(o) if o >= 0 else None for o in occupation])
    return OpportunityIndex(loaded, lookups, np.asarray(ids, dtype=np.int64), demands, position)


class _OpenIndexCache:
    """The open kansen as demands, per engine and per state of the open set (count, last change, day)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._key = None
        self._value: OpportunityIndex | None = None

    def get(self) -> OpportunityIndex:
        loaded = get_engine()
        state = Opportunity.objects.open().aggregate(n=Count("id"), changed=Max("updated_at"))
        key = (id(loaded), state["n"], state["changed"], timezone.localdate())
        with self._lock:
            if self._key != key:
                ids = list(Opportunity.objects.open().values_list("id", flat=True))
                self._value, self._key = build_index(loaded, ids), key
            return self._value


open_index = _OpenIndexCache()


@dataclass
class PersonView:
    """One person against every open kans: scores and, on demand, the explanation of one."""

    index: OpportunityIndex
    person: object
    scores: np.ndarray
    coverage: np.ndarray

    def score(self, opportunity_id: int) -> float | None:
        i = self.index.position.get(opportunity_id)
        return None if i is None else float(self.scores[i])

    def fit(self, opportunity_id: int) -> bulk.Fit | None:
        i = self.index.position.get(opportunity_id)
        if i is None:
            return None
        return bulk.explain_fit(
            self.index.loaded.engine,
            self.index.demands,
            i,
            self.coverage,
            set(self.person.skills),
            self.scores[i],
            self.person.occupation,
        )

    def skills(self, indices) -> list[Skill]:
        """Skill objects (with translations) for engine skill indices, in the same order."""
        ids = [self.index.loaded.skill_ids[i] for i in indices]
        found = Skill.objects.prefetch_related("translations").in_bulk(ids)
        return [found[i] for i in ids if i in found]


def for_person(user) -> PersonView | None:
    """None when the person has no rated skills yet."""
    profile = Profile.objects.filter(user=user).select_related("current_occupation").first()
    if profile is None:
        return None
    index = open_index.get()
    person = engine_profile(profile, index.loaded)
    if not person.skills:
        return None
    if not len(index.ids):
        return PersonView(index, person, np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32))
    scores, coverage = bulk.rank_for_person(index.loaded.engine, index.demands, person)
    return PersonView(index, person, scores, coverage)


# --- people (the organisation side) ----------------------------------------------------------------------


@dataclass
class People:
    profile_ids: np.ndarray
    held: object
    occupations: np.ndarray


def load_people(loaded: Loaded, lookups: Lookups, profile_ids: list[int] | None = None) -> People:
    """Every person who is zichtbaar voor organisaties now (or the given profiles, if they are), as a
    sparse people × skill matrix."""
    from wendbaar.opportunities.services import visible_user_ids

    profiles = Profile.objects.filter(user__in=visible_user_ids(), user__is_active=True)
    if profile_ids is not None:
        profiles = profiles.filter(pk__in=profile_ids)
    rows = np.array(
        [
            (pk, occupation or -1, years or 0)
            for pk, occupation, years in profiles.values_list(
                "id", "current_occupation_id", "years_in_occupation"
            )
        ],
        dtype=np.int64,
    ).reshape(-1, 3)
    order = np.argsort(rows[:, 0])
    rows = rows[order]
    ids = rows[:, 0]
    ratings = ProfileSkill.objects.filter(profile__in=profiles).values_list("profile_id", "skill_id", "level")
    flat = np.fromiter(
        (value for row in ratings.iterator(chunk_size=20000) for value in row), dtype=np.int64
    ).reshape(-1, 3)
    person = np.searchsorted(ids, flat[:, 0])
    skill = Lookups.find(lookups.skill, flat[:, 1])
    known = (skill >= 0) & (person < len(ids))
    known[known] &= ids[person[known]] == flat[known, 0]
    occupations = Lookups.find(lookups.occupation, rows[:, 1])
    held = bulk.held_from_arrays(
        loaded.engine, person[known], skill[known], flat[known, 2], occupations, rows[:, 2]
    )
    return People(ids, held, occupations)


def compute_matches(opportunity_ids: list[int] | None = None, *, tell: bool = True) -> dict:
    """Store the best matches of open kansen (all, or the given ones) among visible people. Returns counts.

    Stored rows of kansen that are no longer open are removed on a full run. Organisations hear about
    people who were not among a kans's matches before (one notification per organisation)."""
    limit = settings.OPPORTUNITIES_MATCHES_PER_OPPORTUNITY
    min_score = settings.OPPORTUNITIES_MIN_MATCH / 100
    loaded = get_engine()
    lookups = Lookups.of(loaded)
    open_ids = Opportunity.objects.open()
    if opportunity_ids is not None:
        open_ids = open_ids.filter(pk__in=opportunity_ids)
    index = build_index(loaded, list(open_ids.values_list("id", flat=True)), lookups)
    people = load_people(loaded, lookups)
    computed_at = timezone.now()
    if len(index.ids) and len(people.profile_ids):
        # bulk.top_people: chunks of people on every core (bench/opportunities_matching.py).
        best, best_scores = bulk.top_people(
            loaded.engine,
            index.demands,
            people.held,
            people.occupations,
            limit,
            min_score,
            workers=os.cpu_count() or 1,
        )
    else:
        best = np.full((len(index.ids), 0), -1, dtype=np.int64)
        best_scores = np.zeros((len(index.ids), 0), dtype=np.float32)
    new_by_opportunity: dict[int, int] = {}
    stored = 0
    for start in range(0, len(index.ids), max(1, WRITE_BATCH // max(limit, 1))):
        batch_ids = index.ids[start : start + max(1, WRITE_BATCH // max(limit, 1))]
        rows = []
        for offset, opportunity_id in enumerate(batch_ids.tolist()):
            i = start + offset
            chosen = best[i] >= 0
            for person, score in zip(best[i][chosen].tolist(), best_scores[i][chosen].tolist(), strict=True):
                rows.append(
                    OpportunityMatch(
                        opportunity_id=opportunity_id,
                        profile_id=int(people.profile_ids[person]),
                        score=round(float(score), 4),
                        computed_at=computed_at,
                    )
                )
        with transaction.atomic():
            before = defaultdict(set)
            for opportunity_id, profile_id in OpportunityMatch.objects.filter(
                opportunity_id__in=batch_ids.tolist()
            ).values_list("opportunity_id", "profile_id"):
                before[opportunity_id].add(profile_id)
            OpportunityMatch.objects.filter(opportunity_id__in=batch_ids.tolist()).delete()
            OpportunityMatch.objects.bulk_create(rows, batch_size=2000)
        stored += len(rows)
        for row in rows:
            if row.profile_id not in before[row.opportunity_id]:
                new_by_opportunity[row.opportunity_id] = new_by_opportunity.get(row.opportunity_id, 0) + 1
    removed = 0
    if opportunity_ids is None:
        removed, _detail = OpportunityMatch.objects.exclude(
            opportunity__in=Opportunity.objects.open()
        ).delete()
    if tell and new_by_opportunity:
        _tell_new_matches(new_by_opportunity)
    return {
        "opportunities": int(len(index.ids)),
        "people": int(len(people.profile_ids)),
        "stored": stored,
        "removed": removed,
        "with_new_matches": len(new_by_opportunity),
    }


def match_person(user_id: int) -> int:
    """Place one (newly visible) person among the stored matches where they belong; returns how many."""
    profile = Profile.objects.filter(user_id=user_id).first()
    if profile is None:
        return 0
    loaded = get_engine()
    lookups = Lookups.of(loaded)
    people = load_people(loaded, lookups, [profile.pk])
    if not len(people.profile_ids) or not people.held.nnz:
        return 0
    index = open_index.get()
    if not len(index.ids):
        return 0
    scores, _coverage = bulk.scores(loaded.engine, index.demands, people.held, people.occupations)
    scores = scores[0]
    limit, min_score = settings.OPPORTUNITIES_MATCHES_PER_OPPORTUNITY, settings.OPPORTUNITIES_MIN_MATCH / 100
    candidates = {int(index.ids[i]): float(scores[i]) for i in np.flatnonzero(scores >= min_score)}
    current = {
        row["opportunity"]: row
        for row in OpportunityMatch.objects.filter(opportunity_id__in=list(candidates))
        .exclude(profile=profile)
        .values("opportunity")
        .annotate(n=Count("id"), low=Min("score"))
    }
    now = timezone.now()
    rows = [
        OpportunityMatch(opportunity_id=pk, profile=profile, score=round(score, 4), computed_at=now)
        for pk, score in candidates.items()
        if pk not in current or current[pk]["n"] < limit or score > current[pk]["low"]
    ]
    OpportunityMatch.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["opportunity", "profile"],
        update_fields=["score", "computed_at"],
    )
    if rows:
        _tell_new_matches({row.opportunity_id: 1 for row in rows})
    return len(rows)


def _tell_new_matches(new_by_opportunity: dict[int, int]) -> None:
    by_organisation = defaultdict(list)
    for opportunity in Opportunity.objects.filter(pk__in=list(new_by_opportunity)).select_related(
        "organisation"
    ):
        by_organisation[opportunity.organisation].append(opportunity)
    for organisation, opportunities in by_organisation.items():
        titles = ", ".join(f"‘{o.title}’" for o in opportunities[:3])
        more = len(opportunities) - 3
        text = _("Er zijn nieuwe anonieme matches voor %(titles)s.") % {"titles": titles}
        if more > 0:
            text += " " + _("En voor %(count)s andere kansen.") % {"count": more}
        notify.send_to_staff(
            organisation,
            kind=notify.NEW_MATCHES,
            subject=_("Nieuwe matches voor je kansen"),
            text=text,
            url=reverse("opportunities:workspace", args=[organisation.slug]),
        )
