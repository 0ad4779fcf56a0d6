"""The real ESCO v1.2.0 release from ../shared: exact counts, idempotence, Dutch search, merging with the
starter set. Skipped with a message when the files are absent."""

import pytest
from django.urls import reverse

from wendbaar.taxonomy import esco
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.search import search
from wendbaar.taxonomy.services import taxonomy_stats
from wendbaar.taxonomy.starter import read_starter_set
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = [pytest.mark.django_db, pytest.mark.esco]
ESCO_COUNTS = {"occupations": 3039, "skills": 13939, "relations": 129004}


def test_importing_twice_gives_exactly_the_release(esco_dir, client):
    esco.import_package(esco_dir, ["nl", "en"])
    esco.import_package(esco_dir, ["nl", "en"])
    assert taxonomy_stats() == ESCO_COUNTS

    hit = search("functionaris burgerzaken", kind="occupation")[0]
    assert (hit.label, hit.language) == ("functionaris burgerzaken", "nl")

    # No Dutch skill labels in this release: the page shows English, marked for screen readers.
    skill = Skill.objects.get(uri="http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f")
    page = client.get(skill.get_absolute_url()).content.decode()
    assert '<span lang="en">show initiative</span>' in page
    occupation = Occupation.objects.get(
        uri="http://data.europa.eu/esco/occupation/aaf732b5-ee19-4c82-a08f-700fb98f5ca7"
    )
    assert occupation.isco_group.isco_code == occupation.isco_code
    assert client.get(reverse("taxonomy:occupations"), {"q": "burgerzaken"}).status_code == 200


def test_esco_merges_with_the_starter_set(esco_dir):
    starter = read_starter_set()
    load_starter_set(starter)
    esco.import_package(esco_dir, ["nl", "en"])
    load_starter_set(starter)

    local_occupations = sum(not o.uri for o in starter.occupations.values())
    local_skills = sum(not s.uri for s in starter.skills.values())
    stats = taxonomy_stats()
    assert stats["occupations"] == ESCO_COUNTS["occupations"] + local_occupations
    assert stats["skills"] == ESCO_COUNTS["skills"] + local_skills
    linked = next(o for o in starter.occupations.values() if o.uri)
    merged = Occupation.objects.get(uri=linked.uri)
    assert merged.code == linked.key  # one concept, curated name and ESCO's labels side by side
    assert merged.label("nl").text == linked.label_nl
    assert {t.source for t in merged.translations.all()} == {"starter", "esco"}
