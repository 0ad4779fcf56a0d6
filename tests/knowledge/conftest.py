import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of each test go to its own folder; no municipal domains unless a test sets them."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS = []
    return settings.MEDIA_ROOT
