"""Browser tests: the machine's Chromium driven by Playwright against a live server on 127.0.0.1."""

import contextlib
import json
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"

# Playwright's sync API runs an event loop in the test thread; the ORM calls in these tests are still
# ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    missing = [
        what for what, path in (("Chromium", Path(CHROMIUM)), ("axe-core (npm ci)", AXE)) if not path.exists()
    ]
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if missing and os.environ.get("CI") != "true":
                item.add_marker(pytest.mark.skip(reason=f"{' and '.join(missing)} not installed"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def site(live_server, transactional_db, page):
    """The live server's address, with a page whose failures leave a screenshot behind."""
    page.set_default_timeout(10_000)
    yield live_server.url


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        ARTIFACTS.mkdir(exist_ok=True)
        # A screenshot is a courtesy, never the failure itself.
        with contextlib.suppress(Exception):
            page.screenshot(path=str(ARTIFACTS / f"{item.name}.png"), full_page=True)


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the current page."""
    # A check that starts while a page is still loading would find no document to check.
    page.wait_for_load_state("load")
    # Evaluated through the browser's debugging protocol: a <script> tag would be blocked by the site's CSP.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{json.dumps(violations, indent=2)}"


@pytest.fixture
def signed_in_tab(site, page):
    """Opens a signed-in browser tab per person, each in its own browser context (own cookies):
    ``signed_in_tab(user, next_path, password)`` returns the tab, already on ``next_path``.
    People who must use two-step verification get an authenticator app, and the tab fills in its code."""
    from tests.accounts.second_factor import app_for, code_for

    contexts = []

    def open_as(user, next_path, password):
        app = app_for(user) if user.must_use_second_factor else None
        context = page.context.browser.new_context()
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        tab.goto(f"{site}/account/inloggen/?next={next_path}")
        tab.get_by_label("E-mailadres").fill(user.email)
        tab.get_by_label("Wachtwoord").fill(password)
        tab.get_by_role("button", name="Inloggen").click()
        if app is not None:
            expect(tab).to_have_url(re.compile(r"/account/tweestapsverificatie/controleren/"))
            tab.get_by_label("Code", exact=True).fill(code_for(app))
            tab.get_by_role("button", name="Controleren").click()
        expect(tab).to_have_url(re.compile(re.escape(next_path) + "$"))
        return tab

    yield open_as
    for context in contexts:
        context.close()


def visit(tab, url):
    tab.goto(url)
    assert_accessible(tab)
