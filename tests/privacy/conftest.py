import pytest


@pytest.fixture(autouse=True)
def privacy_test_settings(settings, tmp_path):
    """Tasks run at once; uploads go to a temporary folder; limits are the documented defaults."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.COMMUNITIES_ATTACHMENT_ROOT = tmp_path / "bijlagen"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS = []
    settings.RETENTION_INACTIVE_MONTHS = 24
    settings.RETENTION_WARNING_DAYS = 30
    settings.PRIVACY_CONTACT_EMAIL = "fg@fonds.example"
    settings.CONVERSATION_NOTICE_HOURS = 24
    settings.CONVERSATION_OPEN_LIMIT = 2
    settings.CONVERSATION_BOOKING_DAYS = 28
