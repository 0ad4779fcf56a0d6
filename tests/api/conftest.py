"""API tests talk to a live server over real HTTP: the Dutch starter set, two people with a profile, keys."""

import pytest
import requests
from django.core.cache import cache
from django.test.testcases import QuietWSGIRequestHandler

from wendbaar.accounts.models import User
from wendbaar.api import tokens
from wendbaar.api.models import Scope
from wendbaar.profiles import services as profiles
from wendbaar.taxonomy.models import Occupation
from wendbaar.taxonomy.starter_import import load_starter_set

PASSWORD = "lente-in-zwolle-2026"
PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def api_settings(settings):
    """Generous rate limits unless a test sets its own; counts start at zero for every test."""
    settings.API_RATE_LIMITS = {"anon": "10000/min", "user": "10000/min"}
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def starter(db):
    load_starter_set()


def person(email: str, name: str, occupation: str | None = None, years: int = 8) -> User:
    user = User.objects.create_user(email, PASSWORD, name=name)
    if occupation:
        profiles.choose_occupation(profiles.profile_for(user), Occupation.objects.get(code=occupation), years)
    return user


@pytest.fixture
def anna(starter):
    return person("anna@zwolle.nl", "Anna de Boer", "baliemedewerker-burgerzaken")


@pytest.fixture
def bram(starter):
    return person("bram@tilburg.nl", "Bram Smit", "klantcontactmedewerker-kcc", years=3)


def key_for(user, scope=Scope.READ, name="test", expires_at=None) -> str:
    return tokens.create_token(user, name, scope, expires_at)[1]


class Api:
    """requests against the live server, with an optional API key."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()

    def request(self, method: str, path: str, key: str | None = None, headers=None, **kwargs):
        headers = dict(headers or {})
        if key:
            headers["Authorization"] = f"Bearer {key}"
        url = path if path.startswith("http") else self.base + path  # links the API gave are absolute
        return self.session.request(method, url, headers=headers, timeout=30, **kwargs)

    def get(self, path, key=None, **kwargs):
        return self.request("GET", path, key, **kwargs)

    def patch(self, path, key=None, **kwargs):
        return self.request("PATCH", path, key, **kwargs)

    def put(self, path, key=None, **kwargs):
        return self.request("PUT", path, key, **kwargs)

    def delete(self, path, key=None, **kwargs):
        return self.request("DELETE", path, key, **kwargs)


@pytest.fixture
def quick_live_server(live_server, monkeypatch):
    """The live server, answering without Nagle's delay: Django's test server sends headers and body as two
    packets, and the second waits for the client's delayed acknowledgement (some 40 ms a request)."""
    monkeypatch.setattr(QuietWSGIRequestHandler, "disable_nagle_algorithm", True)
    return live_server


@pytest.fixture
def api(quick_live_server):
    client = Api(quick_live_server.url)
    yield client
    client.session.close()


def assert_problem(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith(PROBLEM)
    body = response.json()
    assert body["type"] == "about:blank" and body["status"] == status and body["title"] and body["detail"]
    if code:
        assert body["code"] == code, body
    return body
