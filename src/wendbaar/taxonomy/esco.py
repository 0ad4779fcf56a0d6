"""Import the official ESCO CSV package (a folder or the zip) into the taxonomy.

The import runs in two phases. *Reading* parses and checks every file completely — encoding, columns,
field counts, allowed values and every cross-reference — before anything is written, so a broken package
stops with a message that names file and line. *Writing* happens in one transaction: all or nothing.

Re-importing is idempotent: concepts are matched on their URI and updated; ESCO's own labels and relations
are replaced; the starter set's labels and relations stay. Concepts that an earlier ESCO import delivered
but this package lacks are marked obsolete, never deleted.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from wendbaar.taxonomy import store
from wendbaar.taxonomy.models import (
    Collection,
    IscoGroup,
    Occupation,
    OccupationSkill,
    RelationType,
    ReuseLevel,
    Skill,
    SkillCollection,
    SkillGroup,
    SkillRelation,
    SkillType,
    Source,
    Status,
    TaxonomyChange,
)

csv.field_size_limit(sys.maxsize)


class PackageError(Exception):
    """The package cannot be imported. Nothing was written."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        self.message, self.file, self.line = message, file, line
        where = ", ".join(p for p in (file, f"regel {line}" if line else None) if p)
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class FileSpec:
    """The columns of one kind of ESCO file: the ones we need and every one that may appear."""

    stem: str
    required: frozenset[str]
    optional: frozenset[str] = frozenset()

    @property
    def allowed(self) -> frozenset[str]:
        return self.required | self.optional


_CONCEPT_EXTRA = {
    "conceptType",
    "status",
    "altLabels",
    "hiddenLabels",
    "modifiedDate",
    "scopeNote",
    "inScheme",
    "description",
    "definition",
}
OCCUPATIONS = FileSpec(
    "occupations",
    frozenset({"conceptUri", "preferredLabel", "iscoGroup"}),
    frozenset(_CONCEPT_EXTRA | {"regulatedProfessionNote", "code", "naceCode"}),
)
SKILLS = FileSpec(
    "skills",
    frozenset({"conceptUri", "preferredLabel", "skillType", "reuseLevel"}),
    frozenset(_CONCEPT_EXTRA),
)
ISCO_GROUPS = FileSpec(
    "ISCOGroups", frozenset({"conceptUri", "code", "preferredLabel"}), frozenset(_CONCEPT_EXTRA)
)
SKILL_GROUPS = FileSpec(
    "skillGroups", frozenset({"conceptUri", "preferredLabel"}), frozenset(_CONCEPT_EXTRA | {"code"})
)
BROADER_OCC = FileSpec(
    "broaderRelationsOccPillar",
    frozenset({"conceptType", "conceptUri", "broaderType", "broaderUri"}),
    frozenset({"conceptLabel", "broaderLabel"}),
)
BROADER_SKILL = FileSpec(
    "broaderRelationsSkillPillar",
    frozenset({"conceptType", "conceptUri", "broaderType", "broaderUri"}),
    frozenset({"conceptLabel", "broaderLabel"}),
)
OCCUPATION_SKILLS = FileSpec(
    "occupationSkillRelations",
    frozenset({"occupationUri", "relationType", "skillUri"}),
    frozenset({"occupationLabel", "skillType", "skillLabel"}),
)
SKILL_SKILLS = FileSpec(
    "skillSkillRelations",
    frozenset({"originalSkillUri", "relationType", "relatedSkillUri"}),
    frozenset({"originalSkillType", "relatedSkillType", "originalSkillLabel", "relatedSkillLabel"}),
)
_COLLECTION_COLUMNS = frozenset(
    {
        "conceptType",
        "preferredLabel",
        "status",
        "skillType",
        "reuseLevel",
        "altLabels",
        "description",
        "broaderConceptUri",
        "broaderConceptPT",
    }
)
COLLECTIONS = {
    "transversal": "transversalSkillsCollection",
    "digital": "digitalSkillsCollection",
    "green": "greenSkillsCollection",
    "language": "languageSkillsCollection",
    "research": "researchSkillsCollection",
    "digcomp": "digCompSkillsCollection",
}
COLLECTION_NAMES = {
    "transversal": ("Transversale vaardigheden", "Transversal skills"),
    "digital": ("Digitale vaardigheden", "Digital skills"),
    "green": ("Groene vaardigheden", "Green skills"),
    "language": ("Taalvaardigheden", "Language skills"),
    "research": ("Onderzoeksvaardigheden", "Research skills"),
    "digcomp": ("DigComp-vaardigheden", "DigComp skills"),
}
# Files that carry labels per language; the others hold structure and come once.
LABELLED = (OCCUPATIONS, SKILLS, ISCO_GROUPS, SKILL_GROUPS)
STRUCTURE = (BROADER_OCC, BROADER_SKILL, OCCUPATION_SKILLS, SKILL_SKILLS)
FILE_NAME = re.compile(r"^(?P<stem>[A-Za-z]+)_(?P<lang>[a-z]{2,3})\.csv$")


