"""The project as a whole: the console script, settings from the environment, Dutch and English."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from wendbaar.settings import env_bool

ROOT = Path(__file__).resolve().parents[1]


def run_wendbaar(*args, env=None):
    script = Path(sys.executable).with_name("wendbaar")
    # The browser tests relax Django's async check for their own process only.
    base = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [str(script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**base, **(env or {})},
        check=False,
    )


def test_console_script_runs_django_commands():
    result = run_wendbaar("check")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_database_url_selects_postgresql(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run_wendbaar(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={
            "DATABASE_URL": "postgres://someone@db.example:5432/wendbaar",
            "WENDBAAR_VAR_DIR": str(tmp_path),
        },
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_redis_url_shares_the_cache_and_the_sessions(tmp_path):
    code = (
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, settings.SHARED_CACHE)"
    )
    env = {"WENDBAAR_VAR_DIR": str(tmp_path), "REDIS_URL": "redis://cache.example:6379/0"}
    shared = run_wendbaar("shell", "--no-imports", "-c", code, env=env).stdout.split()
    assert shared == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "True",
    ]
    alone = run_wendbaar("shell", "--no-imports", "-c", code, env={**env, "REDIS_URL": ""}).stdout.split()
    assert alone == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
        "False",
    ]


def test_default_database_is_sqlite_under_var(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    env = {"WENDBAAR_VAR_DIR": str(tmp_path), "DATABASE_URL": ""}
    result = run_wendbaar("shell", "--no-imports", "-c", code, env={k: v for k, v in env.items()})
    assert result.stdout.strip() == str(tmp_path / "wendbaar.sqlite3")


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_wendbaar(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DEBUG": "false",
            "SECRET_KEY": "x" * 60 + "production-secret-key-for-the-check",
            "ALLOWED_HOSTS": "wendbaar.example.nl",
            "WENDBAAR_VAR_DIR": str(tmp_path),
            "SECURE_SSL_REDIRECT": "true",
            "EMAIL_HOST": "smtp.example.nl",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "misschien")
    with pytest.raises(Exception, match="true or false"):
        env_bool("SOME_FLAG")


@pytest.mark.django_db
def test_home_page_is_dutch_by_default_and_switches_to_english(client):
    page = client.get("/").content.decode()
    assert '<html lang="nl"' in page
    assert "Ontdek welk werk bij je past" in page
    assert 'href="#inhoud"' in page  # skip link
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get("/").content.decode()
    assert '<html lang="en"' in english
    assert "Discover which work suits you" in english
