"""Many people at once: capacity is never exceeded and a slot is never booked twice.

Each thread has its own database connection (Django's connections are per thread) and all start together
at a barrier. PostgreSQL only: there ``SELECT … FOR UPDATE`` on the contended row does the work. SQLite
serialises writers by itself (BEGIN IMMEDIATE); its sequential tests are in test_registration.py and
test_conversations.py.
"""

import threading
from datetime import time

import pytest
from django.db import connection, connections

from tests.events.factories import EventFactory, UserFactory, days_ahead, make_adviser
from wendbaar.accounts.models import User
from wendbaar.events import services
from wendbaar.events.models import Conversation, ConversationMode, RegistrationStatus

pytestmark = pytest.mark.django_db(transaction=True)

# Bounded: PostgreSQL allows 100 connections by default and other tests or tools may hold a few.
WORKERS = 40
REGISTRATIONS = 240
TIMEOUT = 120


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrency test needs PostgreSQL (row locks with SELECT … FOR UPDATE); SQLite serialises "
            "writers itself. Run with DATABASE_URL=postgres://… to include it."
        )


def run_together(action, items, workers):
    """Run ``action(item)`` for every item in ``workers`` threads that start at the same moment."""
    barrier = threading.Barrier(workers)
    results, errors, lock = [], [], threading.Lock()

    def worker(chunk):
        try:
            barrier.wait(timeout=TIMEOUT)
            for item in chunk:
                try:
                    outcome = action(item)
                except services.Refused as refusal:
                    outcome = refusal
                with lock:
                    results.append(outcome)
        except Exception as error:  # anything but a refusal is a failure of the test
            with lock:
                errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(items[i::workers],)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a worker did not finish in time"
    return results, errors


def test_concurrent_registrations_fill_exactly_the_places():
    event = EventFactory(capacity=50)
    User.objects.bulk_create(
        User(email=f"deelnemer{i}@example.nl", name=f"Deelnemer {i}") for i in range(REGISTRATIONS)
    )
    people = list(User.objects.filter(email__startswith="deelnemer"))

    results, errors = run_together(lambda person: services.register(event.pk, person), people, WORKERS)

    assert errors == []
    assert len(results) == REGISTRATIONS
    assert not [r for r in results if isinstance(r, services.Refused)]
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 50
    waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED)
    assert waiting.count() == REGISTRATIONS - 50
    assert sorted(r.waitlist_position for r in waiting) == list(range(1, REGISTRATIONS - 50 + 1))


@pytest.mark.parametrize("people", [2, 20])
def test_concurrent_bookings_of_one_slot_make_one_conversation(people):
    adviser = make_adviser()
    persons = [UserFactory() for _ in range(people)]
    start = days_ahead(3, time(10, 30))

    def book(person):
        return services.book(person, adviser.user_id, start, mode=ConversationMode.VIDEO)

    results, errors = run_together(book, persons, people)

    assert errors == []
    booked = [r for r in results if isinstance(r, Conversation)]
    refused = [r for r in results if isinstance(r, services.Refused)]
    assert len(booked) == 1 and len(refused) == people - 1
    assert all("niet (meer) vrij" in str(r) or "net door iemand anders" in str(r) for r in refused)
    assert Conversation.objects.filter(adviser=adviser.user, starts_at=start).count() == 1


def test_concurrent_cancellations_promote_each_waiting_person_once():
    event = EventFactory(capacity=10)
    people = UserFactory.create_batch(30)
    for person in people:
        services.register(event.pk, person)

    results, errors = run_together(
        lambda person: services.cancel_registration(event.pk, person), people[:10], WORKERS // 4
    )

    assert errors == []
    promoted = [r.user_id for batch in results for r in batch]
    assert sorted(promoted) == sorted(p.pk for p in people[10:20])
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 10
