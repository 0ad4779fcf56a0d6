import pytest

from wendbaar.taxonomy.starter_import import load_starter_set


@pytest.fixture(autouse=True)
def kansen_settings(settings):
    """Tasks run at once; the limits are the documented defaults whatever the environment says."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.OPPORTUNITIES_DAILY_REQUEST_LIMIT = 20
    settings.OPPORTUNITIES_DECLINE_COOLDOWN_DAYS = 90
    settings.OPPORTUNITIES_MATCHES_PER_OPPORTUNITY = 50
    settings.OPPORTUNITIES_MIN_MATCH = 20


@pytest.fixture
def starter(db):
    load_starter_set()
