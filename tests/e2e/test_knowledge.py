"""The kennisbank in real Chromium: search, download, print orders (free and paid), the podcast player.
axe-core checks every page on the way; the order form is filled with the keyboard only."""

import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.knowledge import factories as f
from wendbaar.knowledge.demo import silent_mp3
from wendbaar.knowledge.models import PrintOrder
from wendbaar.taxonomy.models import Skill, Source

PASSWORD = f.PASSWORD


@pytest.fixture
def kennisbank(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS = []
    skill = Skill.objects.create(
        code="digitale-overheid", name="kennis van de digitale overheid", source=Source.STARTER
    )
    book = f.publication(
        title="Digitaal dichtbij",
        slug="digitaal-dichtbij",
        summary="Dit boek volgt vijf gemeenten in hun digitalisering.",
        body="Aanvragen beginnen nu op een telefoon.\n\nHet werk verandert.",
        cover_alt="Omslag van Digitaal dichtbij",
    )
    book.cover.save("omslag.png", ContentFile(f.PNG))
    book.skills.add(skill)
    f.essay(title="Aan de keukentafel", summary="Over ambtenaren die met inwoners werken.")
    wnra = f.series(title="Gewoon werknemer", slug="gewoon-werknemer", summary="Zes gesprekken over de Wnra.")
    for number in (1, 2):
        f.episode(
            wnra,
            number,
            audio=silent_mp3(2),
            slug=f"gewoon-werknemer-{number}",
            title=f"De Wnra, deel {number}",
            duration=timedelta(seconds=2),
            body="Shownotes: wat veranderde er?",
            transcript="Noor: Welkom bij Gewoon werknemer.",
        )
    return {"book": book, "skill": skill, "series": wnra}


def sign_in(page, site, email):
    page.goto(f"{site}/account/inloggen/?next=/kennisbank/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Kennisbank", level=1)).to_be_visible()


def fill_order_form_by_keyboard(page, name, email, postcode="8011 LW"):
    """Every field reached with Tab from the first one; Enter sends the form."""
    page.get_by_label("Naam", exact=True).focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(name)
    for value in [email, "", "Grote Markt", "20", "", postcode, "Zwolle"]:
        page.keyboard.press("Tab")
        page.keyboard.press("Control+A")
        if value:
            page.keyboard.type(value)
        else:
            page.keyboard.press("Delete")
    expect(page.locator(":focus")).to_have_attribute("name", "city")
    page.keyboard.press("Enter")


def test_find_download_and_order_the_book(site, page, kennisbank):
    page.goto(f"{site}/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kennisbank").click()
    expect(page.get_by_role("heading", name="Kennisbank", level=1)).to_be_visible()
    assert_accessible(page)

    # Search with an inflected form; the result shows the match highlighted.
    page.get_by_label("Zoek in de kennisbank").fill("digitaliseringen")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name=re.compile("1 resultaat"))).to_be_visible()
    expect(page.locator(".search-result mark").first).to_have_text(re.compile("digitalisering", re.I))
    assert_accessible(page)
    page.get_by_role("link", name="Digitaal dichtbij").click()
    expect(page.get_by_role("heading", name="Digitaal dichtbij", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Omslag van Digitaal dichtbij")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download de pdf")).click()
    download = download_info.value
    assert download.suggested_filename == "digitaal-dichtbij.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # An outsider pays € 25,00, with VAT and shipping shown separately.
    page.get_by_role("link", name="Bestel een gedrukt exemplaar").click()
    expect(page.get_by_role("heading", name="Gedrukt exemplaar bestellen")).to_be_visible()
    price = page.get_by_role("table", name="Prijs voor wie niet bij een gemeente werkt")
    expect(price).to_contain_text("Btw 9\u00a0%")
    expect(price).to_contain_text("€\u00a025,00")
    assert_accessible(page)
    fill_order_form_by_keyboard(page, "Joost Visser", "joost@linde.example", postcode="1234 SA")
    expect(page.get_by_text("Dit is geen Nederlandse postcode.")).to_be_visible()
    expect(page.get_by_label("Postcode")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    assert not PrintOrder.objects.exists()
    fill_order_form_by_keyboard(page, "Joost Visser", "joost@linde.example")
    expect(page.get_by_role("heading", name=re.compile("^Bestelling "))).to_be_visible()
    table = page.get_by_role("table", name="Prijsopbouw van je bestelling")
    for amount in ["€\u00a018,40", "€\u00a04,54", "€\u00a02,06", "€\u00a025,00"]:
        expect(table).to_contain_text(amount)
    assert_accessible(page)
    paid = PrintOrder.objects.get()
    assert (paid.total_cents, paid.postcode) == (2500, "8011 LW")

    # A municipal employee orders free of charge.
    member = f.user("petra@zwolle.example", organisation=f.municipality())
    page.context.clear_cookies()
    sign_in(page, site, member.email)
    page.goto(f"{site}/kennisbank/publicaties/digitaal-dichtbij/bestellen/")
    expect(page.get_by_role("status").filter(has_text="Je werkt bij Gemeente Zwolle")).to_be_visible()
    expect(page.get_by_label("Naam", exact=True)).to_have_value("Petra de Vries")
    assert_accessible(page)
    fill_order_form_by_keyboard(page, "Petra de Vries", member.email)
    expect(page.get_by_role("heading", name=re.compile("^Bestelling "))).to_be_visible()
    expect(page.get_by_role("table", name="Prijsopbouw van je bestelling")).to_contain_text("€\u00a00,00")
    assert_accessible(page)
    free = PrintOrder.objects.exclude(pk=paid.pk).get()
    assert (free.total_cents, free.user) == (0, member)


def test_play_an_episode(site, page, kennisbank, settings):
    settings.DEBUG = True  # Django serves the uploads only in development; the web server does in production
    page.goto(f"{site}/kennisbank/podcasts/gewoon-werknemer/")
    expect(page.get_by_role("heading", name="Gewoon werknemer", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Aflevering 1: De Wnra, deel 1").click()
    expect(page.get_by_role("heading", name="De Wnra, deel 1", level=1)).to_be_visible()
    assert_accessible(page)

    audio = page.locator("audio")
    expect(audio).to_have_count(1)
    expect(audio).to_have_attribute("controls", "")
    source = audio.locator("source")
    expect(source).to_have_attribute("type", "audio/mpeg")
    assert source.get_attribute("src").endswith(".mp3")
    expect(page.get_by_role("heading", name="Uitgeschreven tekst")).to_be_visible()
    expect(page.get_by_text("Welkom bij Gewoon werknemer.")).to_be_visible()

    # The file loads and plays (silently): the browser reports its duration and moves the play head.
    audio.focus()
    audio.evaluate("a => a.play()")
    page.wait_for_function(
        "() => { const a = document.querySelector('audio');"
        " return a.duration > 1 && (a.currentTime > 0 || a.ended); }"
    )
    assert audio.evaluate("a => a.error") is None


def test_read_more_on_a_skill_page(site, page, kennisbank):
    page.goto(f"{site}{kennisbank['skill'].get_absolute_url()}")
    block = page.get_by_role("region", name="Lees meer in de kennisbank")
    expect(block.get_by_role("link", name="Digitaal dichtbij")).to_be_visible()
    assert_accessible(page)
