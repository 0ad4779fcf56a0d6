"""Making, finding and revoking personal API keys."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wendbaar.api.models import ApiToken, Scope

KEY_PREFIX = "wb_"
SHOWN_CHARACTERS = 8
# Writing "last used" on every request would make every read a write; once a few minutes is enough.
LAST_USED_RESOLUTION = timedelta(minutes=5)


class TooManyTokens(Exception):
    pass


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def max_tokens() -> int:
    return getattr(settings, "API_TOKENS_PER_USER", 10)


@transaction.atomic
def create_token(user, name: str, scope: str = Scope.READ, expires_at=None) -> tuple[ApiToken, str]:
    """A new key for ``user``: the stored token and the key itself, which is never stored or shown again."""
    # Lock the person's row so two submits at once cannot both pass the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if ApiToken.objects.filter(user=user).active().count() >= max_tokens():
        raise TooManyTokens(
            _("Je hebt al %(count)d werkende sleutels. Trek er eerst een in.") % {"count": max_tokens()}
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        prefix=key[: len(KEY_PREFIX) + SHOWN_CHARACTERS],
        digest=digest(key),
        scope=scope,
        expires_at=expires_at,
    )
    return token, key


def find_token(key: str) -> ApiToken | None:
    """The token a key belongs to, revoked or expired ones included (the caller says which is which)."""
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    return ApiToken.objects.select_related("user").filter(digest=digest(key)).first()


def mark_used(token: ApiToken, now=None) -> None:
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def revoke(token: ApiToken, now=None) -> bool:
    """Stops a key from working at once; False when it was already revoked."""
    updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=now or timezone.now()
    )
    token.refresh_from_db(fields=["revoked_at"])
    return bool(updated)
