"""The taxonomy as the engine sees it: plain arrays, built once per taxonomy version.

Nothing here knows about Django. The web app fills a ``Snapshot`` from its database; benchmarks and tests
can fill one from anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Indicator:
    """A per-occupation figure, e.g. exposure to automation. ``values`` holds NaN where unknown."""

    name: str
    label: str
    source: str
    values: np.ndarray
    # True when a higher value means more exposed (automation risk); only exposure indicators make a
    # destination "veiliger" (safer).
    exposure: bool = True


@dataclass
class Snapshot:
    """Occupations, skills and their relations, indexed 0..n-1.

    ``relations`` are (occupation index, skill index, essential?) triples. The skill hierarchy comes as
    pairs: ``skill_broader`` (narrower skill, broader skill), ``skill_groups`` (skill, group number) and
    ``skill_related`` (ESCO's skill–skill relations).
    """

    occupation_keys: list[str]
    occupation_labels: list[str]
    occupation_isco: list[str]
    skill_keys: list[str]
    skill_labels: list[str]
    relations: list[tuple[int, int, bool]]
    occupation_municipal: list[bool] | None = None
    occupation_sector: list[str] | None = None
    occupation_text: list[str] | None = None
    skill_broader: list[tuple[int, int]] = field(default_factory=list)
    skill_groups: list[tuple[int, int]] = field(default_factory=list)
    skill_related: list[tuple[int, int]] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def __post_init__(self):
        n, m = len(self.occupation_keys), len(self.skill_keys)
        if not (len(self.occupation_labels) == len(self.occupation_isco) == n):
            raise ValueError("every occupation needs a key, a label and an ISCO code ('' when unknown)")
        if len(self.skill_labels) != m:
            raise ValueError("every skill needs a key and a label")
        self.occupation_municipal = self.occupation_municipal or [False] * n
        self.occupation_sector = self.occupation_sector or [""] * n
        for occupation, skill, _essential in self.relations:
            if not (0 <= occupation < n and 0 <= skill < m):
                raise ValueError(f"relation ({occupation}, {skill}) points outside the snapshot")
        for indicator in self.indicators:
            if indicator.values.shape != (n,):
                raise ValueError(f"indicator {indicator.name} needs one value per occupation")
