"""A small ESCO package in the official CSV layout, written by tests, so the importer can be checked
on every detail (and corrupted in every way) without the full release."""

import csv
from pathlib import Path

ESCO = "http://data.europa.eu/esco"
OCC_COLUMNS = [
    "conceptType",
    "conceptUri",
    "iscoGroup",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "regulatedProfessionNote",
    "scopeNote",
    "definition",
    "inScheme",
    "description",
    "code",
]
SKILL_COLUMNS = [
    "conceptType",
    "conceptUri",
    "skillType",
    "reuseLevel",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "scopeNote",
    "definition",
    "inScheme",
    "description",
]
ISCO_COLUMNS = [
    "conceptType",
    "conceptUri",
    "code",
    "preferredLabel",
    "status",
    "altLabels",
    "inScheme",
    "description",
]
GROUP_COLUMNS = [
    "conceptType",
    "conceptUri",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "scopeNote",
    "inScheme",
    "description",
    "code",
]
BROADER_COLUMNS = ["conceptType", "conceptUri", "broaderType", "broaderUri"]
OCC_SKILL_COLUMNS = [
    "occupationUri",
    "occupationLabel",
    "relationType",
    "skillType",
    "skillUri",
    "skillLabel",
]
SKILL_SKILL_COLUMNS = [
    "originalSkillUri",
    "originalSkillType",
    "relationType",
    "relatedSkillType",
    "relatedSkillUri",
]
COLLECTION_COLUMNS = [
    "conceptType",
    "conceptUri",
    "skillType",
    "reuseLevel",
    "preferredLabel",
    "status",
    "altLabels",
    "description",
    "broaderConceptUri",
    "broaderConceptPT",
]


def occ(n):
    return f"{ESCO}/occupation/00000000-0000-4000-8000-{n:012d}"


def skill(n):
    return f"{ESCO}/skill/00000000-0000-4000-9000-{n:012d}"


def isco(code):
    return f"{ESCO}/isco/C{code}"


GROUP = f"{ESCO}/skill/00000000-0000-4000-a000-000000000001"
SUBGROUP = f"{ESCO}/skill/00000000-0000-4000-a000-000000000002"


def write(path: Path, columns, rows, encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns])


