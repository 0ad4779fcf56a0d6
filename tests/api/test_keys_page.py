"""The account page for API keys: a key is shown once and stored as a hash; owners revoke their own keys;
bad input changes nothing. And the OpenAPI document and its documentation page are served locally."""

import re

import pytest
import yaml
from django.urls import reverse

from tests.api.conftest import key_for, person
from wendbaar.api import tokens
from wendbaar.api.models import ApiToken, Scope

pytestmark = pytest.mark.django_db
URL = "/account/api-sleutels/"


@pytest.fixture
def petra(client):
    user = person("petra@zwolle.nl", "Petra de Vries")
    client.force_login(user)
    return user


def test_a_new_key_is_shown_once_and_only_its_hash_is_kept(client, petra):
    page = client.post(URL, {"name": "Rooster-app", "scope": Scope.WRITE, "expiry": "30"})
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    key = re.search(r'value="(wb_[^"]+)"', page.content.decode()).group(1)
    token = ApiToken.objects.get(user=petra)
    assert token.digest == tokens.digest(key) and key not in token.digest and key.startswith(token.prefix)
    assert token.scope == Scope.WRITE and token.expires_at is not None and token.name == "Rooster-app"
    again = client.get(URL).content.decode()
    assert key not in again and token.prefix in again and "Rooster-app" in again


def test_bad_input_makes_no_key(client, petra, settings):
    page = client.post(URL, {"name": "   ", "scope": "alles", "expiry": "30"})
    assert "Het formulier is nog niet goed ingevuld" in page.content.decode()
    assert not ApiToken.objects.exists()
    settings.API_TOKENS_PER_USER = 2
    for name in ("een", "twee"):
        key_for(petra, name=name)
    page = client.post(URL, {"name": "drie", "scope": Scope.READ, "expiry": "nooit"}).content.decode()
    assert "Trek er eerst een in" in page and ApiToken.objects.count() == 2


def test_owners_revoke_their_own_keys_only(client, petra):
    key_for(petra, name="mijn sleutel")
    other = person("bram@tilburg.nl", "Bram Smit")
    key_for(other, name="van bram")
    mine, theirs = ApiToken.objects.get(user=petra), ApiToken.objects.get(user=other)
    assert client.post(reverse("apikeys:revoke", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    response = client.post(reverse("apikeys:revoke", args=[mine.pk]), follow=True)
    mine.refresh_from_db()
    assert mine.revoked_at is not None and "werkt niet meer" in response.content.decode()


def test_the_page_needs_signing_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/account/inloggen/" in response.url


def test_the_openapi_document_and_its_documentation_are_served_locally(client):
    document = yaml.safe_load(client.get("/api/v1/schema/").content)
    assert document["openapi"].startswith("3.") and document["info"]["title"] == "wendbaar API"
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert len(operations) >= 20
    assert all(op["operationId"] and op.get("summary") and op.get("tags") for op in operations)
    assert all(
        set(op["responses"]) >= {"401", "429", "500"} and op["responses"]["429"]["headers"]["Retry-After"]
        for op in operations
    )
    assert (
        client.get("/api/v1/schema/", {"format": "json"}).json()["paths"].keys() == document["paths"].keys()
    )

    html = client.get("/api/v1/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources), sources
    assert any(s.startswith("/static/") for s in sources)
    assert "<script>" not in html  # the start-up script is a file of its own (the CSP allows no inline code)
