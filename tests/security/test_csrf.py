"""CSRF: no view of the site opts out of Django's CSRF check. The only exceptions are REST API views
(Django REST framework marks them exempt and checks CSRF itself for session sign-ins; token clients send
no cookies)."""

from django.urls import URLPattern, URLResolver, get_resolver

# Views that may skip the check, each with the reason. Nothing else may.
JUSTIFIED = {
    "wendbaar.api.errors.not_found": "answers every method under /api/ with a 404 problem; changes nothing",
}


def every_view(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from every_view(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def api_view_that_checks_csrf_itself(callback) -> bool:
    try:
        from rest_framework.authentication import SessionAuthentication
        from rest_framework.views import APIView
    except ImportError:
        return False
    view_class = getattr(callback, "cls", None)
    if not (isinstance(view_class, type) and issubclass(view_class, APIView)):
        return False
    # Any session-based authentication must keep DRF's CSRF enforcement.
    return all(
        auth.enforce_csrf is SessionAuthentication.enforce_csrf
        for auth in view_class.authentication_classes
        if issubclass(auth, SessionAuthentication)
    )


def test_no_view_is_exempt_from_csrf():
    views = list(every_view())
    assert len(views) > 50
    exempt = [
        f"/{route} ({callback.__module__})"
        for route, callback in views
        if getattr(callback, "csrf_exempt", False)
        and not api_view_that_checks_csrf_itself(callback)
        and f"{callback.__module__}.{getattr(callback, '__name__', '')}" not in JUSTIFIED
    ]
    assert exempt == []


def test_csrf_middleware_is_on():
    from django.conf import settings

    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
