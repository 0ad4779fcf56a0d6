"""The authorization matrix: every address of the site × every role × one's own object and someone else's,
as real requests. The table is in ``matrix.py``; an address missing from it fails
``test_every_endpoint_is_declared`` by name, so a new page cannot escape the check."""

from __future__ import annotations

import json
from functools import cache
from urllib.parse import urlparse

import pytest
from django.core.cache import cache as django_cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY

from tests.access.matrix import ENDPOINTS, Endpoint
from tests.access.world import ANONYMOUS, BEHEERDER, PROGRAMMATEAM, ROLES, World

ALLOWED, DENIED = "allowed", "denied"


def walk(patterns=None, prefix="", namespace=None, admin_site=None):
    """Every URL pattern as (key, route, the admin site it belongs to or None). The key is the namespaced
    name, or the route for a pattern without a name."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace) if n) or None
            if admin_site is None and pattern.app_name == "admin":
                admin_site = pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, admin_site)
                admin_site = None
            else:
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, admin_site)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name or route, route, admin_site


def site_endpoints() -> dict[str, str]:
    return {key: route for key, route, admin_site in walk() if admin_site is None}


DECLARED = {endpoint.name: endpoint for endpoint in ENDPOINTS}


def test_every_endpoint_is_declared():
    missing = sorted(f"{key}  ({route})" for key, route in site_endpoints().items() if key not in DECLARED)
    assert not missing, "These addresses are missing from tests/access/matrix.py:\n" + "\n".join(missing)


def test_no_declaration_is_left_over():
    stale = sorted(set(DECLARED) - set(site_endpoints()))
    assert not stale, f"Declared in the matrix but no longer in the URLconf: {stale}"
    assert len(DECLARED) == len(ENDPOINTS), "An endpoint is declared twice"


def test_every_declaration_is_checked_for_someone():
    """An endpoint nobody may reach must say why; otherwise a broken factory would look like a refusal."""
    silent = [
        e.name
        for e in ENDPOINTS
        if not e.why and not any(expect.own | expect.other for _m, expect in e.expectations())
    ]
    assert not silent


@cache
def _login_pages() -> tuple[str, ...]:
    admin_sites = {site for _key, _route, site in walk() if site}
    return (reverse("accounts:login"), *(reverse(f"{site}:login") for site in admin_sites))


def _outcome(response) -> str:
    status = response.status_code
    if status in (401, 403, 404):
        return DENIED
    if status in (301, 302, 303, 307, 308):
        target = urlparse(response["Location"]).path
        return DENIED if target.startswith(_login_pages()) else ALLOWED
    if status in (405, 429) or status >= 500:
        return f"status {status}"
    return ALLOWED


def cases(endpoint: Endpoint):
    for method, expect in endpoint.expectations():
        for role in ROLES:
            for ownership in ("own", "other") if endpoint.build else ("-",):
                if role == ANONYMOUS and ownership == "own":
                    continue  # a visitor owns nothing
                allowed = expect.own if ownership == "own" else expect.other
                yield method, role, ownership, role in allowed


class _Undo(Exception):
    pass


def run_case(world: World, endpoint: Endpoint, method: str, role: str, ownership: str) -> str:
    """One request in a transaction that is rolled back, so nothing it (or its factory) changes reaches the
    next case."""
    outcome = "not run"
    try:
        with transaction.atomic():
            user = world.user(role)
            owner = user if ownership == "own" else None
            kwargs = endpoint.build(world, owner) if endpoint.build else endpoint.kwargs
            url = reverse(endpoint.name, kwargs=kwargs)
            client = world.client_for(role)
            data = endpoint.data(world, owner) if endpoint.data else {}
            if method == "GET":
                response = client.get(url, endpoint.query)
            elif method == "POST":
                response = client.post(url, data)
            else:
                response = client.generic(method, url, json.dumps(data), content_type="application/json")
            outcome = _outcome(response)
            raise _Undo
    except _Undo:
        pass
    except Exception as error:  # a crash is a finding, reported with the others
        outcome = f"error {type(error).__name__}: {error}"
    return outcome


@pytest.fixture
def matrix_settings(settings, tmp_path):
    django_cache.clear()  # rate limits (the API's, sign-in throttling) count per test, not across the matrix
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.COMMUNITIES_ATTACHMENT_ROOT = tmp_path / "bijlagen"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS = []


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole matrix, committed before the first test and removed after the last; every
    test (and every case within it) runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        built = World()
        built.ensure("taxonomy")
    yield built
    with django_db_blocker.unblock():
        built.tear_down()


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])
def test_matrix(endpoint, world, matrix_settings):
    world.ensure(*endpoint.needs)
    wrong = []
    for method, role, ownership, allowed in cases(endpoint):
        outcome = run_case(world, endpoint, method, role, ownership)
        expected = ALLOWED if allowed else DENIED
        if outcome != expected:
            wrong.append(f"{method} as {role} ({ownership}): expected {expected}, got {outcome}")
    assert not wrong, f"{endpoint.name}:\n" + "\n".join(wrong)


# --- The admin sites: staff only, with two-step verification ---------------------------------------------


def admin_sites():
    from django.contrib import admin

    from wendbaar.knowledge.admin import site as knowledge_site

    # Who may open each admin site at all: the main one is for staff (beheerders), the kennisbank's own for
    # its editors (programmateam and beheerders).
    return [(admin.site, {BEHEERDER}), (knowledge_site, {PROGRAMMATEAM, BEHEERDER})]


def test_every_admin_site_is_checked():
    checked = {site.name for site, _roles in admin_sites()}
    found = {site for _key, _route, site in walk() if site}
    assert found == checked, f"Admin sites without a check: {found - checked}"


@pytest.mark.django_db
def test_admin_sites_are_for_staff_only(world, matrix_settings):
    """Each admin site's index and every model's list: refused for every role but the site's staff; for
    them the index opens and no list breaks (a list may still be refused to some staff, e.g. print
    orders to the programmateam). Staff who did not pass the second step get no further than it."""
    wrong = []
    for site, staff in admin_sites():
        index = reverse(f"{site.name}:index")
        urls = [index] + [
            reverse(f"{site.name}:{model._meta.app_label}_{model._meta.model_name}_changelist")
            for model in site._registry
        ]
        for role in ROLES:
            client = world.client_for(role)
            for url in urls:
                response = client.get(url)
                outcome = _outcome(response)
                if role not in staff and outcome != DENIED:
                    wrong.append(f"{url} as {role}: expected denied, got {outcome}")
                elif role in staff and url == index and response.status_code != 200:
                    wrong.append(f"{url} as {role}: expected the index, got {response.status_code}")
                elif role in staff and response.status_code not in (200, 403):
                    wrong.append(f"{url} as {role}: got {response.status_code}")
        password_only = Client()
        password_only.force_login(world.user(BEHEERDER))
        session = password_only.session
        session.pop(DEVICE_ID_SESSION_KEY, None)  # signed in with the password, second step not passed
        session.save()
        response = password_only.get(index)
        if response.status_code != 302 or "/tweestapsverificatie/" not in response["Location"]:
            wrong.append(f"{index} without the second step: {response.status_code}")
    assert not wrong, "\n".join(wrong)
