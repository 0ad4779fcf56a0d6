"""Two-step verification in real Chromium, by keyboard: an adviser sets up an authenticator app from the key
on the page, keeps the recovery codes, and passes the second step at the next sign-in. The site's
Content-Security-Policy is enforced in the browser; no page may trip it. axe-core checks every page.
Screenshots of the set-up page go to test-results/screenshots/."""

import re
from base64 import b32decode
from pathlib import Path

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from wendbaar.accounts.models import Role, User

PASSWORD = "lente-in-zwolle-2026"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


@pytest.fixture
def csp_violations(page):
    seen = []
    page.on(
        "console",
        lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return seen


def code_from_key(key_text: str, steps_ahead: int = 0) -> str:
    key = key_text.replace(" ", "")
    totp = TOTP(b32decode(key + "=" * (-len(key) % 8)))
    totp.drift = steps_ahead
    return f"{totp.token():06d}"


def sign_in_by_keyboard(page, site, email):
    page.goto(f"{site}/account/inloggen/?next=/gesprekken/")
    page.get_by_label("E-mailadres").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")


def test_adviser_sets_up_and_uses_two_step_verification(site, page, csp_violations, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the right code straight after a wrong one (a person takes longer)
    User.objects.create_user(
        "annelies@example.nl", PASSWORD, name="Annelies Bakker", role=Role.LOOPBAANADVISEUR
    )

    sign_in_by_keyboard(page, site, "annelies@example.nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    assert_accessible(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "tweestapsverificatie-instellen.png"), full_page=True)

    # Other pages wait until the set-up is done.
    page.goto(f"{site}/gesprekken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")

    key = page.locator("#sleutel").inner_text()
    page.get_by_label("Code uit je app").focus()
    page.keyboard.type("000000" if code_from_key(key) != "000000" else "111111")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Code uit je app").fill(code_from_key(key))
    page.get_by_label("Code uit je app").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Je herstelcodes")
    codes = page.get_by_role("list", name="Herstelcodes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    assert_accessible(page)
    page.get_by_role("link", name="Ik heb de codes bewaard").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/gesprekken/$"))

    page.get_by_role("button", name="Uitloggen").click()
    sign_in_by_keyboard(page, site, "annelies@example.nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vul je code in")
    assert_accessible(page)
    page.get_by_label("Code", exact=True).focus()
    page.keyboard.type(code_from_key(key, steps_ahead=1))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/gesprekken/$"))

    page.goto(f"{site}/account/tweestapsverificatie/")
    expect(page.get_by_text("Tweestapsverificatie staat aan. Je hebt nog 10 herstelcodes.")).to_be_visible()
    expect(page.get_by_text("In jouw rol is tweestapsverificatie verplicht")).to_be_visible()
    assert_accessible(page)
    assert csp_violations == []


def test_login_page_offers_the_municipal_account_when_configured(site, page, settings, csp_violations):
    settings.OIDC_RP_CLIENT_ID = "wendbaar"
    settings.OIDC_OP_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    settings.OIDC_PROVIDER_NAME = "Gemeente Zwolle"
    page.goto(f"{site}/account/inloggen/")
    expect(
        page.get_by_role("link", name="Inloggen met je gemeente-account (Gemeente Zwolle)")
    ).to_be_visible()
    assert_accessible(page)
    assert csp_violations == []