class Package:
    """The files of an ESCO CSV package, read from a folder or a zip (at any depth inside it)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._files: dict[str, Callable[[], bytes]] = {}
        if self.path.is_dir():
            for file in self.path.rglob("*.csv"):
                self._files.setdefault(file.name, file.read_bytes)
        elif self.path.is_file() and zipfile.is_zipfile(self.path):
            archive = zipfile.ZipFile(self.path)
            for info in archive.infolist():
                name = info.filename.rsplit("/", 1)[-1]
                if name.endswith(".csv"):
                    self._files.setdefault(name, lambda info=info: archive.read(info))
        elif self.path.exists():
            raise PackageError("is geen map en geen zip-bestand", str(self.path))
        else:
            raise PackageError("bestaat niet", str(self.path))

    def has(self, name: str) -> bool:
        return name in self._files

    def languages(self) -> set[str]:
        found = {m["lang"] for name in self._files if (m := FILE_NAME.match(name))}
        return {lang for lang in found if any(self.has(f"{spec.stem}_{lang}.csv") for spec in LABELLED)}

    def find(self, stem: str, languages: list[str]) -> str | None:
        """The file for ``stem`` in the first of ``languages`` that has it."""
        for lang in languages:
            if f"{stem}_{lang}.csv" in self._files:
                return f"{stem}_{lang}.csv"
        return next((n for n in sorted(self._files) if n.startswith(f"{stem}_")), None)

    def rows(self, name: str, spec: FileSpec) -> Iterator[tuple[int, dict[str, str]]]:
        """Yield (line number, row) after checking encoding, columns and field counts."""
        raw = self._files[name]()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise PackageError("is geen geldige UTF-8-tekst (verkeerde tekenset?)", name, line) from exc
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise PackageError("het bestand is leeg", name, 1) from None
        except csv.Error as exc:
            raise PackageError(f"onleesbare kopregel ({exc})", name, 1) from exc
        if unknown := [c for c in header if c not in spec.allowed]:
            raise PackageError(f"onbekende kolom '{unknown[0]}'", name, 1)
        if missing := sorted(spec.required - set(header)):
            raise PackageError(f"verplichte kolom '{missing[0]}' ontbreekt", name, 1)
        width = len(header)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise PackageError(
                    f"onleesbare regel, het bestand is mogelijk afgebroken ({exc})", name, reader.line_num
                ) from exc
            if not row:
                continue
            if len(row) != width:
                raise PackageError(
                    f"{len(row)} velden in plaats van {width}; het bestand is mogelijk afgebroken",
                    name,
                    reader.line_num,
                )
            yield reader.line_num, dict(zip(header, row, strict=True))


def _labels(cell: str) -> list[str]:
    """Multi-valued cells separate values by new lines (main files) or ' | ' (collections)."""
    parts = re.split(r"\n| \| ", cell)
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))


@dataclass
class Concepts:
    """One kind of concept as read from the package: structure per URI and labels per language."""

    fields: dict[str, dict] = field(default_factory=dict)
    translations: dict[str, dict[str, dict]] = field(default_factory=dict)  # lang -> uri -> labels


@dataclass
class EscoData:
    languages: list[str]
    occupations: Concepts
    skills: Concepts
    isco_groups: Concepts
    skill_groups: Concepts
    isco_parent: dict[str, str]
    occupation_isco: dict[str, str]
    occupation_parent: dict[str, str]
    group_parent: dict[str, str]
    skill_groups_of: list[tuple[str, str]]
    skill_broader: list[tuple[str, str]]
    occupation_skills: list[tuple[str, str, str]]
    skill_skills: list[tuple[str, str, str]]
    collections: dict[str, list[str]]


def _status(value: str) -> str:
    return Status.RELEASED if value in ("", "released") else Status.OBSOLETE


def _choice(value: str, allowed: set[str], name: str, file: str, line: int) -> str:
    if value and value not in allowed:
        raise PackageError(f"onbekende waarde '{value}' in kolom {name}", file, line)
    return value


def _read_concepts(package: Package, spec: FileSpec, languages: list[str], base: str, structure) -> Concepts:
    """Read ``spec`` in every language; the base language file decides which concepts exist."""
    concepts = Concepts()
    name = f"{spec.stem}_{base}.csv"
    for line, row in package.rows(name, spec):
        uri = row["conceptUri"].strip()
        if not uri:
            raise PackageError("conceptUri ontbreekt", name, line)
        concepts.fields[uri] = structure(row, name, line)
    for lang in languages:
        name = f"{spec.stem}_{lang}.csv"
        if not package.has(name):
            continue
        labels = concepts.translations.setdefault(lang, {})
        for line, row in package.rows(name, spec):
            uri = row["conceptUri"].strip()
            if uri not in concepts.fields:
                raise PackageError(
                    f"onbekend begrip {uri} (staat niet in {spec.stem}_{base}.csv)", name, line
                )
            if not row["preferredLabel"].strip():
                continue  # ESCO leaves labels empty where a translation is missing
            labels[uri] = {
                "preferred_label": row["preferredLabel"].strip()[:500],
                "alt_labels": _labels(row.get("altLabels", "")),
                "hidden_labels": _labels(row.get("hiddenLabels", "")),
                "description": row.get("description", "").strip(),
            }
    return concepts


def read_package(path: Path, languages: list[str] | None = None, progress=None) -> EscoData:
    """Read and check the whole package; raises PackageError naming file and line."""
    package = Package(path)
    present = package.languages()
    if not present:
        raise PackageError("geen ESCO-bestanden gevonden (zoals occupations_en.csv)", str(path))
    if languages:
        if absent := [lang for lang in languages if lang not in present]:
            raise PackageError(
                f"geen bestanden in taal '{absent[0]}' (wel: {', '.join(sorted(present))})", str(path)
            )
    else:
        languages = sorted(present, key=lambda lang: (lang != "nl", lang != "en", lang))
    # Structure (types, codes, statuses) comes from English when present: every ESCO release has it.
    base_order = ["en", *languages, *sorted(present)]
    for spec in (*LABELLED, *STRUCTURE):
        if package.find(spec.stem, base_order) is None:
            raise PackageError(f"bestand {spec.stem}_<taal>.csv ontbreekt", str(path))

    def base_of(spec):
        return package.find(spec.stem, base_order).removeprefix(f"{spec.stem}_").removesuffix(".csv")

    step = progress or (lambda label: None)
    step("beroepen")
    occupations = _read_concepts(
        package,
        OCCUPATIONS,
        languages,
        base_of(OCCUPATIONS),
        lambda row, f, n: {
            "status": _status(row.get("status", "")),
            "isco_code": _isco(row["iscoGroup"], f, n),
            "esco_code": row.get("code", "")[:40],
        },
    )
    step("vaardigheden")
    skills = _read_concepts(
        package,
        SKILLS,
        languages,
        base_of(SKILLS),
        lambda row, f, n: {
            "status": _status(row.get("status", "")),
            "skill_type": _choice(row["skillType"], set(SkillType.values), "skillType", f, n),
            "reuse_level": _choice(row["reuseLevel"], set(ReuseLevel.values), "reuseLevel", f, n),
        },
    )
    step("ISCO-groepen")
    isco_groups = _read_concepts(
        package,
        ISCO_GROUPS,
        languages,
        base_of(ISCO_GROUPS),
        lambda row, f, n: {
            "status": _status(row.get("status", "")),
            "isco_code": _isco(row["code"], f, n, 1),
        },
    )
    step("vaardighedengroepen")
    skill_groups = _read_concepts(
        package,
        SKILL_GROUPS,
        languages,
        base_of(SKILL_GROUPS),
        lambda row, f, n: {"status": _status(row.get("status", "")), "group_code": row.get("code", "")[:40]},
    )

    step("hiërarchieën")
    data = EscoData(
        languages=languages,
        occupations=occupations,
        skills=skills,
        isco_groups=isco_groups,
        skill_groups=skill_groups,
        isco_parent={},
        occupation_isco={},
        occupation_parent={},
        group_parent={},
        skill_groups_of=[],
        skill_broader=[],
        occupation_skills=[],
        skill_skills=[],
        collections={},
    )
    kinds = {
        "Occupation": occupations.fields,
        "ISCOGroup": isco_groups.fields,
        "KnowledgeSkillCompetence": skills.fields,
        "SkillGroup": skill_groups.fields,
    }

    def known(kind: str, uri: str, file: str, line: int) -> str:
        if kind not in kinds:
            raise PackageError(f"onbekend soort begrip '{kind}'", file, line)
        if uri not in kinds[kind]:
            raise PackageError(f"verwijzing naar onbekend begrip {uri}", file, line)
        return uri

    name = package.find(BROADER_OCC.stem, base_order)
    for line, row in package.rows(name, BROADER_OCC):
        child = known(row["conceptType"], row["conceptUri"], name, line)
        parent = known(row["broaderType"], row["broaderUri"], name, line)
        match row["conceptType"], row["broaderType"]:
            case "ISCOGroup", "ISCOGroup":
                data.isco_parent[child] = parent
            case "Occupation", "ISCOGroup":
                data.occupation_isco[child] = parent
            case "Occupation", "Occupation":
                data.occupation_parent[child] = parent
            case _:
                raise PackageError(
                    f"onverwachte relatie {row['conceptType']} → {row['broaderType']}", name, line
                )

    name = package.find(BROADER_SKILL.stem, base_order)
    for line, row in package.rows(name, BROADER_SKILL):
        child = known(row["conceptType"], row["conceptUri"], name, line)
        parent = known(row["broaderType"], row["broaderUri"], name, line)
        match row["conceptType"], row["broaderType"]:
            case "SkillGroup", "SkillGroup":
                data.group_parent.setdefault(child, parent)
            case "KnowledgeSkillCompetence", "SkillGroup":
                data.skill_groups_of.append((child, parent))
            case "KnowledgeSkillCompetence", "KnowledgeSkillCompetence":
                data.skill_broader.append((child, parent))
            case _:
                raise PackageError(
                    f"onverwachte relatie {row['conceptType']} → {row['broaderType']}", name, line
                )

    step("beroep–vaardigheidrelaties")
    relation_types = set(RelationType.values)
    name = package.find(OCCUPATION_SKILLS.stem, base_order)
    seen = set()
    for line, row in package.rows(name, OCCUPATION_SKILLS):
        occupation = known("Occupation", row["occupationUri"], name, line)
        skill = known("KnowledgeSkillCompetence", row["skillUri"], name, line)
        relation = _choice(row["relationType"], relation_types, "relationType", name, line)
        relation = relation or RelationType.OPTIONAL
        if (occupation, skill, relation) in seen:
            raise PackageError(f"dubbele relatie {occupation} – {skill}", name, line)
        seen.add((occupation, skill, relation))
        data.occupation_skills.append((occupation, skill, relation))

    name = package.find(SKILL_SKILLS.stem, base_order)
    seen = set()
    for line, row in package.rows(name, SKILL_SKILLS):
        original = known("KnowledgeSkillCompetence", row["originalSkillUri"], name, line)
        related = known("KnowledgeSkillCompetence", row["relatedSkillUri"], name, line)
        relation = _choice(row["relationType"], relation_types, "relationType", name, line)
        if (original, related) not in seen:
            seen.add((original, related))
            data.skill_skills.append((original, related, relation or RelationType.OPTIONAL))

    step("collecties")
    for code, stem in COLLECTIONS.items():
        name = package.find(stem, base_order)
        if name is None:
            continue  # older releases lack some collections
        spec = FileSpec(stem, frozenset({"conceptUri"}), _COLLECTION_COLUMNS)
        data.collections[code] = list(
            dict.fromkeys(
                known("KnowledgeSkillCompetence", row["conceptUri"], name, line)
                for line, row in package.rows(name, spec)
            )
        )
    return data


def _isco(value: str, file: str, line: int, min_digits: int = 4) -> str:
    value = value.strip()
    if value and not re.fullmatch(rf"\d{{{min_digits},4}}", value):
        raise PackageError(f"'{value}' is geen ISCO-code", file, line)
    return value


def _code(uri: str) -> str:
    """A short, stable code for URLs: the URI's last part (a UUID, an ISCO code, an ISCED-F code)."""
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return f"isced-f-{tail}" if "/isced-f/" in uri else tail


