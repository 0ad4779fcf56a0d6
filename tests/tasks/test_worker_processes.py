"""The production set-up end to end, in separate processes: a taxonomy import queues the engine rebuild,
a worker started as the deployment guide says runs it, and the stored engine is there for app servers."""

import os
import subprocess
import sys

import pytest


def test_database_backend_by_default_db_worker_runs_the_rebuild(site):
    site.run("taxonomy", "starter")
    assert not list(site.builds.glob("engine-*.pickle")), "queued, not yet run: no worker ran"

    output = site.run("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert "wendbaar.core.tasks.rebuild_engine" in output and "SUCCESSFUL" in output
    answer = site.stored_engine_for_current_version()
    assert answer.startswith("stored ") and answer.endswith(" 172"), answer  # the starter set's occupations


def test_rq_backend_rqworker_runs_the_rebuild(site, redis_url):
    rq = {"TASKS_BACKEND": "rq", "TASKS_REDIS_URL": redis_url}
    site.run("taxonomy", "starter", **rq)
    assert not list(site.builds.glob("engine-*.pickle"))

    output = site.run("rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default", **rq)

    assert "wendbaar.core.tasks.rebuild_engine" in output and "Job OK" in output
    answer = site.stored_engine_for_current_version(**rq)
    assert answer.startswith("stored ") and answer.endswith(" 172"), answer


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be database, rq or immediate"),
        ({"TASKS_BACKEND": "rq", "TASKS_REDIS_URL": "", "REDIS_URL": ""}, "TASKS_BACKEND=rq needs"),
    ],
)
def test_a_wrong_task_set_up_stops_with_a_clear_message(tmp_path, environment, message):
    done = subprocess.run(
        [sys.executable, "-m", "wendbaar", "check"],
        env={**os.environ, "WENDBAAR_VAR_DIR": str(tmp_path), **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert message in done.stderr
