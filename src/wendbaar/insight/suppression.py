"""Small groups stay hidden: the one place that decides which counts the inzicht dashboards may show.

Every figure on the dashboards counts distinct people. The rule, with k = 10:

1. **Threshold.** A count of fewer than 10 people is never shown as a number, only as "minder dan 10" —
   in tables, chart bars, totals, percentages and the CSV alike. Zero is such a count too.

2. **No differencing.** Counts are tied together by sums that anyone can do: a province is the sum of
   its municipalities (plus people whose municipality is unknown), Nederland is the sum of its provinces
   and also of its occupation groups, a group is the sum of its buckets plus the people in none of them,
   and the people *without* a skill are the group minus the people with it. So before a figure is shown
   we take its counts for every group at once, with every sum that ties them, and do what someone who
   collected all pages and exports would do: combine the sums exactly (linear algebra), and with the
   bounds the labels give — "minder dan 10" is at most 9, "afgeschermd" at least 10, nothing is negative
   — as a linear program. When a count of 1 to 9 people (one count, or the hidden part of one sum) is
   pinned to a single number, one more count is hidden — the smallest shown count in a sum it is part of
   — and we check again. Those are shown as "afgeschermd": not small themselves, but they would give a
   small group away. Where even the labels would pin a count down (a count that is "afgeschermd", so at
   least 10, made of parts that are each "minder dan 10"), those counts get no label at all: "niet
   getoond". A derived count of exactly 0 (nobody) is not a disclosure: it describes no one.

3. **Rounding.** Shown counts are rounded to the nearest 5, and never shown below 10; percentages are
   computed from the rounded counts. Rounding only widens what anyone can work out, so it adds safety on
   top of rule 2 (for instance against sums of distinct people over months, which are not linear).

What makes rule 2 hold for every page, filter and export: one picks *one* group at a time (Nederland, a
province, a municipality or an occupation group), so filters cannot be crossed into ever smaller cells;
every person counts for one municipality; periods are whole calendar years that do not overlap; no
total over months is shown next to monthly counts; and every split keeps one part that is never shown
(people without the skill, outside every bucket, or in an unknown municipality or occupation group), so
labels can never add up to a total by themselves. The outcome depends on the data only — never on which
page asks — so a count reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import highspy
import numpy as np
from django.utils.translation import gettext_lazy as _
from scipy.sparse import csr_matrix

K = 10
ROUND_TO = 5

SHOWN = "getoond"
SMALL = "klein"  # fewer than K people: "minder dan 10"
PROTECTED = "afgeschermd"  # not small itself, hidden so that no small group can be worked out
NEVER = "nooit"  # never published (people without a known municipality, people *without* a skill)
WITHHELD = "niet-getoond"  # not even a label: where "minder dan 10" or "afgeschermd" would say too much

LABELS = {SMALL: _("minder dan 10"), PROTECTED: _("afgeschermd"), WITHHELD: _("niet getoond")}

TOTAL = "totaal"
REST = "rest"  # the part of a total that is never shown: total minus the shown parts

Cell = tuple[str, str]  # (node, series)


def rounded(value: int) -> int:
    """A shown count: to the nearest 5, and never below the threshold (10, 11 and 12 read as 10)."""
    return max(K, ROUND_TO * int((value + ROUND_TO // 2) // ROUND_TO))


@dataclass(frozen=True)
class Count:
    """One published count: the rounded number when it may be shown, otherwise only why not."""

    status: str
    shown: int | None = None

    @classmethod
    def of(cls, value: int, status: str) -> Count:
        return cls(SHOWN, rounded(value)) if status == SHOWN else cls(status)

    @property
    def is_shown(self) -> bool:
        return self.status == SHOWN

    @property
    def label(self) -> str:
        return str(self.shown) if self.is_shown else str(LABELS.get(self.status, LABELS[PROTECTED]))

    def __str__(self):
        return self.label


def percent(part: Count, whole: Count) -> int | None:
    """A share computed from the *rounded* counts, so it says nothing the counts do not."""
    if not (part.is_shown and whole.is_shown) or not whole.shown:
        return None
    return round(100 * part.shown / whole.shown)


# --- The check ---------------------------------------------------------------------------------------

Relation = tuple[Cell | None, tuple[Cell, ...]]  # total = sum of parts; a None total is only used at the root


class _Span:
    """The sums over the unknown counts, kept in reduced row echelon form (sparse; the coefficients stay
    small whole numbers and their ratios, so a tolerance of 1e-9 is exact enough). A combination of
    unknowns can be computed from what is shown exactly when it lies in their span; a single unknown can
    when its pivot row holds nothing else."""

    def __init__(self, rows: list[dict[Cell, int]], unknown: set[Cell] = frozenset()):
        self.unknown = set(unknown)
        self.basis: dict[Cell, dict[Cell, float]] = {}
        self.rows_with: dict[Cell, set[Cell]] = {}  # column → pivots of the rows that have it
        # Short sums first: eliminating with them spreads less into the others (less fill-in). The span,
        # and so every answer, is the same in any order.
        for row in sorted(rows, key=len):
            self._add({cell: float(v) for cell, v in row.items() if v})

    def _add(self, vector: dict[Cell, float]) -> None:
        vector = self._reduce(vector)
        if not vector:
            return
        pivot = next(iter(vector))
        scale = vector[pivot]
        vector = {cell: v / scale for cell, v in vector.items()}
        for other_pivot in list(self.rows_with.get(pivot, ())):
            other = self.basis[other_pivot]
            factor = other[pivot]
            for cell, v in vector.items():
                value = other.get(cell, 0.0) - factor * v
                if abs(value) > 1e-9:
                    if cell not in other:
                        self.rows_with.setdefault(cell, set()).add(other_pivot)
                    other[cell] = value
                elif cell in other:
                    del other[cell]
                    self.rows_with[cell].discard(other_pivot)
        self.basis[pivot] = vector
        for cell in vector:
            self.rows_with.setdefault(cell, set()).add(pivot)

    def _reduce(self, vector: dict[Cell, float]) -> dict[Cell, float]:
        # Rows have zeros at every other pivot, so one pass over the vector's pivots clears them all.
        for pivot in [cell for cell in vector if cell in self.basis]:
            factor = vector.get(pivot)
            if not factor:
                continue
            for cell, v in self.basis[pivot].items():
                value = vector.get(cell, 0.0) - factor * v
                if abs(value) > 1e-9:
                    vector[cell] = value
                else:
                    vector.pop(cell, None)
        return vector

    def drop(self, cells: set[Cell]) -> None:
        """The span once ``cells`` are known: every row without them. Rows keep their form when they only
        lose other cells; rows whose pivot goes are added again without it."""
        again = []
        for cell in cells:
            for pivot in self.rows_with.pop(cell, ()):
                row = self.basis.get(pivot)
                if row is None:
                    continue
                if pivot in cells:
                    del self.basis[pivot]
                    for other in row:
                        if other not in cells:
                            self.rows_with[other].discard(pivot)
                    again.append(row)
                else:
                    del row[cell]
        self.unknown -= cells
        for row in again:
            self._add({c: v for c, v in row.items() if c not in cells})

    def contains(self, cells: Iterable[Cell]) -> bool:
        cells = list(cells)
        if len(cells) == 1:
            row = self.basis.get(cells[0])
            return row is not None and len(row) == 1
        return not self._reduce({cell: 1.0 for cell in cells})


def _peel(sums: _Sums, unknown: set[Cell]) -> set[Cell]:
    """Cells that a sum with only one unknown term gives away at once, and then the sums that this leaves
    with one unknown term, until none is left (cheap; the null space then only has to look at what is
    really hidden)."""
    open_terms = [sum(1 for c in cells if c in unknown) for cells in sums.members]
    todo = [i for i, n in enumerate(open_terms) if n == 1]
    found: set[Cell] = set()
    while todo:
        i = todo.pop()
        if open_terms[i] != 1:
            continue
        (cell,) = [c for c in sums.members[i] if c in unknown and c not in found]
        found.add(cell)
        for j in sums.touching[cell]:
            open_terms[j] -= 1
            if open_terms[j] == 1:
                todo.append(j)
    return found


def _bounds(status: str) -> tuple[float, float | None]:
    """What anyone can tell from the page alone: "minder dan 10", "afgeschermd" (so at least 10)."""
    if status == SMALL:
        return 0.0, float(K - 1)
    if status == PROTECTED:
        return float(K), None
    return 0.0, None  # nothing is negative; "niet getoond" and what is never shown say nothing more


def settle(
    values: dict[Cell, int],
    status: dict[Cell, str],
    relations: list[Relation],
    hideable: set[Cell],
    order: list[Cell],
    free: frozenset[Cell] = frozenset(),
    sums: _Sums | None = None,
) -> tuple[dict[Cell, str], dict[Cell, bool]]:
    """Hide counts until no sum in ``relations`` gives a small group away; returns the statuses and,
    per cell, whether its value can be worked out exactly from what is shown.

    We do what an attacker would do with everything published at once. First exactly: any sum with
    one unknown term, then any combination of sums (linear algebra over the unknowns). Then with the
    bounds as well — "minder dan 10" is at most 9, "afgeschermd" at least 10, nothing is negative — as
    a linear program over all sums: a count is given away when its smallest and largest possible values
    leave only one whole number. A problem is such a count of 1 to 9 people: one cell, or the hidden
    part of one sum together. Each problem gets one more count hidden (the smallest shown one in a sum
    it is part of; one of exactly 10 last, as that leaves no room next to "at least 10"), and we start
    over. ``sums``: the relations in the form the steps use, when the caller keeps them already.
    """
    shown_status = dict(status)
    # Rows that describe nobody need no protection, and give none: assume anyone knows them exactly.
    status = {cell: SHOWN if cell in free else value for cell, value in status.items()}
    sums = sums or _Sums(relations, order)
    position, members, touching = sums.position, sums.members, sums.touching
    kept: dict = {}  # the last linear program, for the next look with the same unknowns
    # The splits of each count (a province into its municipalities …), from the sums over one series.
    splits: dict[Cell, list[tuple[Cell, ...]]] = {}
    for total, parts in relations:
        if total is not None and parts and parts[0][0] != total[0]:
            splits.setdefault(total, []).append(parts)
    while True:
        worked_out, computable = _work_out(values, status, sums, kept)
        problems: list[tuple[Cell, ...]] = []
        for cell in order:
            if cell in worked_out and status[cell] != SHOWN and 1 <= values[cell] < K:
                problems.append((cell,))
        # Groups that are sums of hidden counts: the hidden part of one sum, and a known count minus the
        # known counts below it (Nederland minus Zwolle, two levels down: everyone else).
        groups: list[tuple[tuple[Cell, ...], list[Cell]]] = []
        for (_total, parts), cells in zip(relations, members, strict=True):
            groups.append((cells, [p for p in parts if status[p] != SHOWN]))
        for cell in order:
            if status[cell] != SHOWN and cell not in worked_out:
                continue
            for parts in splits.get(cell, ()):
                below, rest, todo = [], [], list(parts)
                while todo:
                    part = todo.pop()
                    if status[part] == SHOWN or part in worked_out:
                        below.append(part)
                    elif part in splits:
                        todo.extend(splits[part][0])
                    else:
                        rest.append(part)
                groups.append(((cell, *below), rest))
        unions = []
        for cells, hidden in groups:
            if hidden and 1 <= sum(values[p] for p in hidden) < K:
                still = [p for p in hidden if p not in worked_out]
                if not still or computable(still):
                    problems.append(cells)
                else:
                    unions.append((cells, still))
        if not problems:
            pinned = _pinned(values, status, sums, worked_out, [still for _cells, still in unions], kept)
            problems = [cells for cells, still in unions if tuple(still) in pinned]
        if not problems:
            return shown_status, {cell: status[cell] == SHOWN or cell in worked_out for cell in order}
        chosen: set[Cell] = set()
        blocked: set[int] = set()  # sums touched by what this round already hid
        for problem in problems:
            linked = {i for cell in problem for i in touching.get(cell, ())}
            around = {c for i in linked for c in members[i] if status[c] != SHOWN}
            near = {i for c in around for i in touching.get(c, ())}
            if (linked | near) & blocked:
                continue  # what was hidden for an earlier problem may settle this one: look again first
            candidates = [c for c in problem if c in hideable and status[c] == SHOWN]
            candidates = candidates or [
                c for i in linked for c in members[i] if c in hideable and status[c] == SHOWN
            ]
            if not candidates:
                candidates = [c for i in near for c in members[i] if c in hideable and status[c] == SHOWN]
            if not candidates:
                candidates = [c for c in order if c in hideable and status[c] == SHOWN]
            if candidates:
                pick = min(candidates, key=lambda c: (values[c] == K, values[c], position[c]))
                status[pick] = shown_status[pick] = PROTECTED
                chosen.add(pick)
                blocked.update(touching.get(pick, ()))
        if not chosen:
            # Hiding more cannot help: the labels themselves pin the count down (a group of 10 that is
            # "afgeschermd", so at least 10, next to parts that are "minder dan 10"). Those counts get no
            # label at all.
            silenced = {
                c
                for problem in problems
                for i in {i for cell in problem for i in touching.get(cell, ())}
                for c in members[i]
                if c in hideable and status[c] in (SMALL, PROTECTED)
            }
            if not silenced:
                return shown_status, {cell: status[cell] == SHOWN or cell in worked_out for cell in order}
            for cell in silenced:
                status[cell] = shown_status[cell] = WITHHELD


def _work_out(values, status, sums, kept):
    """The cells an attacker can work out exactly, and a test for whether a sum of the rest can be.

    Cheap steps first, again and again: a sum with one unknown term; any combination of sums (linear
    algebra); a computable sum of zero (nothing is negative, so each term is zero). Then the linear
    program finds the counts that the bounds pin down, whatever their size (a hidden 12 that can only
    be 12 gives its complement away), and the cheap steps run again with those.
    """
    relations, order = sums.relations, sums.order
    worked_out: set[Cell] = set()
    span = None
    while True:
        while True:
            unknown = [c for c in order if status[c] != SHOWN and c not in worked_out]
            found = _peel(sums, set(unknown))
            if found:
                worked_out |= found
                unknown = [c for c in unknown if c not in found]
            # Built once; what is found later only drops out of it.
            if span is None:
                span = _Span(_rows(relations, set(unknown)), set(unknown))
            else:
                span.drop(span.unknown - set(unknown))
            found = {c for c in unknown if span.contains([c])}
            if not found:
                for _total, parts in relations:
                    hidden = [p for p in parts if p in span.unknown]
                    if hidden and sum(values[p] for p in hidden) == 0 and span.contains(hidden):
                        found.update(hidden)
            if not found:
                break
            worked_out |= found
        # Zero pinned by bounds alone says nothing a zero sum did not (found above); leave those out.
        pinned = _pinned(values, status, sums, worked_out, [(c,) for c in unknown if values[c]], kept)
        if not pinned:
            return worked_out, span.contains
        worked_out |= {cells[0] for cells in pinned}


class _Sums:
    """The sums of one check in the shapes the steps below need, built once: the cells of each sum,
    the sums each cell is in, each cell's coefficient in a sum (the total −1, each part +1), and all sums
    as one sparse matrix over the cells in ``order``."""

    def __init__(self, relations: list[Relation], order: list[Cell]):
        self.relations = relations
        self.order = order
        self.position = {cell: i for i, cell in enumerate(order)}
        self.members = [((total,) if total else ()) + parts for total, parts in relations]
        self.touching: dict[Cell, list[int]] = {}
        self.coefficients: list[dict[Cell, int]] = []
        data, rows, columns = [], [], []
        for i, cells in enumerate(self.members):
            for cell in cells:
                self.touching.setdefault(cell, []).append(i)
            total, parts = relations[i]
            coefficient = {total: -1} if total else {}
            for part in parts:
                coefficient[part] = coefficient.get(part, 0) + 1
            self.coefficients.append(coefficient)
            for cell, value in coefficient.items():
                if value:
                    data.append(value)
                    rows.append(i)
                    columns.append(self.position[cell])
        self.matrix = csr_matrix((data, (rows, columns)), shape=(len(relations), len(order)), dtype=float)


def _swappable(cell, values, status, sums: _Sums, pairs) -> bool:
    """Can ``cell`` move by one person together with three other hidden counts, keeping every sum? For
    instance one fewer with a skill in Kampen (so one more without it there) and one more with it in
    Dalfsen (one fewer without): the province, both municipalities and both "without" totals stay the
    same. Such a swap proves the count is not pinned, without a linear program. ``pairs(sum)``: the
    unknown cells of a sum that are in exactly two sums."""
    touching, coefficients = sums.touching, sums.coefficients

    def fits(c, change):
        low, high = _bounds(status[c])
        value = values[c] + change
        return value >= low and (high is None or value <= high)

    mine = touching.get(cell, ())
    if len(mine) != 2:
        return False
    for first, second in (mine, mine[::-1]):
        for step in (-1, 1):
            if not fits(cell, step):
                continue
            for y in pairs(first):
                if y == cell:
                    continue
                dy = -coefficients[first][cell] * step * coefficients[first][y]
                if not fits(y, dy):
                    continue
                (third,) = [r for r in touching[y] if r != first]
                for r in pairs(second):
                    if r == cell:
                        continue
                    dr = -coefficients[second][cell] * step * coefficients[second][r]
                    if r == y or not fits(r, dr):
                        continue
                    (fourth,) = [q for q in touching[r] if q != second]
                    for z in pairs(third):
                        if z in (y, cell, r) or fourth not in touching[z]:
                            continue
                        dz = -coefficients[third][y] * dy * coefficients[third][z]
                        if fits(z, dz) and coefficients[fourth][r] * dr + coefficients[fourth][z] * dz == 0:
                            return True
    return False


def _pinned(values, status, sums: _Sums, worked_out, targets, kept: dict) -> list[tuple[Cell, ...]]:
    """Which ``targets`` (groups of unknown cells) the bounds pin to one whole number, found with a
    linear program over all sums. Every count is feasible at its true value. A single count that can
    swap a person with a hidden neighbour is free; for the rest, a few solves in mixed directions show
    that most can move by a whole person or more, and only those that did not get a minimum and maximum
    of their own. ``kept`` holds the last program of this check: the next call with the same unknown
    cells and labels solves it again."""
    unknown = [c for c in sums.order if status[c] != SHOWN and c not in worked_out]
    index = {cell: i for i, cell in enumerate(unknown)}
    paired: dict[int, list[Cell]] = {}

    def pairs(relation: int) -> list[Cell]:
        if relation not in paired:
            paired[relation] = [
                c for c in sums.members[relation] if c in index and len(sums.touching[c]) == 2
            ]
        return paired[relation]

    # Two unknown counts that are the only unknown terms of one sum move together (a group's people with
    # and without a skill, under a shown total): one is pinned exactly when the other is. So one target
    # stands for all single cells tied that way, and only it is looked at.
    tied = _ties(sums, index)
    stands_for: dict[int, int] = {}
    first: dict[Cell, int] = {}
    for i, cells in enumerate(targets):
        if len(cells) == 1 and cells[0] in index:
            stands_for[i] = first.setdefault(tied(cells[0]), i)
    chosen = [
        i
        for i, cells in enumerate(targets)
        if stands_for.get(i, i) == i
        and any(c in index for c in cells)
        and not (len(cells) == 1 and _swappable(cells[0], values, status, sums, pairs))
    ]
    if not chosen:
        return []
    vectors = {}
    for i in chosen:
        vectors[i] = np.zeros(len(unknown))
        for cell in targets[i]:
            if cell in index:
                vectors[i][index[cell]] = 1
    key = (tuple(unknown), tuple(status[c] for c in unknown))
    if kept.get("key") != key:
        # The sums over the unknown cells = minus what the known cells add to them; sums without
        # unknown cells say nothing here.
        columns = np.array([sums.position[c] for c in unknown], dtype=np.int64)
        known = np.array([values[c] for c in sums.order], dtype=float)
        known[columns] = 0
        constants = -(sums.matrix @ known)
        over_unknown = sums.matrix[:, columns].tocsr()
        rows = np.flatnonzero(over_unknown.getnnz(axis=1))
        over_unknown = over_unknown[rows]
        over_unknown.sort_indices()
        bounds = [_bounds(status[cell]) for cell in unknown]
        # One model, solved again for each objective: HiGHS starts from the previous basis.
        kept.update(key=key, solve=_Program(over_unknown, list(constants[rows]), bounds).solve)
    solve = kept["solve"]
    truth = np.array([values[cell] for cell in unknown], dtype=float)

    def moved(x, i) -> bool:
        return x is not None and abs(float(vectors[i] @ (x - truth))) >= 1 - 1e-6

    for attempt in range(6):
        if not chosen:
            break
        # Fixed, mixed directions (no randomness: the same data gives the same answer).
        signs = [1 if (i * 7 + attempt * 3) % 4 < 2 else -1 for i in chosen]
        x = solve(sum(sign * vectors[i] for sign, i in zip(signs, chosen, strict=True)))
        chosen = [i for i in chosen if not moved(x, i)]
    found = {i for i in chosen if not (moved(solve(vectors[i]), i) or moved(solve(-vectors[i]), i))}
    return [tuple(cells) for i, cells in enumerate(targets) if stands_for.get(i, i) in found]


def _ties(sums: _Sums, index) -> Callable[[Cell], Cell]:
    """For each unknown cell, one cell of its tie: the cells linked by sums with exactly two unknown
    terms (x + y or x − y is known, so x is pinned exactly when y is)."""
    parent: dict[Cell, Cell] = {}

    def root(cell: Cell) -> Cell:
        while cell in parent:
            cell = parent[cell]
        return cell

    for members in sums.members:
        open_cells = [c for c in members if c in index]
        if len(open_cells) == 2:
            a, b = root(open_cells[0]), root(open_cells[1])
            if a != b:
                parent[b] = a
    return root


class _Program:
    """min c·x subject to ``sums`` x = ``constants`` and the bounds, for many objectives c."""

    def __init__(self, sums: csr_matrix, constants: list[float], bounds: list[tuple[float, float | None]]):
        self.size = len(bounds)
        self.columns = np.arange(self.size, dtype=np.int32)
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        lower = np.array([low for low, _high in bounds], dtype=float)
        upper = np.array([highspy.kHighsInf if high is None else high for _low, high in bounds], dtype=float)
        self.highs.addVars(self.size, lower, upper)
        if constants:
            b = np.asarray(constants, dtype=float)
            starts, indices = sums.indptr.astype(np.int32), sums.indices.astype(np.int32)
            self.highs.addRows(len(b), b, b, sums.nnz, starts, indices, sums.data.astype(float))

    def solve(self, objective) -> np.ndarray | None:
        self.highs.changeColsCost(self.size, self.columns, np.asarray(objective, dtype=float))
        self.highs.run()
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return np.array(self.highs.getSolution().col_value)


def _rows(relations: list[Relation], unknown: set[Cell]) -> list[dict[Cell, int]]:
    rows = []
    for total, parts in relations:
        row = {part: 1 for part in parts if part in unknown}
        if total in unknown:
            row[total] = row.get(total, 0) - 1
        if any(row.values()):
            rows.append(row)
    return rows


# --- Along the groups ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # one forest is one object: the checks keep its layout by identity
class Forest:
    """The groups one can pick. ``families`` gives, per group, the ways it splits into smaller groups
    (each split adds up to the group: Nederland into provinces, and also into occupation groups); nodes
    in ``never`` are never shown (people whose municipality or occupation group is unknown); nodes in
    ``free`` hold rows that describe nobody (what erased accounts left behind): they take part in every
    sum, are not protected themselves, and give no cover either — we assume anyone knows them exactly."""

    root: str
    families: dict[str, tuple[tuple[str, ...], ...]]
    never: frozenset[str]
    free: frozenset[str] = frozenset()  # never shown and not protected: what erased accounts left behind

    def nodes(self) -> list[str]:
        found, todo = [], [self.root]
        while todo:
            node = todo.pop(0)
            found.append(node)
            for children in self.families.get(node, ()):
                todo.extend(children)
        return found


@dataclass(frozen=True)
class Verdicts:
    """The outcome for every count: its status, and whether its value can be worked out."""

    status: dict[Cell, str]
    known: dict[Cell, bool]

    def count(self, node: str, series: str, values: dict[str, dict[str, int]]) -> Count:
        return Count.of(values[node][series], self.status[(node, series)])


def protect(
    forest: Forest,
    values: dict[str, dict[str, int]],
    parts: list[str] | None = None,
    rest: bool = False,
    population: Verdicts | None = None,
) -> Verdicts:
    """Statuses for every count in ``values`` (node → series → people), over the whole forest at once.

    Without ``parts`` this settles the population itself (series ``TOTAL``). With ``parts`` (the shown
    pieces of each group: the people with a skill, or buckets that add up to the group) the population's
    verdicts are fixed and only parts are hidden; ``rest`` adds the never-shown remainder
    ``TOTAL − sum(parts)`` (the people without the skill). The answer depends on the data only, so every
    page, filter and export shows a count the same way.
    """
    parts = list(parts or [])
    nodes, cells, relations, sums = _layout(forest, (TOTAL, *parts, *([REST] if rest else [])))
    if rest:
        for node in nodes:
            values[node][REST] = values[node][TOTAL] - sum(values[node][p] for p in parts)

    def initial(node: str, s: str) -> str:
        if s == TOTAL and population is not None:
            return population.status[(node, s)]
        if s == REST or node in forest.never:
            return NEVER
        return SHOWN if values[node][s] >= K else SMALL

    status = {cell: initial(*cell) for cell in cells}
    hideable = {c for c in cells if status[c] != NEVER and (population is None or c[1] != TOTAL)}
    flat = {(node, s): values[node][s] for node, s in cells}
    if not any(status[c] == SMALL for c in cells) and not any(
        1 <= flat[c] < K for c in cells if status[c] == NEVER and c[0] not in forest.free
    ):
        # Nothing small anywhere, so nothing small can be worked out.
        return Verdicts(status, {c: status[c] == SHOWN for c in cells})
    free = frozenset(c for c in cells if c[0] in forest.free)
    status, known = settle(flat, status, relations, hideable, cells, free, sums)
    return Verdicts(status, known)


@lru_cache(maxsize=8)
def _layout(forest: Forest, series: tuple[str, ...]) -> tuple[list[str], list[Cell], list[Relation], _Sums]:
    """The cells and sums of a forest with these series: the same for every item of a figure, so built
    once."""
    nodes = forest.nodes()
    cells = [(node, s) for node in nodes for s in series]
    relations: list[Relation] = []
    for parent, families in forest.families.items():
        for children in families:
            relations += [((parent, s), tuple((child, s) for child in children)) for s in series]
    if len(series) > 1:
        relations += [((node, TOTAL), tuple((node, s) for s in series[1:])) for node in nodes]
    return nodes, cells, relations, _Sums(relations, cells)
