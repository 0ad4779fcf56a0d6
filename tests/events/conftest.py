import pytest


@pytest.fixture(autouse=True)
def events_test_settings(settings):
    """Tasks run at once in tests; the limits are the documented defaults whatever the environment says."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.CONVERSATION_NOTICE_HOURS = 24
    settings.CONVERSATION_OPEN_LIMIT = 2
    settings.CONVERSATION_BOOKING_DAYS = 28
