"""Test data for events and conversations. Times are built in Dutch local time, relative to now."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from wendbaar.accounts.models import Role, User
from wendbaar.events.models import Adviser, Event, EventKind, WeeklyAvailability

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def days_ahead(days: int, at: time = time(10, 0)) -> datetime:
    """A wall-clock time ``days`` local days from today."""
    return datetime.combine(timezone.localdate() + timedelta(days=days), at, tzinfo=AMSTERDAM)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"persoon{n}@example.nl")
    name = factory.Sequence(lambda n: f"Persoon {n}")
    role = Role.MEDEWERKER
    password = factory.django.Password("lente-in-zwolle-2026")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Regionale bijeenkomst {n}")
    description = "Collega's vertellen over hun overstap."
    kind = EventKind.REGIONAL
    region = "overijssel"
    venue = "Stadskantoor, Zwolle"
    starts_at = factory.LazyFunction(lambda: days_ahead(10, time(15, 0)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    registration_deadline = factory.LazyAttribute(lambda o: o.starts_at - timedelta(days=1))
    capacity = 50
    audience = "Medewerkers publieksdiensten"


def make_adviser(
    name="Annelies Bakker",
    *,
    email=None,
    weekdays=range(7),
    start=time(9, 0),
    end=time(17, 0),
    minutes=45,
    **fields,
) -> Adviser:
    """An adviser who works every day (by default), so tests do not depend on today's weekday."""
    user = UserFactory(
        name=name, email=email or f"{name.split()[0].lower()}@adviseur.example.nl", role=Role.LOOPBAANADVISEUR
    )
    adviser = Adviser.objects.create(
        user=user,
        slot_minutes=minutes,
        location=fields.pop("location", "Loopbaanpunt, Zwolle"),
        video_url=fields.pop("video_url", "https://video.example.nl/annelies"),
        **fields,
    )
    for day in weekdays:
        WeeklyAvailability.objects.create(adviser=adviser, weekday=day, starts_at=start, ends_at=end)
    return adviser
