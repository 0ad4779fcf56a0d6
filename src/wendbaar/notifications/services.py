"""Telling people what happened: a notification in the app, and e-mail as each person chose per group —
right away, in a daily or weekly overview, or not at all.

Mail goes out only after the transaction that caused it commits, so nobody hears about a change that a
rollback took back. A failing mail server is logged, never raised: the change itself stands, and the
notification stays due, so the next overview run sends it. Every mail is claimed under a row lock before it
goes out and marked sent in the same transaction, so no notification is ever mailed twice — also when two
workers run the overviews at the same time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wendbaar.core.kept import PerPerson
from wendbaar.notifications import registry
from wendbaar.notifications.models import MAIL_PENDING, EmailPreference, EmailState, Notification
from wendbaar.notifications.registry import Email, Rendered

logger = logging.getLogger(__name__)

# Overviews are spaced by these gaps rather than sent on every run, so running the command more often
# than daily (or twice by mistake) never sends more overviews. The margin lets a daily run drift a little.
DAILY_GAP = timedelta(hours=20)
WEEKLY_GAP = timedelta(days=6, hours=20)
GAPS = {Email.DAILY: DAILY_GAP, Email.WEEKLY: WEEKLY_GAP}

Attachment = Callable[[], tuple[str, bytes, str]]


# --- Choices ------------------------------------------------------------------------------------------


def email_choices(user) -> dict[str, str]:
    """The person's e-mail choice for every group, the group's default where they chose nothing."""
    chosen = dict(EmailPreference.objects.filter(user=user).values_list("group", "email"))
    return {group.key: chosen.get(group.key, group.default_email) for group in registry.groups()}


def email_choice(user, group: str) -> str:
    chosen = EmailPreference.objects.filter(user=user, group=group).values_list("email", flat=True).first()
    return chosen or registry.get_group(group).default_email


def save_email_choices(user, choices: dict[str, str]) -> None:
    """Store the choices (only known groups and choices; the settings form checks them first)."""
    with transaction.atomic():
        for group, email in choices.items():
            registry.get_group(group)
            if email not in Email.values:
                raise ValueError(f"Unknown e-mail choice {email!r}")
            EmailPreference.objects.update_or_create(user=user, group=group, defaults={"email": email})
        # Someone who switched a group off hears nothing more by mail about what is still waiting.
        off = [g for g, email in choices.items() if email == Email.NONE]
        if off:
            keys = [kind.key for group in off for kind in registry.kinds(group)]
            Notification.objects.filter(user=user, kind__in=keys, email_state__in=MAIL_PENDING).update(
                email_state=EmailState.NONE
            )


# --- Making notifications -----------------------------------------------------------------------------


def notify(
    user,
    kind: str,
    *,
    text: str = "",
    url: str = "",
    subject: str = "",
    target=None,
    actor=None,
    in_app: bool = True,
    urgent: bool = False,
    attachment: Attachment | None = None,
) -> Notification | None:
    """Tell ``user`` something: a notification in the app, and mail as they chose for the kind's group.

    ``text`` and ``url`` (a path on this site) are stored as they are, unless the kind renders its text at
    show time from ``target``. ``subject`` is the subject of a direct mail (default: the text). ``urgent``
    mails right away whenever the person wants any mail for the group (e.g. a reminder for tomorrow, which
    an overview would bring too late). ``in_app=False`` stores nothing and mails right away (a receipt for
    what the person just did), unless they chose no mail. ``attachment`` makes (filename, content,
    mimetype) after the commit, so building it never lengthens the transaction.

    Returns the notification, or None when nothing was stored (``in_app=False``, or an inactive person).
    """
    spec = registry.get_kind(kind)
    if spec.render is None and not text:
        raise ValueError(f"Notification kind {kind!r} stores its text: pass text=")
    if user is None or not user.is_active:
        return None
    choice = email_choice(user, spec.group) if user.email else Email.NONE
    if not in_app:
        if choice != Email.NONE:
            transaction.on_commit(lambda: send_receipt(user, subject or text, text, url, attachment))
        return None
    if choice == Email.NONE:
        state = EmailState.NONE
    elif choice == Email.DIRECT or urgent:
        state = EmailState.DIRECT
    else:
        state = EmailState.DIGEST
    notification = Notification.objects.create(
        user=user, kind=kind, text=text, url=url, target=target, actor=actor, email_state=state
    )
    if state == EmailState.DIRECT:
        transaction.on_commit(lambda: send_now(notification.pk, subject=subject, attachment=attachment))
    return notification


# --- Reading ------------------------------------------------------------------------------------------


def visible(user) -> QuerySet[Notification]:
    """The person's notifications, less those about what they may no longer see (each kind's rule)."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(user=user).filter(registry.visibility(user))


