from io import StringIO

import pytest
from django.utils import timezone

from tests.events.factories import UserFactory
from wendbaar.accounts.models import Role
from wendbaar.events import demo, slots
from wendbaar.events.models import Adviser, Event, Registration, WeeklyAvailability

pytestmark = pytest.mark.django_db


def test_demo_content_loads_twice_without_duplicates():
    UserFactory(email="adviseur@wendbaar.localhost", name="Annelies Bakker", role=Role.LOOPBAANADVISEUR)
    UserFactory(email="programmateam@wendbaar.localhost", role=Role.PROGRAMMATEAM)
    UserFactory(email="kcc@wendbaar.localhost")
    for _ in range(2):
        demo.load(StringIO())
    events = Event.objects.all()
    assert events.count() == len(demo.EVENTS)
    assert len({e.region for e in events}) >= 5
    assert all(e.starts_at > timezone.now() and e.registration_is_open() for e in events)
    assert Registration.objects.count() == 1
    assert Adviser.objects.count() == 2
    assert WeeklyAvailability.objects.count() == sum(len(a[-1]) for a in demo.ADVISERS)
    for adviser in Adviser.objects.all():
        assert adviser.accepts_bookings and slots.free_slots(adviser)
