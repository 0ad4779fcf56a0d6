"""Accepting one request twice at the same moment opens exactly one conversation; two recruiters racing
past the daily limit send no more than it allows.

Each thread has its own database connection and all start together at a barrier. PostgreSQL only: there
``SELECT … FOR UPDATE`` on the request (and the organisation) row does the work; SQLite serialises writers
by itself.
"""

import threading

import pytest
from django.db import connection, connections

from tests.opportunities.factories import make_opportunity, make_organisation, make_person, make_staff
from wendbaar.opportunities import matching, services
from wendbaar.opportunities.models import ContactRequest, OpportunityMatch, RequestStatus, Thread
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db(transaction=True)
TIMEOUT = 60


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrency test needs PostgreSQL (row locks with SELECT … FOR UPDATE); SQLite serialises "
            "writers itself. Run with DATABASE_URL=postgres://… to include it."
        )


def run_together(actions):
    barrier = threading.Barrier(len(actions))
    results, errors, lock = [], [], threading.Lock()

    def worker(action):
        try:
            barrier.wait(timeout=TIMEOUT)
            try:
                outcome = action()
            except services.Refused as refusal:
                outcome = refusal
            with lock:
                results.append(outcome)
        except Exception as error:
            with lock:
                errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


def test_accepting_twice_at_once_opens_one_thread():
    load_starter_set()
    linde = make_organisation()
    recruiter = make_staff(linde)
    petra = make_person("Petra de Vries")
    kans = make_opportunity(linde)
    matching.compute_matches()
    for attempt in range(5):  # several rounds: a race is not lost by luck once
        request = services.send_invitation(
            OpportunityMatch.objects.get(opportunity=kans, profile__user=petra).pk, recruiter
        )
        results, errors = run_together([lambda r=request: services.accept(r.pk, petra)] * 8)
        assert errors == []
        assert len({r.pk for r in results}) == 1 and all(isinstance(r, Thread) for r in results)
        assert Thread.objects.filter(request=request).count() == 1
        ContactRequest.objects.filter(pk=request.pk).update(status=RequestStatus.WITHDRAWN)
        assert attempt == Thread.objects.count() - 1


def test_two_recruiters_cannot_pass_the_daily_limit_together(settings):
    load_starter_set()
    settings.OPPORTUNITIES_DAILY_REQUEST_LIMIT = 3
    linde = make_organisation()
    recruiters = [make_staff(linde, name=f"Recruiter {i}", email=f"r{i}@example.nl") for i in range(2)]
    people = [make_person(f"Persoon {i}", email=f"p{i}@example.nl") for i in range(8)]
    kans = make_opportunity(linde)
    matching.compute_matches()
    matches = [OpportunityMatch.objects.get(opportunity=kans, profile__user=p).pk for p in people]
    actions = [
        (lambda m=m, r=recruiters[i % 2]: services.send_invitation(m, r)) for i, m in enumerate(matches)
    ]
    results, errors = run_together(actions)
    assert errors == []
    assert ContactRequest.objects.count() == 3
    assert sum(isinstance(r, services.Refused) for r in results) == 5
