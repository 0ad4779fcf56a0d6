"""Verkennen pages: ranked transitions from a person's profile, detail with what-if and learning route,
favourites and comparison."""

import pytest
from django.urls import reverse

from wendbaar.accounts.models import User
from wendbaar.learning.models import Course
from wendbaar.profiles.models import Profile
from wendbaar.taxonomy.models import Skill
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client):
    load_starter_set()
    user = User.objects.create_user("petra@example.nl", "een-lang-wachtwoord", name="Petra de Vries")
    client.force_login(user)
    client.post(reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken", "years": "20"})
    return user


def test_verkennen_needs_a_profile_first(client):
    load_starter_set()
    user = User.objects.create_user("nieuw@example.nl", "een-lang-wachtwoord", name="Nieuw")
    client.force_login(user)
    response = client.get(reverse("explore:verkennen"))
    assert response.status_code == 302 and response.url == reverse("profiles:werk")


def test_verkennen_ranks_transitions_with_reasons_and_filters(client, clerk):
    page = client.get(reverse("explore:verkennen")).content.decode()
    assert "baliemedewerker burgerzaken" in page  # your own job fits you best
    assert "essentiële vaardigheden" in page and "%" in page
    other = client.get(reverse("explore:verkennen"), {"soort": "andere-sectoren"})
    assert all(not r["municipal"] for r in other.context["results"])
    assert other.context["results"]
    high = client.get(reverse("explore:verkennen"), {"minimaal": "99"})
    assert all(r["match"] >= 99 for r in high.context["results"])
    bad = client.get(reverse("explore:verkennen"), {"minimaal": "veel"})
    assert bad.status_code == 200 and "kloppen niet" in bad.content.decode()


def test_transition_detail_what_if_and_learning_route(client, clerk):
    course = Course.objects.create(
        title="Basis data-analyse",
        slug="basis-data-analyse",
        provider="Leerhuis",
        description="Leer werken met data.",
        format="online",
        hours=20,
    )
    url = reverse("explore:overstap", args=["data-analist"])
    page = client.get(url)
    missing = page.context["missing"]
    assert missing and page.context["result"].reason
    course.skills.set(missing[:2])
    page = client.get(url, {"leer": [missing[0].code, missing[1].code]})
    what_if = page.context["what_if"]
    assert what_if["after"] > what_if["before"]
    assert "Dan past dit werk voor" in page.content.decode()
    assert page.context["route"].steps[0].course == course
    wrong = client.get(url, {"leer": "bestaat-niet"})
    assert wrong.context["what_if"] is None and "Kies vaardigheden uit de lijst" in wrong.content.decode()


def test_save_and_compare(client, clerk):
    for code in ("data-analist", "wmo-consulent"):
        client.post(reverse("explore:bewaar", args=[code]), {"terug": "/verkennen/"})
    profile = Profile.objects.get(user=clerk)
    assert set(profile.saved.values_list("occupation__code", flat=True)) == {"data-analist", "wmo-consulent"}
    page = client.get(reverse("explore:vergelijk"), {"a": "data-analist", "b": "wmo-consulent"})
    assert len(page.context["columns"]) == 2
    assert "Essentiële vaardigheden die je hebt" in page.content.decode()
    same = client.get(reverse("explore:vergelijk"), {"a": "data-analist", "b": "data-analist"})
    assert same.context["columns"] == [] and "twee verschillende" in same.content.decode()
    client.post(reverse("explore:bewaar", args=["data-analist"]), {"weg": "1", "terug": "//elders.example"})
    assert list(profile.saved.values_list("occupation__code", flat=True)) == ["wmo-consulent"]


def test_the_cards_share_one_form_whose_buttons_save_and_forget(client, clerk):
    page = client.get(reverse("explore:verkennen"), {"soort": "andere-sectoren"})
    html = page.content.decode()
    codes = [r["code"] for r in page.context["results"]]
    listed = html[html.index('<ol class="transitions"') : html.index("</ol>")]
    assert "<form" not in listed  # the buttons belong to the one form around the list
    assert listed.count('name="bewaar"') == len(codes)
    back = '<input type="hidden" name="terug" value="/verkennen/?soort=andere-sectoren">'
    assert back in html

    answer = client.post(reverse("explore:bewaar_uit_lijst"), {"bewaar": codes[1], "terug": "/verkennen/"})
    assert answer.status_code == 302 and answer.url == "/verkennen/"
    profile = Profile.objects.get(user=clerk)
    assert list(profile.saved.values_list("occupation__code", flat=True)) == [codes[1]]
    client.post(reverse("explore:bewaar_uit_lijst"), {"weg": codes[1], "terug": "/verkennen/"})
    assert not profile.saved.exists()

    # An unknown occupation, or no button at all, changes nothing.
    assert client.post(reverse("explore:bewaar_uit_lijst"), {"bewaar": "bestaat-niet"}).status_code == 404
    assert client.post(reverse("explore:bewaar_uit_lijst"), {}).status_code == 404
    assert not profile.saved.exists()


def test_skills_missing_from_the_engine_are_ignored(client, clerk):
    Skill.objects.filter(code="sql").update(status="obsolete")
    assert client.get(reverse("explore:verkennen")).status_code == 200


def test_verkennen_keeps_its_cards_yet_shows_every_change_at_once(
    client, clerk, django_assert_max_num_queries
):
    from django.core.cache import cache

    cache.clear()
    first = client.get(reverse("explore:verkennen"))
    top = first.context["results"][0]
    assert "<h3" in first.content.decode() and "&lt;h3" not in first.content.decode()

    with django_assert_max_num_queries(9):  # session, user, profile, skills, saved: nothing ranked again
        again = client.get(reverse("explore:verkennen"))
    assert [r["code"] for r in again.context["results"]] == [r["code"] for r in first.context["results"]]

    # Saving with the card's button shows at once, although the cards come from the cache.
    client.post(reverse("explore:bewaar_uit_lijst"), {"bewaar": top["code"], "terug": "/verkennen/"})
    saved = client.get(reverse("explore:verkennen"))
    assert saved.context["results"][0]["saved"]
    assert f'name="weg" value="{top["code"]}"' in saved.content.decode()
    assert f'name="bewaar" value="{top["code"]}"' not in saved.content.decode()

    # A different profile ranks again: with only data skills, the matches move.
    profile = Profile.objects.get(user=clerk)
    profile.skills.all().delete()
    for skill in Skill.objects.filter(code__in=["sql", "data-analyse", "statistiek", "data-opschonen"]):
        profile.skills.create(skill=skill, level=4)
    changed = client.get(reverse("explore:verkennen"))
    ranked = [(r["code"], r["match"]) for r in changed.context["results"]]
    assert ranked != [(r["code"], r["match"]) for r in first.context["results"]]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_verkennen_labels_read_as_the_label_component(clerk, language):
    """The in-memory labels of Verkennen's cards say what ``components/label.html`` says, lang included."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from wendbaar.explore.engine import get_engine_and_version
    from wendbaar.explore.names import names
    from wendbaar.taxonomy.models import Occupation

    loaded, version = get_engine_and_version()
    table = names(loaded, version, language)
    with translation.override(language):
        for occupation in Occupation.objects.prefetch_related("translations"):
            index = loaded.occupation_lookup.get(occupation.uri or occupation.code)
            if index is None:
                continue
            expected = render_to_string("components/label.html", {"label": occupation.label()}).strip()
            assert table.occupations[index].html == expected, occupation.code
        for skill in Skill.objects.prefetch_related("translations"):
            index = loaded.skill_lookup.get(skill.uri or skill.code)
            if index is not None:
                expected = render_to_string("components/label.html", {"label": skill.label()}).strip()
                assert table.skills[index] == expected, skill.code
    assert table.occupations[loaded.occupation_lookup["baliemedewerker-burgerzaken"]].is_municipal
