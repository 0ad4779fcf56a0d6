"""Quick requests at once: the posting limit holds and a double-clicked "Lid worden" makes one membership.

Each thread has its own database connection and all start together at a barrier. PostgreSQL only: there
``SELECT … FOR UPDATE`` on the person's row makes their requests wait for each other. SQLite serialises
writers by itself (BEGIN IMMEDIATE); the sequential tests are in test_discussions.py.
"""

import threading

import pytest
from django.db import connection, connections

from tests.communities.factories import UserFactory, make_group, question
from wendbaar.communities import services
from wendbaar.communities.models import Membership, Post

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 60


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrency test needs PostgreSQL (row locks); SQLite serialises writers itself.")


def run_together(action, count):
    barrier = threading.Barrier(count)
    results, errors, lock = [], [], threading.Lock()

    def worker(n):
        try:
            barrier.wait(timeout=TIMEOUT)
            try:
                outcome = action(n)
            except services.Refused as refusal:
                outcome = refusal
            with lock:
                results.append(outcome)
        except Exception as error:  # anything but a refusal fails the test
            with lock:
                errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a worker did not finish in time"
    return results, errors


def test_a_flood_of_simultaneous_topics_and_replies_stops_at_the_limit(settings):
    settings.COMMUNITIES_POST_LIMIT = 3
    spammer = UserFactory()
    group = make_group("KCC", members=[spammer])
    thread = question(group, group.memberships.get(role="moderator").user)

    def post(n):
        if n % 2:
            return services.reply(thread, spammer, body=f"Koop nu {n}")
        return services.start_thread(group, spammer, title=f"Aanbieding {n}", body=f"Koop nu {n}")

    results, errors = run_together(post, 12)

    assert errors == []
    assert Post.objects.filter(author=spammer).count() == 3
    assert sum(isinstance(r, services.Refused) for r in results) == 9


def test_a_double_click_on_join_makes_one_membership():
    person = UserFactory()
    group = make_group("Burgerzaken")

    results, errors = run_together(lambda n: services.join(group, person), 6)

    assert errors == []
    assert Membership.objects.filter(group=group, user=person).count() == 1
    assert sum(isinstance(r, services.Refused) for r in results) == 5
