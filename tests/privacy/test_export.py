"""Download al mijn gegevens: one JSON file with everything, the same as a readable page, and a guard that
no model with a link to the user stays out of it."""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from tests.privacy.factories import CV, EMAIL, NAME, PASSWORD, build_world, user
from wendbaar.privacy import exporters
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    load_starter_set()
    return build_world()


def user_links() -> set[str]:
    """Every foreign key or one-to-one from a model of a wendbaar app straight to the user model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    links = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("wendbaar."):
            continue
        for model in config.get_models():
            for field in model._meta.get_fields():
                direct = field.concrete and (field.many_to_one or field.one_to_one)
                if direct and field.related_model is user_model:
                    links.add(f"{model._meta.app_label}.{model.__name__}.{field.name}")
    return links


def test_every_link_to_the_user_is_covered_by_an_export_section():
    missing = user_links() - exporters.covered_links()
    assert not missing, (
        "These models hold a link to a person but no export section in wendbaar/privacy/exporters.py "
        f"covers them: {sorted(missing)}"
    )


def test_the_coverage_check_sees_the_links_it_guards():
    # The walk finds real links (so an empty result cannot pass the test above by accident).
    assert {
        "profiles.Profile.user",
        "events.Conversation.person",
        "privacy.ConsentRecord.user",
    } <= user_links()


def test_the_file_holds_everything_about_the_person_and_nothing_about_others(client, world):
    client.force_login(world.person)
    response = client.get(reverse("privacy:export_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="wendbaar-gegevens-')
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert (data["formaat"], data["versie"], data["persoon"]) == ("wendbaar-gegevens", 1, EMAIL)
    parts = data["onderdelen"]
    assert parts["account"]["naam"] == NAME
    assert parts["account"]["organisaties"][0]["organisatie"] == "Gemeente Zwolle"
    profile = parts["profiel"]
    assert profile["huidige_functie"]["code"] == "baliemedewerker-burgerzaken"
    assert profile["jaren_in_functie"] == 20
    assert len(profile["vaardigheden"]) > 3
    assert profile["ervaring"] == [
        {"functie": "Coördinator Wiersma-balieproject", "organisatie": "", "jaren": 3}
    ]
    assert all(item["gevonden_in"] in CV or item["gevonden_in"] for item in profile["gevonden_in_je_tekst"])
    assert len(profile["bewaard_werk"]) == 1
    gatherings = parts["bijeenkomsten_en_gesprekken"]
    assert gatherings["aanmeldingen"][0]["naam_op_deelnemerslijst"] is True
    (conversation,) = gatherings["gesprekken"]
    assert conversation["loopbaanadviseur"] == "Annelies Bakker"
    assert conversation["profiel_gedeeld"] is True
    # Notes about the person are their data, also the adviser's.
    assert {n["door"] for n in conversation["notities"]} == {"jij", "Annelies Bakker"}
    assert conversation["afspraken"][0]["afspraak"] == "Meeloopdag thuiszorg Deventer aanvragen"
    assert gatherings["agenda_link"]["adres"].endswith(".ics")
    groups = parts["beroepsgroepen"]
    assert groups["lidmaatschappen"][0]["status"] == "actief"
    assert groups["berichten"][0]["bijlagen"][0]["bestandsnaam"] == "checklist-jolanda.txt"
    assert groups["genoemd_in"][0]["onderwerp"] == "Terugkerende aanvragen"
    assert groups["gemelde_berichten"][0]["toelichting"].startswith("Dit antwoord noemt")
    order = parts["kennisbank"]["bestellingen"][0]
    assert (order["naam"], order["adres"]) == (NAME, "Wiersmastraat 7 8011 AB  Zwolle")
    purposes = {(c["waarvoor"], c["ingetrokken_op"]) for c in parts["toestemmingen"]["toestemmingen"]}
    assert ("profiel-met-adviseur", None) in purposes and ("deelnemerslijst", None) in purposes
    assert parts["inzage"]["over_jou"][0]["welke_gegevens"] == "vaardighedenprofiel"
    if "kansen" in parts:
        (request,) = parts["kansen"]["contactverzoeken"]
        assert [m["van"] for m in request["berichten"]] == ["jij", "organisatie"]
        assert parts["kansen"]["bewaarde_kansen"][0]["kans"] == "Meeloopdag thuiszorg"
    if "meldingen" in parts:
        assert parts["meldingen"]["meldingen"], "the person's own notifications are in it"
    # Nothing of the other people's own accounts.
    text = response.content.decode()
    for other in world.others:
        assert other.email not in text


def test_an_adviser_export_leaves_out_the_medewerkers_data(client, world):
    client.force_login(world.adviser)
    data = json.loads(client.get(reverse("privacy:export_json")).content)
    text = json.dumps(data, ensure_ascii=False)
    assert data["onderdelen"]["bijeenkomsten_en_gesprekken"]["gevoerde_gesprekken"][0]["hoe"] == "video"
    assert data["onderdelen"]["inzage"]["door_jou"][0]["waarom"] == "voorbereiding gesprek"
    # The gesprekken they held show no medewerker and no notes; their own notifications are theirs.
    assert NAME not in json.dumps(data["onderdelen"]["bijeenkomsten_en_gesprekken"], ensure_ascii=False)
    assert "twijfelt tussen zorg" not in text


def test_the_readable_page_shows_the_same_data(client, world):
    client.force_login(world.person)
    page = client.get(reverse("privacy:export")).content.decode()
    for heading in ("Je account", "Je vaardighedenprofiel", "Bijeenkomsten en gesprekken", "Beroepsgroepen"):
        assert heading in page
    for fact in (NAME, EMAIL, "Coördinator Wiersma-balieproject", "Meeloopdag thuiszorg Deventer aanvragen"):
        assert fact in page
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]


def test_text_in_the_export_page_is_escaped(client):
    person = user("Piet <script>alert(1)</script>", "piet@example.nl")
    client.force_login(person)
    page = client.get(reverse("privacy:export")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_export_needs_a_signed_in_person(client):
    for name in ("privacy:export", "privacy:export_json", "privacy:overview", "privacy:erase"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_a_person_without_any_data_gets_a_complete_file(client):
    person = user("Nieuw Iemand", "nieuw@example.nl")
    client.force_login(person)
    data = json.loads(client.get(reverse("privacy:export_json")).content)
    assert data["onderdelen"]["profiel"] is None
    assert data["onderdelen"]["bijeenkomsten_en_gesprekken"]["gesprekken"] == []
    assert PASSWORD not in json.dumps(data)
