"""Writing the access log. Call ``record_access`` wherever one person's personal data is shown to, or
changed by, someone else — never for a person looking at their own data.

Entries are stored in the platform's language (Dutch), whatever language the reader uses: compute ``what``
and ``why`` inside ``with platform_language():`` (or pass lazy strings), as the role is described too.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from wendbaar.access.models import AccessKind, AccessLogEntry


def platform_language():
    return translation.override(settings.LANGUAGE_CODE)


def describe(actor) -> str:
    """How the person sees who looked: name and role, or organisation for organisation members."""
    if actor is None:
        return "wendbaar"
    organisations = ", ".join(o.name for o in actor.organisations.all()[:2]) if actor.pk else ""
    with platform_language():
        label = str(actor.get_role_display())
    return f"{actor.name or actor.email} ({label}{', ' + organisations if organisations else ''})"[:200]


def _text(value, limit: int) -> str:
    with platform_language():
        return str(value)[:limit]


def record_access(
    actor, subject, *, what: str, why: str, kind: str = AccessKind.READ
) -> AccessLogEntry | None:
    """Log that ``actor`` read (or changed) ``what`` of ``subject`` for reason ``why``.

    Nothing is logged when someone handles their own data. ``actor`` None means the platform itself
    (e.g. a nightly job) — logged as "wendbaar".
    """
    if actor is not None and subject is not None and actor.pk == subject.pk:
        return None
    return AccessLogEntry.objects.create(
        subject=subject,
        actor=actor if actor is not None and actor.pk else None,
        actor_description=describe(actor),
        kind=kind,
        what=_text(what, 200),
        why=_text(why, 300),
    )


def record_access_many(actor, subjects, *, what: str, why: str, kind: str = AccessKind.READ) -> int:
    """``record_access`` for a list of people at once (an attendee list, a member list): one entry each,
    written in one query. Returns how many were logged."""
    actor_id = actor.pk if actor is not None and actor.pk else None
    description = describe(actor)
    entries = [
        AccessLogEntry(
            subject=subject,
            actor_id=actor_id,
            actor_description=description,
            kind=kind,
            what=_text(what, 200),
            why=_text(why, 300),
        )
        for subject in {s.pk: s for s in subjects if s is not None}.values()
        if subject.pk != actor_id
    ]
    AccessLogEntry.objects.bulk_create(entries)
    return len(entries)
