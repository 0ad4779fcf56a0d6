"""`wendbaar nightly` queues the nightly work; every scheduled task exists."""

import importlib.util
from io import StringIO

import pytest
from django.core.management import call_command
from django.tasks import Task

from wendbaar.core.tasks import NIGHTLY, nightly_tasks

pytestmark = pytest.mark.django_db


def test_every_scheduled_task_exists():
    for entry in NIGHTLY:
        assert importlib.util.find_spec(f"wendbaar.{entry.app}"), f"{entry.task}: no app {entry.app}"
    for entry, task in nightly_tasks():
        assert isinstance(task, Task), entry.task
        assert task.module_path == entry.task


def test_nightly_queues_each_task_for_the_worker(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = StringIO()
    earlier = list(DBTaskResult.objects.values_list("id", flat=True))  # e.g. a rebuild after an import

    call_command("nightly", stdout=out)

    queued = DBTaskResult.objects.exclude(id__in=earlier)
    expected = sorted(entry.task for entry, _task in nightly_tasks())
    assert expected
    assert sorted(queued.values_list("task_path", flat=True)) == expected
    assert set(queued.values_list("status", flat=True)) == {"READY"}
    assert out.getvalue().count("Klaargezet:") == len(expected)


def test_nightly_list_queues_nothing(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = StringIO()

    before = DBTaskResult.objects.count()

    call_command("nightly", "--list", stdout=out)

    assert "wendbaar.core.tasks.rebuild_engine" in out.getvalue()
    assert DBTaskResult.objects.count() == before