def _display_name(concepts: Concepts, uri: str, languages: list[str]) -> tuple[str, str]:
    for lang in languages:
        if labels := concepts.translations.get(lang, {}).get(uri):
            return labels["preferred_label"], lang
    return uri, "en"


def _write_concepts(model, concepts: Concepts, languages: list[str], name_order: list[str]) -> dict[str, int]:
    """Upsert concepts on their URI, replace ESCO's translations, mark vanished ones obsolete."""
    structure_fields = sorted({key for fields in concepts.fields.values() for key in fields})
    objects = []
    for uri, fields in concepts.fields.items():
        name, lang = _display_name(concepts, uri, name_order)
        objects.append(
            model(
                uri=uri,
                code=_code(uri),
                source=Source.ESCO,
                in_esco=True,
                name=name,
                name_language=lang,
                **fields,
            )
        )
    model.objects.bulk_create(
        objects,
        batch_size=store.BATCH,
        update_conflicts=True,
        unique_fields=["uri"],
        update_fields=["in_esco", "name", "name_language", *structure_fields],
    )
    ids = store.id_by_uri(model)
    vanished = [
        ids[uri]
        for uri in model.objects.filter(in_esco=True).values_list("uri", flat=True)
        if uri not in concepts.fields
    ]
    for batch in store.in_batches(model.objects.all(), "id", vanished):
        batch.update(status=Status.OBSOLETE)

    rows = [
        {"concept_id": ids[uri], "language": lang, **labels}
        for lang, by_uri in concepts.translations.items()
        for uri, labels in by_uri.items()
    ]
    store.replace_translations(model, Source.ESCO, languages, rows)
    # Concepts the starter set (or an editor) also labels keep their curated name.
    curated = (
        store.translation_model(model)
        .objects.exclude(source=Source.ESCO)
        .values_list("concept_id", flat=True)
    )
    store.refresh_names(model, set(curated))
    return ids