def with_targets(notifications: QuerySet[Notification]) -> QuerySet[Notification]:
    """Fetch actors and targets in a few queries, for showing or mailing a list."""
    querysets = registry.target_querysets()
    target = GenericPrefetch("target", querysets) if querysets else "target"
    return notifications.select_related("actor").prefetch_related(target)


# The unread count of someone whose unread notifications have no access rules (see unread_count).
unread_kept = PerPerson("notifications:unread", seconds=60)


def unread_count(user) -> int:
    """For the badge on every page: a plain count per kind first, and the access rules only when some unread
    notification is of a kind that has them.

    Without rules the count only changes with the person's own notifications: it is kept per person
    (``wendbaar.core.kept``), and every new, read or deleted notification forgets it. A count that depends
    on rules (membership of a group, say) is counted afresh every time."""
    if not getattr(user, "is_authenticated", False):
        return 0
    if (kept := unread_kept.get(user.pk)) is not None:
        return kept
    per_kind = dict(
        Notification.objects.filter(user=user, read_at__isnull=True)
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    if any(_has_rule(kind) for kind in per_kind):
        return visible(user).unread().count()
    count = sum(per_kind.values())
    unread_kept.keep(user.pk, count)
    return count


def _has_rule(kind: str) -> bool:
    spec = registry.find_kind(kind)
    return spec is not None and spec.visible is not None


def visible_ids(user, notifications: Iterable[Notification]) -> set[int]:
    """Which of these notifications (all the person's own) they may see now."""
    ruled = {n.pk for n in notifications if _has_rule(n.kind)}
    seen = {n.pk for n in notifications if n.pk not in ruled}
    if ruled:
        seen |= set(visible(user).filter(pk__in=ruled).values_list("pk", flat=True))
    return seen


def of_groups(notifications: QuerySet[Notification], groups: Iterable[str]) -> QuerySet[Notification]:
    keys = [kind.key for group in groups for kind in registry.kinds(group)]
    return notifications.filter(kind__in=keys)


def latest(user, groups: Iterable[str], limit: int = 10) -> tuple[list[Notification], set[int]]:
    """The person's latest notifications of some groups, for a box on another page, and which of them were
    new. Showing them there marks them read."""
    shown = list(with_targets(of_groups(visible(user), groups))[:limit])
    unread = {n.pk for n in shown if n.read_at is None}
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
        unread_kept.forget(user.pk)
    return shown, unread


def mark_read(user, pk: int | None = None, *, groups: Iterable[str] | None = None) -> int:
    notifications = visible(user).unread()
    if pk is not None:
        notifications = notifications.filter(pk=pk)
    if groups is not None:
        notifications = of_groups(notifications, groups)
    marked = Notification.objects.filter(pk__in=list(notifications.values_list("pk", flat=True))).update(
        read_at=timezone.now()
    )
    unread_kept.forget(user.pk)
    return marked


# --- Mail ---------------------------------------------------------------------------------------------


def site_url() -> str:
    return str(getattr(settings, "SITE_URL", "http://127.0.0.1:8000")).rstrip("/")


def absolute(url: str) -> str:
    if not url or url.startswith(("https://", "http://")):
        return url
    return site_url() + url


def _body(template: str, user, **context) -> str:
    return render_to_string(
        f"notifications/email/{template}",
        {
            "user": user,
            "list_url": absolute(reverse("notifications:list")),
            "settings_url": absolute(reverse("notifications:settings")),
            **context,
        },
    )


def send_receipt(user, subject: str, text: str, url: str = "", attachment: Attachment | None = None) -> bool:
    """Mail a message that is not kept in the app. Failures are logged."""
    if not user.email:
        return False
    try:
        with translation.override(settings.LANGUAGE_CODE):
            body = _body("message.txt", user, text=text, url=absolute(url), receipt=True)
        message = EmailMessage(subject=subject[:150], body=body, to=[user.email])
        if attachment:
            message.attach(*attachment())
        message.send()
    except Exception:  # the change stands; nothing to retry without a stored notification
        logger.exception("Mail to user %s about %r could not be sent", user.pk, subject)
        return False
    return True


def send_now(notification_id: int, *, subject: str = "", attachment: Attachment | None = None) -> bool:
    """Mail one notification right away. It stays due when the mail server fails, for the next run."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=notification_id, email_state=EmailState.DIRECT)
            .first()
        )
        if notification is None:
            return False
        user = notification.user
        if not (user.is_active and user.email and visible_ids(user, [notification])):
            notification.email_state = EmailState.NONE
            notification.save(update_fields=["email_state"])
            return False
        notification = with_targets(Notification.objects.filter(pk=notification.pk)).get()
        try:
            with translation.override(settings.LANGUAGE_CODE):
                subject = subject or _("wendbaar: %(message)s") % {"message": notification.message}
                body = _body("message.txt", user, text=notification.message, url=absolute(notification.link))
            message = EmailMessage(subject=subject[:150], body=body, to=[user.email])
            if attachment:
                message.attach(*attachment())
            message.send()
        except Exception:  # the next overview run tries again
            logger.exception("Mail about notification %s could not be sent", notification_id)
            return False
        Notification.objects.filter(pk=notification.pk).update(
            email_state=EmailState.SENT, emailed_at=timezone.now(), emailed_in=Email.DIRECT
        )
    return True


def users_with_mail_pending(now=None) -> list[int]:
    now = now or timezone.now()
    return list(
        Notification.objects.filter(email_state__in=MAIL_PENDING, created_at__lte=now)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def send_digest(user_id: int, *, now=None) -> int | None:
    """Mail one person what is due for them in one overview. Returns how many notifications it held (0:
    nothing was due), or None when the mail server failed (they stay due for the next run).

    What is due: every pending notification of a group set to "direct" (a direct mail that failed), and
    those of a group set to a daily or weekly overview when the person's last such overview is a day or a
    week ago. What the person may no longer see, or no longer wants mail about, is never mailed.
    """
    from wendbaar.accounts.models import User

    now = now or timezone.now()
    with transaction.atomic():
        # A second worker skips rows the first one holds, instead of waiting and mailing them again.
        pending = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(user_id=user_id, email_state__in=MAIL_PENDING, created_at__lte=now)
            .order_by("created_at", "pk")
        )
        if not pending:
            return 0
        user = User.objects.get(pk=user_id)
        choices = email_choices(user)
        seen = visible_ids(user, pending) if user.is_active and user.email else set()
        last_overview: dict[str, object] = {}

        def overview_due(frequency: str) -> bool:
            if frequency not in last_overview:
                last_overview[frequency] = Notification.objects.filter(
                    user_id=user_id, emailed_in=frequency
                ).aggregate(last=Max("emailed_at"))["last"]
            last = last_overview[frequency]
            return last is None or last <= now - GAPS[frequency]

        dropped: list[int] = []
        due: dict[int, str] = {}
        for notification in pending:
            kind = registry.find_kind(notification.kind)
            choice = choices.get(kind.group, Email.NONE) if kind else Email.NONE
            if choice == Email.NONE or notification.pk not in seen:
                dropped.append(notification.pk)
            elif choice == Email.DIRECT or notification.email_state == EmailState.DIRECT:
                due[notification.pk] = Email.DIRECT
            elif overview_due(choice):
                due[notification.pk] = choice
        if dropped:
            Notification.objects.filter(pk__in=dropped).update(email_state=EmailState.NONE)
        if not due:
            return 0
        mailed = list(with_targets(Notification.objects.filter(pk__in=due)).order_by("created_at", "pk"))
        try:
            with translation.override(settings.LANGUAGE_CODE):
                sections = [
                    (
                        group.label,
                        [
                            Rendered(n.message, absolute(n.link), n.place)
                            for n in mailed
                            if n.group == group.key
                        ],
                    )
                    for group in registry.groups()
                ]
                body = _body(
                    "digest.txt", user, sections=[(label, items) for label, items in sections if items]
                )
                subject = ngettext(
                    "wendbaar: %(count)s nieuwe melding", "wendbaar: %(count)s nieuwe meldingen", len(mailed)
                ) % {"count": len(mailed)}
            EmailMessage(subject=subject, body=body, to=[user.email]).send()
        except Exception:
            logger.exception("Overview for user %s could not be sent", user_id)
            return None
        for frequency in set(due.values()):
            Notification.objects.filter(pk__in=[pk for pk, f in due.items() if f == frequency]).update(
                email_state=EmailState.SENT, emailed_at=now, emailed_in=frequency
            )
    return len(mailed)


def send_digests(now=None) -> dict[str, int]:
    """Send every person their overview, if one is due. Run it daily; running it again sends nothing twice."""
    now = now or timezone.now()
    counts = {"mails": 0, "notifications": 0, "failed": 0}
    for user_id in users_with_mail_pending(now):
        mailed = send_digest(user_id, now=now)
        if mailed is None:
            counts["failed"] += 1
        elif mailed:
            counts["mails"] += 1
            counts["notifications"] += mailed
    return counts


# --- Export -------------------------------------------------------------------------------------------


def export(user) -> dict:
    """The person's notifications and e-mail choices, for "download al mijn gegevens". Notifications about
    what they may no longer see are left out: their text would show content that was hidden since."""
    return {
        "meldingen": [
            {
                "soort": n.kind,
                "groep": n.group,
                "melding": n.message,
                "link": n.link,
                "gemaakt_op": n.created_at,
                "gelezen_op": n.read_at,
                "e_mail": n.email_state,
            }
            for n in with_targets(visible(user)).order_by("created_at", "id")
        ],
        "e_mail_keuzes": email_choices(user),
    }