def build(folder: Path, occupations=None, skills=None, with_dutch=True) -> Path:
    """Three occupations and five skills; ``occupations``/``skills`` override the defaults."""
    folder.mkdir(parents=True, exist_ok=True)
    occupations = occupations or {
        1: (
            "civil registration clerk",
            "functionaris burgerzaken",
            "4222",
            "registry clerk\ncivil affairs officer",
        ),
        2: ("care assistant", "helpende zorg", "5322", "carer"),
        3: ("data analyst", "data-analist", "2511", ""),
    }
    skills = skills or {
        1: ("use personal records database", "skill/competence", "sector-specific"),
        2: ("communicate with customers", "skill/competence", "transversal"),
        3: ("privacy legislation", "knowledge", "cross-sector"),
        4: ("analyse data", "skill/competence", "cross-sector"),
        5: ("assist with personal care", "skill/competence", "occupation-specific"),
    }
    write(
        folder / "occupations_en.csv",
        OCC_COLUMNS,
        [
            {
                "conceptType": "Occupation",
                "conceptUri": occ(n),
                "iscoGroup": code,
                "preferredLabel": en,
                "altLabels": alt,
                "status": "released",
                "description": f"Description of {en}.",
                "code": f"{code}.{n}",
            }
            for n, (en, _nl, code, alt) in occupations.items()
        ],
    )
    if with_dutch:
        write(
            folder / "occupations_nl.csv",
            OCC_COLUMNS,
            [
                {
                    "conceptType": "Occupation",
                    "conceptUri": occ(n),
                    "iscoGroup": code,
                    "preferredLabel": nl,
                    "status": "released",
                    "description": f"Beschrijving van {nl}.",
                }
                for n, (_en, nl, code, _alt) in occupations.items()
            ],
        )
    write(
        folder / "skills_en.csv",
        SKILL_COLUMNS,
        [
            {
                "conceptType": "KnowledgeSkillCompetence",
                "conceptUri": skill(n),
                "skillType": kind,
                "reuseLevel": reuse,
                "preferredLabel": label,
                "status": "released",
            }
            for n, (label, kind, reuse) in skills.items()
        ],
    )
    units = sorted({code for _en, _nl, code, _alt in occupations.values()})
    isco_rows = [
        {
            "conceptType": "ISCOGroup",
            "conceptUri": isco(c),
            "code": c,
            "preferredLabel": f"ISCO {c}",
            "status": "released",
        }
        for c in sorted({u[0] for u in units} | set(units))
    ]
    for lang in ["en", "nl"] if with_dutch else ["en"]:
        write(folder / f"ISCOGroups_{lang}.csv", ISCO_COLUMNS, isco_rows)
        write(
            folder / f"skillGroups_{lang}.csv",
            GROUP_COLUMNS,
            [
                {
                    "conceptType": "SkillGroup",
                    "conceptUri": GROUP,
                    "preferredLabel": "communicatie" if lang == "nl" else "communication",
                    "status": "released",
                    "code": "S1",
                },
                {
                    "conceptType": "SkillGroup",
                    "conceptUri": SUBGROUP,
                    "preferredLabel": "klantcontact" if lang == "nl" else "customer contact",
                    "status": "released",
                    "code": "S1.1",
                },
            ],
        )
    write(
        folder / "broaderRelationsOccPillar_en.csv",
        BROADER_COLUMNS,
        [
            {
                "conceptType": "ISCOGroup",
                "conceptUri": isco(u),
                "broaderType": "ISCOGroup",
                "broaderUri": isco(u[0]),
            }
            for u in units
        ]
        + [
            {
                "conceptType": "Occupation",
                "conceptUri": occ(n),
                "broaderType": "ISCOGroup",
                "broaderUri": isco(o[2]),
            }
            for n, o in occupations.items()
        ],
    )
    write(
        folder / "broaderRelationsSkillPillar_en.csv",
        BROADER_COLUMNS,
        [
            {
                "conceptType": "SkillGroup",
                "conceptUri": SUBGROUP,
                "broaderType": "SkillGroup",
                "broaderUri": GROUP,
            },
            *(
                {
                    "conceptType": "KnowledgeSkillCompetence",
                    "conceptUri": skill(n),
                    "broaderType": "SkillGroup",
                    "broaderUri": SUBGROUP,
                }
                for n in skills
            ),
        ],
    )
    pairs = [
        (1, 1, "essential"),
        (1, 2, "essential"),
        (1, 3, "optional"),
        (2, 2, "essential"),
        (2, 5, "essential"),
        (3, 4, "essential"),
        (3, 3, "essential"),
        (3, 2, "optional"),
    ]
    write(
        folder / "occupationSkillRelations_en.csv",
        OCC_SKILL_COLUMNS,
        [
            {"occupationUri": occ(o), "relationType": r, "skillUri": skill(s)}
            for o, s, r in pairs
            if o in occupations and s in skills
        ],
    )
    write(
        folder / "skillSkillRelations_en.csv",
        SKILL_SKILL_COLUMNS,
        [{"originalSkillUri": skill(1), "relationType": "optional", "relatedSkillUri": skill(3)}]
        if 1 in skills and 3 in skills
        else [],
    )
    write(
        folder / "transversalSkillsCollection_en.csv",
        COLLECTION_COLUMNS,
        [{"conceptType": "KnowledgeSkillCompetence", "conceptUri": skill(2), "preferredLabel": "x"}]
        if 2 in skills
        else [],
    )
    write(
        folder / "digitalSkillsCollection_en.csv",
        COLLECTION_COLUMNS,
        [
            {"conceptType": "KnowledgeSkillCompetence", "conceptUri": skill(n), "preferredLabel": "x"}
            for n in (1, 4)
            if n in skills
        ],
    )
    return folder
