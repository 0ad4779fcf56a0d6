"""Task queues for real: the database backend, and RQ on the Redis at 127.0.0.1:6379.

Redis tests use their own database (TEST_REDIS_URL, default db 14) and empty the queue before and after.
Without a reachable Redis they are skipped locally; in CI (CI=true), where Redis runs, they fail instead.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def redis_url():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_URL} in CI: {error}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    _empty_queue(client)
    yield REDIS_URL
    _empty_queue(client)
    client.close()


def _empty_queue(client):
    from rq import Queue

    queue = Queue("default", connection=client)
    queue.empty()
    for registry in (queue.finished_job_registry, queue.failed_job_registry, queue.started_job_registry):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)


@pytest.fixture
def rq_settings(settings, redis_url):
    """The settings TASKS_BACKEND=rq produces, on the test Redis."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": redis_url, "DEFAULT_TIMEOUT": 600}}
    return settings


def _wendbaar(env: dict, *args) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "wendbaar", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, f"wendbaar {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def _site_env(folder: Path) -> dict:
    env = {
        **os.environ,
        "WENDBAAR_VAR_DIR": str(folder / "var"),
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "DEBUG": "false",
    }
    env.pop("TASKS_BACKEND", None)
    return env


@pytest.fixture(scope="session")
def migrated_site(tmp_path_factory) -> Path:
    """One migrated database for all sites of a run (migrating takes seconds)."""
    folder = tmp_path_factory.mktemp("migrated-site")
    _wendbaar(_site_env(folder), "migrate", "--verbosity", "0")
    return folder / "site.sqlite3"


@pytest.fixture
def site(tmp_path, migrated_site):
    """A separate installation: its own SQLite database and var directory, driven by the `wendbaar` command
    in child processes, as an operator would."""
    shutil.copy(migrated_site, tmp_path / "site.sqlite3")

    class Site:
        env = _site_env(tmp_path)
        builds = tmp_path / "var" / "builds"

        def run(self, *args, **extra_env) -> str:
            return _wendbaar({**self.env, **extra_env}, *args)

        def stored_engine_for_current_version(self, **extra_env) -> str:
            return self.run(
                "shell",
                "-c",
                "from wendbaar.explore.engine import stored_engine\n"
                "from wendbaar.taxonomy.models import TaxonomyChange\n"
                "version = TaxonomyChange.current_version()\n"
                "engine = stored_engine.read(version)\n"
                "print('stored', version, engine.engine.n_occupations if engine else None)",
                **extra_env,
            ).splitlines()[-1]

    return Site()
