"""Real project tasks through the real queues, inside the test process: RQ on Redis with an RQ worker in
burst mode, and the database backend with `db_worker`. The effect is what a person or app server notices."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.events.factories import EventFactory, UserFactory
from wendbaar.core import tasks
from wendbaar.events import services
from wendbaar.explore import engine as explore_engine
from wendbaar.notifications.models import Notification
from wendbaar.taxonomy.models import TaxonomyChange
from wendbaar.taxonomy.starter_import import load_starter_set

# The workers close their database connection after a task, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def builds(settings, tmp_path):
    settings.TAXONOMY_BUILD_DIR = str(tmp_path / "builds")
    return tmp_path / "builds"


def tomorrows_event_with_a_place():
    start = timezone.now() + timedelta(hours=20)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), registration_deadline=start)
    person = UserFactory()
    services.register(event.pk, person)
    mail.outbox.clear()
    return event, person


def run_rq_worker():
    from django_rq.workers import get_worker

    # SimpleWorker runs jobs in this process (no fork), so the test database is the worker's database.
    worker = get_worker("default", job_class="django_tasks_rq.Job", worker_class="rq.worker.SimpleWorker")
    worker.work(burst=True)
    return worker


def test_rq_worker_sends_the_event_reminder(rq_settings):
    event, person = tomorrows_event_with_a_place()

    counts = services.enqueue_due_reminders()

    assert counts["events"] == 1
    assert not mail.outbox, "queued in Redis, not sent yet"
    assert not Notification.objects.filter(user=person).exists()

    run_rq_worker()

    assert [m.to for m in mail.outbox] == [[person.email]]
    assert event.title in mail.outbox[0].subject
    assert Notification.objects.filter(user=person, text__contains="Tot snel").count() == 1


def test_rq_task_result_reports_success(rq_settings, builds):
    load_starter_set()
    result = tasks.rebuild_engine.enqueue()
    assert result.status == "READY"

    run_rq_worker()

    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == TaxonomyChange.current_version()
    assert explore_engine.stored_engine.read(TaxonomyChange.current_version()) is not None


def test_db_worker_rebuilds_the_engine_after_a_taxonomy_import(settings, builds):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    load_starter_set()  # commits, so the rebuild is queued at once

    queued = DBTaskResult.objects.get()
    assert queued.task_path == "wendbaar.core.tasks.rebuild_engine"
    assert queued.status == "READY"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    version = TaxonomyChange.current_version()
    assert (stored := explore_engine.stored_engine.read(version)) is not None
    assert stored.engine.n_occupations == 172
