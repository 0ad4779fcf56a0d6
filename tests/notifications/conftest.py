import pytest


@pytest.fixture(autouse=True)
def notifications_test_settings(settings):
    """Links in mail point at a fixed address, whatever the environment says."""
    settings.SITE_URL = "https://wendbaar.example"
