"""Label search: accents, case, prefixes, typos, synonyms in Dutch and English, best match first."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.taxonomy import esco_package as pkg
from wendbaar.taxonomy import esco
from wendbaar.taxonomy.models import Occupation, OccupationTranslation, Source, TaxonomyChange
from wendbaar.taxonomy.search import normalise, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def taxonomy(tmp_path):
    esco.import_package(pkg.build(tmp_path / "esco"))
    clerk = Occupation.objects.get(uri=pkg.occ(1))
    OccupationTranslation.objects.create(
        concept=clerk,
        language="nl",
        source=Source.STARTER,
        preferred_label="baliemedewerker burgerzaken",
        alt_labels=["medewerker publiekszaken", "baliemedewerker Burgerzaken én reisdocumenten"],
    )
    TaxonomyChange.objects.create(kind="edit")
    return clerk


def labels(query, **kwargs):
    return [hit.label for hit in search(query, **kwargs)]


def test_normalise_removes_case_accents_and_punctuation():
    assert normalise("Café-Eigenaar, ÉÉN") == "cafe eigenaar  een"


@pytest.mark.parametrize(
    "query",
    [
        "functionaris burgerzaken",  # ESCO's Dutch label
        "FUNCTIONARIS BURGERZAKEN",  # case
        "baliemedewerker",  # the curated starter label
        "publiekszaken",  # a Dutch synonym
        "civil registration clerk",  # English
        "registry clerk",  # an English synonym
        "burgerz",  # a prefix, as someone types
        "funtionaris burgerzaken",  # a typo
        "burgerzaken en reisdocumenten",  # accent-insensitive: 'én'
    ],
)
def test_finds_the_occupation_in_many_ways(taxonomy, query):
    assert search(query)[0].concept_id == taxonomy.id


def test_curated_label_is_shown_and_the_matched_label_is_named(taxonomy):
    hit = search("functionaris burgerzaken")[0]
    assert hit.label == "baliemedewerker burgerzaken"
    assert hit.matched_label == "functionaris burgerzaken"


def test_exact_matches_rank_before_fuzzy_ones(taxonomy):
    hits = search("data")
    assert hits[0].label in ("data-analist",)
    assert labels("analyse data", kind="skill")[0] == "analyse data"


def test_type_and_limit(taxonomy):
    assert {hit.kind for hit in search("a", kind="skill", limit=50)} <= {"skill"}
    assert len(search("c", limit=2)) <= 2
    with pytest.raises(ValueError):
        search("x", kind="person")


def test_english_fallback_label_is_marked(taxonomy):
    hit = search("privacy legislation", language="nl")[0]
    assert (hit.label, hit.language) == ("privacy legislation", "en")


def test_index_follows_taxonomy_changes(taxonomy):
    assert search("archivaris") == []
    OccupationTranslation.objects.create(
        concept=taxonomy, language="nl", source=Source.LOCAL, preferred_label="archivaris"
    )
    TaxonomyChange.objects.create(kind="edit")
    assert search("archivaris")[0].concept_id == taxonomy.id


def test_empty_and_nonsense_queries_return_nothing(taxonomy):
    assert search("") == []
    assert search("   --- ") == []
    assert search("xyzzyqwerty") == []


def test_cli_search_prints_json(taxonomy, capsys):
    call_command(
        "taxonomy", "search", "burgerzakn", "--type", "occupation", "--limit", "3", "--format", "json"
    )
    results = json.loads(capsys.readouterr().out)
    assert results[0]["label"] == "baliemedewerker burgerzaken"
    assert results[0]["type"] == "occupation"


def test_http_endpoint_for_autocomplete(client, taxonomy):
    response = client.get(reverse("taxonomy:search"), {"q": "functionaris burgerz", "type": "occupation"})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["label"] == "baliemedewerker burgerzaken"
    assert first["url"] == taxonomy.get_absolute_url()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "x", "type": "person"}, "Onbekend type"),
        ({"q": "x", "limit": "veel"}, "limit"),
        ({"q": "x", "limit": "0"}, "limit"),
        ({"q": "x" * 201}, "te lang"),
    ],
)
def test_http_endpoint_refuses_bad_input(client, taxonomy, params, message):
    response = client.get(reverse("taxonomy:search"), params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_stats_command(taxonomy, capsys):
    call_command("taxonomy", "stats", "--format", "json")
    assert json.loads(capsys.readouterr().out) == {"occupations": 3, "skills": 5, "relations": 8}
