"""Writing the access log. Call ``record_access`` wherever one person's personal data is shown to, or
changed by, someone else — never for a person looking at their own data."""

from __future__ import annotations

from wendbaar.access.models import AccessKind, AccessLogEntry


def describe(actor) -> str:
    """How the person sees who looked: name and role, or organisation for organisation members."""
    if actor is None:
        return "wendbaar"
    organisations = ", ".join(o.name for o in actor.organisations.all()[:2]) if actor.pk else ""
    label = actor.get_role_display()
    return f"{actor.name or actor.email} ({label}{', ' + organisations if organisations else ''})"[:200]


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
        what=what[:200],
        why=why[:300],
    )
