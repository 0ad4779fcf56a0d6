"""Sign-in security that applies to every request."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from wendbaar.accounts import twofactor

# Pages someone between password and second step may still open (the rest of the site waits).
OPEN_DURING_SECOND_STEP = {
    "accounts:two_factor_verify",
    "accounts:two_factor_setup",
    "accounts:recovery_codes",
    "accounts:logout",
    "set_language",
    "javascript-catalog",
}


class SecondFactorMiddleware:
    """Holds anyone who must pass a second step on the verification (or set-up) page until they did.

    Install after django_otp's OTPMiddleware. The admin at /beheer/ is covered like every other page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and twofactor.needs_second_factor(user, request.session)
            and not user.is_verified()
        ):
            match = _resolve(request.path_info)
            if match is None or match.view_name not in OPEN_DURING_SECOND_STEP:
                target = (
                    "accounts:two_factor_verify"
                    if twofactor.has_confirmed_app(user)
                    else "accounts:two_factor_setup"
                )
                query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
                return redirect(reverse(target) + (f"?{query}" if query else ""))
        return self.get_response(request)


def _resolve(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: Permissions-Policy (no camera, microphone, location, …) and
    Cross-Origin-Resource-Policy. CSP, HSTS, Referrer-Policy, COOP and nosniff come from Django's own
    middleware and settings."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if policy := getattr(settings, "PERMISSIONS_POLICY", ""):
            response.headers.setdefault("Permissions-Policy", policy)
        if corp := getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", ""):
            response.headers.setdefault("Cross-Origin-Resource-Policy", corp)
        return response