@dataclass
class ImportReport:
    languages: list[str]
    counts: dict[str, int]


def write_package(data: EscoData, progress=None) -> ImportReport:
    step = progress or (lambda label: None)
    name_order = [*data.languages, "en"]
    with transaction.atomic():
        step("ISCO-groepen opslaan")
        isco_ids = _write_concepts(IscoGroup, data.isco_groups, data.languages, name_order)
        _set_parents(IscoGroup, "parent", isco_ids, isco_ids, data.isco_parent)
        step("vaardighedengroepen opslaan")
        group_ids = _write_concepts(SkillGroup, data.skill_groups, data.languages, name_order)
        _set_parents(SkillGroup, "parent", group_ids, group_ids, data.group_parent)
        step("vaardigheden opslaan")
        skill_ids = _write_concepts(Skill, data.skills, data.languages, name_order)
        step("beroepen opslaan")
        occupation_ids = _write_concepts(Occupation, data.occupations, data.languages, name_order)
        _set_parents(Occupation, "isco_group", occupation_ids, isco_ids, data.occupation_isco)
        _set_parents(Occupation, "broader", occupation_ids, occupation_ids, data.occupation_parent)

        step("relaties opslaan")
        store.replace_rows(
            OccupationSkill,
            [
                OccupationSkill(
                    occupation_id=occupation_ids[o],
                    skill_id=skill_ids[s],
                    relation_type=r,
                    source=Source.ESCO,
                )
                for o, s, r in data.occupation_skills
            ],
            source=Source.ESCO,
        )
        store.replace_rows(
            SkillRelation,
            [
                SkillRelation(
                    skill_id=skill_ids[a], related_id=skill_ids[b], relation_type=r, source=Source.ESCO
                )
                for a, b, r in data.skill_skills
            ],
            source=Source.ESCO,
        )
        store.replace_rows(
            Skill.groups.through,
            [
                Skill.groups.through(skill_id=skill_ids[s], skillgroup_id=group_ids[g])
                for s, g in dict.fromkeys(data.skill_groups_of)
            ],
        )
        store.replace_rows(
            Skill.broader.through,
            [
                Skill.broader.through(from_skill_id=skill_ids[s], to_skill_id=skill_ids[b])
                for s, b in dict.fromkeys(data.skill_broader)
            ],
        )
        collections = ensure_collections()
        store.replace_rows(
            SkillCollection,
            [
                SkillCollection(skill_id=skill_ids[uri], collection=collections[code], source=Source.ESCO)
                for code, uris in data.collections.items()
                for uri in uris
            ],
            source=Source.ESCO,
        )
        counts = {
            "occupations": len(data.occupations.fields),
            "skills": len(data.skills.fields),
            "isco_groups": len(data.isco_groups.fields),
            "skill_groups": len(data.skill_groups.fields),
            "occupation_skill_relations": len(data.occupation_skills),
            "skill_skill_relations": len(data.skill_skills),
        }
        TaxonomyChange.objects.create(kind="esco-import", summary={"languages": data.languages, **counts})
    return ImportReport(languages=data.languages, counts=counts)


def ensure_collections() -> dict[str, Collection]:
    for code, (name_nl, name_en) in COLLECTION_NAMES.items():
        Collection.objects.get_or_create(code=code, defaults={"name_nl": name_nl, "name_en": name_en})
    return {c.code: c for c in Collection.objects.all()}


def _set_parents(
    model, field_name: str, ids: dict[str, int], parent_ids: dict[str, int], links: dict[str, str]
):
    """Point each child at its parent (or at nothing when the package no longer links it)."""
    wanted = {ids[child]: parent_ids[parent] for child, parent in links.items()}
    attname = f"{field_name}_id"
    changed = []
    for obj in model.objects.filter(in_esco=True).only("id", attname):
        target = wanted.get(obj.id)
        if getattr(obj, attname) != target:
            setattr(obj, attname, target)
            changed.append(obj)
    model.objects.bulk_update(changed, [field_name], batch_size=500)


def import_package(path: Path, languages: list[str] | None = None, progress=None) -> ImportReport:
    """Read, check and write an ESCO package. Raises PackageError and leaves the database untouched."""
    data = read_package(path, languages, progress)
    return write_package(data, progress)
