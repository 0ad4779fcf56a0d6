"""Rate limits: per person for requests with a key or session (all of someone's keys share one budget, so
making more keys buys nothing), per IP address for anonymous requests. Counts live in Django's cache
(Redis when REDIS_URL is set, so several app servers share them).

The rates are read from ``settings.API_RATE_LIMITS`` on every request rather than once at import, so they
can be changed per environment (and per test).
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class _SettingsRateThrottle(SimpleRateThrottle):
    def get_rate(self):
        return settings.API_RATE_LIMITS.get(self.scope)


class PersonRateThrottle(_SettingsRateThrottle):
    scope = "user"

    def get_cache_key(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class AnonymousRateThrottle(_SettingsRateThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
