"""The best people for every demand, for hundreds of thousands of people against tens of thousands of kansen.

Same scores and same answer as ``bulk.top_people`` (see there for what a score is), computed in the
orientation that suits the numbers: demand × people instead of people × demand.

- The two products are sparse × dense (``needs @ coverageᵀ`` and ``reach @ ownᵀ``) over only the skills
  some demand uses: scipy streams each demand's few skills over a contiguous block of people and writes
  a dense result directly. ``bulk.scores`` multiplies two sparse matrices whose product is nearly dense
  and then converts it, which costs more than the arithmetic.
- Within a chunk people are grouped by occupation, so the occupation context is added to a few runs of
  columns (one broadcast each) instead of through a 2-D fancy index.
- The best ``limit`` per demand are kept as the chunks go by. Once the lists have filled, only the few
  people who beat a demand's current list are sorted into it; early on, whole rows are partitioned
  (``argpartition`` along contiguous rows, not along the strided first axis of a stacked array).
- Chunks can be scored on several threads (the heavy numpy and scipy calls release the GIL); merging
  stays on one thread, so the answer does not depend on the number of threads.

Memory stays bounded by a few (demand × chunk) float32 arrays per thread.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy import sparse

from wendbaar.matching.bulk import Demands
from wendbaar.matching.engine import Engine, _max_expand

# When more than this share of a block beats the current lists (early on), whole rows are partitioned;
# below it only the candidates are sorted into the lists.
WHOLE_ROWS_ABOVE = 0.05


class _Scorer:
    def __init__(self, engine: Engine, demands: Demands):
        w = engine.weights
        self.engine = engine
        needs = demands.needs.tocsr()
        reach = demands.reach_t.T.tocsr()
        # Only the skills some demand uses take part: the dense blocks are people × those skills.
        self.need_cols = np.unique(needs.indices)
        self.reach_cols = np.unique(reach.indices)
        self.needs = needs[:, self.need_cols].astype(np.float32)
        self.reach = reach[:, self.reach_cols].astype(np.float32)
        self.forward, self.reverse = np.float32(w.forward), np.float32(w.reverse)
        self.plain = np.float32(1.0 / (w.forward + w.reverse))  # without occupation context
        text = engine.snapshot.occupation_text and w.text
        self.with_context = np.float32(1.0 if text else 1.0 / (1.0 - w.text))
        self.demand_has = demands.occupation >= 0
        self.demand_occupation = np.where(self.demand_has, demands.occupation, 0)
        self.idf = engine.idf.astype(np.float32)

    def block(self, held: sparse.csr_matrix, occupations: np.ndarray) -> np.ndarray:
        """Demand × people scores in 0..1 for people grouped by occupation: ``bulk.scores``, transposed."""
        engine = self.engine
        if held.nnz:
            coverage = _max_expand(held, engine.credit)
        else:
            coverage = sparse.csr_matrix(held.shape, dtype=np.float32)
        forward_in = np.ascontiguousarray(coverage[:, self.need_cols].toarray().T, dtype=np.float32)
        result = np.asarray(self.needs @ forward_in, dtype=np.float32)  # demand × people
        del forward_in
        own = held.multiply(self.idf[None, :]).tocsr()
        own_mass = np.asarray(own.sum(axis=1), dtype=np.float32).ravel()
        reverse_in = np.ascontiguousarray(own[:, self.reach_cols].toarray().T, dtype=np.float32)
        reverse_in /= np.where(own_mass > 0, own_mass, 1.0)[None, :]
        reverse = np.asarray(self.reach @ reverse_in, dtype=np.float32)
        del reverse_in
        result *= self.forward
        reverse *= self.reverse
        result += reverse  # the skill part of the score ("base" in bulk.scores)
        del reverse

        person_has = occupations >= 0
        plain_rows = ~self.demand_has
        # Cells where the demand or the person names no occupation keep the plain skill score.
        kept_rows = result[plain_rows] * self.plain if plain_rows.any() else None
        if self.demand_has.any():
            edges = np.flatnonzero(np.diff(occupations)) + 1
            for a, b in zip(np.r_[0, edges], np.r_[edges, len(occupations)], strict=True):
                if occupations[a] >= 0:
                    column = engine.context[occupations[a]][self.demand_occupation].astype(np.float32)
                    result[:, a:b] += column[:, None]
                    result[:, a:b] *= self.with_context
                else:
                    result[:, a:b] *= self.plain
        else:
            result *= self.plain
        if kept_rows is not None:
            result[plain_rows] = kept_rows
        result[:, own_mass == 0] = 0.0  # nothing rated, nothing to match
        del person_has
        np.clip(result, 0, 1, out=result)
        return result


class _Best:
    """The best ``limit`` (people index, score) per demand so far."""

    def __init__(self, k: int, limit: int):
        self.limit = limit
        self.idx = np.full((k, limit), -1, dtype=np.int64)
        self.score = np.full((k, limit), -1.0, dtype=np.float32)

    def add(self, block: np.ndarray, people: np.ndarray, min_score: float) -> None:
        """Merge one demand × people block (``people``: the people index of each column)."""
        limit = self.limit
        block[block < min_score] = -1.0
        floor = self.score.min(axis=1)
        beats = block > floor[:, None]
        rows, cols = np.nonzero(beats)
        if len(rows) > WHOLE_ROWS_ABOVE * block.size:  # early on, many beat the lists: partition whole rows
            if block.shape[1] > limit:
                part = np.argpartition(-block, limit - 1, axis=1)[:, :limit]
            else:
                part = np.broadcast_to(np.arange(block.shape[1]), block.shape)
            self._merge_rows(np.arange(len(block)), np.take_along_axis(block, part, axis=1), people[part])
            return
        if not len(rows):
            return
        # Few candidates: sort them, with the current lists of their demands, by demand and score.
        touched = np.unique(rows)
        all_rows = np.concatenate([np.repeat(touched, limit), rows])
        all_score = np.concatenate([self.score[touched].ravel(), block[rows, cols]])
        all_idx = np.concatenate([self.idx[touched].ravel(), people[cols]])
        order = np.lexsort((-all_score, all_rows))
        all_rows, all_score, all_idx = all_rows[order], all_score[order], all_idx[order]
        first = np.searchsorted(all_rows, touched)
        rank = np.arange(len(all_rows)) - np.repeat(first, np.diff(np.r_[first, len(all_rows)]))
        keep = rank < limit  # every touched demand has exactly ``limit`` entries already
        self.score[touched] = all_score[keep].reshape(len(touched), limit)
        self.idx[touched] = all_idx[keep].reshape(len(touched), limit)

    def _merge_rows(self, rows: np.ndarray, score: np.ndarray, idx: np.ndarray) -> None:
        all_score = np.hstack([self.score[rows], score])
        all_idx = np.hstack([self.idx[rows], idx])
        part = np.argpartition(-all_score, self.limit - 1, axis=1)[:, : self.limit]
        self.score[rows] = np.take_along_axis(all_score, part, axis=1)
        self.idx[rows] = np.take_along_axis(all_idx, part, axis=1)


def top_people(
    engine: Engine,
    demands: Demands,
    held: sparse.csr_matrix,
    occupations: np.ndarray,
    limit: int,
    min_score: float = 0.0,
    chunk: int = 4000,
    threads: int = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """As ``bulk.top_people``: for every demand its ``limit`` best people, (people index, score) arrays of
    shape demand × limit, best first, padded with -1 / 0 where fewer people reach ``min_score``."""
    k = demands.count
    if limit <= 0 or k == 0:
        return np.full((k, max(limit, 0)), -1, dtype=np.int64), np.zeros((k, max(limit, 0)), dtype=np.float32)
    occupations = np.asarray(occupations, dtype=np.int64)
    held = held.tocsr().astype(np.float32)
    scorer = _Scorer(engine, demands)
    best = _Best(k, limit)

    def score(start: int):
        # Within a chunk, people grouped by occupation: the context is added to a few runs of columns.
        people = start + np.argsort(occupations[start : start + chunk], kind="stable")
        return scorer.block(held[people], occupations[people]), people

    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        # Scoring runs ahead on the pool; merging stays here, in chunk order.
        pending = []
        for start in range(0, held.shape[0], chunk):
            pending.append(pool.submit(score, start))
            if len(pending) > threads:
                best.add(*pending.pop(0).result(), min_score)
        for future in pending:
            best.add(*future.result(), min_score)
    # Best first; equal scores by people index; empty places last.
    best_idx, best_score = best.idx, best.score
    order = np.lexsort((np.where(best_score < 0, np.iinfo(np.int64).max, best_idx), -best_score), axis=1)
    best_score = np.take_along_axis(best_score, order, axis=1)
    best_idx = np.take_along_axis(best_idx, order, axis=1)
    best_idx[best_score < 0] = -1
    return best_idx, np.maximum(best_score, 0)
