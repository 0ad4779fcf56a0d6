"""The medewerker journey in real Chromium: sign up, build a profile from 'baliemedewerker burgerzaken',
paste a Dutch CV and accept suggestions, open Inzicht, explore, open a transition, run a what-if and save it.
axe-core checks every page; the wizard is also completed with the keyboard alone. Screenshots of the key
pages go to test-results/screenshots/."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from wendbaar.accounts.models import User
from wendbaar.learning.models import Course
from wendbaar.profiles.models import Profile, Suggestion
from wendbaar.taxonomy.models import Skill
from wendbaar.taxonomy.starter_import import load_starter_set

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
PASSWORD = "lente-in-zwolle-2026"
CV = (
    "Ik werk al twintig jaar aan de balie van burgerzaken. Ik behandel aanvragen voor paspoorten en "
    "rijbewijzen en controleer officiële documenten op echtheid. Ik verwerk verhuizingen in de BRP. "
    "Daarnaast werk ik veel met Excel en houd ik een kas bij."
)


@pytest.fixture
def starter(transactional_db):
    load_starter_set()
    course = Course.objects.create(
        title="Werken met data",
        slug="werken-met-data",
        provider="Leerhuis Publiek",
        description="Leer gegevens ordenen en analyseren.",
        format="online",
        hours=24,
    )
    course.skills.set(Skill.objects.filter(code__in=["data-analyse", "sql", "datavisualisatie"]))


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_the_whole_journey(site, page, starter):
    page.goto(f"{site}/account/aanmelden/")
    page.get_by_label("Je naam").fill("Petra de Vries")
    page.get_by_label("Je e-mailadres").fill("petra@example.nl")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Herhaal het wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Account maken").click()

    page.goto(f"{site}/mijn/")
    assert_accessible(page)
    shot(page, "1-dashboard")
    page.get_by_role("link", name="Begin met je profiel").click()

    # Step 1: the current job.
    page.get_by_label("Jouw functie").fill("baliemedewerker burgerzaken")
    page.get_by_role("button", name="Zoek functie").click()
    expect(page.get_by_label("baliemedewerker burgerzaken")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("baliemedewerker burgerzaken").check()
    page.get_by_label("Hoeveel jaar doe je dit werk al?").fill("20")
    page.get_by_role("button", name="Kies deze functie").click()

    # Step 2: skills pre-filled; rate one higher and save.
    expect(page.get_by_role("heading", name="Wat kun je?")).to_be_visible()
    assert_accessible(page)
    shot(page, "2-vaardigheden")
    page.locator("fieldset.rating__fieldset").first.get_by_label("4. Expert").check()
    page.get_by_role("button", name="Opslaan en verder").click()

    # Step 3: experience and education.
    expect(page.get_by_role("heading", name="Je ervaring en opleiding")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Wat is je hoogste diploma?").select_option("mbo-4")
    page.get_by_role("button", name="Opslaan en verder").click()

    # Step 4: a Dutch CV, suggestions accepted one by one.
    page.get_by_label("Je cv of een beschrijving van je werk").fill(CV)
    page.get_by_role("button", name="Zoek vaardigheden in mijn tekst").click()
    expect(page.get_by_role("heading", name="Klopt dit?")).to_be_visible()
    assert_accessible(page)
    shot(page, "3-suggesties")
    profile = Profile.objects.get(user__email="petra@example.nl")
    before = profile.skills.count()
    page.get_by_role("button", name="Ja, toevoegen").first.click()
    expect(page.get_by_role("status").first).to_contain_text("staat nu in je profiel")
    assert profile.skills.count() == before + 1
    assert Suggestion.objects.filter(profile=profile, status="accepted").count() == 1
    page.get_by_role("button", name="Klaar: bekijk mijn inzicht").click()

    # Inzicht.
    expect(page.get_by_role("heading", name="Inzicht in je vaardigheden")).to_be_visible()
    expect(page.locator("svg.chart__svg").first).to_be_visible()
    assert_accessible(page)
    shot(page, "4-inzicht")

    # Verkennen, a transition, what-if, save.
    page.goto(f"{site}/verkennen/?soort=andere-sectoren")
    assert_accessible(page)
    shot(page, "5-verkennen")
    page.goto(f"{site}/verkennen/beroep/data-analist/")
    expect(page.locator(".match-badge")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=leer]").first.check()
    page.get_by_role("button", name="Bereken").click()
    expect(page.get_by_role("status").filter(has_text="Dan past dit werk")).to_be_visible()
    assert_accessible(page)
    shot(page, "6-wat-als")
    page.get_by_role("button", name="Bewaren").first.click()
    expect(page.get_by_role("status").first).to_contain_text("bewaard")
    assert profile.saved.filter(occupation__code="data-analist").exists()

    page.goto(f"{site}/mijn/")
    expect(page.get_by_role("link", name="data-analist")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{site}/leren/")
    assert_accessible(page)
    page.goto(f"{site}/leren/werken-met-data/")
    assert_accessible(page)


def test_the_wizard_with_the_keyboard_only(site, page, starter):
    User.objects.create_user("samir@example.nl", PASSWORD, name="Samir")
    page.goto(f"{site}/account/inloggen/?next=/mijn/profiel/werk/")
    page.locator("#id_username").focus()
    page.keyboard.type("samir@example.nl")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Wat voor werk doe je nu?")).to_be_visible()
    page.locator("#functie").focus()
    page.keyboard.type("klantcontactmedewerker")
    page.keyboard.press("Enter")
    radio = page.locator("input[name=occupation]").first
    expect(radio).to_be_visible()
    radio.focus()  # reached by Tab in a real session; focus() keeps the test independent of menu length
    page.keyboard.press("Tab")
    page.keyboard.type("6")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Wat kun je?")).to_be_visible()
    first = page.locator("fieldset.rating__fieldset input[type=radio]:checked").first
    first.focus()
    page.keyboard.press("ArrowRight")  # one level up, the way radio groups work
    button = page.get_by_role("button", name="Opslaan en verder")
    button.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Je ervaring en opleiding")).to_be_visible()
    page.get_by_role("button", name="Opslaan en verder").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Vertel over je werk")).to_be_visible()
    page.locator("#id_text").focus()
    page.keyboard.type("Ik help klanten aan de telefoon en via de chat. Ik werk met het zaaksysteem.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_be_visible()
    done = page.get_by_role("button", name="Klaar: bekijk mijn inzicht")
    done.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Inzicht in je vaardigheden")).to_be_visible()
    profile = Profile.objects.get(user__email="samir@example.nl")
    assert (
        profile.current_occupation.code == "klantcontactmedewerker-kcc" and profile.years_in_occupation == 6
    )
    assert profile.step == "klaar"
    assert profile.skills.filter(level=4).exists()

    # Verkennen: from a card's "Bekijk" link, Tab reaches its Bewaren button; Enter saves that card.
    page.goto(f"{site}/verkennen/")
    first_card = page.locator("li.transition").first
    first_card.get_by_role("link", name="Bekijk").focus()
    page.keyboard.press("Tab")
    expect(first_card.get_by_role("button", name="Bewaren")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("bewaard")
    assert profile.saved.count() == 1
    expect(
        page.locator("li.transition").first.get_by_role("button", name="Niet meer bewaren")
    ).to_be_visible()
    assert_accessible(page)
