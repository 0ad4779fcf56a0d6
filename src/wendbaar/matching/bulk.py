"""Many people against many "demands" at once: opportunities (vacancies, meeloopdagen, projects) that ask for
a set of skills and, optionally, name an occupation.

A demand is scored exactly as ``Engine.profile_scores`` scores an occupation for a person, so a kans and an
overstap read alike: forward coverage of what the demand asks (with credit for related skills, max not
sum), reverse coverage of what the person brings, and — when both the person and the demand name an
occupation — the engine's ISCO and text context between the two occupations.

What a demand asks: its required skills weigh 1 (they are its "essential" skills in the explanations); the
skills its occupation lists weigh ``Weights.optional`` — they say what kind of work it is, but the
organisation chose the required ones. Weights are multiplied by the engine's skill specificity and each row
sums to 1, as ``Engine.needs`` does.

Scale: people are taken in chunks (a sparse people × skill matrix, expanded with related-skill credit,
times the sparse skill × demand matrix), and the best ``limit`` people per demand are kept with
``argpartition`` as the chunks go by, so memory stays bounded by ``chunk × demands``. Nothing here knows
about Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from wendbaar.matching import explain
from wendbaar.matching.engine import LEVEL_CREDIT, Engine, Profile, _max_expand

NO_OCCUPATION = -1


@dataclass(frozen=True)
class Demands:
    needs: sparse.csr_matrix  # demand × skill, rows sum to 1
    needs_t: sparse.csr_matrix  # skill × demand (for people @ needs_t)
    required: sparse.csr_matrix  # demand × skill, 1 where the skill is required
    reach_t: sparse.csr_matrix  # skill × demand: credit the demand's work gives each skill (reverse coverage)
    occupation: np.ndarray  # engine occupation index per demand, NO_OCCUPATION when none

    @property
    def count(self) -> int:
        return self.needs.shape[0]


@dataclass(frozen=True)
class Fit:
    """One demand for one person, explained the way ``Engine.recommend`` explains an occupation."""

    demand: int
    score: float
    match: int
    shared: tuple[int, ...]  # required skills the person has, most weighty first
    missing: tuple[int, ...]  # required skills the person lacks, the one that adds most first
    gains: tuple[float, ...]
    required_total: int
    required_held: int
    reason: str


def build_demands(
    engine: Engine, required: Sequence[Iterable[int]], occupations: Sequence[int | None]
) -> Demands:
    """``required[i]``: engine skill indices demand i asks for; ``occupations[i]``: its engine occupation
    index or None."""
    if len(required) != len(occupations):
        raise ValueError("every demand needs a list of skills and an occupation (or None)")
    k, m, w = len(required), engine.n_skills, engine.weights
    rows, cols, values = [], [], []
    for i, skills in enumerate(required):
        skills = np.fromiter(skills, dtype=np.int64)
        if len(skills) and (skills.min() < 0 or skills.max() >= m):
            raise KeyError(f"demand {i} names an unknown skill index")
        rows.append(np.full(len(skills), i, dtype=np.int64))
        cols.append(skills)
        values.append(np.ones(len(skills), dtype=np.float32))
    occupation = np.array([NO_OCCUPATION if o is None else o for o in occupations], dtype=np.int64)
    if ((occupation < NO_OCCUPATION) | (occupation >= engine.n_occupations)).any():
        raise KeyError("a demand names an unknown occupation index")
    with_occupation = np.flatnonzero(occupation >= 0)
    if len(with_occupation):
        listed = engine.holds[occupation[with_occupation]].tocoo()  # every skill the occupation lists
        rows.append(with_occupation[listed.row])
        cols.append(listed.col.astype(np.int64))
        values.append(np.full(listed.nnz, w.optional, dtype=np.float32))
    rows = np.concatenate([np.zeros(0, dtype=np.int64), *rows])
    cols = np.concatenate([np.zeros(0, dtype=np.int64), *cols])
    values = np.concatenate([np.zeros(0, dtype=np.float32), *values])
    # Required beats "listed by the occupation" where both name a skill: keep the larger weight.
    keys = rows * m + cols
    order = np.lexsort((-values, keys))
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = keys[order][1:] != keys[order][:-1]
    rows, cols, values = rows[order][keep], cols[order][keep], values[order][keep]

    weighted = sparse.csr_matrix((values * engine.idf[cols], (rows, cols)), shape=(k, m), dtype=np.float32)
    mass = np.asarray(weighted.sum(axis=1)).ravel()
    mass[mass == 0] = 1.0
    needs = (sparse.diags(1 / mass) @ weighted).tocsr().astype(np.float32)
    needs.sort_indices()
    is_required = values == 1.0
    required_matrix = sparse.csr_matrix(
        (np.ones(is_required.sum(), dtype=np.float32), (rows[is_required], cols[is_required])), shape=(k, m)
    )
    required_matrix.sort_indices()
    holds = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(k, m))
    reach = _max_expand(holds, engine.credit)
    return Demands(
        needs=needs,
        needs_t=needs.T.tocsr(),
        required=required_matrix,
        reach_t=reach.T.tocsr(),
        occupation=occupation,
    )


def held_matrix(engine: Engine, profiles: Sequence[Profile]) -> sparse.csr_matrix:
    """People × skill: the credit each person's self-rated level gives (as ``Engine._held``)."""
    rows, cols, values = [], [], []
    for i, profile in enumerate(profiles):
        held = engine._held(profile)
        rows.extend([i] * len(held))
        cols.extend(held)
        values.extend(held.values())
    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), (rows, cols)), shape=(len(profiles), engine.n_skills)
    )


