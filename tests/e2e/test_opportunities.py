"""Kansen in real Chromium: an organisation publishes a meeloopdag, an opted-in medewerker finds it among
the best matches, the organisation asks the anonymous match for contact, the medewerker accepts and both
exchange a message. axe-core checks every page visited; some steps use the keyboard only."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, visit
from tests.opportunities.factories import (
    PASSWORD,
    make_opportunity,
    make_organisation,
    make_person,
    make_staff,
)
from wendbaar.accounts.models import MembershipRole
from wendbaar.opportunities.models import Opportunity, OpportunityStatus, Thread
from wendbaar.taxonomy.starter_import import load_starter_set


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.OPPORTUNITIES_MIN_MATCH = 20


@pytest.fixture
def people(transactional_db, signed_in_tab):
    load_starter_set()
    linde = make_organisation()
    recruiter = make_staff(linde, name="Joost Visser", role=MembershipRole.BEHEERDER)
    petra = make_person("Petra de Vries", visible=False)
    # Other open kansen, so "top matches" means something.
    make_opportunity(
        linde, ("persoonlijke-verzorging", "wondverzorging", "medicatie-toedienen"), title="Verzorgende IG"
    )
    return linde, recruiter, petra, lambda user, path: signed_in_tab(user, path, PASSWORD)


def test_meeloopdag_from_publication_to_conversation(site, people):
    linde, recruiter, petra, open_as = people

    # Petra makes herself visible to organisations on the Kansen page.
    tab_petra = open_as(petra, "/kansen/")
    assert_accessible(tab_petra)
    tab_petra.get_by_label("Maak mij zichtbaar voor organisaties").check()
    tab_petra.get_by_label("In welke provincie zoek je werk?").select_option("gelderland")
    tab_petra.get_by_role("button", name="Keuze opslaan").click()
    expect(tab_petra.get_by_role("status").first).to_contain_text("Je bent nu zichtbaar voor organisaties")
    assert_accessible(tab_petra)

    # The organisation writes a meeloopdag with suggested skills and publishes it.
    tab_org = open_as(recruiter, f"/kansen/organisatie/{linde.slug}/")
    assert_accessible(tab_org)
    tab_org.get_by_role("link", name="Nieuwe kans").click()
    expect(tab_org.get_by_role("heading", level=1)).to_have_text("Nieuwe kans")
    assert_accessible(tab_org)
    tab_org.get_by_label("Soort kans").select_option("meeloopdag")
    tab_org.get_by_label("Titel").fill("Meeloopdag wijkteam Apeldoorn")
    tab_org.get_by_label("Beschrijving").fill(
        "Loop een dag mee met het wijkteam. Je helpt cliënten thuis en werkt klantgericht."
    )
    tab_org.get_by_label("Zoek een beroep").fill("thuiszorg")
    tab_org.get_by_role("button", name="Zoek dit beroep").click()
    expect(tab_org.get_by_label("medewerker thuiszorg")).to_be_visible()  # offered, not chosen
    assert_accessible(tab_org)
    tab_org.get_by_label("Zoek een vaardigheid").fill("klantgericht werken")
    tab_org.get_by_role("button", name="Stel vaardigheden voor").click()
    expect(tab_org.get_by_text("We stellen", exact=False)).to_be_visible()
    tab_org.get_by_label("klantgericht werken", exact=True).check()
    tab_org.get_by_label("Zoek een vaardigheid").fill("omgaan met lastige klanten")
    tab_org.get_by_role("button", name="Stel vaardigheden voor").click()
    expect(tab_org.get_by_label("klantgericht werken", exact=True)).to_be_checked()  # kept
    tab_org.get_by_label("omgaan met lastige klanten", exact=True).check()
    assert_accessible(tab_org)
    tab_org.get_by_role("button", name="Opslaan").click()
    expect(tab_org.get_by_role("alert")).to_contain_text("Reageren kan tot en met: Vul de sluitingsdatum in.")
    assert_accessible(tab_org)
    assert not Opportunity.objects.filter(title="Meeloopdag wijkteam Apeldoorn").exists()
    tab_org.get_by_label("Reageren kan tot en met").fill(
        (timezone.localdate() + timedelta(days=20)).isoformat()
    )
    tab_org.get_by_role("button", name="Opslaan").click()
    expect(tab_org.get_by_role("heading", level=1)).to_have_text("Meeloopdag wijkteam Apeldoorn")
    assert_accessible(tab_org)
    publish = tab_org.get_by_role("button", name="Publiceren")
    publish.focus()
    tab_org.keyboard.press("Enter")
    expect(tab_org.get_by_role("status").first).to_contain_text("De kans is gepubliceerd")
    assert_accessible(tab_org)
    kans = Opportunity.objects.get(title="Meeloopdag wijkteam Apeldoorn")
    assert kans.status == OpportunityStatus.GEPUBLICEERD

    # Petra finds it at the top of her kansen, with a reason, and opens it.
    visit(tab_petra, f"{site}/kansen/")
    first = tab_petra.locator("ol.transitions > li").first
    expect(first.get_by_role("heading", level=3)).to_have_text("Meeloopdag wijkteam Apeldoorn")
    expect(first).to_contain_text("essentiële vaardigheden")
    first.get_by_role("link", name="Meeloopdag wijkteam Apeldoorn", exact=True).click()
    expect(tab_petra.get_by_role("link", name=re.compile("Ik heb interesse"))).to_be_visible()
    assert_accessible(tab_petra)

    # The organisation sees an anonymous match and asks for contact.
    visit(tab_org, f"{site}/kansen/organisatie/{linde.slug}/kans/{kans.pk}/matches/")
    expect(tab_org.get_by_text("Petra")).to_have_count(0)
    tab_org.get_by_role("link", name="Kandidaat 1").click()
    expect(tab_org.get_by_role("heading", level=1)).to_have_text("Anonieme match")
    assert_accessible(tab_org)
    expect(tab_org.locator("main")).not_to_contain_text("Petra")
    tab_org.get_by_label("Bericht").fill("Kom je een dag meelopen met ons wijkteam?")
    tab_org.get_by_role("button", name="Stuur contactverzoek").click()
    expect(tab_org.get_by_role("status").first).to_contain_text("Je verzoek is verstuurd")
    assert_accessible(tab_org)
    visit(tab_org, f"{site}/kansen/organisatie/{linde.slug}/verzoeken/")
    expect(tab_org.locator("main")).not_to_contain_text("Petra")

    # Petra accepts, with the keyboard, and writes.
    visit(tab_petra, f"{site}/kansen/verzoeken/")
    expect(tab_petra.get_by_text("Kom je een dag meelopen met ons wijkteam?")).to_be_visible()
    accept = tab_petra.get_by_role("button", name=re.compile("Ja, neem contact op"))
    accept.focus()
    tab_petra.keyboard.press("Enter")
    expect(tab_petra.get_by_role("heading", level=1)).to_contain_text("Gesprek over")
    assert_accessible(tab_petra)
    tab_petra.get_by_label("Je bericht").fill("Graag! Past dinsdag?")
    tab_petra.get_by_role("button", name="Verstuur bericht").click()
    expect(tab_petra.get_by_text("Graag! Past dinsdag?")).to_be_visible()
    assert_accessible(tab_petra)

    # Now the organisation sees her name and answers.
    thread = Thread.objects.get()
    visit(tab_org, f"{site}/kansen/organisatie/{linde.slug}/verzoeken/")
    expect(tab_org.locator("main")).to_contain_text("Petra de Vries")
    tab_org.get_by_role("link", name=re.compile("Naar het gesprek")).click()
    expect(tab_org).to_have_url(re.compile(f"/kansen/gesprek/{thread.pk}/$"))
    expect(tab_org.get_by_text("Met Petra de Vries.")).to_be_visible()
    tab_org.get_by_label("Je bericht").fill("Dinsdag om negen uur bij de ingang. Tot dan!")
    tab_org.get_by_role("button", name="Verstuur bericht").click()
    expect(tab_org.get_by_text("Dinsdag om negen uur bij de ingang. Tot dan!")).to_be_visible()
    assert_accessible(tab_org)
    visit(tab_petra, f"{site}/kansen/gesprek/{thread.pk}/")
    expect(tab_petra.get_by_text("Dinsdag om negen uur bij de ingang. Tot dan!")).to_be_visible()


def test_other_kansen_pages_are_accessible(site, people):
    linde, recruiter, petra, open_as = people
    kans = make_opportunity(linde, title="Meeloopdag wijkteam")
    make_opportunity(linde, title="Concept", status=OpportunityStatus.CONCEPT)
    tab = open_as(recruiter, f"/kansen/organisatie/{linde.slug}/")
    for path in (
        f"/kansen/organisatie/{linde.slug}/kans/{kans.pk}/",
        f"/kansen/organisatie/{linde.slug}/kans/{kans.pk}/bewerken/",
        f"/kansen/organisatie/{linde.slug}/kans/{kans.pk}/matches/",
        f"/kansen/organisatie/{linde.slug}/verzoeken/",
        f"/kansen/organisatie/{linde.slug}/sector/",
        f"/organisaties/{linde.slug}/",
        f"/kansen/organisatie/{linde.slug}/leden/",
    ):
        visit(tab, f"{site}{path}")
    tab.get_by_label("E-mailadres").fill("onbekend@example.nl")
    tab.get_by_role("button", name="Toevoegen").click()
    expect(tab.get_by_role("alert").first).to_contain_text("Er is geen account met dit e-mailadres")
    assert_accessible(tab)
    tab_petra = open_as(petra, "/kansen/bewaard/")
    assert_accessible(tab_petra)
    visit(tab_petra, f"{site}/kansen/{kans.pk}/")
    tab_petra.get_by_role("button", name=re.compile("^Bewaar")).click()
    expect(tab_petra.get_by_role("status").first).to_contain_text("is bewaard")
    visit(tab_petra, f"{site}/kansen/{kans.pk}/interesse/")
    tab_petra.get_by_role("button", name="Stuur mijn interesse (met mijn naam)").click()
    expect(tab_petra.get_by_role("status").first).to_contain_text("weet nu dat je interesse hebt")
    assert_accessible(tab_petra)
    for path in (
        "/kansen/zichtbaar/",
        "/mijn/",
        "/kansen/bewaard/",
        "/kansen/?soort=meeloopdag&provincie=gelderland",
    ):
        visit(tab_petra, f"{site}{path}")
