"""Registering, the waitlist and its promotions, deadlines, and the organiser's capacity changes."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.events.factories import EventFactory, UserFactory
from wendbaar.events import services
from wendbaar.events.models import Registration, RegistrationStatus
from wendbaar.notifications.models import Notification

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def statuses(event):
    return list(event.registrations.order_by("queued_at", "id").values_list("user__name", "status"))


def test_sequential_registrations_never_exceed_capacity():
    """The same rule as the concurrent PostgreSQL test, one at a time (runs on every database)."""
    event = EventFactory(capacity=50)
    people = UserFactory.create_batch(60)
    for person in people:
        services.register(event.pk, person)
    assert event.registrations.filter(status=CONFIRMED).count() == 50
    assert event.registrations.filter(status=WAITLISTED).count() == 10
    tenth_waiting = Registration.objects.get(event=event, user=people[59])
    assert tenth_waiting.waitlist_position == 10


def test_registration_mails_a_receipt_with_the_event_in_a_calendar_file(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event.pk, UserFactory(email="petra@example.nl"), share_on_attendee_list=True)
        services.register(event.pk, UserFactory(email="samir@example.nl"))
    first, second = mail.outbox
    assert first.to == ["petra@example.nl"] and "aangemeld" in first.body
    assert first.attachments[0][0].endswith(".ics")
    assert second.to == ["samir@example.nl"] and "wachtlijst" in second.body
    assert not second.attachments
    assert Registration.objects.get(user__email="petra@example.nl").share_on_attendee_list


def test_cancellation_promotes_the_first_person_waiting_and_tells_them(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    anna, bert, carla, dirk = (UserFactory(name=n) for n in ("Anna", "Bert", "Carla", "Dirk"))
    for person in (anna, bert, carla, dirk):
        services.register(event.pk, person)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel_registration(event.pk, anna)

    assert [r.user for r in promoted] == [carla]
    assert statuses(event) == [
        ("Anna", CANCELLED),
        ("Bert", CONFIRMED),
        ("Carla", CONFIRMED),
        ("Dirk", WAITLISTED),
    ]
    assert Registration.objects.get(event=event, user=dirk).waitlist_position == 1
    note = Notification.objects.get(user=carla)
    assert "plek vrijgekomen" in note.text and note.url == event.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[carla.email]]
    assert "plek vrij" in mail.outbox[0].subject


def test_leaving_the_waitlist_promotes_nobody():
    event = EventFactory(capacity=1)
    anna, bert, carla = UserFactory.create_batch(3)
    for person in (anna, bert, carla):
        services.register(event.pk, person)
    assert services.cancel_registration(event.pk, bert) == []
    assert Registration.objects.get(event=event, user=carla).waitlist_position == 1
    assert event.registrations.filter(status=CONFIRMED).get().user == anna


def test_registering_again_after_cancelling_joins_the_back_of_the_queue():
    event = EventFactory(capacity=1)
    anna, bert = UserFactory.create_batch(2)
    services.register(event.pk, anna)
    services.register(event.pk, bert)
    services.cancel_registration(event.pk, anna)  # bert moves up
    again = services.register(event.pk, anna)
    assert again.status == WAITLISTED and again.waitlist_position == 1
    assert Registration.objects.filter(event=event, user=anna).count() == 1


def test_registering_after_the_deadline_is_refused_and_changes_nothing():
    now = timezone.now()
    event = EventFactory(
        starts_at=now + timedelta(hours=10),
        ends_at=now + timedelta(hours=12),
        registration_deadline=now - timedelta(minutes=1),
    )
    with pytest.raises(services.Refused, match="Aanmelden is niet meer mogelijk. Dat kon tot"):
        services.register(event.pk, UserFactory())
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_registering_twice_is_refused():
    event = EventFactory(capacity=1)
    anna, bert = UserFactory.create_batch(2)
    services.register(event.pk, anna)
    services.register(event.pk, bert)
    with pytest.raises(services.Refused, match="al aangemeld"):
        services.register(event.pk, anna)
    with pytest.raises(services.Refused, match="al op de wachtlijst"):
        services.register(event.pk, bert)


def test_draft_events_take_no_registrations():
    event = EventFactory(is_published=False)
    with pytest.raises(services.Refused):
        services.register(event.pk, UserFactory())


def test_cancelling_after_the_start_is_refused_and_promotes_nobody():
    event = EventFactory(capacity=1)
    anna, bert = UserFactory.create_batch(2)
    services.register(event.pk, anna)
    services.register(event.pk, bert)
    with pytest.raises(services.Refused, match="al begonnen"):
        services.cancel_registration(event.pk, anna, now=event.starts_at + timedelta(minutes=5))
    assert statuses(event) == [(anna.name, CONFIRMED), (bert.name, WAITLISTED)]


def test_cancelling_without_a_registration_is_refused():
    with pytest.raises(services.Refused, match="niet aangemeld"):
        services.cancel_registration(EventFactory().pk, UserFactory())


def test_more_places_go_to_the_people_waiting_in_order():
    event = EventFactory(capacity=1)
    people = UserFactory.create_batch(4)
    for person in people:
        services.register(event.pk, person)
    event.capacity = 3
    event.save()
    promoted = services.fill_from_waitlist(event.pk)
    assert [r.user for r in promoted] == people[1:3]
    assert Registration.objects.get(event=event, user=people[3]).status == WAITLISTED


def test_a_newcomer_does_not_jump_the_queue_when_places_were_added_elsewhere():
    event = EventFactory(capacity=1)
    anna, bert, carla = UserFactory.create_batch(3)
    services.register(event.pk, anna)
    services.register(event.pk, bert)
    type(event).objects.filter(pk=event.pk).update(capacity=2)  # e.g. in the admin, without the rules
    services.register(event.pk, carla)
    assert statuses(event) == [(anna.name, CONFIRMED), (bert.name, CONFIRMED), (carla.name, WAITLISTED)]


def test_attendance_marks_confirmed_people_only():
    event = EventFactory(capacity=2)
    anna, bert, carla = UserFactory.create_batch(3)
    for person in (anna, bert, carla):
        services.register(event.pk, person)
    ids = {r.user_id: r.pk for r in event.registrations.all()}
    assert services.set_attendance(event, {ids[anna.pk], ids[carla.pk]}) == 1  # carla is waiting
    assert dict(event.registrations.values_list("user_id", "attended")) == {
        anna.pk: True,
        bert.pk: False,
        carla.pk: None,
    }
