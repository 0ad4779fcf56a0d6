"""Throttling and lockout for sign-in, the second step and password-reset requests.

Two counters guard each attempt: one for *this account from this address* (LOGIN_MAX_ATTEMPTS) and one for
*this address, whatever the account* (LOGIN_MAX_ATTEMPTS_PER_IP, against trying many accounts). When a
counter reaches its limit the key is locked for LOGIN_LOCKOUT_MINUTES. Counts live in the database, so every
app server sees the same numbers, and the key is a hash. Whether the account exists plays no part: an
unknown e-mail address is counted and locked exactly like a known one, so the answer never tells.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wendbaar.accounts.models import SignInThrottle


def client_ip(request) -> str:
    """The visitor's address. Behind our own proxy the last X-Forwarded-For entry is the one it added; the
    entries before it come from the visitor and can be made up."""
    if getattr(settings, "LOGIN_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@dataclass(frozen=True)
class Rule:
    scope: str
    limit_setting: str
    per_ip_limit_setting: str | None = None

    @property
    def limit(self) -> int:
        return int(getattr(settings, self.limit_setting))

    @property
    def per_ip_limit(self) -> int | None:
        return int(getattr(settings, self.per_ip_limit_setting)) if self.per_ip_limit_setting else None


LOGIN = Rule("login", "LOGIN_MAX_ATTEMPTS", "LOGIN_MAX_ATTEMPTS_PER_IP")
SECOND_FACTOR = Rule("second-factor", "LOGIN_MAX_ATTEMPTS")
PASSWORD_RESET = Rule("password-reset", "PASSWORD_RESET_MAX_REQUESTS", "LOGIN_MAX_ATTEMPTS_PER_IP")


def _window() -> timedelta:
    return timedelta(minutes=int(settings.LOGIN_LOCKOUT_MINUTES))


def _key(scope: str, identifier: str, ip: str) -> str:
    raw = f"{settings.SECRET_KEY}|{scope}|{identifier.strip().lower()}|{ip}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _keys(rule: Rule, request, identifier: str) -> list[tuple[str, str, int]]:
    ip = client_ip(request)
    keys = [(_key(rule.scope, identifier, ip), rule.scope, rule.limit)]
    if rule.per_ip_limit:
        keys.append((_key(rule.scope, "*", ip), f"{rule.scope}-ip", rule.per_ip_limit))
    return keys


def locked_until(rule: Rule, request, identifier: str) -> datetime | None:
    """The moment the lock ends, or None when attempts are allowed."""
    now = timezone.now()
    keys = [key for key, _scope, _limit in _keys(rule, request, identifier)]
    ends = SignInThrottle.objects.filter(key__in=keys, locked_until__gt=now).values_list(
        "locked_until", flat=True
    )
    return max(ends, default=None)


def minutes_left(until: datetime) -> int:
    return max(1, math.ceil((until - timezone.now()).total_seconds() / 60))


def record(rule: Rule, request, identifier: str) -> datetime | None:
    """Count one failed attempt (or, for password reset, one request). Returns the lock's end when this
    attempt reached a limit."""
    now = timezone.now()
    window = _window()
    lock_end = None
    with transaction.atomic():
        for key, scope, limit in _keys(rule, request, identifier):
            row, _created = SignInThrottle.objects.select_for_update().get_or_create(
                key=key, defaults={"scope": scope, "window_started_at": now}
            )
            if row.window_started_at <= now - window and not (row.locked_until and row.locked_until > now):
                # A quiet period since the first failure: start counting again.
                SignInThrottle.objects.filter(pk=row.pk).update(
                    failures=1, window_started_at=now, locked_until=None
                )
                failures = 1
            else:
                SignInThrottle.objects.filter(pk=row.pk).update(failures=F("failures") + 1)
                failures = row.failures + 1
            if failures >= limit:
                SignInThrottle.objects.filter(pk=row.pk).update(locked_until=now + window)
                lock_end = now + window
        # Old rows tell nothing any more; clearing them here keeps the table small without a cron job.
        SignInThrottle.objects.filter(window_started_at__lt=now - 2 * window).filter(
            locked_until__isnull=True
        ).delete()
        SignInThrottle.objects.filter(locked_until__lt=now - window).delete()
    return lock_end


def reset(rule: Rule, request, identifier: str) -> None:
    """A successful attempt clears the counter for this account from this address (not the per-address
    counter: one good password must not reset someone's attempts at other accounts)."""
    key, _scope, _limit = _keys(rule, request, identifier)[0]
    SignInThrottle.objects.filter(key=key).delete()
