"""Giving, withdrawing and checking consent. The open consent record is the only source of truth: code
that needs to know whether someone shares something asks here, at the moment it needs to know, so a
withdrawal is effective with the very next request."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from wendbaar.privacy.models import ConsentRecord, Purpose

__all__ = [
    "Purpose",
    "grant",
    "revoke",
    "set_granted",
    "is_granted",
    "granted_user_ids",
    "conversation_audience",
    "event_audience",
]


def conversation_audience(conversation_id: int) -> str:
    """The audience of consent that holds for one gesprek only (the adviser of that conversation)."""
    return f"gesprek:{conversation_id}"


def event_audience(event_id: int) -> str:
    """The audience of consent that holds for one bijeenkomst (its organisers and attendee list)."""
    return f"bijeenkomst:{event_id}"


def grant(user, purpose: str, *, audience: str = "") -> ConsentRecord:
    """Open a consent record (or return the open one: granting twice changes nothing)."""
    Purpose(purpose)  # an unknown purpose is a programming error
    existing = _open(user, purpose, audience).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return ConsentRecord.objects.create(user=user, purpose=purpose, audience=audience)
    except IntegrityError:  # a concurrent request granted it first
        return _open(user, purpose, audience).get()


def revoke(user, purpose: str, *, audience: str = "") -> bool:
    """Close the open consent record; True when there was one."""
    return bool(_open(user, purpose, audience).update(revoked_at=timezone.now()))


def set_granted(user, purpose: str, granted: bool, *, audience: str = "") -> None:
    """Record a yes or no as the person just gave it, e.g. from a checkbox: open or close the record."""
    if granted:
        grant(user, purpose, audience=audience)
    else:
        revoke(user, purpose, audience=audience)


def is_granted(user, purpose: str, *, audience: str = "") -> bool:
    if user is None or not user.pk:
        return False
    return _open(user, purpose, audience).exists()


def granted_user_ids(purpose: str, *, audience: str = "") -> QuerySet:
    """Ids of everyone with open consent, as a subquery: ``Profile.objects.filter(user__in=...)``."""
    return ConsentRecord.objects.filter(purpose=purpose, audience=audience, revoked_at__isnull=True).values(
        "user_id"
    )


def _open(user, purpose: str, audience: str) -> QuerySet:
    return ConsentRecord.objects.filter(
        user=user, purpose=purpose, audience=audience, revoked_at__isnull=True
    )
