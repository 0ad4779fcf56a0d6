"""Single sign-on with a municipal identity provider: the whole authorization-code flow over real HTTP,
between the live site and a small OpenID Connect provider on 127.0.0.1 (tests/accounts/oidc_provider.py)."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from tests.accounts.oidc_provider import Provider
from wendbaar.accounts import oidc
from wendbaar.accounts.models import ExternalIdentity, Role, User

CLIENT_ID = "wendbaar-test"
CLIENT_SECRET = "client-secret-for-the-test-provider"
BUTTON = "Inloggen met je gemeente-account"
REFUSED = "Inloggen met je gemeente-account is niet gelukt"
EMPLOYEE = {
    "sub": "zwolle-medewerker-0042",
    "email": "Noor.Bakker@zwolle.example.nl",
    "email_verified": True,
    "name": "Noor Bakker",
}


@pytest.fixture
def provider(settings):
    with Provider(CLIENT_ID, CLIENT_SECRET, EMPLOYEE) as running:
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_OP_DISCOVERY_URL = running.discovery_url
        oidc._discovery_cache.clear()
        yield running
    oidc._discovery_cache.clear()


@pytest.fixture
def site(live_server, transactional_db):
    return live_server.url


@pytest.fixture
def http():
    with requests.Session() as session:
        yield session


def start(http, site, next_path="/account/"):
    """Follows the whole flow: site → provider → site, like a browser does."""
    return http.get(f"{site}/account/gemeente-account/inloggen/?{urlencode({'next': next_path})}", timeout=10)


def callback_url(http, site):
    """Goes up to the provider's answer and returns the callback address it sends the http to."""
    to_provider = http.get(f"{site}/account/gemeente-account/inloggen/", allow_redirects=False, timeout=10)
    assert to_provider.status_code == 302
    query = parse_qs(urlsplit(to_provider.headers["Location"]).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"][0] and query["state"][0]
    back = http.get(to_provider.headers["Location"], allow_redirects=False, timeout=10)
    assert back.status_code == 302
    return back.headers["Location"]


def signed_in_as(http, site):
    page = http.get(f"{site}/account/", allow_redirects=False, timeout=10)
    if page.status_code != 200:
        return None
    return (
        User.objects.get(email__iexact=EMPLOYEE["email"]) if EMPLOYEE["email"].lower() in page.text else "?"
    )


def test_button_shows_only_when_a_provider_is_configured(client, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    assert BUTTON not in client.get("/account/inloggen/").content.decode()
    assert client.get("/account/gemeente-account/inloggen/").status_code == 404
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_OP_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    assert BUTTON in client.get("/account/inloggen/").content.decode()


def test_new_employee_gets_a_medewerker_account(provider, site, http):
    response = start(http, site)
    assert response.status_code == 200 and urlsplit(response.url).path == "/account/"
    user = User.objects.get()
    assert (user.email, user.name, user.role) == (
        "noor.bakker@zwolle.example.nl",
        "Noor Bakker",
        Role.MEDEWERKER,
    )
    assert not user.has_usable_password()
    assert ExternalIdentity.objects.get().user == user
    assert signed_in_as(http, site) == user

    # Signing in again goes to the same account.
    http.cookies.clear()
    start(http, site)
    assert User.objects.count() == 1 and signed_in_as(http, site) == user


def test_configured_by_endpoints_without_discovery(provider, site, http, settings):
    settings.OIDC_OP_DISCOVERY_URL = ""
    for name, key in oidc.DISCOVERED.items():
        setattr(settings, name, provider.discovery()[key])
    start(http, site)
    assert signed_in_as(http, site) == User.objects.get()


def test_existing_account_is_linked_by_verified_email(provider, site, http):
    petra = User.objects.create_user("noor.bakker@zwolle.example.nl", "een-lang-wachtwoord-2026", name="Noor")
    start(http, site)
    assert User.objects.count() == 1
    assert signed_in_as(http, site) == petra
    assert ExternalIdentity.objects.get(subject=EMPLOYEE["sub"]).user == petra


def test_unverified_email_is_neither_linked_nor_signed_in(provider, site, http):
    provider.claims["email_verified"] = False
    existing = User.objects.create_user(
        "noor.bakker@zwolle.example.nl", "een-lang-wachtwoord-2026", name="Noor"
    )
    response = start(http, site)
    assert REFUSED in response.text
    assert signed_in_as(http, site) is None
    assert list(User.objects.all()) == [existing] and not ExternalIdentity.objects.exists()


def test_a_made_up_state_is_refused_before_the_code_is_used(provider, site, http):
    back = urlsplit(callback_url(http, site))
    query = parse_qs(back.query)
    forged = (
        f"{site}{back.path}?{urlencode({'code': query['code'][0], 'state': 'aangepast-door-iemand-anders'})}"
    )
    response = http.get(forged, timeout=10)
    assert REFUSED in response.text
    assert provider.token_requests == 0
    assert signed_in_as(http, site) is None and not User.objects.exists()


def test_a_callback_works_once(provider, site, http):
    url = callback_url(http, site)
    http.get(url, timeout=10)
    assert signed_in_as(http, site) is not None
    http.cookies.clear()
    again = http.get(url, timeout=10)  # replayed in a session that never started this sign-in
    assert REFUSED in again.text
    assert signed_in_as(http, site) is None


@pytest.mark.parametrize(
    "tamper",
    [{"nonce": "een-andere-nonce"}, {"aud": "een-andere-client"}, {"iss": "https://idp.example.nl"}],
    ids=["nonce", "audience", "issuer"],
)
def test_an_id_token_that_does_not_fit_is_refused(provider, site, http, tamper):
    provider.tamper = tamper
    response = start(http, site)
    assert REFUSED in response.text
    assert signed_in_as(http, site) is None and not User.objects.exists()


def test_an_adviser_still_passes_the_second_step(provider, site, http):
    User.objects.create_user(
        "noor.bakker@zwolle.example.nl", "een-lang-wachtwoord-2026", name="Noor", role=Role.LOOPBAANADVISEUR
    )
    response = start(http, site)
    assert urlsplit(response.url).path == "/account/tweestapsverificatie/instellen/"
    assert signed_in_as(http, site) is None  # every other page sends her back to the set-up


def test_a_deactivated_account_loses_its_provider_session(provider, site, http):
    start(http, site)
    user = User.objects.get()
    assert signed_in_as(http, site) == user
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert signed_in_as(http, site) is None
