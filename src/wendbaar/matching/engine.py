"""Ranked transitions between occupations, and from a person's skills to occupations, with reasons.

How a move from an origin (an occupation or a person) to a destination occupation is scored
---------------------------------------------------------------------------------------------
1. **What the destination asks.** Each skill an occupation needs gets a weight: essential 1, optional
   ``Weights.optional``, times the skill's *specificity* — an inverse document frequency over occupations,
   so "communicate with customers" (needed by hundreds) says less than "Wet BRP" (needed by a few).

2. **What the origin brings, with credit for related skills.** The origin holds skills (an occupation: every
   skill it lists; a person: by self-rated level 1–4).
   Holding a skill also gives partial credit for skills close to it in the ESCO hierarchy: a directly
   broader or narrower skill, a skill ESCO relates to it, a skill in the same small skill group. Credit is
   the *maximum* over what the origin holds, never a sum, so a pile of vague neighbours cannot add up to a
   skill the origin lacks.

3. **Forward coverage** — the share of the destination's weighted needs the origin covers. This is the
   asymmetric heart of a move: what the destination requires and the origin lacks is what costs effort.
   **Reverse coverage** — the share of the origin's own weighted skills the destination uses: a move that
   leaves most of what you can do unused is a worse fit, even when you could do it.

4. **Context.** The ISCO hierarchy (same unit group > minor > sub-major > major group) and, between two
   occupations, how alike their labels and descriptions are (TF-IDF cosine), catch relatedness that skill
   lists miss when ESCO describes similar work with different skills.

   score = forward·w_f + reverse·w_r + isco·w_i + text·w_t  (weights sum to 1; without a current
   occupation a person has no ISCO or text context and the skill parts share the whole weight).

Why this shape: forward coverage alone favours thin occupations with a few generic skills; overlap
measures (Jaccard, cosine) are symmetric and ignore that a move has a direction; plain overlap ignores
that ESCO often names neighbouring skills differently. The mix was chosen on the evaluation harness in
``bench/matching_quality.py`` (held-out skills, ESCO and ISCO hierarchy consistency, O*NET crosswalk,
hand-checked municipal cases) and deliberately kept to a few round weights rather than fitted to one list.
Tried and left out: a latent (SVD) skill space, which lowered every measure; heavier ISCO weights, which
raise the hierarchy figures by construction but not the independent O*NET crosswalk.

The match percentage shown to people is ``round(100 × score)``. Missing essential skills are ordered by
how much each one alone would raise the forward coverage — the part of the score a person can change by
learning.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from wendbaar.matching import explain
from wendbaar.matching.snapshot import Snapshot

LEVEL_CREDIT = {1: 0.5, 2: 0.75, 3: 0.9, 4: 1.0}
ISCO_LEVELS = ((4, 1.0), (3, 0.6), (2, 0.3), (1, 0.1))
TEXT_STOPWORDS = frozenset(
    "and the for with from into other not are all any its their this that such who which "
    "van het een met voor naar door bij uit aan als die dat zijn wordt worden ook over "
    "occupation occupations beroep beroepen professional professionals worker workers perform performs "
    "including include includes".split()
)


@dataclass(frozen=True)
class Weights:
    optional: float = 0.4
    broader: float = 0.5
    related: float = 0.35
    group: float = 0.15
    max_group_size: int = 80
    forward: float = 0.35
    reverse: float = 0.25
    isco: float = 0.15
    text: float = 0.25


@dataclass(frozen=True)
class Profile:
    """A person: skill index → level 1–4, optionally a current occupation and years in it."""

    skills: dict[int, int]
    occupation: int | None = None
    years: float | None = None


@dataclass(frozen=True)
class Filters:
    isco_major: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    municipal: bool | None = None  # True: municipal functions only; False: other sectors only
    exclude_origin_unit: bool = False
    min_match: int = 0


@dataclass(frozen=True)
class Exposure:
    indicator: str
    label: str
    source: str
    origin: float
    destination: float
    safer: bool
    text: str


@dataclass(frozen=True)
class Match:
    occupation: int
    key: str
    label: str
    score: float
    match: int
    coverage: float
    shared: tuple[int, ...]
    missing: tuple[int, ...]
    gains: tuple[float, ...]
    essential_total: int
    essential_held: int
    reason: str
    exposure: Exposure | None = None


@dataclass(frozen=True)
class Rise:
    occupation: int
    key: str
    label: str
    before: int
    after: int
    delta: int
    newly_shared: tuple[int, ...] = field(default_factory=tuple)


def _max_expand(holders: sparse.csr_matrix, credit: sparse.csr_matrix) -> sparse.csr_matrix:
    """Row r of the result: for every skill, the best credit any held skill gives it (max, not sum)."""
    holders = holders.tocoo()
    credit = credit.tocsr()
    counts = np.diff(credit.indptr)[holders.col]
    rows = np.repeat(holders.row, counts)
    starts = credit.indptr[holders.col]
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    positions = np.repeat(starts, counts) + offsets
    cols = credit.indices[positions]
    values = credit.data[positions] * np.repeat(holders.data, counts)
    return _max_per_cell(rows, cols, values, (holders.shape[0], credit.shape[1]))


def _max_per_cell(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, shape) -> sparse.csr_matrix:
    """A sparse matrix from (row, col, value) triples keeping the largest value where cells repeat
    (scipy would add them up)."""
    keys = rows.astype(np.int64) * shape[1] + cols
    order = np.lexsort((-values, keys))
    keys, values = keys[order], values[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    keys, values = keys[first], values[first].astype(np.float32)
    return sparse.csr_matrix((values, (keys // shape[1], keys % shape[1])), shape=shape)


def _tfidf_cosine(texts: list[str]) -> np.ndarray:
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for i, text in enumerate(texts):
        for word in set(re.findall(r"[a-zà-ÿ]{3,}", text.lower())) - TEXT_STOPWORDS:
            rows.append(i)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), len(vocabulary))
    )
    df = np.asarray((matrix > 0).sum(axis=0)).ravel()
    idf = np.log((len(texts) + 1) / (df + 1)).astype(np.float32)
    idf[df <= 1] = 0.0  # a word only one occupation uses links it to nothing
    weighted = matrix.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    normalised = sparse.diags(1 / norms) @ weighted
    return (normalised @ normalised.T).toarray().astype(np.float32)


def _isco_proximity(codes: list[str]) -> np.ndarray:
    n = len(codes)
    result = np.zeros((n, n), dtype=np.float32)
    for digits, weight in reversed(ISCO_LEVELS):  # finer levels overwrite coarser ones
        prefix = np.array(
            [
                int(c[:digits]) if len(c) >= digits and c[:digits].isdigit() else -1 - i
                for i, c in enumerate(codes)
            ]
        )
        same = prefix[:, None] == prefix[None, :]
        result[same] = weight
    return result


class Engine:
    def __init__(self, snapshot: Snapshot, weights: Weights = Weights()):
        self.snapshot = snapshot
        self.weights = w = weights
        n, m = len(snapshot.occupation_keys), len(snapshot.skill_keys)
        self.n_occupations, self.n_skills = n, m

        # Requirements: one weight per (occupation, skill); essential wins over optional.
        occ = np.array([r[0] for r in snapshot.relations], dtype=np.int64)
        skill = np.array([r[1] for r in snapshot.relations], dtype=np.int64)
        essential = np.array([r[2] for r in snapshot.relations], dtype=bool)
        required = sparse.csr_matrix((np.where(essential, 1.0, w.optional), (occ, skill)), shape=(n, m))
        required.sum_duplicates()
        required.data = np.minimum(required.data, 1.0)  # essential+optional listed twice stays essential
        self.essential = sparse.csr_matrix((essential.astype(np.float32), (occ, skill)), shape=(n, m))
        self.essential.sum_duplicates()
        self.essential.data = (self.essential.data > 0).astype(np.float32)
        self.essential.eliminate_zeros()

        df = np.asarray((required > 0).sum(axis=0)).ravel()
        self.idf = (np.log((n + 1) / (df + 1)) + 1.0).astype(np.float32)
        weighted = required.multiply(self.idf).tocsr()
        mass = np.asarray(weighted.sum(axis=1)).ravel()
        mass[mass == 0] = 1.0
        self.needs = (sparse.diags(1 / mass) @ weighted).tocsr().astype(np.float32)  # rows sum to 1

        # For explanations: each entry of ``needs`` marked essential or not, read by plain slicing.
        self.needs.sort_indices()
        self.essential.sort_indices()
        self.needs_essential = np.zeros(self.needs.nnz, dtype=bool)
        for d in range(n):
            start, end = self.needs.indptr[d], self.needs.indptr[d + 1]
            ess = self.essential.indices[self.essential.indptr[d] : self.essential.indptr[d + 1]]
            self.needs_essential[start:end] = np.isin(self.needs.indices[start:end], ess)

        self.credit = self._credit_matrix(m)
        # An occupation, as an origin, holds every skill it lists: so it is always its own best match.
        holders = required.copy()
        holders.data = np.ones_like(holders.data)
        self.holds = holders.tocsr().astype(np.float32)
        self.reach = _max_expand(self.holds, self.credit)  # occupation × skill: credit it gives
        self.reach_by_skill = self.reach.tocsc()

        # Context between occupations: ISCO proximity and text likeness. Kept apart so a person's current
        # occupation can lend its row to their recommendations.
        self.context = w.isco * _isco_proximity(snapshot.occupation_isco)
        if snapshot.occupation_text and w.text:
            self.context += w.text * _tfidf_cosine(snapshot.occupation_text)
        forward = (self.needs @ self.reach.T).toarray().astype(np.float32)  # [destination, origin]
        score = w.forward * forward.T + w.reverse * forward
        del forward
        score += self.context
        if not (snapshot.occupation_text and w.text):
            score /= 1 - w.text
        self.similarity = np.clip(score, 0, 1, out=score)

        self.isco_unit = np.array([c[:4] for c in snapshot.occupation_isco])
        self.isco_major = np.array([c[:1] for c in snapshot.occupation_isco])
        self.sector = np.array(snapshot.occupation_sector)
        self.municipal = np.array(snapshot.occupation_municipal, dtype=bool)

    def _credit_matrix(self, m: int) -> sparse.csr_matrix:
        """Skill × skill: how much holding the row skill counts for the column skill."""
        w, s = self.weights, self.snapshot
        rows, cols, values = [np.arange(m)], [np.arange(m)], [np.ones(m, dtype=np.float32)]

        def add(pairs, weight):
            if pairs:
                a = np.array([p[0] for p in pairs])
                b = np.array([p[1] for p in pairs])
                rows.extend([a, b])
                cols.extend([b, a])
                values.extend([np.full(len(a), weight, np.float32)] * 2)

        add(s.skill_broader, w.broader)
        add(s.skill_related, w.related)
        members: dict[int, list[int]] = {}
        for skill, group in s.skill_groups:
            members.setdefault(group, []).append(skill)
        siblings = []
        for group_skills in members.values():
            if 1 < len(group_skills) <= w.max_group_size:
                siblings.extend((a, b) for a in group_skills for b in group_skills if a < b)
        add(siblings, w.group)
        return _max_per_cell(np.concatenate(rows), np.concatenate(cols), np.concatenate(values), (m, m))

    # --- helpers -------------------------------------------------------------------------------------

    def _mask(self, filters: Filters, origin: int | None) -> np.ndarray:
        mask = np.ones(self.n_occupations, dtype=bool)
        if filters.isco_major:
            mask &= np.isin(self.isco_major, list(filters.isco_major))
        if filters.sectors:
            mask &= np.isin(self.sector, list(filters.sectors))
        if filters.municipal is not None:
            mask &= self.municipal == filters.municipal
        if filters.exclude_origin_unit and origin is not None and self.isco_unit[origin]:
            mask &= self.isco_unit != self.isco_unit[origin]
        return mask

    def _top(self, scores: np.ndarray, mask: np.ndarray, limit: int, min_match: int) -> np.ndarray:
        candidates = np.flatnonzero(mask & (np.rint(scores * 100) >= min_match))
        if len(candidates) > limit:
            part = np.argpartition(-scores[candidates], limit - 1)[:limit]
            threshold = scores[candidates[part]].min()
            candidates = candidates[scores[candidates] >= threshold]  # keep ties, sorted below
        order = np.lexsort((candidates, -scores[candidates]))  # deterministic: score, then index
        return candidates[order][:limit]

    def _coverage_vector(self, held: dict[int, float]) -> np.ndarray:
        idx = np.fromiter(held, dtype=np.int64, count=len(held))
        level = np.fromiter(held.values(), dtype=np.float32, count=len(held))
        holders = sparse.csr_matrix(
            (level, (np.zeros(len(idx), dtype=np.int64), idx)), shape=(1, self.n_skills)
        )
        return _max_expand(holders, self.credit).toarray().ravel()

    def _row(self, matrix: sparse.csr_matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Indices and values of row ``i``, without scipy's (slow) row slicing."""
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        return matrix.indices[start:end], matrix.data[start:end]

    def _dense_row(self, matrix: sparse.csr_matrix, i: int) -> np.ndarray:
        row = np.zeros(matrix.shape[1], dtype=np.float32)
        indices, values = self._row(matrix, i)
        row[indices] = values
        return row

    def _explain(
        self,
        destination: int,
        coverage: np.ndarray,
        held: set[int],
        score: float,
        origin_occupation: int | None,
    ) -> Match:
        skills, weights = self._row(self.needs, destination)
        start, end = self.needs.indptr[destination], self.needs.indptr[destination + 1]
        is_essential = self.needs_essential[start:end]
        is_held = np.fromiter((s in held for s in skills.tolist()), dtype=bool, count=len(skills))
        by_weight = np.argsort(-weights, kind="stable")
        shared = tuple(int(skills[i]) for i in by_weight if is_held[i])
        gap_positions = np.flatnonzero(is_essential & ~is_held)
        gap_sizes = weights[gap_positions] * (1 - coverage[skills[gap_positions]])
        order = np.lexsort((skills[gap_positions], -gap_sizes))
        gaps = [(float(gap_sizes[i]), int(skills[gap_positions[i]])) for i in order]
        forward = float(np.dot(weights, coverage[skills])) if len(skills) else 0.0
        labels = self.snapshot.skill_labels
        essential_total = int(is_essential.sum())
        essential_held = int((is_essential & is_held).sum())
        shared_essential = [labels[int(skills[i])] for i in by_weight if is_held[i] and is_essential[i]]
        reason = explain.reason(
            essential_held=essential_held,
            essential_total=essential_total,
            shared=shared_essential or [labels[s] for s in shared],
            missing=[labels[s] for _gain, s in gaps[:2]],
            same_group=origin_occupation is not None
            and bool(self.isco_unit[destination])
            and self.isco_unit[destination][:3] == self.isco_unit[origin_occupation][:3],
        )
        score = round(float(score), 4)
        return Match(
            occupation=destination,
            key=self.snapshot.occupation_keys[destination],
            label=self.snapshot.occupation_labels[destination],
            score=score,
            match=int(round(score * 100)),
            coverage=round(forward, 4),
            shared=shared,
            missing=tuple(s for _gain, s in gaps),
            gains=tuple(round(g, 4) for g, _s in gaps),
            essential_total=essential_total,
            essential_held=essential_held,
            reason=reason,
            exposure=self._exposure(origin_occupation, destination),
        )

    def _exposure(self, origin: int | None, destination: int) -> Exposure | None:
        if origin is None:
            return None
        for indicator in self.snapshot.indicators:
            if not indicator.exposure:
                continue
            before, after = indicator.values[origin], indicator.values[destination]
            if math.isnan(before) or math.isnan(after):
                continue
            safer = bool(after < before)
            return Exposure(
                indicator.name,
                indicator.label,
                indicator.source,
                float(before),
                float(after),
                safer,
                explain.exposure(indicator.label, indicator.source, safer, after == before),
            )
        return None

    # --- occupation → occupations ----------------------------------------------------------------------

    def similar(self, origin: int, limit: int = 10, filters: Filters = Filters()) -> list[Match]:
        scores = self.similarity[origin]
        mask = self._mask(filters, origin)
        mask[origin] = False
        held = set(self._row(self.holds, origin)[0].tolist())
        coverage = self._dense_row(self.reach, origin)
        return [
            self._explain(int(d), coverage, held, scores[d], origin)
            for d in self._top(scores, mask, limit, filters.min_match)
        ]

    # --- person → occupations ------------------------------------------------------------------------

    def _held(self, profile: Profile) -> dict[int, float]:
        held = {}
        for skill, level in profile.skills.items():
            if not 0 <= skill < self.n_skills:
                raise KeyError(f"unknown skill index {skill}")
            if level not in LEVEL_CREDIT:
                raise ValueError(f"level must be 1, 2, 3 or 4, not {level}")
            held[skill] = LEVEL_CREDIT[level]
        if profile.occupation is not None and (profile.years or 0) >= 5:
            practised = self._row(self.essential, profile.occupation)[0]
            for skill in practised:
                if skill in held:  # years of practice make a self-rating a little more certain
                    held[skill] = min(1.0, held[skill] + 0.1)
        return held

    def profile_scores(self, profile: Profile) -> tuple[np.ndarray, np.ndarray]:
        """Scores for every occupation, and the profile's coverage vector."""
        w = self.weights
        held = self._held(profile)
        if not held:
            return np.zeros(self.n_occupations, dtype=np.float32), np.zeros(self.n_skills, dtype=np.float32)
        coverage = self._coverage_vector(held)
        forward = self.needs @ coverage
        idx = np.fromiter(held, dtype=np.int64, count=len(held))
        own = np.fromiter(held.values(), dtype=np.float32, count=len(held)) * self.idf[idx]
        reverse = (self.reach_by_skill[:, idx] @ own) / own.sum()
        if profile.occupation is None:
            score = (w.forward * forward + w.reverse * reverse) / (w.forward + w.reverse)
        else:
            score = w.forward * forward + w.reverse * reverse + self.context[profile.occupation]
            if not (self.snapshot.occupation_text and w.text):
                score /= 1 - w.text
        return np.clip(score, 0, 1).astype(np.float32), coverage

    def recommend(self, profile: Profile, limit: int = 10, filters: Filters = Filters()) -> list[Match]:
        scores, coverage = self.profile_scores(profile)
        mask = self._mask(filters, profile.occupation)
        held = set(profile.skills)
        return [
            self._explain(int(d), coverage, held, scores[d], profile.occupation)
            for d in self._top(scores, mask, limit, filters.min_match)
        ]

    def match(self, profile: Profile, destination: int) -> Match:
        """One destination, explained, as ``recommend`` would show it."""
        scores, coverage = self.profile_scores(profile)
        return self._explain(
            destination, coverage, set(profile.skills), scores[destination], profile.occupation
        )

    def what_if(
        self, profile: Profile, extra: dict[int, int], limit: int = 10, filters: Filters = Filters()
    ) -> list[Rise]:
        """Occupations whose match rises most when the person adds ``extra`` skills."""
        before, _ = self.profile_scores(profile)
        combined = Profile(
            {**profile.skills, **{s: max(level, profile.skills.get(s, 0)) for s, level in extra.items()}},
            profile.occupation,
            profile.years,
        )
        after, _ = self.profile_scores(combined)
        delta = np.rint(after * 100) - np.rint(before * 100)
        mask = self._mask(filters, profile.occupation) & (delta > 0)
        rises = []
        for d in self._top(delta / 100, mask, limit, 0):
            needed = set(self._row(self.needs, d)[0].tolist())
            rises.append(
                Rise(
                    int(d),
                    self.snapshot.occupation_keys[d],
                    self.snapshot.occupation_labels[d],
                    int(round(before[d] * 100)),
                    int(round(after[d] * 100)),
                    int(delta[d]),
                    tuple(s for s in extra if s in needed),
                )
            )
        return rises
