import os
from pathlib import Path

import pytest

ESCO_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "esco" / "v1.2.0"
INDICATORS_DIR = ESCO_DIR.parent.parent / "indicators"


@pytest.fixture(autouse=True)
def plain_test_settings(settings):
    """Tests run without collectstatic and over plain HTTP on 127.0.0.1."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.INSIGHT_CACHE_SECONDS = 0  # tests change data and look again; tests of the cache turn it on
    # A test's taxonomy is rolled back afterwards, unseen by the process: ask the database every time.
    settings.TAXONOMY_VERSION_CHECK_SECONDS = 0
    # One process: its memory cache is shared by everything a test does, so pages may keep per-person
    # answers there as they do with Redis in production.
    settings.SHARED_CACHE = True
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TAXONOMY_BUILD_DIR = ""  # no stored engines in the project's var/; tests/tasks use their own
    settings.SECURE_CSP = {**settings.SECURE_CSP, "upgrade-insecure-requests": False}


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: what one test kept under a user's id must not meet the next
    test's user with the same id (SQLite hands ids out again after a rollback)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def site_language():
    """Every test starts in Dutch. A request in English leaves English active in the thread afterwards
    (the middleware sets the language per request), which would leak into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def force_login_passes_the_second_step(monkeypatch):
    """``client.force_login(user)`` stands for a finished sign-in. For people who must use two-step
    verification that includes the second step: they get a confirmed authenticator app and a verified
    session. Tests of the second step itself sign in through the pages instead."""
    from django.test import Client

    from tests.accounts.second_factor import mark_session_verified

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if getattr(user, "must_use_second_factor", False):
            mark_session_verified(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def esco_dir():
    if not (ESCO_DIR / "occupations_en.csv").exists():
        pytest.skip(f"ESCO v1.2.0 CSV files not found at {ESCO_DIR}")
    return ESCO_DIR


def pytest_report_header(config):
    return f"database: {os.environ.get('DATABASE_URL', 'sqlite (embedded default)').split('@')[-1]}"
