"""Bijeenkomsten and gesprekken in real Chromium: register, the waitlist and a promotion; book, move and
cancel a conversation; the organiser's and the adviser's pages. axe-core checks every page visited."""

import re
from datetime import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, visit
from tests.events.factories import EventFactory, UserFactory, days_ahead, make_adviser
from wendbaar.accounts.models import Role
from wendbaar.events import services, slots
from wendbaar.events.models import Conversation, ConversationStatus, Registration, RegistrationStatus
from wendbaar.taxonomy.models import Skill, Source

PASSWORD = "lente-in-zwolle-2026"


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def people(signed_in_tab):
    return lambda user, next_path="/bijeenkomsten/mijn/": signed_in_tab(user, next_path, PASSWORD)


def test_register_get_waitlisted_and_promoted(site, page, people):
    topic = Skill.objects.create(
        code="omgaan-met-veranderingen", name="omgaan met veranderingen", source=Source.LOCAL
    )
    event = EventFactory(title="Wendbaar in Overijssel", capacity=1)
    event.topics.set([topic])
    anna = UserFactory(name="Anna de Boer", email="anna@example.nl")
    bert = UserFactory(name="Bert Jansen", email="bert@example.nl")

    # Anna registers and takes the only place.
    tab_anna = people(anna)
    assert_accessible(tab_anna)
    visit(tab_anna, f"{site}/bijeenkomsten/")
    tab_anna.get_by_label("Regio").select_option("overijssel")
    tab_anna.get_by_role("button", name="Filteren").click()
    tab_anna.wait_for_url(re.compile(r"regio=overijssel"))
    assert_accessible(tab_anna)
    tab_anna.get_by_role("link", name="Wendbaar in Overijssel").click()
    expect(tab_anna.get_by_role("heading", level=1)).to_have_text("Wendbaar in Overijssel")
    assert_accessible(tab_anna)
    tab_anna.get_by_label("Mijn naam en organisatie mogen op de deelnemerslijst").check()
    tab_anna.get_by_role("button", name="Aanmelden").click()
    expect(tab_anna.get_by_role("status")).to_contain_text("Je bent aangemeld")
    assert_accessible(tab_anna)

    # Bert finds it full and joins the waitlist, using the keyboard.
    tab_bert = people(bert)
    visit(tab_bert, f"{site}{event.get_absolute_url()}")
    expect(tab_bert.get_by_text("Deze bijeenkomst is vol.")).to_be_visible()
    tab_bert.get_by_role("button", name="Op de wachtlijst").focus()
    tab_bert.keyboard.press("Enter")
    expect(tab_bert.get_by_role("status")).to_contain_text("wachtlijst, op plaats 1")
    assert_accessible(tab_bert)
    visit(tab_bert, f"{site}/bijeenkomsten/mijn/")
    expect(tab_bert.get_by_text("Op de wachtlijst (plaats 1)")).to_be_visible()

    # Anna cancels; Bert moves up and is told in the app and by e-mail.
    mail.outbox.clear()
    tab_anna.get_by_role("button", name="Afmelden").click()
    expect(tab_anna.get_by_role("status")).to_contain_text("Je bent afgemeld")
    assert_accessible(tab_anna)
    assert Registration.objects.get(user=bert).status == RegistrationStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [["bert@example.nl"]]

    visit(tab_bert, f"{site}/bijeenkomsten/mijn/")
    expect(tab_bert.get_by_text("er is een plek vrijgekomen", exact=False)).to_be_visible()
    expect(tab_bert.locator(".card").get_by_text("Aangemeld", exact=True)).to_be_visible()
    tab_bert.get_by_role("button", name="Maak een agenda-link").click()
    expect(tab_bert.get_by_label("Jouw agenda-link")).to_have_value(
        re.compile(r"/bijeenkomsten/agenda/.+\.ics$")
    )
    assert_accessible(tab_bert)


def test_organiser_pages(site, page, people):
    event = EventFactory(title="Workshop begrijpelijk schrijven", capacity=2)
    organiser = UserFactory(role=Role.PROGRAMMATEAM, email="fatma@example.nl")
    for person in UserFactory.create_batch(3):
        services.register(event.pk, person, share_on_attendee_list=True)

    tab = people(organiser, "/bijeenkomsten/organiseren/")
    assert_accessible(tab)
    tab.get_by_role("link", name="Workshop begrijpelijk schrijven").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Workshop begrijpelijk schrijven")
    assert_accessible(tab)
    tab.get_by_label(re.compile("^Persoon")).first.check()
    tab.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(tab.get_by_role("status")).to_contain_text("1 aanwezig")
    assert_accessible(tab)
    tab.get_by_role("link", name="Bewerken").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Workshop begrijpelijk schrijven bewerken")
    assert_accessible(tab)
    visit(tab, f"{site}/bijeenkomsten/organiseren/nieuw/")
    tab.get_by_role("button", name="Opslaan").click()
    expect(tab.get_by_role("alert").first).to_be_visible()
    assert_accessible(tab)


