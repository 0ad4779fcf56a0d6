"""The production set-up of docs/deployment.md: its settings pass Django's deployment checks, and the static
files collect the way an app server serves them (hashed and compressed)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **extra) -> dict:
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "wendbaar.example.nl",
        "CSRF_TRUSTED_ORIGINS": "https://wendbaar.example.nl",
        "SITE_URL": "https://wendbaar.example.nl",
        "SECURE_HTTPS": "true",
        "SECURE_SSL_REDIRECT": "true",
        "BEHIND_PROXY": "true",
        "EMAIL_HOST": "smtp.example.nl",
        "DEFAULT_FROM_EMAIL": "wendbaar <noreply@wendbaar.example.nl>",
        "WENDBAAR_VAR_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
        **extra,
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests set it in this process; production never
    return env


def wendbaar(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "wendbaar", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def test_the_documented_production_settings_pass_check_deploy(tmp_path):
    done = wendbaar(
        production_env(tmp_path, TASKS_BACKEND="rq", REDIS_URL="redis://127.0.0.1:6379/0"),
        "check",
        "--deploy",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout + done.stderr


def test_without_a_mail_server_check_deploy_says_so(tmp_path):
    env = production_env(tmp_path)
    env.pop("EMAIL_HOST")
    done = wendbaar(env, "check", "--deploy")
    assert done.returncode != 0
    assert "email" in (done.stdout + done.stderr).lower()


def test_collectstatic_makes_hashed_files_for_the_pages(tmp_path):
    done = wendbaar(production_env(tmp_path), "collectstatic", "--noinput")
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    stylesheet = manifest["vendor/utrecht-tokens/index.css"]
    assert stylesheet != "vendor/utrecht-tokens/index.css", "hashed, so browsers may cache it for a year"
    assert (tmp_path / "static" / stylesheet).exists()
    assert (tmp_path / "static" / (stylesheet + ".gz")).exists(), "compressed for whitenoise"
