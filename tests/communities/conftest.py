import pytest


@pytest.fixture(autouse=True)
def communities_test_settings(settings, tmp_path):
    """Attachments go to a temporary folder; limits are the documented defaults whatever the environment."""
    settings.COMMUNITIES_ATTACHMENT_ROOT = tmp_path / "bijlagen"
    settings.COMMUNITIES_MAX_ATTACHMENT_MB = 10
    settings.COMMUNITIES_MAX_ATTACHMENTS = 3
    settings.COMMUNITIES_POST_LIMIT = 10
    settings.COMMUNITIES_POST_WINDOW_MINUTES = 10
    settings.SITE_URL = "https://wendbaar.example"
