"""Two-step verification: mandatory for advisers, programmateam, beheerders and admin users, optional for
everyone else. Set-up with a QR code, a code at every sign-in, recovery codes, and no way around it."""

import re
from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.second_factor import app_for, code_for
from wendbaar.accounts.models import Role, SignInThrottle, User

pytestmark = pytest.mark.django_db
PASSWORD = "lente-in-zwolle-2026"
SETUP = reverse("accounts:two_factor_setup")
VERIFY = reverse("accounts:two_factor_verify")


def person(role=Role.MEDEWERKER, **fields):
    return User.objects.create_user(
        f"{role}@example.nl", PASSWORD, name="Annelies Bakker", role=role, **fields
    )


def sign_in(client, user, next_path="/mijn/"):
    return client.post(
        f"{reverse('accounts:login')}?next={next_path}", {"username": user.email, "password": PASSWORD}
    )


def path_of(response):
    return response["Location"].split("?")[0]


def set_up(client, user):
    """Goes through set-up with the code the new app shows; returns the confirmed device and that code."""
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = code_for(device)
    client.post(SETUP, {"code": code, "next": "/mijn/"})
    device.refresh_from_db()
    assert device.confirmed
    return device, code


@pytest.mark.parametrize(
    "fields",
    [
        {"role": Role.LOOPBAANADVISEUR},
        {"role": Role.PROGRAMMATEAM},
        {"role": Role.BEHEERDER},
        {"role": Role.MEDEWERKER, "is_staff": True},
    ],
    ids=["adviseur", "programmateam", "beheerder", "staff"],
)
def test_these_roles_are_held_on_set_up_until_done(client, fields):
    user = person(**fields)
    response = sign_in(client, user, "/mijn/")
    assert path_of(response) == SETUP
    for path in ["/mijn/", "/account/", "/gesprekken/", "/beheer/", "/kennisbank/"]:
        held = client.get(path)
        assert held.status_code == 302 and path_of(held) == SETUP, path
        assert f"next={path}" in held["Location"].replace("%2F", "/")


def test_medewerkers_are_not_asked(client):
    user = person()
    assert path_of(sign_in(client, user)) == "/mijn/"
    assert client.get("/account/").status_code == 200


def test_set_up_shows_a_qr_code_and_the_key_and_checks_a_code(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a right code straight after a wrong one (a person takes longer)
    adviser = person(Role.LOOPBAANADVISEUR)
    sign_in(client, adviser)
    page = client.get(SETUP)
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=adviser, confirmed=False)
    key = b32encode(device.bin_key).decode().rstrip("=")
    assert re.search(r'<svg role="img" aria-label="QR-code[^"]*"', html)
    assert " ".join(key[i : i + 4] for i in range(0, len(key), 4)) in html
    assert client.get(SETUP).content.decode().count(key[:4]) >= 1  # a reload keeps the same key
    assert TOTPDevice.objects.filter(user=adviser).count() == 1

    wrong = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=adviser, confirmed=True).exists()

    done = client.post(SETUP, {"code": code_for(device), "next": "/mijn/"})
    assert path_of(done) == reverse("accounts:recovery_codes")
    codes_page = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", codes_page)
    assert len(codes) == 10
    assert 'href="/mijn/"' in codes_page
    assert client.get("/account/").status_code == 200
    # The codes are shown once.
    assert path_of(client.get(reverse("accounts:recovery_codes"))) == reverse("accounts:two_factor")


