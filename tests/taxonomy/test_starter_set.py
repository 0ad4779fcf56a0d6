"""The Dutch starter set: big enough, consistent, Dutch, and loadable more than once."""

import pytest

from wendbaar.taxonomy.models import Occupation, OccupationSkill, Skill, Source
from wendbaar.taxonomy.services import taxonomy_stats
from wendbaar.taxonomy.starter import StarterSetError, esco_mismatches, read_starter_set
from wendbaar.taxonomy.starter_import import load_starter_set

STARTER = read_starter_set()


def test_starter_set_has_the_promised_size():
    municipal = [o for o in STARTER.occupations.values() if o.municipal]
    elsewhere = [o for o in STARTER.occupations.values() if not o.municipal]
    assert len(STARTER.occupations) >= 120
    assert len(municipal) >= 30
    assert len(elsewhere) >= 90
    assert len(STARTER.skills) >= 600
    assert {o.sector for o in elsewhere} >= {
        "zorg",
        "onderwijs",
        "kinderopvang",
        "ict",
        "logistiek",
        "financien",
        "veiligheid",
        "werk-en-inkomen",
    }


def test_publieksdiensten_come_first():
    labels = {o.label_nl.lower() for o in STARTER.occupations.values() if o.municipal}
    for expected in ("burgerzaken", "kcc", "vergunning", "belasting", "boa", "wmo", "schuldhulp"):
        assert any(expected in label for label in labels), expected


def test_every_item_speaks_dutch():
    assert all(s.label_nl and s.synonyms_nl is not None for s in STARTER.skills.values())
    assert all(len(o.description_nl) > 40 for o in STARTER.occupations.values())
    with_synonyms = sum(bool(s.synonyms_nl) for s in STARTER.skills.values())
    assert with_synonyms >= len(STARTER.skills) // 2


def test_occupations_and_skills_are_linked():
    assert all(len(o.essential) >= 4 for o in STARTER.occupations.values())
    used = {key for o in STARTER.occupations.values() for key in o.essential + o.optional}
    # Language skills and the like are there for profiles; most skills describe occupations too.
    assert len(used) >= 600


def test_esco_uris_exist_in_esco(esco_dir):
    assert esco_mismatches(STARTER, esco_dir) == []


@pytest.mark.django_db
def test_loading_twice_gives_the_same_taxonomy():
    load_starter_set(STARTER)
    first = taxonomy_stats()
    load_starter_set(STARTER)
    assert taxonomy_stats() == first
    assert first["occupations"] == len(STARTER.occupations)
    assert first["skills"] == len(STARTER.skills)
    clerk = Occupation.objects.get(code="baliemedewerker-burgerzaken")
    assert clerk.is_municipal and clerk.label("nl").text == "baliemedewerker burgerzaken"
    assert OccupationSkill.objects.filter(occupation=clerk, relation_type="essential").count() >= 4
    assert Skill.objects.filter(source=Source.STARTER, translations__language="nl").distinct().count() == len(
        STARTER.skills
    )


SKILL = '[[skill]]\nkey = "{key}"\ntype = "skill/competence"\nnl = "iets"\n'
OCCUPATION = (
    '[[occupation]]\nkey = "baan"\nisco = "4222"\nsector = "gemeente"\nnl = "baan"\n'
    'description_nl = "Een baan."\nessential = [{skills}]\n'
)


def write_set(tmp_path, skills: str, occupations: str = ""):
    (tmp_path / "skills").mkdir()
    (tmp_path / "occupations").mkdir()
    (tmp_path / "skills" / "a.toml").write_text(skills, encoding="utf-8")
    (tmp_path / "occupations" / "a.toml").write_text(occupations, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "skills, occupations, message",
    [
        (SKILL.format(key="Hoofd Letters"), "", "must be lower-case words"),
        (SKILL.format(key="a") + 'kleur = "rood"\n', "", "unknown field(s) kleur"),
        (SKILL.format(key="a") + SKILL.format(key="a"), "", "key 'a' is also defined in a.toml"),
        (SKILL.format(key="a") + 'uri = "http://example.org/x"\n', "", "is not an ESCO skill URI"),
        ("[[skill]\n", "", "a.toml:"),
        (
            "".join(SKILL.format(key=k) for k in "abcd"),
            OCCUPATION.format(skills='"a", "b", "c", "x"'),
            "unknown skill key(s) x",
        ),
        (SKILL.format(key="a"), OCCUPATION.format(skills='"a"'), "at least 4 essential skills"),
    ],
)
def test_inconsistent_files_are_refused_with_file_and_item(tmp_path, skills, occupations, message):
    with pytest.raises(StarterSetError) as error:
        read_starter_set(write_set(tmp_path, skills, occupations))
    assert message in str(error.value)
