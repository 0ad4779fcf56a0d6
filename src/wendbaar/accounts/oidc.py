"""Sign-in with a municipality's own identity provider (OpenID Connect, authorization-code flow with PKCE).

Built on mozilla-django-oidc, which keeps state and nonce per attempt in the session and checks both. What
this module adds: the provider may be configured by its discovery document alone (OIDC_OP_DISCOVERY_URL),
nothing happens until OIDC_RP_CLIENT_ID is set, the ID token's audience and issuer are checked too, and
accounts are linked the careful way:

1. a provider account (issuer + ``sub``) that signed in before goes to the same wendbaar account;
2. otherwise a wendbaar account with the same e-mail address is linked, but only when the provider vouches
   for that address (``email_verified``, or OIDC_TRUST_EMAIL for providers that only hand out their own
   organisation's addresses);
3. otherwise a new medewerker account is made (unless OIDC_CREATE_USER is off).

Advisers, programme staff and beheerders still pass wendbaar's own second step afterwards.
"""

from __future__ import annotations

import logging
import time

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from wendbaar.accounts.models import ExternalIdentity, Role

logger = logging.getLogger(__name__)
security_logger = logging.getLogger("django.security.oidc")

# Settings that may be left empty when OIDC_OP_DISCOVERY_URL is set, and their names in that document.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_ISSUER": "issuer",
}
DISCOVERY_MAX_AGE = 3600
_discovery_cache: dict[str, tuple[float, dict]] = {}


def is_configured() -> bool:
    """Whether the "Inloggen met je gemeente-account" button is shown and its pages answer."""
    return bool(
        getattr(settings, "OIDC_RP_CLIENT_ID", "")
        and (
            getattr(settings, "OIDC_OP_DISCOVERY_URL", "")
            or (
                getattr(settings, "OIDC_OP_AUTHORIZATION_ENDPOINT", "")
                and getattr(settings, "OIDC_OP_TOKEN_ENDPOINT", "")
            )
        )
    )


def discovery_document() -> dict:
    """The provider's /.well-known/openid-configuration, fetched on first use and kept for an hour."""
    url = settings.OIDC_OP_DISCOVERY_URL
    if not url:
        return {}
    cached = _discovery_cache.get(url)
    if cached and time.monotonic() - cached[0] < DISCOVERY_MAX_AGE:
        return cached[1]
    response = requests.get(url, timeout=settings.OIDC_TIMEOUT, verify=settings.OIDC_VERIFY_SSL)
    response.raise_for_status()
    document = response.json()
    _discovery_cache[url] = (time.monotonic(), document)
    return document


def provider_setting(attr, *default):
    """mozilla-django-oidc's settings lookup, falling back on the discovery document for the endpoints."""
    value = getattr(settings, attr, None)
    if not value and attr in DISCOVERED and getattr(settings, "OIDC_OP_DISCOVERY_URL", ""):
        value = discovery_document().get(DISCOVERED[attr])
    if value:
        return value
    return import_from_settings(attr, *default)


def email_is_verified(claims: dict) -> bool:
    return claims.get("email_verified") in (True, "true", "True") or bool(settings.OIDC_TRUST_EMAIL)


class MunicipalOIDCBackend(OIDCAuthenticationBackend):
    """Authenticates the callback of a sign-in at the municipal provider; ignores everything else."""

    get_settings = staticmethod(provider_setting)

    def __init__(self, *args, **kwargs):
        # Settings are read when a provider sign-in happens: the discovery document needs the network, and
        # this backend is built for every password sign-in too.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        # Only the callback view passes a nonce; a password sign-in never reaches the provider.
        if request is None or "nonce" not in kwargs or "password" in kwargs or not is_configured():
            return None
        OIDCAuthenticationBackend.__init__(self)
        return super().authenticate(request, **kwargs)

    def get_user(self, user_id):
        # Django's own lookup, which also refuses a deactivated account for a session that still exists.
        return ModelBackend.get_user(self, user_id)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if "nonce" in kwargs:  # the ID token (userinfo sent as a JWT comes here without a nonce)
            audience = payload.get("aud")
            audiences = [audience] if isinstance(audience, str) else list(audience or [])
            if self.OIDC_RP_CLIENT_ID not in audiences:
                raise SuspiciousOperation("The ID token was issued for another client.")
            issuer = self.get_settings("OIDC_OP_ISSUER", "")
            if issuer and payload.get("iss") != issuer:
                raise SuspiciousOperation("The ID token comes from another issuer.")
            if not payload.get("sub"):
                raise SuspiciousOperation("The ID token names no subject.")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            info = super().get_userinfo(access_token, id_token, payload)
            if info.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("The userinfo response is about someone else.")
            claims.update(info)
        claims.setdefault("iss", payload.get("iss", ""))
        return claims

    def _linked(self, claims):
        return self.UserModel.objects.filter(
            external_identities__issuer=claims.get("iss", ""), external_identities__subject=claims["sub"]
        )

    def verify_claims(self, claims):
        if not claims.get("sub") or not claims.get("email"):
            return False
        return email_is_verified(claims) or self._linked(claims).exists()

    def filter_users_by_claims(self, claims):
        linked = self._linked(claims)
        if linked.exists():
            return linked
        return self.UserModel.objects.filter(email__iexact=claims["email"])

    def create_user(self, claims):
        name = claims.get("name") or " ".join(
            part for part in (claims.get("given_name"), claims.get("family_name")) if part
        )
        # No password: this person signs in at the municipality (and can still ask for one by e-mail).
        return self.UserModel.objects.create_user(
            claims["email"],
            password=None,
            name=(name or claims["email"].split("@")[0])[:150],
            role=Role.MEDEWERKER,
        )

    def update_user(self, user, claims):
        if not user.name and claims.get("name"):
            user.name = claims["name"][:150]
            user.save(update_fields=["name"])
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        with transaction.atomic():
            user = super().get_or_create_user(access_token, id_token, payload)
            if user is not None:
                now = timezone.now()
                ExternalIdentity.objects.update_or_create(
                    issuer=payload.get("iss", ""),
                    subject=payload["sub"],
                    defaults={"last_used_at": now},
                    create_defaults={"user": user, "last_used_at": now},
                )
        return user


class OIDCStartView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with a fresh state, nonce and PKCE challenge in the session."""

    get_settings = staticmethod(provider_setting)

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the provider's settings are read in get(), not for every page load

    def get(self, request):
        if not is_configured():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        except (requests.RequestException, ValueError):
            logger.exception("The identity provider's discovery document could not be read")
            messages.error(request, provider_unreachable())
            return redirect("accounts:login")
        return super().get(request)


class OIDCCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back. A wrong or reused state, a wrong nonce or any other
    mismatch refuses the sign-in with a message; the details go to the security log."""

    get_settings = staticmethod(provider_setting)

    def get(self, request):
        if not is_configured():
            raise Http404
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            security_logger.warning("Sign-in at the identity provider refused: %s", error)
        except requests.RequestException:
            logger.exception("The identity provider did not answer")
            messages.error(request, provider_unreachable())
            return redirect("accounts:login")
        return self.login_failure()

    def login_failure(self):
        messages.error(
            self.request,
            _(
                "Inloggen met je gemeente-account is niet gelukt. Probeer het opnieuw, of log in met je "
                "e-mailadres en wachtwoord."
            ),
        )
        return redirect("accounts:login")


def provider_unreachable():
    return _(
        "De inlogdienst van je gemeente reageert nu niet. Probeer het later opnieuw, of log in met je "
        "e-mailadres en wachtwoord."
    )
