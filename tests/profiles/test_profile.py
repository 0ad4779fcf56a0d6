"""The vaardighedenprofiel: wizard steps, suggestions from Dutch text, completeness, and privacy."""

import pytest
from django.urls import reverse

from wendbaar.accounts.models import User
from wendbaar.profiles import services
from wendbaar.profiles.models import Profile, ProfileSkill, SavedTransition, Suggestion
from wendbaar.profiles.text import get_matcher
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db
CV = (
    "Ik werk al twintig jaar aan de balie van burgerzaken. Ik behandel aanvragen voor paspoorten en "
    "rijbewijzen en controleer officiële documenten op echtheid. Ik verwerk verhuizingen in de BRP. "
    "Inwoners die boos zijn help ik rustig verder. Daarnaast werk ik veel met Excel."
)


@pytest.fixture
def starter():
    load_starter_set()


@pytest.fixture
def petra(client):
    user = User.objects.create_user("petra@example.nl", "een-lang-wachtwoord", name="Petra de Vries")
    client.force_login(user)
    return user


def test_choosing_your_job_prefills_its_essential_skills(client, starter, petra):
    page = client.get(reverse("profiles:werk"), {"q": "baliemedewerker burgerzaken"})
    assert "baliemedewerker burgerzaken" in page.content.decode()
    response = client.post(
        reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken", "years": "20"}
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=petra)
    clerk = Occupation.objects.get(code="baliemedewerker-burgerzaken")
    essential = set(
        clerk.skill_relations.filter(relation_type="essential").values_list("skill_id", flat=True)
    )
    assert set(profile.skills.values_list("skill_id", flat=True)) == essential
    assert profile.current_occupation == clerk and profile.years_in_occupation == 20
    assert set(profile.skills.values_list("level", flat=True)) == {3}


