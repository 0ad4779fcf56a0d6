"""Demo courses: enough of them, linked to starter skills, idempotent, and useful for a learning route."""

import io

import pytest

from wendbaar.learning import demo
from wendbaar.learning.models import Course, Format
from wendbaar.learning.services import learning_route
from wendbaar.taxonomy.models import Occupation, OccupationSkill, RelationType, Skill
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db
ORIGIN = "baliemedewerker-burgerzaken"
# Destinations outside the municipality, in different sectors.
DESTINATIONS = [
    "servicedeskmedewerker",
    "receptionist-ziekenhuis",
    "medewerker-debiteurenbeheer",
    "pedagogisch-medewerker-kinderopvang",
    "magazijnmedewerker",
    "beveiliger",
]


@pytest.fixture
def loaded():
    load_starter_set()
    demo.load(io.StringIO())


def _snapshot():
    return {
        course.slug: (
            course.title,
            course.hours,
            course.price_euros,
            frozenset(s.code for s in course.skills.all()),
        )
        for course in Course.objects.prefetch_related("skills")
    }


def _missing_essentials(origin: str, destination: str) -> list[int]:
    held = set(OccupationSkill.objects.filter(occupation__code=origin).values_list("skill_id", flat=True))
    needed = OccupationSkill.objects.filter(
        occupation__code=destination, relation_type=RelationType.ESSENTIAL
    ).values_list("skill_id", flat=True)
    return sorted(set(needed) - held)


def test_demo_has_enough_active_courses_each_with_skills(loaded):
    courses = Course.objects.filter(active=True).prefetch_related("skills")
    assert courses.count() >= 35
    for course in courses:
        assert 2 <= course.skills.count() <= 6, course.slug
        assert course.format in Format.values
        assert 2 <= course.hours <= 200
        assert 0 <= course.price_euros <= 1500
        assert course.description and course.provider
        assert course.url == "" or course.url.startswith("https://example.nl/")


def test_loading_twice_changes_nothing(loaded):
    before = _snapshot()
    demo.load(io.StringIO())
    assert _snapshot() == before
    assert Course.objects.count() == len(demo.COURSES)


def test_unknown_skill_key_fails_loudly(monkeypatch):
    load_starter_set()
    broken = demo.DemoCourse(
        slug="kapot",
        title="Kapot",
        provider="Nergens",
        format=Format.ONLINE,
        hours=2,
        price=0,
        skills=("samenwerken", "bestaat-niet"),
        description="Kan niet.",
    )
    monkeypatch.setattr(demo, "COURSES", [*demo.COURSES, broken])
    with pytest.raises(ValueError, match="bestaat-niet"):
        demo.load(io.StringIO())
    assert not Course.objects.exists()


def test_starter_skill_merged_into_esco_is_found_by_its_uri():
    """After an ESCO import a starter skill with a URI keeps ESCO's code (the UUID), not its key."""
    load_starter_set()
    skill = Skill.objects.get(code="klantgericht-werken")
    assert skill.uri
    Skill.objects.filter(id=skill.id).update(code=skill.uri.rsplit("/", 1)[-1])
    demo.load(io.StringIO())
    assert (
        Course.objects.get(slug="klantgericht-werken-balie-en-telefoon").skills.filter(id=skill.id).exists()
    )


@pytest.mark.parametrize("destination", DESTINATIONS)
def test_learning_route_for_a_move_to_another_sector(loaded, destination):
    occupation = Occupation.objects.get(code=destination)
    assert not occupation.is_municipal
    missing = _missing_essentials(ORIGIN, destination)
    assert missing
    route = learning_route(missing)
    assert route.steps
    taught = {skill_id for step in route.steps for skill_id in step.teaches}
    assert taught <= set(missing)
    assert set(route.uncovered) == set(missing) - taught