def test_book_reschedule_and_cancel_a_conversation(site, page, people):
    adviser = make_adviser("Annelies Bakker", introduction="Ik werkte vijftien jaar bij burgerzaken.")
    petra = UserFactory(name="Petra de Vries", email="petra@example.nl")
    first, second = days_ahead(3, time(10, 30)), days_ahead(4, time(11, 15))

    tab = people(petra, "/gesprekken/")
    assert_accessible(tab)
    tab.get_by_role("link", name="Annelies Bakker").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Annelies Bakker")
    assert_accessible(tab)
    slot_link = tab.locator(f'a[href$="/boeken/{slots.slot_key(first)}/"]')
    slot_link.focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Gesprek boeken")
    assert_accessible(tab)
    tab.get_by_label("Via video").check()
    tab.get_by_label("Waar wil je het over hebben?").fill("Ik wil weten of werken in de zorg bij me past.")
    tab.get_by_label("Mijn adviseur mag mijn vaardighedenprofiel zien voor dit gesprek").check()
    tab.get_by_role("button", name="Gesprek boeken").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Gesprek met Annelies Bakker")
    assert_accessible(tab)
    conversation = Conversation.objects.get()
    assert conversation.starts_at == first and conversation.share_profile

    tab.get_by_role("link", name="Gesprek verzetten").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Gesprek verzetten")
    assert_accessible(tab)
    tab.locator(f'a[href$="tijd={slots.slot_key(second)}"]').click()
    expect(tab.get_by_role("button", name="Verzetten naar deze tijd")).to_be_visible()
    assert_accessible(tab)
    tab.get_by_role("button", name="Verzetten naar deze tijd").click()
    expect(tab.get_by_role("status")).to_contain_text("Je gesprek is verzet")
    conversation.refresh_from_db()
    assert conversation.starts_at == second

    tab.get_by_label("Nieuwe notitie").fill("Vragen over scholing meenemen.")
    tab.get_by_role("button", name="Notitie opslaan").click()
    expect(tab.get_by_text("Vragen over scholing meenemen.")).to_be_visible()
    assert_accessible(tab)

    # The adviser sees the conversation, the shared profile and records an agreement.
    tab_adviser = people(adviser.user, "/gesprekken/mijn/")
    assert_accessible(tab_adviser)
    tab_adviser.get_by_role("link", name=re.compile("Petra de Vries")).click()
    expect(tab_adviser.get_by_text("deelt het vaardighedenprofiel met jou")).to_be_visible()
    assert_accessible(tab_adviser)
    tab_adviser.get_by_label("Afspraak", exact=True).fill("Meeloopdag bij het wijkteam regelen")
    tab_adviser.get_by_role("button", name="Afspraak opslaan").click()
    expect(tab_adviser.get_by_role("status")).to_contain_text("vastgelegd")
    assert_accessible(tab_adviser)
    visit(tab_adviser, f"{site}/gesprekken/beschikbaarheid/")
    tab_adviser.get_by_label("Dag", exact=True).select_option(label="zaterdag")
    tab_adviser.get_by_label("Van", exact=True).fill("10:00")
    tab_adviser.get_by_label("Tot", exact=True).fill("09:00")
    tab_adviser.get_by_role("button", name="Vaste tijd toevoegen").click()
    expect(tab_adviser.get_by_text("De eindtijd moet na de begintijd liggen.")).to_be_visible()
    assert_accessible(tab_adviser)

    # Petra sees the agreement on "Mijn gesprekken" and cancels.
    visit(tab, f"{site}/gesprekken/mijn/")
    tab.get_by_role("button", name="Afvinken: Meeloopdag bij het wijkteam regelen").click()
    expect(tab.get_by_role("status")).to_contain_text("Afspraak afgevinkt")
    assert_accessible(tab)
    tab.get_by_role("link", name="Gesprek met Annelies Bakker").click()
    tab.get_by_role("link", name="Gesprek annuleren").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Gesprek annuleren")
    assert_accessible(tab)
    tab.get_by_role("button", name="Ja, annuleer het gesprek").click()
    expect(tab.get_by_role("status")).to_contain_text("Het gesprek is geannuleerd")
    assert_accessible(tab)
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.CANCELLED


def test_refused_booking_is_announced(site, page, people):
    adviser = make_adviser(is_active=False)
    petra = UserFactory(email="petra@example.nl")
    tab = people(petra, "/gesprekken/")
    visit(tab, f"{site}{adviser.get_absolute_url()}")
    expect(tab.get_by_text("neemt nu geen nieuwe gesprekken aan")).to_be_visible()
    visit(
        tab, f"{site}/gesprekken/adviseurs/{adviser.pk}/boeken/{slots.slot_key(days_ahead(3, time(10, 30)))}/"
    )
    expect(tab.get_by_role("alert")).to_contain_text("neemt nu geen nieuwe gesprekken aan")
    assert not Conversation.objects.exists()
