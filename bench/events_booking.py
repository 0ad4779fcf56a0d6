"""Registrations and bookings under load: many threads at once, each with its own database connection.

Prints wall time, throughput and per-request latency for concurrent registrations at one event, for
people racing for one adviser slot, and how long free slots and a personal calendar feed take to build.
Checks the outcome too (exactly the places, one booking), so a fast wrong answer cannot pass as a figure.

    .venv/bin/python bench/events_booking.py --db sqlite
    .venv/bin/python bench/events_booking.py --db postgres      # BENCH_POSTGRES_URL, default local
"""

import argparse
import statistics
import sys
import threading
import time as clock
from datetime import time, timedelta

from _setup import ROOT, fresh_django

sys.path.insert(0, str(ROOT))  # the test factories build the data

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
parser.add_argument("--registrations", type=int, default=400)
parser.add_argument("--threads", type=int, default=40, help="PostgreSQL allows 100 connections by default")
parser.add_argument("--places", type=int, default=50)
args = parser.parse_args()


def run_together(action, items, workers):
    barrier = threading.Barrier(workers)
    latencies, outcomes, errors, lock = [], [], [], threading.Lock()

    def worker(chunk):
        from django.db import connections

        from wendbaar.events.services import Refused

        try:
            barrier.wait(timeout=60)
            for item in chunk:
                started = clock.perf_counter()
                try:
                    outcome = action(item)
                except Refused as refusal:
                    outcome = refusal
                with lock:
                    latencies.append((clock.perf_counter() - started) * 1000)
                    outcomes.append(outcome)
        except Exception as error:
            with lock:
                errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(items[i::workers],)) for i in range(workers)]
    started = clock.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return clock.perf_counter() - started, sorted(latencies), outcomes, errors


def percentile(values, share):
    return values[min(len(values) - 1, int(len(values) * share))]


with fresh_django(args.db):
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone
    from tests.events.factories import EventFactory, UserFactory, days_ahead, make_adviser

    from wendbaar.accounts.models import User
    from wendbaar.events import ical, services, slots
    from wendbaar.events.models import Conversation, RegistrationStatus

    # Receipts and notices would be printed to the console; this measures the rules, not mail.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
    print(f"database: {connection.vendor}, {args.threads} threads, {args.registrations} registrations")

    event = EventFactory(capacity=args.places)
    User.objects.bulk_create(
        User(email=f"bench{i}@example.nl", name=f"Bench {i}") for i in range(args.registrations)
    )
    people = list(User.objects.filter(email__startswith="bench"))
    seconds, latencies, outcomes, errors = run_together(
        lambda person: services.register(event.pk, person), people, args.threads
    )
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED).count()
    print(
        f"register   {len(outcomes)} in {seconds:5.2f} s = {len(outcomes) / seconds:6.0f}/s   "
        f"p50 {statistics.median(latencies):6.1f} ms  p95 {percentile(latencies, 0.95):6.1f} ms  "
        f"max {latencies[-1]:6.1f} ms   confirmed {confirmed}/{args.places}, waitlisted {waiting}, "
        f"errors {len(errors)}"
    )
    assert confirmed == args.places and waiting == args.registrations - args.places and not errors

    adviser = make_adviser(minutes=45)
    racers = UserFactory.create_batch(args.threads)
    start = days_ahead(3, time(10, 30))
    seconds, latencies, outcomes, errors = run_together(
        lambda person: services.book(person, adviser.user_id, start, mode="video"), racers, args.threads
    )
    booked = Conversation.objects.filter(adviser=adviser.user, starts_at=start).count()
    print(
        f"book slot  {len(outcomes)} racers in {seconds:5.2f} s   "
        f"p50 {statistics.median(latencies):6.1f} ms  max {latencies[-1]:6.1f} ms   "
        f"bookings {booked}, refused {len(outcomes) - booked}, errors {len(errors)}"
    )
    assert booked == 1 and not errors

    # Free slots over four weeks for an adviser who is fully available and already has 40 conversations.
    for day in range(1, 21):
        for hour in (9, 12):
            person = UserFactory()
            services.book(person, adviser.user_id, days_ahead(day, time(hour, 0)), mode="video")
    timings = []
    for _ in range(50):
        started = clock.perf_counter()
        free = slots.free_slots(adviser)
        timings.append((clock.perf_counter() - started) * 1000)
    timings.sort()
    print(
        f"free slots {len(free)} slots over 28 days   "
        f"p50 {statistics.median(timings):6.1f} ms  max {timings[-1]:6.1f} ms"
    )

    # A personal feed with 20 events and 2 conversations.
    person = UserFactory()
    for day in range(20):
        services.register(EventFactory(starts_at=timezone.now() + timedelta(days=day + 2)).pk, person)
    for day in (22, 23):
        other = make_adviser(f"Adviseur {day}", email=f"adviseur{day}@example.nl")
        services.book(person, other.user_id, days_ahead(day, time(9, 0)), mode="video")
    timings = []
    for _ in range(50):
        started = clock.perf_counter()
        data = ical.personal_calendar(person, "https://wendbaar.example.nl/")
        timings.append((clock.perf_counter() - started) * 1000)
    timings.sort()
    print(
        f"feed       22 items, {len(data) / 1024:.1f} KiB   p50 {statistics.median(timings):6.1f} ms  "
        f"max {timings[-1]:6.1f} ms"
    )
