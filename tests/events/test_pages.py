"""The pages: filters, registering through the site, organisers' pages and CSV, booking through the site."""

import csv
import io
from datetime import UTC, datetime, time, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import EventFactory, UserFactory, days_ahead, local, make_adviser
from wendbaar.accounts.models import Membership, Organisation, OrganisationKind, Role
from wendbaar.events import services, slots
from wendbaar.events.forms import EventFilterForm
from wendbaar.events.models import (
    ONLINE,
    Adviser,
    AvailabilityException,
    Conversation,
    ConversationStatus,
    Event,
    EventKind,
    Registration,
    RegistrationStatus,
    WeeklyAvailability,
)
from wendbaar.taxonomy.models import Skill, Source

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- List and filters ---------------------------------------------------------------------------------


@pytest.fixture
def listed():
    privacy = Skill.objects.create(code="privacy", name="privacy", source=Source.LOCAL)
    data = Skill.objects.create(code="data-analyse", name="data-analyse", source=Source.LOCAL)
    zwolle = EventFactory(
        title="Zwolle in december", region="overijssel", starts_at=days_ahead(10, time(15, 0))
    )
    zwolle.topics.set([privacy])
    webinar = EventFactory(
        title="Webinar over data",
        kind=EventKind.WEBINAR,
        region=ONLINE,
        venue="",
        online_url="https://webinar.example.nl/data",
        starts_at=days_ahead(45, time(12, 0)),
    )
    webinar.topics.set([data])
    EventFactory(title="Concept", is_published=False)
    EventFactory(
        title="Geweest",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
        registration_deadline=timezone.now() - timedelta(days=4),
    )
    return zwolle, webinar


def titles(response):
    return [e.title for e in response.context["page"].object_list]


def test_list_shows_published_upcoming_events(client, listed):
    assert titles(client.get(reverse("events:list"))) == ["Zwolle in december", "Webinar over data"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"regio": "overijssel"}, ["Zwolle in december"]),
        ({"regio": ONLINE}, ["Webinar over data"]),
        ({"soort": EventKind.WEBINAR}, ["Webinar over data"]),
        ({"onderwerp": "privacy"}, ["Zwolle in december"]),
        ({"regio": "overijssel", "soort": EventKind.WEBINAR}, []),
    ],
)
def test_list_filters(client, listed, query, expected):
    assert titles(client.get(reverse("events:list"), query)) == expected


def test_month_filter_uses_dutch_local_months(client, listed):
    zwolle, webinar = listed
    month = timezone.localtime(webinar.starts_at).strftime("%Y-%m")
    assert "Webinar over data" in titles(client.get(reverse("events:list"), {"maand": month}))
    if timezone.localtime(zwolle.starts_at).strftime("%Y-%m") != month:
        assert "Zwolle in december" not in titles(client.get(reverse("events:list"), {"maand": month}))


def test_month_filter_uses_local_midnight_not_utc():
    """00:30 on 1 January in Amsterdam is still 31 December in UTC; it belongs to January."""
    new_year = EventFactory(starts_at=local(2027, 1, 1, 0, 30), registration_deadline=local(2026, 12, 30))
    old_year = EventFactory(starts_at=local(2026, 12, 31, 23, 30), registration_deadline=local(2026, 12, 30))
    assert new_year.starts_at.astimezone(UTC).month == 12
    events = [new_year, old_year]
    january = EventFilterForm({"maand": "2027-01"}, events=events)
    december = EventFilterForm({"maand": "2026-12"}, events=events)
    assert list(january.filter(Event.objects.all())) == [new_year]
    assert list(december.filter(Event.objects.all())) == [old_year]
    assert [label for value, label in january.fields["maand"].choices] == [
        "Alle maanden",
        "december 2026",
        "januari 2027",
    ]


def test_unknown_filter_values_change_nothing(client, listed):
    response = client.get(reverse("events:list"), {"regio": "atlantis"})
    assert response.status_code == 200
    assert titles(response) == ["Zwolle in december", "Webinar over data"]


def test_drafts_are_for_organisers_only(client, listed):
    draft = Event.objects.get(title="Concept")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(role=Role.PROGRAMMATEAM))
    assert client.get(draft.get_absolute_url()).status_code == 200