def test_rate_remove_and_add_skills(client, starter, petra):
    client.post(reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken"})
    ratings = list(ProfileSkill.objects.filter(profile__user=petra))
    data = {"action": "opslaan", f"level-{ratings[0].id}": "4", f"remove-{ratings[1].id}": "1"}
    client.post(reverse("profiles:vaardigheden"), data)
    ratings[0].refresh_from_db()
    assert ratings[0].level == 4
    assert not ProfileSkill.objects.filter(id=ratings[1].id).exists()

    client.post(reverse("profiles:vaardigheden"), {"action": "toevoegen", "skill": "sql"})
    assert ProfileSkill.objects.filter(profile__user=petra, skill__code="sql").exists()
    results = client.get(reverse("profiles:vaardigheden"), {"zoek": "spreadsheet"}, HTTP_HX_REQUEST="true")
    assert 'id="zoekresultaten"' in results.content.decode()
    assert "<html" not in results.content.decode()  # htmx gets the fragment only


def test_bad_level_changes_nothing(client, starter, petra):
    client.post(reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken"})
    rating = ProfileSkill.objects.filter(profile__user=petra).first()
    response = client.post(reverse("profiles:vaardigheden"), {"action": "opslaan", f"level-{rating.id}": "9"})
    assert response.status_code == 200
    rating.refresh_from_db()
    assert rating.level == 3
    assert (
        client.post(
            reverse("profiles:vaardigheden"), {"action": "toevoegen", "skill": "bestaat-niet"}
        ).status_code
        == 302
    )
    assert not ProfileSkill.objects.filter(profile__user=petra, skill__code="bestaat-niet").exists()


def test_dutch_text_gives_suggestions_through_lemmas(starter):
    found = {f.label for f in get_matcher().find(CV)}
    skill_codes = set(
        Skill.objects.filter(id__in=[f.skill_id for f in get_matcher().find(CV)]).values_list(
            "code", flat=True
        )
    )
    assert "rijbewijzen-aanvragen" in skill_codes or "reisdocumenten-aanvragen" in skill_codes, found
    assert "verhuizing-verwerken" in skill_codes, found
    assert any("excel" in code for code in skill_codes), found


def test_suggestions_are_accepted_or_rejected_one_by_one(client, starter, petra):
    client.post(reverse("profiles:tekst"), {"text": CV})
    profile = Profile.objects.get(user=petra)
    suggestions = list(profile.suggestions.filter(status=Suggestion.Status.OPEN))
    assert len(suggestions) >= 3
    assert profile.skills.count() == 0  # nothing added behind the person's back
    first, second = suggestions[:2]
    client.post(reverse("profiles:beslis", args=[first.id]), {"besluit": "ja", "level": "4"})
    client.post(reverse("profiles:beslis", args=[second.id]), {"besluit": "nee"})
    assert profile.skills.get(skill=first.skill).level == 4
    assert not profile.skills.filter(skill=second.skill).exists()
    # A rejected skill is not suggested again.
    client.post(reverse("profiles:tekst"), {"text": CV})
    assert not profile.suggestions.filter(skill=second.skill, status=Suggestion.Status.OPEN).exists()


def test_too_short_text_is_refused(client, starter, petra):
    response = client.post(reverse("profiles:tekst"), {"text": "balie"})
    assert "minstens een paar zinnen" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_completeness_and_dashboard(client, starter, petra):
    profile = services.profile_for(petra)
    assert services.completeness(profile).percent == 0
    client.post(reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken"})
    client.post(
        reverse("profiles:ervaring"),
        {
            "education": "mbo-4",
            "ervaring-TOTAL_FORMS": "1",
            "ervaring-INITIAL_FORMS": "0",
            "ervaring-0-title": "Kassamedewerker",
            "ervaring-0-organisation": "Supermarkt",
            "ervaring-0-years": "3",
        },
    )
    profile.refresh_from_db()
    assert profile.education == "mbo-4" and profile.experience.get().title == "Kassamedewerker"
    assert services.completeness(profile).percent == 75
    page = client.get(reverse("profiles:dashboard")).content.decode()
    assert "75%" in page


def test_experience_with_bad_years_is_refused(client, starter, petra):
    response = client.post(
        reverse("profiles:ervaring"),
        {
            "education": "",
            "ervaring-TOTAL_FORMS": "1",
            "ervaring-INITIAL_FORMS": "0",
            "ervaring-0-title": "Kassamedewerker",
            "ervaring-0-years": "300",
        },
    )
    assert response.status_code == 200
    assert not Profile.objects.get(user=petra).experience.exists()


def test_inzicht_shows_charts_with_tables_and_the_current_job(client, starter, petra):
    client.post(reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken"})
    page = client.get(reverse("profiles:inzicht")).content.decode()
    assert '<svg class="chart__svg" role="img"' in page
    assert "<table" in page
    clerk = Occupation.objects.get(code="baliemedewerker-burgerzaken")
    total = clerk.skill_relations.filter(relation_type="essential").count()
    assert f"Je hebt {total} van de {total} essentiële vaardigheden van je functie (100%)" in page


def test_a_profile_is_visible_to_nobody_else(client, starter, petra):
    client.post(reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken"})
    mine = Profile.objects.get(user=petra)
    SavedTransition.objects.create(profile=mine, occupation=Occupation.objects.get(code="wmo-consulent"))
    other = User.objects.create_user("samir@example.nl", "een-lang-wachtwoord", name="Samir")
    client.force_login(other)
    for name in ("profiles:dashboard", "profiles:vaardigheden", "profiles:inzicht", "profiles:tekst"):
        page = client.get(reverse(name)).content.decode()
        assert "Petra" not in page and "biometrie" not in page.lower()
    assert "Wmo" not in client.get(reverse("profiles:dashboard")).content.decode()
    # Someone else's suggestion cannot be decided on.
    suggestion = Suggestion.objects.create(profile=mine, skill=Skill.objects.get(code="sql"), evidence="x")
    assert client.post(reverse("profiles:beslis", args=[suggestion.id]), {"besluit": "ja"}).status_code == 404
    client.logout()
    for name in ("profiles:dashboard", "profiles:inzicht", "explore:verkennen"):
        assert client.get(reverse(name)).status_code == 302  # to the sign-in page
    from django.contrib import admin

    assert Profile not in admin.site._registry and ProfileSkill not in admin.site._registry
