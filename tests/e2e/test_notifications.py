"""Meldingen in real Chromium: the unread count in the header, the list with its filter, marking read and
opening a notification, and the e-mail settings — all with the keyboard alone. axe-core checks every page."""

import re

from playwright.sync_api import expect

from tests.communities.factories import answer, make_group, question
from tests.e2e.conftest import assert_accessible, visit
from tests.notifications.factories import EVENT, PASSWORD, UserFactory, event_news
from wendbaar.notifications.registry import Email
from wendbaar.notifications.services import email_choices, notify


def menu_item(tab):
    return tab.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=re.compile("^Meldingen"))


def test_notifications_and_settings_with_the_keyboard(site, page, signed_in_tab):
    petra = UserFactory(name="Petra de Vries", email="petra@example.nl")
    samir = UserFactory(name="Samir El Amrani", email="samir@example.nl")
    group = make_group("KCC en klantcontact", members=[petra, samir])
    thread = question(group, petra, title="Terugbelverzoek")
    answer(thread, samir, body="Wij bellen binnen een dag terug.")
    event_news(petra)
    notify(petra, EVENT, text="De bijeenkomst in Deventer gaat niet door.")

    tab = signed_in_tab(petra, "/meldingen/", PASSWORD)
    expect(tab.get_by_role("heading", level=1)).to_have_text("Meldingen")
    expect(menu_item(tab)).to_have_accessible_name("Meldingen (3 nieuw)")
    assert_accessible(tab)

    # Mark the one without a link read, with the keyboard.
    tab.get_by_role("button", name=re.compile("^Op gelezen zetten")).focus()
    tab.keyboard.press("Enter")
    expect(menu_item(tab)).to_have_accessible_name("Meldingen (2 nieuw)")
    expect(tab.get_by_role("button", name=re.compile("^Op gelezen zetten"))).to_have_count(0)
    assert_accessible(tab)

    # Only the beroepsgroepen, then open the answer.
    filters = tab.get_by_role("navigation", name="Soort meldingen")
    filters.get_by_role("link", name="Beroepsgroepen").focus()
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(re.compile(r"\?groep=beroepsgroepen$"))
    expect(tab.get_by_text("Er is een plek vrijgekomen")).to_have_count(0)
    assert_accessible(tab)
    tab.get_by_role("link", name="Samir El Amrani gaf antwoord op je vraag ‘Terugbelverzoek’").focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", name="Reactie van Samir El Amrani")).to_be_visible()
    expect(menu_item(tab)).to_have_accessible_name("Meldingen (1 nieuw)")

    # From the top of the list, by Tab: skip to the content, then to the e-mail settings.
    visit(tab, f"{site}/meldingen/")
    tab.keyboard.press("Tab")
    expect(tab.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    expect(tab.get_by_role("link", name="Kies wanneer je e-mail krijgt")).to_be_focused()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text("E-mail over je meldingen")
    assert_accessible(tab)

    beroepsgroepen = tab.get_by_role("group", name="Beroepsgroepen")
    expect(beroepsgroepen.get_by_label("Eén keer per dag een overzicht")).to_be_checked()
    beroepsgroepen.get_by_label("Eén keer per week een overzicht").focus()
    tab.keyboard.press("Space")
    tab.get_by_role("button", name="Bewaren").focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("status")).to_contain_text("Je keuzes zijn bewaard.")
    expect(
        tab.get_by_role("group", name="Beroepsgroepen").get_by_label("Eén keer per week een overzicht")
    ).to_be_checked()
    assert_accessible(tab)
    assert email_choices(petra)["beroepsgroepen"] == Email.WEEKLY