def test_every_sign_in_asks_for_a_fresh_code(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a right code straight after a wrong one (a person takes longer)
    adviser = person(Role.LOOPBAANADVISEUR)
    sign_in(client, adviser)
    device, used = set_up(client, adviser)
    client.post(reverse("accounts:logout"))

    response = sign_in(client, adviser, "/gesprekken/")
    assert path_of(response) == VERIFY
    assert path_of(client.get("/account/")) == VERIFY

    wrong = client.post(VERIFY, {"code": "12345", "next": "/gesprekken/"})
    assert "Deze code klopt niet" in wrong.content.decode()
    replayed = client.post(VERIFY, {"code": used, "next": "/gesprekken/"})
    assert "Deze code klopt niet of is al gebruikt" in replayed.content.decode()
    assert path_of(client.get("/account/")) == VERIFY

    before = client.session.session_key
    ok = client.post(VERIFY, {"code": code_for(device), "next": "/gesprekken/"})
    assert path_of(ok) == "/gesprekken/"
    assert client.session.session_key != before  # a new session key after the second step
    assert client.get("/account/").status_code == 200


def test_a_code_cannot_be_used_twice(client):
    adviser = person(Role.LOOPBAANADVISEUR)
    device = app_for(adviser)
    code = code_for(device)
    sign_in(client, adviser)
    assert path_of(client.post(VERIFY, {"code": code})) == reverse("profiles:dashboard")

    other = type(client)()
    sign_in(other, adviser)
    again = other.post(VERIFY, {"code": code})
    assert again.status_code == 200 and "al gebruikt" in again.content.decode()
    assert path_of(other.get("/account/")) == VERIFY


def test_a_recovery_code_works_once(client):
    adviser = person(Role.PROGRAMMATEAM)
    sign_in(client, adviser)
    set_up(client, adviser)
    recovery = StaticToken.objects.filter(device__user=adviser).first().token
    client.post(reverse("accounts:logout"))

    sign_in(client, adviser)
    ok = client.post(VERIFY, {"code": f"{recovery[:4]}-{recovery[4:].upper()}"}, follow=True)
    assert "Je hebt een herstelcode gebruikt" in ok.content.decode()
    assert "Je hebt er nog 9" in ok.content.decode()
    client.post(reverse("accounts:logout"))

    sign_in(client, adviser)
    again = client.post(VERIFY, {"code": recovery})
    assert "al gebruikt" in again.content.decode()


def test_too_many_wrong_codes_lock_the_second_step(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only the site's own lock, not django-otp's growing delay
    adviser = person(Role.LOOPBAANADVISEUR)
    device = app_for(adviser)
    sign_in(client, adviser)
    for _ in range(4):
        assert client.post(VERIFY, {"code": "99999999"}).status_code == 200
    locked = client.post(VERIFY, {"code": "99999999"})
    assert locked.status_code == 429 and "te vaak een verkeerde code" in locked.content.decode()
    still = client.post(VERIFY, {"code": code_for(device)})
    assert still.status_code == 429
    assert path_of(client.get("/account/")) == VERIFY
    assert SignInThrottle.objects.filter(scope="second-factor").exists()


def test_the_admin_needs_the_second_step(client):
    admin = User.objects.create_superuser("beheer@example.nl", PASSWORD, name="Erik Jansen")
    app_for(admin)
    sign_in(client, admin, "/beheer/")
    assert path_of(client.get("/beheer/")) == VERIFY
    client.post(VERIFY, {"code": code_for(app_for(admin))})
    assert client.get("/beheer/").status_code == 200


def test_force_login_in_tests_stands_for_a_finished_sign_in(client):
    admin = User.objects.create_superuser("beheer@example.nl", PASSWORD, name="Erik Jansen")
    client.force_login(admin)
    assert client.get("/beheer/").status_code == 200


def test_a_medewerker_may_turn_it_on_and_off(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a right code straight after a wrong one (a person takes longer)
    user = person()
    sign_in(client, user)
    overview = client.get(reverse("accounts:two_factor")).content.decode()
    assert "Tweestapsverificatie staat uit" in overview
    device, _code = set_up(client, user)
    client.post(reverse("accounts:logout"))

    assert path_of(sign_in(client, user)) == VERIFY  # turned on: asked like everyone else
    assert path_of(client.get("/mijn/")) == VERIFY
    client.post(VERIFY, {"code": code_for(device)})

    refused = client.post(reverse("accounts:two_factor_off"), {"code": "000001"})
    assert "Deze code klopt niet" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()
    client.post(reverse("accounts:two_factor_off"), {"code": code_for(device)})
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.post(reverse("accounts:logout"))
    sign_in(client, user)
    assert client.get("/mijn/").status_code == 200


def test_required_roles_cannot_turn_it_off(client):
    adviser = person(Role.LOOPBAANADVISEUR)
    device = app_for(adviser)
    sign_in(client, adviser)
    client.post(VERIFY, {"code": code_for(device)})
    assert "verplicht" in client.get(reverse("accounts:two_factor")).content.decode()
    client.post(reverse("accounts:two_factor_off"), {"code": code_for(device)})
    assert TOTPDevice.objects.filter(user=adviser, confirmed=True).exists()


def test_new_recovery_codes_replace_the_old_ones(client):
    adviser = person(Role.BEHEERDER)
    sign_in(client, adviser)
    set_up(client, adviser)
    old = set(StaticToken.objects.values_list("token", flat=True))
    response = client.post(reverse("accounts:recovery_codes_new"), follow=True)
    new = set(StaticToken.objects.values_list("token", flat=True))
    assert len(new) == 10 and not (old & new)
    shown = {
        c.replace("-", "") for c in re.findall(r"<code>([a-z2-7-]{9})</code>", response.content.decode())
    }
    assert shown == new


def test_replacing_the_app_needs_the_second_step_first(client):
    adviser = person(Role.LOOPBAANADVISEUR)
    app_for(adviser)
    sign_in(client, adviser)
    assert path_of(client.get(SETUP)) == VERIFY
    assert not TOTPDevice.objects.filter(user=adviser, confirmed=False).exists()
