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
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def esco_dir():
    if not (ESCO_DIR / "occupations_en.csv").exists():
        pytest.skip(f"ESCO v1.2.0 CSV files not found at {ESCO_DIR}")
    return ESCO_DIR


def pytest_report_header(config):
    return f"database: {os.environ.get('DATABASE_URL', 'sqlite (embedded default)').split('@')[-1]}"