def held_from_arrays(
    engine: Engine,
    person: np.ndarray,
    skill: np.ndarray,
    level: np.ndarray,
    occupation: np.ndarray,
    years: np.ndarray,
) -> sparse.csr_matrix:
    """The same as ``held_matrix`` from flat arrays (one entry per rated skill; ``occupation`` and ``years``
    per person, NO_OCCUPATION and 0 when unknown), without a Python loop: for hundreds of thousands."""
    n = len(occupation)
    if len(skill) and (skill.min() < 0 or skill.max() >= engine.n_skills):
        raise KeyError("unknown skill index")
    credit = np.zeros(5, dtype=np.float32)
    for lvl, value in LEVEL_CREDIT.items():
        credit[lvl] = value
    if len(level) and (level.min() < 1 or level.max() > 4):
        raise ValueError("levels must be 1, 2, 3 or 4")
    values = credit[level]
    # Years of practice make a self-rating of the occupation's essential skills a little more certain.
    practised = (occupation[person] >= 0) & (years[person] >= 5)
    if practised.any():
        where = np.flatnonzero(practised)
        essential = np.asarray(engine.essential[occupation[person[where]], skill[where]]).ravel() > 0
        values[where[essential]] = np.minimum(1.0, values[where[essential]] + 0.1)
    matrix = sparse.csr_matrix((values, (person, skill)), shape=(n, engine.n_skills), dtype=np.float32)
    matrix.sum_duplicates()
    return matrix


