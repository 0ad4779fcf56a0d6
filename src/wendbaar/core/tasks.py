"""Background work that belongs to no single app (Django's tasks framework; the backend is in settings).

- ``rebuild_engine``: after every taxonomy change (ESCO import, starter set, indicator import, an edit in
  the admin) a worker builds the matching engine once and stores it, so no app server builds it on a
  person's request. Queued by the signal below, when the change is committed.
- ``NIGHTLY``: the work ``wendbaar nightly`` queues once a night. Each entry names the app it belongs to;
  entries of apps that are not installed are left out.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.tasks import Task, task
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def in_site_language(function):
    """Texts a task writes for people (notifications, mails) are in the site's language, whatever language
    the worker's thread had active from earlier work (a worker in the app server's process, or a test)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapper


@task()
def rebuild_engine() -> str:
    """Build the matching engine for the current taxonomy version and store it; returns that version."""
    from wendbaar.explore.engine import stored_engine

    return stored_engine.rebuild()


def taxonomy_changed(sender, instance, created, **kwargs):
    """Queue ``rebuild_engine`` once the change is committed (an import writes in one transaction)."""
    if created and not kwargs.get("raw"):
        # robust: the change is committed already; a queue that is down must not turn it into an error.
        transaction.on_commit(rebuild_engine.enqueue, robust=True)


@dataclass(frozen=True)
class Scheduled:
    task: str  # dotted path of a task taking no arguments
    app: str  # app label: the entry counts only when that app is installed
    why: str


NIGHTLY = (
    Scheduled(
        "wendbaar.core.tasks.rebuild_engine",
        "explore",
        "the engine is stored also when a change bypassed the queue (a restore, a first start)",
    ),
    Scheduled(
        "wendbaar.opportunities.tasks.compute_matches",
        "opportunities",
        "the best matches of every open kans among the people zichtbaar voor organisaties",
    ),
    Scheduled(
        "wendbaar.notifications.tasks.send_digests",
        "notifications",
        "the daily and weekly e-mail overviews of notifications",
    ),
    Scheduled(
        "wendbaar.privacy.tasks.apply_retention",
        "privacy",
        "warn and erase accounts past the retention period",
    ),
)


def nightly_tasks() -> list[tuple[Scheduled, Task]]:
    """The nightly entries whose app is installed, with their task."""
    installed = [entry for entry in NIGHTLY if apps.is_installed(f"wendbaar.{entry.app}")]
    return [(entry, import_string(entry.task)) for entry in installed]


def enqueue_nightly() -> list[tuple[Scheduled, object]]:
    """Queue every nightly task; returns (entry, task result) pairs."""
    queued = []
    for entry, nightly_task in nightly_tasks():
        queued.append((entry, nightly_task.enqueue()))
        logger.info("Queued nightly task %s", entry.task)
    return queued
