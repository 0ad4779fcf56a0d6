"""Privacy en je gegevens in real Chromium, by keyboard: stop sharing, read and download all your data,
erase your account (a wrong password first), and the privacy statement from the footer. axe-core checks
every page visited."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, visit
from tests.events.factories import EventFactory, make_adviser
from tests.privacy.factories import PASSWORD, build_world, first_free_slot, user
from wendbaar.accounts.models import User
from wendbaar.events import services as events
from wendbaar.events.models import Conversation, Registration
from wendbaar.privacy.models import AnonymousProfile
from wendbaar.taxonomy.starter_import import load_starter_set

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def shot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.PRIVACY_CONTACT_EMAIL = "fg@fonds.example"


def press(tab, locator, key="Enter"):
    """Use a control the way a keyboard user does: give it focus, then press the key."""
    locator.focus()
    expect(locator).to_be_focused()
    tab.keyboard.press(key)


def test_stop_sharing_and_take_your_data_with_you(site, signed_in_tab):
    anna = user("Anna de Boer", "anna@example.nl")
    adviser = make_adviser("Annelies Bakker")
    conversation = events.book(
        anna, adviser.user_id, first_free_slot(adviser).starts_at, mode="video", share_profile=True
    )
    event = EventFactory(title="Wendbaar in Overijssel")
    events.register(event.pk, anna, share_on_attendee_list=True)

    tab = signed_in_tab(anna, "/mijn/privacy/", PASSWORD)
    expect(tab.get_by_role("heading", level=1)).to_have_text("Privacy en je gegevens")
    assert_accessible(tab)
    expect(tab.get_by_text("Met: Annelies Bakker, loopbaanadviseur, voor het gesprek van")).to_be_visible()
    shot(tab, "privacy-overzicht")

    stop = tab.get_by_role("button", name=re.compile("Stop met delen.*Je vaardighedenprofiel"))
    press(tab, stop)
    expect(tab.get_by_role("status")).to_contain_text("Gestopt met delen: Je vaardighedenprofiel")
    assert_accessible(tab)
    conversation.refresh_from_db()
    assert conversation.share_profile is False
    press(tab, tab.get_by_role("button", name=re.compile("Stop met delen.*Je naam en organisatie")))
    expect(tab.get_by_text("Je deelt nu niets.")).to_be_visible()
    assert Registration.objects.get(event=event, user=anna).share_on_attendee_list is False
    expect(
        tab.get_by_role("region", name="Wat je eerder deelde, en wanneer je stopte").get_by_role("row")
    ).to_have_count(3)
    assert_accessible(tab)

    # All data as a page, then as a file, both reached by keyboard.
    press(tab, tab.get_by_role("link", name="Bekijk al je gegevens"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Al je gegevens")
    expect(tab.get_by_text("anna@example.nl").first).to_be_visible()
    assert_accessible(tab)
    with tab.expect_download() as download:
        press(tab, tab.get_by_role("link", name="Download al je gegevens (JSON)"))
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["onderdelen"]["account"]["e_mailadres"] == "anna@example.nl"
    assert download.value.suggested_filename.startswith("wendbaar-gegevens-")


def test_erase_your_account_after_a_wrong_password(site, signed_in_tab):
    petra = user("Petra de Vries", "petra@example.nl")
    tab = signed_in_tab(petra, "/account/", PASSWORD)
    press(tab, tab.get_by_role("link", name="Privacy en je gegevens"))
    press(tab, tab.get_by_role("link", name="Lees wat er gebeurt en verwijder je account"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Account verwijderen")
    assert_accessible(tab)
    shot(tab, "privacy-account-verwijderen")

    password = tab.get_by_label("Je wachtwoord")
    password.focus()
    tab.keyboard.type("niet-mijn-wachtwoord")
    press(tab, tab.get_by_label(re.compile("Ik begrijp dat mijn account")), key="Space")
    press(tab, tab.get_by_role("button", name="Mijn account definitief verwijderen"))
    expect(tab.get_by_text("Dit wachtwoord klopt niet. Er is niets verwijderd.")).to_be_visible()
    assert_accessible(tab)
    assert User.objects.filter(email="petra@example.nl").exists()

    tab.get_by_label("Je wachtwoord").focus()
    tab.keyboard.type(PASSWORD)
    expect(tab.get_by_label(re.compile("Ik begrijp dat mijn account"))).to_be_checked()  # kept from before
    press(tab, tab.get_by_role("button", name="Mijn account definitief verwijderen"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Je account is verwijderd")
    assert_accessible(tab)
    assert not User.objects.filter(email="petra@example.nl").exists()
    assert AnonymousProfile.objects.count() == 1
    expect(tab.get_by_role("link", name="Inloggen")).to_be_visible()


def test_an_adviser_reads_why_they_cannot_erase(site, signed_in_tab):
    adviser = make_adviser("Annelies Bakker")
    anna = user("Anna de Boer", "anna@example.nl")
    events.book(anna, adviser.user_id, first_free_slot(adviser).starts_at, mode="video")
    tab = signed_in_tab(adviser.user, "/mijn/privacy/account-verwijderen/", PASSWORD)
    expect(tab.get_by_text("Vraag het programmateam")).to_be_visible()
    expect(tab.get_by_role("button", name="Mijn account definitief verwijderen")).to_have_count(0)
    assert_accessible(tab)
    assert Conversation.objects.filter(adviser=adviser.user).count() == 1


def test_the_privacy_statement_from_the_footer(site, page):
    visit(page, f"{site}/")
    press(page, page.get_by_role("contentinfo").get_by_role("link", name="Privacyverklaring"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacyverklaring")
    assert_accessible(page)
    expect(page.get_by_role("link", name="fg@fonds.example")).to_have_attribute(
        "href", "mailto:fg@fonds.example"
    )
    # The table of contents moves the focus through the page.
    press(page, page.get_by_role("link", name="Wie wat ziet"))
    expect(page).to_have_url(re.compile("#wie-ziet$"))


def test_all_data_from_every_app_reads_well(site, signed_in_tab):
    load_starter_set()
    world = build_world()
    tab = signed_in_tab(world.person, "/mijn/privacy/gegevens/", PASSWORD)
    expect(tab.get_by_role("heading", level=1)).to_have_text("Al je gegevens")
    assert_accessible(tab)
    shot(tab, "privacy-al-je-gegevens")
    # The table of contents leads to each part; a wide table scrolls and can be reached by keyboard.
    press(tab, tab.get_by_role("navigation", name="Onderdelen").get_by_role("link", name="Beroepsgroepen"))
    expect(tab).to_have_url(re.compile("#beroepsgroepen$"))
    skills = tab.get_by_role("region", name="Je vaardighedenprofiel: Vaardigheden")
    skills.focus()
    expect(skills).to_be_focused()
    expect(skills.get_by_role("row")).to_have_count(len(world.person.profile.skills.all()) + 1)