# --- Registering through the site ---------------------------------------------------------------------


def test_register_and_cancel_through_the_site(client):
    event = EventFactory(capacity=1)
    petra, samir = UserFactory(name="Petra"), UserFactory(name="Samir")
    register = reverse("events:register", args=[event.slug])

    client.force_login(petra)
    response = client.post(register, {"share_on_attendee_list": "on"})
    assert response.status_code == 302 and "Je bent aangemeld" in messages_of(response)[0]
    assert "Afmelden" in client.get(event.get_absolute_url()).content.decode()

    client.force_login(samir)
    response = client.post(register)
    assert "wachtlijst, op plaats 1" in messages_of(response)[0]
    assert not Registration.objects.get(user=samir).share_on_attendee_list

    client.force_login(petra)
    client.post(reverse("events:cancel", args=[event.slug]))
    assert Registration.objects.get(user=samir).status == RegistrationStatus.CONFIRMED

    client.force_login(samir)
    page = client.get(reverse("events:mine")).content.decode()
    assert "plek vrijgekomen" in page and "nieuw" in page
    assert "nieuw</span>" not in client.get(reverse("events:mine")).content.decode()  # read now


def test_registering_after_the_deadline_shows_a_clear_message(client):
    now = timezone.now()
    event = EventFactory(
        starts_at=now + timedelta(hours=5),
        ends_at=now + timedelta(hours=6),
        registration_deadline=now - timedelta(hours=1),
    )
    client.force_login(UserFactory())
    assert "Aanmelden is niet meer mogelijk" in client.get(event.get_absolute_url()).content.decode()
    response = client.post(reverse("events:register", args=[event.slug]))
    assert messages_of(response) == [
        f"Aanmelden is niet meer mogelijk. Dat kon tot {services.when(event.registration_deadline)}."
    ]
    assert not Registration.objects.exists()


def test_register_needs_login_and_post(client):
    event = EventFactory()
    assert client.post(reverse("events:register", args=[event.slug])).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("events:register", args=[event.slug])).status_code == 405
    assert not Registration.objects.exists()


def test_online_link_is_for_registered_people(client):
    event = EventFactory(region=ONLINE, venue="", online_url="https://webinar.example.nl/geheim")
    person = UserFactory()
    client.force_login(person)
    assert "webinar.example.nl/geheim" not in client.get(event.get_absolute_url()).content.decode()
    services.register(event.pk, person)
    assert "webinar.example.nl/geheim" in client.get(event.get_absolute_url()).content.decode()


# --- Organisers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.LOOPBAANADVISEUR, Role.ORGANISATIE])
def test_organiser_pages_are_for_programme_staff(client, role):
    event = EventFactory()
    client.force_login(UserFactory(role=role))
    for url in (
        reverse("events:organiser_list"),
        reverse("events:create"),
        reverse("events:organiser_event", args=[event.slug]),
        reverse("events:edit", args=[event.slug]),
        reverse("events:attendees_csv", args=[event.slug]),
    ):
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(reverse("events:organiser_list")).status_code == 302


@pytest.fixture
def organiser(client):
    user = UserFactory(role=Role.PROGRAMMATEAM, name="Fatma Yilmaz")
    client.force_login(user)
    return user


def event_data(**overrides):
    return {
        "title": "Regionale bijeenkomst Zwolle",
        "description": "Collega's vertellen.",
        "kind": EventKind.REGIONAL,
        "region": "overijssel",
        "venue": "Stadskantoor, Zwolle",
        "online_url": "",
        "starts_at": "2027-03-26T19:00",
        "ends_at": "2027-03-26T21:00",
        "registration_deadline": "2027-03-24T12:00",
        "capacity": "40",
        "audience": "Medewerkers burgerzaken",
        "topics": "",
        "is_published": "on",
        **overrides,
    }


