"""Someone who collects every published figure and tries to work out small groups from them.

The people are split into *atoms* (for instance: municipality × occupation group × has-the-skill). Every
published figure is a sum over some atoms: a shown count pins that sum (to the rounding interval when
counts are rounded), "minder dan 10" says it is at most 9, "afgeschermd" that it is at least 10. A
linear program then finds, for any group of atoms, the smallest and largest number of people it can
hold given everything published. When only one whole number fits and it is 1 to 9, a small group has
been revealed by differencing.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import linprog

from wendbaar.insight.suppression import PROTECTED, ROUND_TO, SHOWN, SMALL, K


class Attacker:
    def __init__(self, atoms: list):
        self.atoms = list(atoms)
        self.index = {atom: i for i, atom in enumerate(self.atoms)}
        self.rows: list[np.ndarray] = []
        self.bounds: list[tuple[float, float]] = []

    def vector(self, atoms) -> np.ndarray:
        vector = np.zeros(len(self.atoms))
        for atom in atoms:
            vector[self.index[atom]] = 1
        return vector

    def learn(self, atoms, status: str, shown: int | None = None, *, rounded: bool = False) -> None:
        """One published figure over ``atoms``."""
        if status == SHOWN:
            low, high = (max(K, shown - ROUND_TO // 2), shown + ROUND_TO // 2) if rounded else (shown, shown)
        elif status == SMALL:
            low, high = 0, K - 1
        elif status == PROTECTED:
            low, high = K, math.inf
        else:
            return
        self.rows.append(self.vector(atoms))
        self.bounds.append((low, high))

    def range_of(self, atoms) -> tuple[float, float]:
        a_ub, b_ub = [], []
        for row, (low, high) in zip(self.rows, self.bounds, strict=True):
            a_ub.append(-row)
            b_ub.append(-low)
            if high != math.inf:
                a_ub.append(row)
                b_ub.append(high)
        target = self.vector(atoms)
        options = {
            "A_ub": np.array(a_ub) if a_ub else None,
            "b_ub": b_ub or None,
            "bounds": [(0, None)] * len(self.atoms),
            "method": "highs",
        }
        low = linprog(target, **options)
        high = linprog(-target, **options)
        assert low.status == 0, "what was published contradicts the data"
        return low.fun, (-high.fun if high.status == 0 else math.inf)

    def revealed(self, groups: dict[str, set], truth: dict) -> list[tuple]:
        """The groups of 1 to 9 people whose exact size follows from what was published."""
        found = []
        for name, atoms in groups.items():
            true = sum(truth.get(atom, 0) for atom in atoms)
            if not 1 <= true < K:
                continue
            low, high = self.range_of(atoms)
            if high != math.inf and math.floor(high + 1e-6) == math.ceil(low - 1e-6):
                found.append((name, true, low, high))
        return found
