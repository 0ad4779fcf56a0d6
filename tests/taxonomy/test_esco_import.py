"""The ESCO importer on a small package in the official layout: what lands, re-imports, and bad input."""

import shutil
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.taxonomy import esco_package as pkg
from wendbaar.taxonomy import esco, store
from wendbaar.taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    OccupationTranslation,
    Skill,
    SkillCollection,
    SkillGroup,
    SkillRelation,
    SkillTranslation,
    Status,
)
from wendbaar.taxonomy.services import taxonomy_stats

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the importer can touch, as comparable data. Concepts keep their ids (profiles point at
    them); rows that are replaced wholesale are compared on content."""
    concepts = {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Occupation, Skill, IscoGroup, SkillGroup)
    }
    rows = {
        model.__name__: sorted(
            repr(sorted((k, v) for k, v in row.items() if k != "id")) for row in model.objects.values()
        )
        for model in (
            OccupationTranslation,
            SkillTranslation,
            OccupationSkill,
            SkillRelation,
            SkillCollection,
            Skill.groups.through,
        )
    }
    return concepts | rows


@pytest.fixture
def package(tmp_path):
    return pkg.build(tmp_path / "esco")


def test_import_builds_the_taxonomy_with_labels_per_language(package):
    report = esco.import_package(package, ["nl", "en"])

    assert report.counts["occupations"] == 3
    assert taxonomy_stats() == {"occupations": 3, "skills": 5, "relations": 8}
    clerk = Occupation.objects.get(uri=pkg.occ(1))
    assert clerk.label("nl").text == "functionaris burgerzaken"
    assert clerk.label("en").text == "civil registration clerk"
    assert clerk.name == "functionaris burgerzaken"
    assert clerk.isco_group.isco_code == "4222"
    assert clerk.isco_group.parent.isco_code == "4"
    assert {
        s.label("en").text
        for s in Skill.objects.filter(
            occupation_relations__occupation=clerk, occupation_relations__relation_type="essential"
        )
    } == {"use personal records database", "communicate with customers"}
    # No Dutch skill labels in this package: the English label is the fallback, marked as English.
    label = Skill.objects.get(uri=pkg.skill(2)).label("nl")
    assert (label.text, label.language) == ("communicate with customers", "en")
    assert Skill.objects.get(uri=pkg.skill(3)).skill_type == "knowledge"
    assert list(Skill.objects.get(uri=pkg.skill(2)).collections.values_list("code", flat=True)) == [
        "transversal"
    ]
    assert Skill.objects.get(uri=pkg.skill(1)).groups.get().parent.uri == pkg.GROUP
    assert SkillRelation.objects.count() == 1
    alt = OccupationTranslation.objects.get(concept=clerk, language="en").alt_labels
    assert alt == ["registry clerk", "civil affairs officer"]


def test_reimport_is_idempotent(package):
    esco.import_package(package)
    before = snapshot()
    esco.import_package(package)
    assert snapshot() == before


def test_reimport_updates_and_marks_missing_concepts_obsolete(tmp_path, package):
    esco.import_package(package)
    data_analyst = Occupation.objects.get(uri=pkg.occ(3))
    newer = pkg.build(
        tmp_path / "newer",
        occupations={
            1: ("civil status officer", "ambtenaar burgerzaken", "4222", ""),
            2: ("care assistant", "helpende zorg", "5322", "carer"),
        },
        skills={
            n: v
            for n, v in {
                1: ("use personal records database", "skill/competence", "sector-specific"),
                2: ("communicate with customers", "skill/competence", "transversal"),
                3: ("privacy legislation", "knowledge", "cross-sector"),
                5: ("assist with personal care", "skill/competence", "occupation-specific"),
            }.items()
        },
    )
    esco.import_package(newer)

    data_analyst.refresh_from_db()
    assert data_analyst.status == Status.OBSOLETE  # kept, so profiles pointing at it still work
    assert Occupation.objects.get(uri=pkg.occ(1)).label("nl").text == "ambtenaar burgerzaken"
    assert Skill.objects.get(uri=pkg.skill(4)).status == Status.OBSOLETE
    assert Occupation.objects.count() == 3
    assert taxonomy_stats()["occupations"] == 2
    # Relations of obsolete concepts do not count as current.
    assert taxonomy_stats()["relations"] == 5


def test_zip_package_and_language_choice(tmp_path, package):
    archive = tmp_path / "ESCO dataset - v1.2.0 - classification - nl - csv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in package.iterdir():
            zf.write(file, f"esco-v1.2.0/{file.name}")
    report = esco.import_package(archive, ["en"])
    assert report.languages == ["en"]
    assert not OccupationTranslation.objects.filter(language="nl").exists()
    assert Occupation.objects.get(uri=pkg.occ(2)).label("nl").text == "care assistant"


def test_unknown_language_is_refused(package):
    with pytest.raises(esco.PackageError, match="geen bestanden in taal 'de'"):
        esco.import_package(package, ["de"])


def corrupt_missing_file(folder):
    (folder / "skills_en.csv").unlink()
    return "skills_<taal>.csv ontbreekt"


def corrupt_unknown_column(folder):
    path = folder / "occupations_nl.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("hiddenLabels", "verborgenLabels", 1), encoding="utf-8"
    )
    return "occupations_nl.csv, regel 1: onbekende kolom 'verborgenLabels'"


def corrupt_broken_reference(folder):
    with (folder / "occupationSkillRelations_en.csv").open("a", encoding="utf-8") as fh:
        fh.write(f"{pkg.occ(1)},x,essential,knowledge,{pkg.skill(99)},ghost\n")
    return f"occupationSkillRelations_en.csv, regel 7: verwijzing naar onbekend begrip {pkg.skill(99)}"


def corrupt_wrong_encoding(folder):
    path = folder / "occupations_nl.csv"
    text = path.read_text(encoding="utf-8").replace("helpende zorg", "helpende zorg en welzijn (café)")
    path.write_bytes(text.encode("latin-1"))
    return "occupations_nl.csv, regel 3: is geen geldige UTF-8-tekst"


def corrupt_truncated_file(folder):
    path = folder / "occupations_en.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("registry clerk") + 5], encoding="utf-8")  # ends inside a quoted cell
    return "occupations_en.csv, regel 2: onleesbare regel, het bestand is mogelijk afgebroken"


def corrupt_short_row(folder):
    path = folder / "skills_en.csv"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text[: text.rindex(",released")], encoding="utf-8")
    return "skills_en.csv, regel 6: 7 velden in plaats van 13"


def corrupt_bad_value(folder):
    path = folder / "occupationSkillRelations_en.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("optional", "sometimes", 1), encoding="utf-8")
    return "onbekende waarde 'sometimes' in kolom relationType"


@pytest.mark.parametrize(
    "corrupt",
    [
        corrupt_missing_file,
        corrupt_unknown_column,
        corrupt_broken_reference,
        corrupt_wrong_encoding,
        corrupt_truncated_file,
        corrupt_short_row,
        corrupt_bad_value,
    ],
)
def test_corrupt_package_changes_nothing(tmp_path, package, corrupt):
    esco.import_package(package)
    before = snapshot()
    # A newer release with changed labels, corrupted in one place: none of it may land.
    broken = pkg.build(
        tmp_path / "broken",
        occupations={
            1: (
                "civil registration clerk",
                "functionaris burgerzaken",
                "4222",
                "registry clerk\ncivil affairs officer",
            ),
            2: ("care assistant", "helpende zorg", "5322", "carer"),
            4: ("archivist", "archivaris", "2621", ""),
        },
    )
    expected = corrupt(broken)

    with pytest.raises(CommandError) as error:
        call_command("esco", "import", str(broken))

    assert expected in str(error.value)
    assert "er is niets gewijzigd" in str(error.value)
    assert snapshot() == before


def test_failure_while_writing_rolls_everything_back(monkeypatch, tmp_path, package):
    esco.import_package(package)
    before = snapshot()
    newer = pkg.build(
        tmp_path / "newer",
        occupations={
            1: ("civil status officer", "ambtenaar burgerzaken", "4222", ""),
            2: ("care assistant", "helpende zorg", "5322", ""),
        },
    )

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "replace_rows", fail)  # after concepts and labels were written
    with pytest.raises(RuntimeError):
        esco.import_package(newer)
    assert snapshot() == before


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("esco", "import", str(tmp_path / "nowhere"))


def test_folder_copy_in_a_subfolder_is_found(tmp_path, package):
    nested = tmp_path / "download" / "csv"
    shutil.copytree(package, nested)
    assert esco.import_package(tmp_path / "download").counts["skills"] == 5