def test_organiser_creates_an_event_in_dutch_local_time(client, organiser):
    Skill.objects.create(code="privacy", name="privacy", source=Source.LOCAL)
    response = client.post(reverse("events:create"), event_data(topics="Privacy"))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at == datetime(2027, 3, 26, 18, 0, tzinfo=UTC)  # winter time: UTC+1
    assert event.organiser == organiser
    assert list(event.topics.values_list("code", flat=True)) == ["privacy"]
    # Edited in summer time the wall-clock time is kept as typed.
    client.post(
        reverse("events:edit", args=[event.slug]),
        event_data(starts_at="2027-04-02T19:00", ends_at="2027-04-02T21:00"),
    )
    event.refresh_from_db()
    assert event.starts_at == datetime(2027, 4, 2, 17, 0, tzinfo=UTC)
    page = client.get(reverse("events:edit", args=[event.slug])).content.decode()
    assert 'value="2027-04-02T19:00"' in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"starts_at": "2027-03-28T02:30"}, "kon niet worden geïnterpreteerd"),  # clocks skip 02:00–03:00
        ({"starts_at": "2027-10-31T02:30"}, "dubbelzinnig"),  # happens twice: clocks go back
        ({"ends_at": "2027-03-26T18:00"}, "Het einde moet na het begin liggen."),
        ({"registration_deadline": "2027-03-27T12:00"}, "Aanmelden moet uiterlijk bij het begin sluiten."),
        ({"region": ONLINE, "venue": ""}, "Een online bijeenkomst heeft een link nodig."),
        ({"venue": ""}, "Vul het adres in, of kies regio ‘Online’."),
        ({"topics": "bestaat niet"}, "Deze onderwerpen kennen we niet"),
        ({"capacity": "0"}, "1"),
    ],
)
def test_bad_event_input_is_refused_and_changes_nothing(client, organiser, overrides, message):
    response = client.post(reverse("events:create"), event_data(**overrides))
    assert response.status_code == 200
    errors = " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)
    assert message in errors
    assert not Event.objects.exists()


def test_fewer_places_than_people_registered_is_refused(client, organiser):
    event = EventFactory(capacity=3)
    for person in UserFactory.create_batch(3):
        services.register(event.pk, person)
    data = event_data(
        title=event.title,
        starts_at=timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
        ends_at=timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
        registration_deadline=timezone.localtime(event.registration_deadline).strftime("%Y-%m-%dT%H:%M"),
        capacity="2",
    )
    response = client.post(reverse("events:edit", args=[event.slug]), data)
    assert "Er zijn al 3 personen aangemeld" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 3


def test_more_places_on_the_edit_page_go_to_the_waitlist(client, organiser):
    event = EventFactory(capacity=1)
    first, second = UserFactory.create_batch(2)
    services.register(event.pk, first)
    services.register(event.pk, second)
    data = event_data(
        title=event.title,
        starts_at=timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
        ends_at=timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
        registration_deadline=timezone.localtime(event.registration_deadline).strftime("%Y-%m-%dT%H:%M"),
        capacity="2",
    )
    client.post(reverse("events:edit", args=[event.slug]), data)
    assert Registration.objects.get(user=second).status == RegistrationStatus.CONFIRMED


