"""Every page passes axe-core in real Chromium and works with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.taxonomy import esco_package as pkg
from wendbaar.accounts.models import Organisation, OrganisationKind, User
from wendbaar.taxonomy import esco
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter_import import load_starter_set

PASSWORD = "lente-in-zwolle-2026"


@pytest.fixture
def taxonomy(tmp_path):
    esco.import_package(pkg.build(tmp_path / "esco"))
    load_starter_set()


def sign_in(page, site, email="petra@example.nl"):
    User.objects.create_user(email, PASSWORD, name="Petra de Vries")
    page.goto(f"{site}/account/inloggen/?next=/account/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Mijn account")).to_be_visible()


PUBLIC_PAGES = [
    "/",
    "/taxonomie/beroepen/",
    "/taxonomie/beroepen/?q=burgerzakn&soort=&sector=",
    "/taxonomie/beroepen/?soort=gemeente",
    "/taxonomie/vaardigheden/",
    "/taxonomie/vaardigheden/?q=privacy",
    "/account/aanmelden/",
    "/account/inloggen/",
    "/account/wachtwoord-vergeten/",
    "/account/wachtwoord-vergeten/verstuurd/",
    "/account/organisaties/zorggroep-de-linde/",
]


def test_public_pages_pass_axe(site, page, taxonomy):
    Organisation.objects.create(
        name="Zorggroep De Linde",
        slug="zorggroep-de-linde",
        kind=OrganisationKind.ANDERE_SECTOR,
        sector="zorg",
        province="gelderland",
        description="Ouderenzorg in Apeldoorn.",
        website="https://example.nl",
    )
    for path in PUBLIC_PAGES:
        page.goto(site + path)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)


def test_detail_pages_pass_axe_and_mark_english_fallbacks(site, page, taxonomy):
    clerk = Occupation.objects.get(uri=pkg.occ(1))
    page.goto(f"{site}{clerk.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("functionaris burgerzaken")
    assert_accessible(page)
    # This package has no Dutch skill labels: the English one is shown and marked for screen readers.
    fallback = page.locator("main li span[lang=en]", has_text="communicate with customers")
    expect(fallback).to_be_visible()

    skill = Skill.objects.get(uri=pkg.skill(2))
    page.goto(f"{site}{skill.get_absolute_url()}")
    expect(page.locator("h1 span[lang=en]")).to_have_text("communicate with customers")
    assert_accessible(page)

    municipal = Occupation.objects.filter(is_municipal=True).first()
    if municipal:  # the starter set is present
        page.goto(f"{site}{municipal.get_absolute_url()}")
        assert_accessible(page)


def test_signed_in_pages_and_error_states_pass_axe(site, page):
    page.goto(f"{site}/account/aanmelden/")
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert_accessible(page)

    sign_in(page, site)
    assert_accessible(page)
    page.goto(f"{site}/account/wachtwoord-wijzigen/")
    assert_accessible(page)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(site, page):
    page.goto(site)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Naar de inhoud")
    box = skip.bounding_box()
    assert box and box["y"] >= 0, "the focused skip link must be visible"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#inhoud$"))
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_sign_up_with_the_keyboard_only(site, page):
    page.goto(f"{site}/account/aanmelden/")
    page.locator("#id_name").focus()
    page.keyboard.type("Samir El Amrani")
    page.keyboard.press("Tab")
    page.keyboard.type("samir@example.nl")
    page.keyboard.press("Tab")  # to the radio group: the first choice is already selected
    expect(page.locator(":focus")).to_have_attribute("type", "radio")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mijn account")).to_be_visible()
    assert User.objects.get(email="samir@example.nl").role == "medewerker"


def test_focus_is_visible_on_links_and_buttons(site, page):
    page.goto(site)
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_language_switch_works_by_keyboard(site, page):
    page.goto(site)
    switch = page.get_by_role("button", name="English")
    switch.focus()
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Nederlands")).to_be_visible()


def test_occupation_search_finds_by_typo_and_synonym(site, page, taxonomy):
    page.goto(f"{site}/taxonomie/beroepen/")
    page.get_by_label("Zoek een beroep").fill("burgerzakn")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="functionaris burgerzaken")).to_be_visible()
