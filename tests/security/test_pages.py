"""Every page the site serves, visited as a visitor, a medewerker, an adviser and a beheerder with the demo
content loaded: each answer carries the security headers, no page fails, every POST form carries the CSRF
token, and no page has inline script, inline style or event-handler attributes (the CSP would block them).

Pages are every URL without parameters, plus the page of one object of every model that has one.
"""

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp import DEVICE_ID_SESSION_KEY

from tests.accounts.second_factor import app_for
from wendbaar.accounts import twofactor
from wendbaar.accounts.models import User
from wendbaar.taxonomy.starter_import import load_starter_set

HEADERS = {
    "Content-Security-Policy": re.compile(r"default-src 'self'.*script-src 'self';.*frame-ancestors 'none'"),
    "X-Content-Type-Options": re.compile(r"^nosniff$"),
    "Referrer-Policy": re.compile(r"^same-origin$"),
    "Cross-Origin-Opener-Policy": re.compile(r"^same-origin$"),
    "Permissions-Policy": re.compile(r"camera=\(\).*geolocation=\(\).*microphone=\(\)"),
    "Strict-Transport-Security": re.compile(r"^max-age=31536000; includeSubDomains; preload$"),
}
# The module's tests use the test database; the crawl below loads its data once for all of them.
pytestmark = pytest.mark.django_db
PEOPLE = {
    "bezoeker": None,
    "medewerker": "medewerker@wendbaar.localhost",
    "adviseur": "adviseur@wendbaar.localhost",
    "beheerder": "beheerder@wendbaar.localhost",
}


@dataclass
class Visit:
    who: str
    url: str
    status: int
    headers: dict
    html: str


def routes_without_parameters(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if not _has_parameters(pattern):
                yield from routes_without_parameters(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and not _has_parameters(pattern) and "^" not in route:
            yield "/" + route


def _has_parameters(pattern) -> bool:
    inner = pattern.pattern
    return bool(getattr(inner, "converters", None)) or bool(getattr(inner, "regex", re.compile("")).groups)


def object_pages():
    """The page of the first object of every model that has one."""
    for model in apps.get_models():
        if hasattr(model, "get_absolute_url"):
            obj = model._default_manager.order_by("pk").first()
            if obj is not None:
                try:
                    yield obj.get_absolute_url()
                except Exception:  # noqa: S112 — a model whose URL needs more than the object is skipped
                    continue


class FormFinder(HTMLParser):
    """Collects every <form method=post> and whether it holds the CSRF token; and inline script/style."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.inline: list[str] = []
        self._in_script_without_src = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "method": (attributes.get("method") or "get").lower(),
                    "action": attributes.get("action"),
                    "csrf": False,
                }
            )
        if tag == "input" and attributes.get("name") == "csrfmiddlewaretoken" and self.forms:
            self.forms[-1]["csrf"] = True
        if (
            tag == "script"
            and not attributes.get("src")
            and attributes.get("type") not in {"application/json"}
        ):
            self._in_script_without_src = True
        if tag == "style":
            self.inline.append("<style>")
        for name in attributes:
            if name == "style":
                self.inline.append(f"<{tag} style=…>")
            elif name.startswith("on"):
                self.inline.append(f"<{tag} {name}=… (script)>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script_without_src = False

    def handle_data(self, data):
        if self._in_script_without_src and data.strip():
            self.inline.append(f"<script>{data.strip()[:40]}…")


@pytest.fixture(scope="module")
def visits(django_db_setup, django_db_blocker):
    """Loads the demo, visits every page as each person, and rolls everything back afterwards."""
    results: list[Visit] = []
    test_settings = override_settings(
        DEBUG=True,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
    )
    with django_db_blocker.unblock(), test_settings, transaction.atomic():
        assert "memory" in str(connection.settings_dict["NAME"]) or "test" in str(
            connection.settings_dict["NAME"]
        )
        load_starter_set()
        call_command("demo", stdout=io.StringIO())
        with override_settings(DEBUG=False):
            pages = sorted(set(routes_without_parameters()) | set(object_pages()))
            for who, email in PEOPLE.items():
                client = Client()
                if email:
                    user = User.objects.get(email=email)
                    client.force_login(user)
                    if user.must_use_second_factor:
                        session = client.session
                        session[DEVICE_ID_SESSION_KEY] = app_for(user).persistent_id
                        session[twofactor.SESSION_HAS_DEVICE] = True
                        session.save()
                for url in pages:
                    response = client.get(url, secure=True)
                    body = b""
                    if not response.streaming and "html" in response.get("Content-Type", ""):
                        body = response.content
                    results.append(
                        Visit(who, url, response.status_code, dict(response.headers), body.decode())
                    )
        transaction.set_rollback(True)
    return results


def test_the_crawl_reaches_the_site(visits):
    assert len({v.url for v in visits}) > 50
    assert sum(v.status == 200 for v in visits if v.who == "beheerder") > 50
    assert any(v.url.startswith("/beheer/") and v.status == 200 for v in visits if v.who == "beheerder")


def test_every_answer_carries_the_security_headers(visits):
    missing = [
        f"{v.who} {v.url} ({v.status}): {name} = {v.headers.get(name)!r}"
        for v in visits
        for name, expected in HEADERS.items()
        if not expected.search(v.headers.get(name, ""))
    ]
    assert missing == [], "\n".join(missing[:40])


def test_no_page_fails(visits):
    failed = [f"{v.who} {v.url}: {v.status}" for v in visits if v.status >= 500]
    assert failed == [], "\n".join(failed)


def test_every_post_form_carries_the_csrf_token(visits):
    problems, forms = [], 0
    for visit in visits:
        if not visit.html:
            continue
        finder = FormFinder()
        finder.feed(visit.html)
        for form in finder.forms:
            if form["method"] == "post":
                forms += 1
                if not form["csrf"]:
                    problems.append(f"{visit.who} {visit.url}: form action={form['action']!r}")
    assert forms > 20
    assert problems == [], "\n".join(problems)


def test_scripts_never_run_inline(visits):
    relaxed = {
        f"{v.url}: {v.headers.get('Content-Security-Policy')}"
        for v in visits
        if re.search(r"script-src[^;]*'unsafe-(inline|eval)'", v.headers.get("Content-Security-Policy", ""))
    }
    assert relaxed == set()


def test_no_inline_script_or_style_that_the_policy_blocks(visits):
    """A page may allow inline style for itself (csp_override) when a third-party viewer needs it."""
    problems = set()
    for visit in visits:
        if visit.html:
            finder = FormFinder()
            finder.feed(visit.html)
            styles_allowed = re.search(
                r"style-src[^;]*'unsafe-inline'", visit.headers.get("Content-Security-Policy", "")
            )
            problems.update(
                f"{visit.url}: {what}"
                for what in finder.inline
                if not (styles_allowed and "style" in what and "script" not in what)
            )
    assert sorted(problems) == []