def test_attendee_csv_has_only_what_people_agreed_to_share(client, organiser):
    event = EventFactory(capacity=3)
    zwolle = Organisation.objects.create(
        name="Gemeente Zwolle", slug="zwolle", kind=OrganisationKind.GEMEENTE, sector="gemeente"
    )
    sharing = UserFactory(name="Petra de Vries", email="petra@example.nl")
    Membership.objects.create(user=sharing, organisation=zwolle)
    private = UserFactory(name="Niet Delen", email="geheim@example.nl")
    sneaky = UserFactory(name='=HYPERLINK("http://x")', email="x@example.nl")
    waiting = UserFactory(name="Wacht Even")
    services.register(event.pk, sharing, share_on_attendee_list=True)
    services.register(event.pk, private, share_on_attendee_list=False)
    services.register(event.pk, sneaky, share_on_attendee_list=True)
    services.register(event.pk, waiting, share_on_attendee_list=True)  # waitlisted: not an attendee

    response = client.get(reverse("events:attendees_csv", args=[event.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["Naam", "Organisatie"],
        ['\'=HYPERLINK("http://x")', ""],
        ["Petra de Vries", "Gemeente Zwolle"],
    ]
    assert "geheim@example.nl" not in text and "petra@example.nl" not in text and "Wacht" not in text

    page = client.get(reverse("events:organiser_event", args=[event.slug])).content.decode()
    assert "1 aangemelde deelnemer staat er niet op" in page


def test_marking_attendance_on_the_organiser_page(client, organiser):
    event = EventFactory(capacity=2)
    came, stayed_home = UserFactory.create_batch(2)
    services.register(event.pk, came)
    services.register(event.pk, stayed_home)
    registration = Registration.objects.get(user=came)
    response = client.post(
        reverse("events:organiser_event", args=[event.slug]), {"aanwezig": [str(registration.pk), "x"]}
    )
    assert "1 aanwezig" in messages_of(response)[0]
    assert dict(event.registrations.values_list("user_id", "attended")) == {
        came.pk: True,
        stayed_home.pk: False,
    }


# --- Conversations through the site -------------------------------------------------------------------


@pytest.fixture
def adviser():
    return make_adviser()


def book_url(adviser, start):
    return reverse("events:book", args=[adviser.pk, slots.slot_key(start)])


def test_book_reschedule_and_cancel_through_the_site(client, adviser):
    person = UserFactory()
    client.force_login(person)
    start = days_ahead(3, time(9, 45))
    assert book_url(adviser, start) in client.get(adviser.get_absolute_url()).content.decode()
    response = client.post(
        book_url(adviser, start), {"mode": "video", "question": "Overstap", "share_profile": "on"}
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response.url == conversation.get_absolute_url()
    assert conversation.share_profile and conversation.question == "Overstap"

    new_start = days_ahead(5, time(12, 45))
    reschedule = reverse("events:reschedule", args=[conversation.pk])
    assert f"tijd={slots.slot_key(new_start)}" in client.get(reschedule).content.decode()
    assert (
        "Verzetten naar deze tijd"
        in client.get(reschedule, {"tijd": slots.slot_key(new_start)}).content.decode()
    )
    client.post(reschedule, {"tijd": slots.slot_key(new_start)})
    conversation.refresh_from_db()
    assert conversation.starts_at == new_start

    client.post(reverse("events:cancel_conversation", args=[conversation.pk]))
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.CANCELLED


@pytest.mark.parametrize(
    ("setup", "start", "message"),
    [
        (lambda adviser, person: None, days_ahead(-1, time(10, 30)), "Dit tijdstip is al voorbij."),
        (
            lambda adviser, person: Adviser.objects.filter(pk=adviser.pk).update(is_active=False),
            days_ahead(3, time(10, 30)),
            "neemt nu geen nieuwe gesprekken aan",
        ),
        (
            lambda adviser, person: [
                services.book(person, adviser.user_id, days_ahead(d, time(9, 0)), mode="video")
                for d in (2, 4)
            ],
            days_ahead(3, time(10, 30)),
            "al 2 gesprekken gepland",
        ),
    ],
    ids=["past-slot", "inactive-adviser", "open-booking-limit"],
)
def test_refused_bookings_show_a_clear_message_and_change_nothing(client, adviser, setup, start, message):
    person = UserFactory()
    setup(adviser, person)
    before = Conversation.objects.count()
    client.force_login(person)
    response = client.post(book_url(adviser, start), {"mode": "video"})
    assert response.status_code in (200, 409)
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert Conversation.objects.count() == before


def test_cancelling_inside_the_notice_period_is_refused_on_the_page(client, adviser):
    person = UserFactory()
    conversation = services.book(person, adviser.user_id, days_ahead(3, time(9, 0)), mode="video")
    Conversation.objects.filter(pk=conversation.pk).update(
        starts_at=timezone.now() + timedelta(hours=5), ends_at=timezone.now() + timedelta(hours=6)
    )
    client.force_login(person)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Dat is nu voorbij" in page and "Gesprek verzetten" not in page
    response = client.post(reverse("events:cancel_conversation", args=[conversation.pk]))
    assert "Annuleren kan tot 24 uur voor het gesprek" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.BOOKED
    assert (
        "Verzetten kan tot 24 uur"
        in client.get(reverse("events:reschedule", args=[conversation.pk])).content.decode()
    )


def test_advisers_manage_their_availability(client):
    adviser_user = UserFactory(role=Role.LOOPBAANADVISEUR)
    client.force_login(adviser_user)
    url = reverse("events:availability")
    assert client.get(url).status_code == 200
    adviser = Adviser.objects.get(user=adviser_user)
    client.post(
        url,
        {
            "formulier": "instellingen",
            "is_active": "on",
            "slot_minutes": "60",
            "video_url": "https://video.example.nl/x",
        },
    )
    adviser.refresh_from_db()
    assert adviser.slot_minutes == 60 and adviser.accepts_bookings

    client.post(
        url, {"formulier": "vast", "vast-weekday": "1", "vast-starts_at": "09:00", "vast-ends_at": "12:00"}
    )
    response = client.post(
        url, {"formulier": "vast", "vast-weekday": "1", "vast-starts_at": "11:00", "vast-ends_at": "13:00"}
    )
    assert "Dit overlapt" in response.content.decode()
    response = client.post(
        url, {"formulier": "vast", "vast-weekday": "2", "vast-starts_at": "12:00", "vast-ends_at": "09:00"}
    )
    assert "De eindtijd moet na de begintijd liggen." in response.content.decode()
    assert list(WeeklyAvailability.objects.values_list("weekday", flat=True)) == [1]

    client.post(
        url,
        {
            "formulier": "vrij",
            "vrij-first_day": "2026-12-24",
            "vrij-last_day": "2027-01-02",
            "vrij-reason": "Kerst",
        },
    )
    assert AvailabilityException.objects.get().reason == "Kerst"
    response = client.post(
        url, {"formulier": "vrij", "vrij-first_day": "2027-01-05", "vrij-last_day": "2027-01-02"}
    )
    assert "De laatste dag mag niet voor de eerste dag liggen." in response.content.decode()

    client.post(reverse("events:delete_weekly", args=[WeeklyAvailability.objects.get().pk]))
    assert not WeeklyAvailability.objects.exists()


def test_availability_is_for_advisers_and_their_own_rows(client, adviser):
    client.force_login(UserFactory())
    assert client.get(reverse("events:availability")).status_code == 403
    client.force_login(make_adviser("Hendrik Smit").user)
    window = adviser.weekly_availability.first()
    assert client.post(reverse("events:delete_weekly", args=[window.pk])).status_code == 404
    assert WeeklyAvailability.objects.filter(pk=window.pk).exists()


def test_conversation_home_lists_active_advisers_only(client, adviser):
    paused = make_adviser("Hendrik Smit", is_active=False)
    page = client.get(reverse("events:conversations")).content.decode()
    assert adviser.user.name in page and paused.user.name not in page
    assert "neemt nu geen nieuwe gesprekken aan" in client.get(paused.get_absolute_url()).content.decode()


def test_admin_pages_for_events_and_advisers(admin_client, adviser):
    event = EventFactory(capacity=2)
    for person in UserFactory.create_batch(2):
        services.register(event.pk, person)
    for url in (
        "/beheer/events/event/",
        "/beheer/events/event/add/",
        f"/beheer/events/event/{event.pk}/change/",
        "/beheer/events/adviser/",
        f"/beheer/events/adviser/{adviser.pk}/change/",
    ):
        assert admin_client.get(url).status_code == 200, url
    data = {
        "title": event.title,
        "description": event.description,
        "kind": event.kind,
        "region": event.region,
        "venue": event.venue,
        "starts_at_0": timezone.localtime(event.starts_at).strftime("%Y-%m-%d"),
        "starts_at_1": timezone.localtime(event.starts_at).strftime("%H:%M:%S"),
        "ends_at_0": timezone.localtime(event.ends_at).strftime("%Y-%m-%d"),
        "ends_at_1": timezone.localtime(event.ends_at).strftime("%H:%M:%S"),
        "registration_deadline_0": timezone.localtime(event.registration_deadline).strftime("%Y-%m-%d"),
        "registration_deadline_1": timezone.localtime(event.registration_deadline).strftime("%H:%M:%S"),
        "capacity": "1",
        "audience": event.audience,
        "is_published": "on",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
    }
    response = admin_client.post(f"/beheer/events/event/{event.pk}/change/", data)
    assert "Er zijn al 2 personen aangemeld" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 2
