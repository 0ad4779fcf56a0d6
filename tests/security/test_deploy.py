"""Production settings: `check --deploy` is clean, and the environment alone switches the hardening on."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production(tmp_path, *args, **extra):
    env = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG", "SECURE_HTTPS"}
    }
    env.update(
        {
            "DEBUG": "false",
            "SECURE_HTTPS": "true",
            "SECURE_SSL_REDIRECT": "true",
            "BEHIND_PROXY": "true",
            "SECRET_KEY": "a-production-key-from-the-environment-" + "k" * 40,
            "ALLOWED_HOSTS": "wendbaar.example.nl",
            "CSRF_TRUSTED_ORIGINS": "https://wendbaar.example.nl",
            "EMAIL_HOST": "smtp.example.nl",
            "WENDBAAR_VAR_DIR": str(tmp_path),
            **extra,
        }
    )
    script = Path(sys.executable).with_name("wendbaar")
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env, check=False
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = production(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_switches_on_every_protection(tmp_path):
    names = [
        "DEBUG",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "X_FRAME_OPTIONS",
        "PERMISSIONS_POLICY",
    ]
    code = (
        "import json; from django.conf import settings; from django.utils.csp import build_policy; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}} | "
        "{'CSP': build_policy(settings.SECURE_CSP), 'MIDDLEWARE': settings.MIDDLEWARE}))"
    )
    result = production(tmp_path, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert (
        values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    )
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_HSTS_SECONDS"] >= 31536000 and values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert "camera=()" in values["PERMISSIONS_POLICY"]
    csp = values["CSP"]
    assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert (
        "frame-ancestors 'none'" in csp and "object-src 'none'" in csp and "upgrade-insecure-requests" in csp
    )
    for middleware in [
        "django.middleware.csp.ContentSecurityPolicyMiddleware",
        "django_otp.middleware.OTPMiddleware",
        "wendbaar.accounts.middleware.SecondFactorMiddleware",
    ]:
        assert middleware in values["MIDDLEWARE"]
    order = values["MIDDLEWARE"]
    assert (
        order.index("django.contrib.auth.middleware.AuthenticationMiddleware")
        < order.index("django_otp.middleware.OTPMiddleware")
        < order.index("wendbaar.accounts.middleware.SecondFactorMiddleware")
    )


def test_a_weak_secret_key_fails_the_deploy_check(tmp_path):
    result = production(tmp_path, "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="kort")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr
