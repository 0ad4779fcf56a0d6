"""The Dutch starter set: occupations and skills written for wendbaar, shipped as TOML.

The starter set is the embedded default taxonomy: a fresh installation speaks Dutch about municipal work
and its neighbouring sectors before anyone imports ESCO. Items with an ESCO counterpart carry its URI, so a
later ESCO import merges with them instead of adding duplicates.

This module only reads and validates the files; it does not touch the database (see ``loader.py`` in the
taxonomy app for that), so it can be checked quickly and on its own::

    python -m wendbaar.taxonomy.starter          # validate and print counts
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

STARTER_DIR = Path(__file__).resolve().parent

SKILL_TYPES = {"knowledge", "skill/competence"}
REUSE_LEVELS = {"transversal", "cross-sector", "sector-specific", "occupation-specific"}
COLLECTIONS = {"transversal", "digital", "green", "language", "research", "digcomp"}
SECTORS = {
    "gemeente": "Gemeente",
    "overheid": "Overige overheid",
    "zorg": "Zorg",
    "welzijn": "Welzijn en sociaal werk",
    "onderwijs": "Onderwijs",
    "kinderopvang": "Kinderopvang",
    "werk-en-inkomen": "Werk en inkomen (ketenpartners)",
    "veiligheid": "Veiligheid en handhaving",
    "ict": "ICT en data",
    "logistiek": "Logistiek en vervoer",
    "financien": "Financiën en administratie",
    "zakelijke-dienstverlening": "Zakelijke dienstverlening",
    "techniek": "Techniek, bouw en energie",
    "handel": "Handel en klantenservice",
    "cultuur": "Cultuur, sport en recreatie",
}

KEY_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ESCO_SKILL_URI = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}$")
ESCO_OCCUPATION_URI = re.compile(r"^http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}$")
ISCO_UNIT = re.compile(r"^\d{4}$")
MIN_ESSENTIAL_SKILLS = 4


class StarterSetError(ValueError):
    """The starter set files are inconsistent; the message names file and item."""


@dataclass(frozen=True)
class StarterSkill:
    key: str
    skill_type: str
    label_nl: str
    label_en: str = ""
    synonyms_nl: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    description_nl: str = ""
    uri: str = ""
    reuse_level: str = ""
    collections: tuple[str, ...] = ()
    source_file: str = ""


@dataclass(frozen=True)
class StarterOccupation:
    key: str
    isco: str
    sector: str
    municipal: bool
    label_nl: str
    description_nl: str
    essential: tuple[str, ...]
    optional: tuple[str, ...] = ()
    label_en: str = ""
    synonyms_nl: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    uri: str = ""
    source_file: str = ""


@dataclass
class StarterSet:
    skills: dict[str, StarterSkill] = field(default_factory=dict)
    occupations: dict[str, StarterOccupation] = field(default_factory=dict)


_SKILL_FIELDS = {
    "key",
    "type",
    "nl",
    "en",
    "synonyms_nl",
    "synonyms_en",
    "description_nl",
    "uri",
    "reuse_level",
    "collections",
}
_OCCUPATION_FIELDS = {
    "key",
    "isco",
    "sector",
    "municipal",
    "nl",
    "en",
    "synonyms_nl",
    "synonyms_en",
    "description_nl",
    "uri",
    "essential",
    "optional",
}


def _strings(value, where: str, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise StarterSetError(f"{where}: '{name}' must be a list of non-empty texts")
    return tuple(v.strip() for v in value)


def _text(item: dict, name: str, where: str, required: bool = False) -> str:
    value = item.get(name, "")
    if not isinstance(value, str):
        raise StarterSetError(f"{where}: '{name}' must be a text")
    if required and not value.strip():
        raise StarterSetError(f"{where}: '{name}' is required")
    return value.strip()


def _check_fields(item: dict, allowed: set[str], where: str) -> None:
    unknown = set(item) - allowed
    if unknown:
        raise StarterSetError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")


def _key(item: dict, allowed: set[str], where: str) -> str:
    """Check the item's fields and return its key."""
    _check_fields(item, allowed, where)
    key = _text(item, "key", where, required=True)
    if not KEY_PATTERN.match(key):
        raise StarterSetError(f"{where}: key '{key}' must be lower-case words joined by '-'")
    return key


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise StarterSetError(f"{path.name}: {exc}") from exc


def _parse_skill(item: dict, where: str) -> StarterSkill:
    key = _key(item, _SKILL_FIELDS, where)
    skill_type = _text(item, "type", where, required=True)
    if skill_type not in SKILL_TYPES:
        raise StarterSetError(f"{where}: type must be one of {sorted(SKILL_TYPES)}")
    uri = _text(item, "uri", where)
    if uri and not ESCO_SKILL_URI.match(uri):
        raise StarterSetError(f"{where}: '{uri}' is not an ESCO skill URI")
    reuse = _text(item, "reuse_level", where)
    if reuse and reuse not in REUSE_LEVELS:
        raise StarterSetError(f"{where}: reuse_level must be one of {sorted(REUSE_LEVELS)}")
    collections = _strings(item.get("collections", []), where, "collections")
    if set(collections) - COLLECTIONS:
        raise StarterSetError(f"{where}: collections must be among {sorted(COLLECTIONS)}")
    return StarterSkill(
        key=key,
        skill_type=skill_type,
        label_nl=_text(item, "nl", where, required=True),
        label_en=_text(item, "en", where),
        synonyms_nl=_strings(item.get("synonyms_nl", []), where, "synonyms_nl"),
        synonyms_en=_strings(item.get("synonyms_en", []), where, "synonyms_en"),
        description_nl=_text(item, "description_nl", where),
        uri=uri,
        reuse_level=reuse,
        collections=collections,
    )


