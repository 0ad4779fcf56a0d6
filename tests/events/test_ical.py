"""iCalendar output parsed with a real parser (icalendar), round-tripping times across daylight saving."""

from datetime import UTC, datetime, time, timedelta

import icalendar
import pytest
from django.urls import reverse

from tests.events.factories import AMSTERDAM, EventFactory, UserFactory, days_ahead, local, make_adviser
from wendbaar.events import ical, services
from wendbaar.events.models import CalendarFeed

pytestmark = pytest.mark.django_db

WINTER = (local(2027, 1, 14, 19, 0), local(2027, 1, 14, 21, 30))
SUMMER = (local(2026, 6, 18, 14, 0), local(2026, 6, 18, 17, 0))
# Saturday 24 October 10:00 summer time to Sunday 25 October 16:00 winter time (clocks go back at 03:00).
ACROSS_OCTOBER_CHANGE = (local(2026, 10, 24, 10, 0), local(2026, 10, 25, 16, 0))


def only_event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    (component,) = calendar.walk("VEVENT")
    return component


@pytest.mark.parametrize(
    ("start", "end", "utc_start", "utc_end"),
    [
        (*WINTER, datetime(2027, 1, 14, 18, 0, tzinfo=UTC), datetime(2027, 1, 14, 20, 30, tzinfo=UTC)),
        (*SUMMER, datetime(2026, 6, 18, 12, 0, tzinfo=UTC), datetime(2026, 6, 18, 15, 0, tzinfo=UTC)),
        (
            *ACROSS_OCTOBER_CHANGE,
            datetime(2026, 10, 24, 8, 0, tzinfo=UTC),
            datetime(2026, 10, 25, 15, 0, tzinfo=UTC),
        ),
    ],
    ids=["winter", "summer", "across-last-sunday-of-october"],
)
def test_event_ics_round_trips_the_times(start, end, utc_start, utc_end):
    event = EventFactory(
        title="Bijeenkomst, met komma", starts_at=start, ends_at=end, registration_deadline=start
    )
    event.refresh_from_db()  # as stored: UTC
    assert (event.starts_at, event.ends_at) == (utc_start, utc_end)

    data = ical.event_calendar(event, "https://wendbaar.example.nl/")
    component = only_event(data)

    assert component.decoded("dtstart") == utc_start
    assert component.decoded("dtend") == utc_end
    # Written as the organiser meant it: Dutch wall-clock time with the zone named.
    assert component["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert component.decoded("dtstart").replace(tzinfo=None) == start.replace(tzinfo=None)
    assert component.decoded("dtend").replace(tzinfo=None) == end.replace(tzinfo=None)
    assert str(component["summary"]) == "Bijeenkomst, met komma"
    assert str(component["uid"]) == f"bijeenkomst-{event.pk}@wendbaar"
    assert str(component["url"]).startswith("https://wendbaar.example.nl/bijeenkomsten/")
    # The calendar carries the zone's rules, so a client without a zone database still gets it right.
    calendar = icalendar.Calendar.from_ical(data)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert calendar.get_missing_tzids() == set()


def test_an_event_across_the_october_change_lasts_one_hour_longer_than_the_clock_says():
    start, end = ACROSS_OCTOBER_CHANGE
    event = EventFactory(starts_at=start, ends_at=end, registration_deadline=start)
    component = only_event(ical.event_calendar(event))
    start_read, end_read = component.decoded("dtstart"), component.decoded("dtend")
    # Python subtracts wall-clock times within one zone; real elapsed time needs UTC.
    assert end_read - start_read == timedelta(hours=30)
    assert end_read.astimezone(UTC) - start_read.astimezone(UTC) == timedelta(hours=31)
    assert start_read.utcoffset() == timedelta(hours=2)
    assert end_read.utcoffset() == timedelta(hours=1)


def test_the_vtimezone_has_both_offsets_for_a_year_with_changes():
    start, end = SUMMER
    data = ical.event_calendar(
        EventFactory(starts_at=start, ends_at=end, registration_deadline=start)
    ).decode()
    assert "TZOFFSETTO:+0200" in data and "TZOFFSETTO:+0100" in data


def test_pages_show_dutch_local_time_on_both_sides_of_the_change(client):
    start, end = ACROSS_OCTOBER_CHANGE
    event = EventFactory(starts_at=start, ends_at=end, registration_deadline=start)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "zaterdag 24 oktober 2026, 10:00" in page
    assert "zondag 25 oktober 2026, 16:00" in page
    assert 'datetime="2026-10-24T10:00:00+02:00"' in page
    assert 'datetime="2026-10-25T16:00:00+01:00"' in page


def test_event_ics_download(client):
    event = EventFactory()
    response = client.get(reverse("events:ics", args=[event.slug]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    assert only_event(response.content).decoded("dtstart") == event.starts_at
    draft = EventFactory(is_published=False)
    assert client.get(reverse("events:ics", args=[draft.slug])).status_code == 404


def test_personal_feed_has_confirmed_events_and_conversations_only(client):
    person = UserFactory()
    going, waiting, dropped = EventFactory(capacity=5), EventFactory(capacity=1), EventFactory()
    services.register(going.pk, person)
    services.register(waiting.pk, UserFactory())
    services.register(waiting.pk, person)  # on the waitlist
    services.register(dropped.pk, person)
    services.cancel_registration(dropped.pk, person)
    adviser = make_adviser()
    conversation = services.book(person, adviser.user_id, days_ahead(3, time(9, 0)), mode="video")
    services.add_note(conversation, person, "Dit is privé")
    feed = services.renew_calendar_feed(person)

    response = client.get(feed.get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    uids = sorted(str(c["uid"]) for c in calendar.walk("VEVENT"))
    assert uids == sorted([f"bijeenkomst-{going.pk}@wendbaar", f"gesprek-{conversation.pk}@wendbaar"])
    (talk,) = [c for c in calendar.walk("VEVENT") if str(c["uid"]).startswith("gesprek")]
    assert str(talk["summary"]) == f"Gesprek met {adviser.user.name}"
    assert talk.decoded("dtstart") == conversation.starts_at.astimezone(AMSTERDAM)
    assert "privé" not in response.content.decode()

    # The adviser's own feed shows the same conversation from the other side.
    adviser_feed = services.renew_calendar_feed(adviser.user)
    calendar = icalendar.Calendar.from_ical(client.get(adviser_feed.get_absolute_url()).content)
    assert [str(c["summary"]) for c in calendar.walk("VEVENT")] == [f"Gesprek met {person.name}"]


def test_feed_links_can_be_renewed_and_revoked(client):
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("events:calendar_link"), {"actie": "nieuw"})
    first = CalendarFeed.objects.get(user=person).get_absolute_url()
    assert len(CalendarFeed.objects.get(user=person).token) >= 40
    assert first in client.get(reverse("events:mine")).content.decode()

    client.post(reverse("events:calendar_link"), {"actie": "nieuw"})
    second = CalendarFeed.objects.get(user=person).get_absolute_url()
    assert second != first

    client.logout()  # calendar apps do not sign in
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200

    client.force_login(person)
    client.post(reverse("events:calendar_link"), {"actie": "intrekken"})
    assert not CalendarFeed.objects.filter(user=person).exists()
    assert client.get(second).status_code == 404
    assert client.get("/bijeenkomsten/agenda/raden.ics").status_code == 404


def test_a_blocked_account_has_no_feed(client):
    person = UserFactory()
    feed = services.renew_calendar_feed(person)
    person.is_active = False
    person.save()
    assert client.get(feed.get_absolute_url()).status_code == 404
