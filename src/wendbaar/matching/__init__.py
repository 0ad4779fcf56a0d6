"""wendbaar's matching engine: a pure library (numpy and scipy, no Django).

Build an ``Engine`` from a ``Snapshot`` of the taxonomy, then ask it for transitions between occupations
(``similar``), occupations that fit a person (``recommend``) and what learning a skill would change
(``what_if``). See ``engine.py`` for how scores are made and why.
"""

from wendbaar.matching.engine import Engine, Exposure, Filters, Match, Profile, Rise, Weights
from wendbaar.matching.snapshot import Indicator, Snapshot

__all__ = ["Engine", "Exposure", "Filters", "Indicator", "Match", "Profile", "Rise", "Snapshot", "Weights"]
