"""Turning names (URIs, codes) and request parameters into engine inputs, with clear errors."""

from __future__ import annotations

from wendbaar.explore.engine import Loaded
from wendbaar.matching import Filters, Profile


class UnknownConcepts(ValueError):
    def __init__(self, kind: str, names: list[str]):
        self.kind, self.names = kind, names
        super().__init__(f"onbekende {kind}: {', '.join(names)}")


def occupation_index(loaded: Loaded, name: str) -> int:
    try:
        return loaded.occupation_lookup[name.strip()]
    except KeyError:
        raise UnknownConcepts("beroepen", [name]) from None


def parse_skills(loaded: Loaded, text: str) -> dict[int, int]:
    """'uri,uri:3,code' → skill index → level (default 3: 'goed')."""
    skills, unknown = {}, []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        name, level = item, 3
        head, sep, tail = item.rpartition(":")
        if sep and tail.isdigit() and len(tail) == 1:
            name, level = head, int(tail)
            if level not in (1, 2, 3, 4):
                raise ValueError(f"niveau {level} bij {name}: kies 1, 2, 3 of 4")
        if name in loaded.skill_lookup:
            skills[loaded.skill_lookup[name]] = level
        else:
            unknown.append(name)
    if unknown:
        raise UnknownConcepts("vaardigheden", unknown)
    return skills


def build_profile(
    loaded: Loaded, skills: str, occupation: str | None = None, years: float | None = None
) -> Profile:
    return Profile(
        skills=parse_skills(loaded, skills),
        occupation=occupation_index(loaded, occupation) if occupation else None,
        years=years,
    )


def build_filters(
    isco_major: str = "",
    sectors: str = "",
    scope: str = "",
    exclude_origin_unit: bool = False,
    min_match: int = 0,
) -> Filters:
    majors = frozenset(part.strip() for part in isco_major.split(",") if part.strip())
    if any(not (m.isdigit() and len(m) == 1) for m in majors):
        raise ValueError("ISCO-hoofdgroep is één cijfer, bijvoorbeeld 2 of 2,3")
    if scope not in ("", "gemeente", "andere-sectoren"):
        raise ValueError("soort is 'gemeente' of 'andere-sectoren'")
    if not 0 <= min_match <= 100:
        raise ValueError("minimale match ligt tussen 0 en 100")
    return Filters(
        isco_major=majors,
        sectors=frozenset(part.strip() for part in sectors.split(",") if part.strip()),
        municipal={"": None, "gemeente": True, "andere-sectoren": False}[scope],
        exclude_origin_unit=exclude_origin_unit,
        min_match=min_match,
    )
