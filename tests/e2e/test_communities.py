"""Beroepsgroepen in real Chromium: join a group, ask a question, another member answers, the asker accepts
the answer, a member reports an abusive reply and a moderator hides it. axe-core checks every page visited.
Screenshots of the key pages go to test-results/screenshots/."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.communities.factories import PASSWORD, UserFactory, add_member, answer, make_group, question
from tests.e2e.conftest import assert_accessible, visit
from wendbaar.communities import services
from wendbaar.communities.models import Access, Post, Report, Thread

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


@pytest.fixture(autouse=True)
def attachments_folder(settings, tmp_path):
    settings.COMMUNITIES_ATTACHMENT_ROOT = tmp_path / "bijlagen"


@pytest.fixture
def people(signed_in_tab):
    return lambda user, next_path="/beroepsgroepen/": signed_in_tab(user, next_path, PASSWORD)


def check(tab, heading=None):
    """Once the new page is there (its heading shows, everything loaded), run axe-core on it."""
    if heading:
        expect(tab.get_by_role("heading", level=1)).to_have_text(heading)
    tab.wait_for_load_state("load")
    assert_accessible(tab)


def shot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_join_ask_answer_accept_report_and_hide(site, page, people):
    mona = UserFactory(name="Mona Moderator", email="mona@example.nl")
    petra = UserFactory(name="Petra de Vries", email="petra@example.nl")
    samir = UserFactory(name="Samir El Amrani", email="samir@example.nl")
    tom = UserFactory(name="Tom Trol", email="tom@example.nl")
    group = make_group(
        "Burgerzaken",
        moderator=mona,
        members=[samir, tom],
        description="Voor iedereen aan de balie van burgerzaken.",
    )
    make_group("Van balie naar zorg", access=Access.CLOSED, moderator=mona)

    # Petra finds the group and joins it.
    tab_petra = people(petra)
    check(tab_petra, "Beroepsgroepen")
    tab_petra.get_by_role("link", name="Burgerzaken", exact=True).click()
    check(tab_petra, "Burgerzaken")
    tab_petra.get_by_role("button", name="Lid worden").click()
    expect(tab_petra.get_by_role("status")).to_contain_text("Je bent nu lid van Burgerzaken")
    check(tab_petra)

    # She asks a question; an empty form first shows clear messages.
    tab_petra.get_by_role("link", name="Vraag stellen of onderwerp beginnen").click()
    check(tab_petra, "Vraag stellen of onderwerp beginnen")
    tab_petra.get_by_role("button", name="Plaatsen").click()
    expect(tab_petra.get_by_role("alert").first).to_be_visible()
    expect(tab_petra.get_by_text("Geef je onderwerp een titel.")).to_be_visible()
    expect(tab_petra.get_by_text("Schrijf eerst een bericht.")).to_be_visible()
    check(tab_petra)
    assert not Thread.objects.exists()
    tab_petra.get_by_label("Titel").fill("Identiteit vaststellen met een verlopen paspoort")
    tab_petra.get_by_label("Je vraag of bericht").fill(
        "Mag ik een paspoort dat **twee jaar** verlopen is gebruiken?\n\n<script>alert('x')</script>"
    )
    tab_petra.get_by_role("button", name="Plaatsen").click()
    expect(tab_petra.get_by_role("heading", level=1)).to_have_text(
        "Identiteit vaststellen met een verlopen paspoort"
    )
    expect(tab_petra.locator(".post__body strong")).to_have_text("twee jaar")
    expect(tab_petra.get_by_text("<script>alert('x')</script>")).to_be_visible()  # shown as text, never run
    check(tab_petra)
    thread = Thread.objects.get()

    # Samir answers, with the keyboard.
    tab_samir = people(samir, next_path=thread.get_absolute_url())
    check(tab_samir, "Identiteit vaststellen met een verlopen paspoort")
    tab_samir.get_by_label("Je reactie").focus()
    tab_samir.keyboard.type("Ja, tot vijf jaar verlopen mag, als de persoon goed op de foto lijkt.")
    tab_samir.get_by_role("button", name="Reactie plaatsen").focus()
    tab_samir.keyboard.press("Enter")
    expect(tab_samir.get_by_role("status")).to_contain_text("Je reactie is geplaatst")
    expect(tab_samir.get_by_role("heading", name="Reactie van Samir El Amrani")).to_be_visible()
    check(tab_samir)
    answer(thread, tom, body="Wat een domme vraag. Ga toch iets anders doen, sukkel.")

    # Petra sees the notification, accepts Samir's answer and reports Tom's reply.
    visit(tab_petra, f"{site}/beroepsgroepen/meldingen/")
    tab_petra.get_by_role("link", name="Samir El Amrani gaf antwoord op je vraag").click()
    expect(tab_petra.get_by_role("heading", name="Reactie van Samir El Amrani")).to_be_visible()
    check(tab_petra)
    tab_petra.get_by_role("button", name="Kies als beste antwoord — reactie van Samir El Amrani").click()
    expect(tab_petra.get_by_role("status")).to_contain_text("beste antwoord")
    expect(tab_petra.get_by_text("Gekozen als beste antwoord")).to_be_visible()
    check(tab_petra)
    shot(tab_petra, "beroepsgroepen-onderwerp")
    thread.refresh_from_db()
    assert thread.accepted_answer.author == samir

    tab_petra.get_by_role("link", name="Melden — bericht van Tom Trol").click()
    check(tab_petra, "Bericht melden")
    tab_petra.get_by_label("Kwetsend, bedreigend of discriminerend").check()
    tab_petra.get_by_role("button", name="Melding versturen").click()
    expect(tab_petra.get_by_role("status")).to_contain_text("De moderatoren van de groep kijken")
    assert Report.objects.filter(reporter=petra).exists()

    # Mona, the moderator, hides Tom's reply from the moderation page.
    tab_mona = people(mona, next_path=f"/beroepsgroepen/{group.slug}/moderatie/")
    expect(tab_mona.get_by_text("Ga toch iets anders doen")).to_be_visible()
    check(tab_mona, "Moderatie van Burgerzaken")
    tab_mona.get_by_role("link", name=re.compile("^Verbergen")).click()
    check(tab_mona, "Bericht verbergen")
    tab_mona.get_by_label("Reden").fill("Kwetsend")
    tab_mona.get_by_role("button", name="Verbergen").click()
    expect(tab_mona.get_by_role("status")).to_contain_text("Het bericht is verborgen")
    expect(tab_mona.get_by_text("Er zijn geen gemelde berichten.")).to_be_visible()
    expect(tab_mona.get_by_role("cell", name="Bericht verborgen")).to_be_visible()
    check(tab_mona)
    shot(tab_mona, "beroepsgroepen-moderatie")
    assert Post.objects.get(author=tom).is_hidden

    # Petra no longer sees it; Mona still does, marked as hidden.
    visit(tab_petra, f"{site}{thread.get_absolute_url()}")
    expect(tab_petra.get_by_text("sukkel")).to_have_count(0)
    visit(tab_mona, f"{site}{thread.get_absolute_url()}")
    expect(tab_mona.get_by_text("Alleen moderatoren zien dit bericht")).to_be_visible()


def test_other_community_pages_pass_axe(site, page, people):
    mona = UserFactory(name="Mona Moderator", email="mona@example.nl")
    petra = UserFactory(name="Petra de Vries", email="petra@example.nl")
    group = make_group("KCC en klantcontact", moderator=mona, members=[petra])
    closed = make_group("Van balie naar zorg", access=Access.CLOSED, moderator=mona, members=[petra])
    thread = question(group, petra, title="Chat naast de telefoon", body="Wie heeft ervaring met chat?")
    reply = answer(thread, mona, body="Wij wisselen per dagdeel.")
    services.edit_post(reply, mona, body="Wij wisselen per dagdeel, met vaste chatters.")
    services.join(closed, UserFactory(name="Henk Smit"), "Ik wil de zorg in.")
    add_member(group, UserFactory(name="Karel Collega"))

    # Anonymous visitors see the list and a group's description.
    visit(page, f"{site}/beroepsgroepen/")
    visit(page, f"{site}{closed.get_absolute_url()}")

    tab = people(petra)
    for path in [
        "/beroepsgroepen/",
        group.get_absolute_url(),
        f"/beroepsgroepen/{group.slug}/leden/",
        "/beroepsgroepen/zoeken/?q=chat",
        "/beroepsgroepen/meldingen/",
        "/beroepsgroepen/meldingen/instellingen/",
        f"/beroepsgroepen/berichten/{reply.pk}/versies/",
        f"/beroepsgroepen/berichten/{thread.posts.get(is_opening=True).pk}/bewerken/",
    ]:
        visit(tab, f"{site}{path}")
        expect(tab.locator("h1")).to_be_visible()
        if path == group.get_absolute_url():
            shot(tab, "beroepsgroepen-groep")

    moderator = people(mona, next_path=f"/beroepsgroepen/{closed.slug}/aanvragen/")
    check(moderator, "Verzoeken om lid te worden")
    for path in [
        f"/beroepsgroepen/{closed.slug}/",
        f"/beroepsgroepen/{closed.slug}/leden/",
        f"/beroepsgroepen/{closed.slug}/bewerken/",
        f"/beroepsgroepen/{closed.slug}/vastzetten/",
        f"/beroepsgroepen/{closed.slug}/leden/{petra.pk}/verwijderen/",
        f"/beroepsgroepen/berichten/{reply.pk}/verbergen/",
    ]:
        visit(moderator, f"{site}{path}")
    moderator.goto(f"{site}/beroepsgroepen/{closed.slug}/aanvragen/")
    moderator.get_by_role("button", name="Henk Smit toelaten").click()
    expect(moderator.get_by_role("status")).to_contain_text("Henk Smit is toegelaten")
    check(moderator)