def _parse_occupation(item: dict, where: str) -> StarterOccupation:
    key = _key(item, _OCCUPATION_FIELDS, where)
    isco = _text(item, "isco", where, required=True)
    if not ISCO_UNIT.match(isco):
        raise StarterSetError(f"{where}: isco must be a four-digit ISCO-08 unit group code")
    sector = _text(item, "sector", where, required=True)
    if sector not in SECTORS:
        raise StarterSetError(f"{where}: sector must be one of {sorted(SECTORS)}")
    municipal = item.get("municipal", False)
    if not isinstance(municipal, bool):
        raise StarterSetError(f"{where}: municipal must be true or false")
    uri = _text(item, "uri", where)
    if uri and not ESCO_OCCUPATION_URI.match(uri):
        raise StarterSetError(f"{where}: '{uri}' is not an ESCO occupation URI")
    essential = _strings(item.get("essential", []), where, "essential")
    optional = _strings(item.get("optional", []), where, "optional")
    if len(essential) < MIN_ESSENTIAL_SKILLS:
        raise StarterSetError(f"{where}: needs at least {MIN_ESSENTIAL_SKILLS} essential skills")
    both = set(essential) & set(optional)
    if both:
        raise StarterSetError(f"{where}: skills both essential and optional: {', '.join(sorted(both))}")
    return StarterOccupation(
        key=key,
        isco=isco,
        sector=sector,
        municipal=municipal,
        label_nl=_text(item, "nl", where, required=True),
        description_nl=_text(item, "description_nl", where, required=True),
        essential=essential,
        optional=optional,
        label_en=_text(item, "en", where),
        synonyms_nl=_strings(item.get("synonyms_nl", []), where, "synonyms_nl"),
        synonyms_en=_strings(item.get("synonyms_en", []), where, "synonyms_en"),
        uri=uri,
    )


def read_starter_set(directory: Path = STARTER_DIR) -> StarterSet:
    """Read every ``skills/*.toml`` and ``occupations/*.toml`` file and check them as a whole."""
    starter = StarterSet()
    seen_uris: dict[str, str] = {}

    def claim(key: str, uri: str, where: str, registry: dict) -> None:
        if key in registry:
            raise StarterSetError(f"{where}: key '{key}' is also defined in {registry[key].source_file}")
        if uri:
            if uri in seen_uris:
                raise StarterSetError(f"{where}: URI {uri} is also used by '{seen_uris[uri]}'")
            seen_uris[uri] = key

    for path in sorted((directory / "skills").glob("*.toml")):
        for index, item in enumerate(_read_toml(path).get("skill", []), start=1):
            where = f"{path.name} skill #{index} ({item.get('key', '?')})"
            skill = _parse_skill(item, where)
            claim(skill.key, skill.uri, where, starter.skills)
            starter.skills[skill.key] = StarterSkill(**{**skill.__dict__, "source_file": path.name})

    for path in sorted((directory / "occupations").glob("*.toml")):
        for index, item in enumerate(_read_toml(path).get("occupation", []), start=1):
            where = f"{path.name} occupation #{index} ({item.get('key', '?')})"
            occupation = _parse_occupation(item, where)
            claim(occupation.key, occupation.uri, where, starter.occupations)
            missing = [k for k in occupation.essential + occupation.optional if k not in starter.skills]
            if missing:
                raise StarterSetError(f"{where}: unknown skill key(s) {', '.join(missing)}")
            starter.occupations[occupation.key] = StarterOccupation(
                **{**occupation.__dict__, "source_file": path.name}
            )
    return starter


def esco_mismatches(starter: StarterSet, esco_dir: Path) -> list[str]:
    """URIs in the starter set that the ESCO package at ``esco_dir`` does not know (as the right kind)."""
    import csv

    def uris(filename: str) -> set[str]:
        with (esco_dir / filename).open(encoding="utf-8", newline="") as fh:
            return {row["conceptUri"] for row in csv.DictReader(fh)}

    skills, occupations = uris("skills_en.csv"), uris("occupations_en.csv")
    problems = [
        f"{s.source_file}: skill '{s.key}' has unknown ESCO URI {s.uri}"
        for s in starter.skills.values()
        if s.uri and s.uri not in skills
    ]
    problems += [
        f"{o.source_file}: occupation '{o.key}' has unknown ESCO URI {o.uri}"
        for o in starter.occupations.values()
        if o.uri and o.uri not in occupations
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m wendbaar.taxonomy.starter")
    parser.add_argument("--esco", type=Path, help="ESCO CSV folder to check the URIs against")
    args = parser.parse_args(argv)
    try:
        starter = read_starter_set()
    except StarterSetError as exc:
        print(f"error: {exc}")
        return 1
    municipal = sum(o.municipal for o in starter.occupations.values())
    relations = sum(len(o.essential) + len(o.optional) for o in starter.occupations.values())
    unused = set(starter.skills) - {k for o in starter.occupations.values() for k in o.essential + o.optional}
    print(
        f"skills: {len(starter.skills)} ({sum(bool(s.uri) for s in starter.skills.values())} with ESCO URI), "
        f"occupations: {len(starter.occupations)} ({municipal} municipal, "
        f"{sum(bool(o.uri) for o in starter.occupations.values())} with ESCO URI), "
        f"relations: {relations}, skills used by no occupation: {len(unused)}"
    )
    if args.esco:
        problems = esco_mismatches(starter, args.esco)
        print("\n".join(problems) or "all ESCO URIs found")
        return 1 if problems else 0
    return 0