def _coverage_t(held: sparse.csr_matrix, credit: sparse.csr_matrix) -> np.ndarray:
    """Skill × people (dense): for every skill, the best credit any held skill gives it (max, not sum) —
    ``_max_expand`` written straight into a dense array, which is what the products below need."""
    holders = held.tocoo()
    counts = np.diff(credit.indptr)[holders.col]
    starts = np.repeat(credit.indptr[holders.col], counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    positions = starts + offsets
    result = np.zeros((credit.shape[1], held.shape[0]), dtype=np.float32)
    np.maximum.at(
        result,
        (credit.indices[positions], np.repeat(holders.row, counts)),
        (credit.data[positions] * np.repeat(holders.data, counts)).astype(np.float32),
    )
    return result


def _scores_t(
    engine: Engine,
    demands: Demands,
    held: sparse.csr_matrix,
    occupations: np.ndarray,
    reach_dense: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Demand × people scores (C order) and the people's coverage (skill × people, dense).

    Orientation is chosen for speed: forward coverage as sparse demands times the dense coverage of the
    people (each demand touches ~20–40 skills); reverse coverage as the sparse people (~30 rated skills
    each) times a dense skill × demand reach matrix when one is given (many people at once), else sparse.
    """
    w = engine.weights
    coverage_t = _coverage_t(held, engine.credit)
    result = demands.needs @ coverage_t  # demand × people, dense
    result *= w.forward
    own = held.multiply(engine.idf[None, :]).tocsr().astype(np.float32)
    own_mass = np.asarray(own.sum(axis=1)).ravel()
    reverse = (own @ demands.reach_t).toarray() if reach_dense is None else own @ reach_dense
    reverse *= (w.reverse / np.where(own_mass > 0, own_mass, 1.0)).astype(np.float32)[:, None]
    result += reverse.T
    del reverse
    # Where both the person and the demand name an occupation, the engine's context between the two joins
    # in; elsewhere the two coverages share the whole weight (as Engine.profile_scores does).
    occupations = np.asarray(occupations, dtype=np.int64)
    people_with, demands_with = np.flatnonzero(occupations >= 0), np.flatnonzero(demands.occupation >= 0)
    block = None
    if len(people_with) and len(demands_with):
        cells = np.ix_(demands_with, people_with)
        block = (
            result[cells] + engine.context[np.ix_(demands.occupation[demands_with], occupations[people_with])]
        )
        if not (engine.snapshot.occupation_text and w.text):
            block /= 1 - w.text
    result /= w.forward + w.reverse
    if block is not None:
        result[cells] = block
    result[:, own_mass == 0] = 0.0  # nothing rated, nothing to match
    np.clip(result, 0, 1, out=result)
    return result.astype(np.float32, copy=False), coverage_t


def scores(
    engine: Engine, demands: Demands, held: sparse.csr_matrix, occupations: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """People × demand scores in 0..1 (float32), and the people's coverage, people × skill (for
    explanations)."""
    result, coverage_t = _scores_t(engine, demands, held.tocsr(), occupations)
    return np.ascontiguousarray(result.T), coverage_t.T


def _chunk_top(block: np.ndarray, start: int, limit: int, min_score: float) -> tuple[np.ndarray, np.ndarray]:
    """Per demand (row), the chunk's best ``limit`` people: (index, score), -1 where below ``min_score``."""
    block[block < min_score] = -1.0
    if block.shape[1] > limit:
        part = np.argpartition(-block, limit - 1, axis=1)[:, :limit]
        return part + start, np.take_along_axis(block, part, axis=1)
    return np.broadcast_to(np.arange(start, start + block.shape[1]), block.shape).copy(), block


def top_people(
    engine: Engine,
    demands: Demands,
    held: sparse.csr_matrix,
    occupations: np.ndarray,
    limit: int,
    min_score: float = 0.0,
    chunk: int = 2000,
    workers: int = 2,
) -> tuple[np.ndarray, np.ndarray]:
    """For every demand, its ``limit`` best people: (people index, score) arrays of shape demand × limit,
    best first, padded with -1 / 0 where fewer people reach ``min_score``. Equal scores are listed by index;
    which of several people with exactly the same score at the cut makes the list is not defined.

    Chunks of people run on ``workers`` threads (scipy's sparse products and numpy release the GIL). The
    dense skill × demand reach matrix used for reverse coverage takes skills × demands × 4 bytes (about
    1.1 GB for all of ESCO against 20,000 demands)."""
    k = demands.count
    best_idx = np.full((k, max(limit, 0)), -1, dtype=np.int64)
    best_score = np.full((k, max(limit, 0)), -1.0, dtype=np.float32)
    if limit <= 0 or k == 0 or held.shape[0] == 0:
        return best_idx, np.maximum(best_score, 0)
    held = held.tocsr()
    occupations = np.asarray(occupations, dtype=np.int64)
    reach_dense = demands.reach_t.toarray() if held.shape[0] > 64 else None

    def run(start):
        stop = min(start + chunk, held.shape[0])
        block, _coverage = _scores_t(engine, demands, held[start:stop], occupations[start:stop], reach_dense)
        return _chunk_top(block, start, limit, min_score)

    starts = range(0, held.shape[0], chunk)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for chunk_idx, chunk_score in pool.map(run, starts):
            candidates_score = np.hstack([best_score, chunk_score])
            candidates_idx = np.hstack([best_idx, chunk_idx])
            part = np.argpartition(-candidates_score, limit - 1, axis=1)[:, :limit]
            best_score = np.take_along_axis(candidates_score, part, axis=1)
            best_idx = np.take_along_axis(candidates_idx, part, axis=1)
    order = np.lexsort((np.where(best_idx < 0, np.iinfo(np.int64).max, best_idx), -best_score), axis=1)
    best_score = np.take_along_axis(best_score, order, axis=1)
    best_idx = np.take_along_axis(best_idx, order, axis=1)
    best_idx[best_score < 0] = -1
    return best_idx, np.maximum(best_score, 0)


def explain_fit(
    engine: Engine,
    demands: Demands,
    demand: int,
    coverage: np.ndarray,
    held: set[int],
    score: float,
    person_occupation: int | None,
) -> Fit:
    """Why demand ``demand`` fits a person: shared and missing required skills, one sentence in Dutch."""
    start, end = demands.needs.indptr[demand], demands.needs.indptr[demand + 1]
    skills, weights = demands.needs.indices[start:end], demands.needs.data[start:end]
    r_start, r_end = demands.required.indptr[demand], demands.required.indptr[demand + 1]
    is_required = np.isin(skills, demands.required.indices[r_start:r_end])
    is_held = np.fromiter((s in held for s in skills.tolist()), dtype=bool, count=len(skills))
    by_weight = np.argsort(-weights, kind="stable")
    shared = tuple(int(skills[i]) for i in by_weight if is_held[i] and is_required[i])
    gap_positions = np.flatnonzero(is_required & ~is_held)
    gap_sizes = weights[gap_positions] * (1 - coverage[skills[gap_positions]])
    order = np.lexsort((skills[gap_positions], -gap_sizes))
    gaps = [(float(gap_sizes[i]), int(skills[gap_positions[i]])) for i in order]
    labels = engine.snapshot.skill_labels
    occupation = int(demands.occupation[demand])
    same_group = (
        person_occupation is not None
        and occupation >= 0
        and bool(engine.isco_unit[occupation])
        and engine.isco_unit[occupation][:3] == engine.isco_unit[person_occupation][:3]
    )
    required_total = int(is_required.sum())
    required_held = len(shared)
    reason = explain.reason(
        essential_held=required_held,
        essential_total=required_total,
        shared=[labels[s] for s in shared],
        missing=[labels[s] for _gain, s in gaps[:2]],
        same_group=same_group,
    )
    score = round(float(score), 4)
    return Fit(
        demand=demand,
        score=score,
        match=int(round(score * 100)),
        shared=shared,
        missing=tuple(s for _gain, s in gaps),
        gains=tuple(round(g, 4) for g, _s in gaps),
        required_total=required_total,
        required_held=required_held,
        reason=reason,
    )


def rank_for_person(engine: Engine, demands: Demands, profile: Profile) -> tuple[np.ndarray, np.ndarray]:
    """Scores of every demand for one person and the person's coverage vector (for ``explain_fit``)."""
    held = held_matrix(engine, [profile])
    occupation = np.array([NO_OCCUPATION if profile.occupation is None else profile.occupation])
    result, coverage = scores(engine, demands, held, occupation)
    return result[0], np.ascontiguousarray(coverage[0])
