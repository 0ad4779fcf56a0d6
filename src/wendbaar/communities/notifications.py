"""Telling people what is new in their groups: in-app notifications, a mail right away or a daily overview.

Before anything is made or sent, the person's access is checked again: someone who is not (or no longer)
a member of a closed group never hears about it, and nobody but a moderator hears about hidden posts.
Mail goes out after the transaction commits; a failing mail server is logged and the notification stays
due, so ``wendbaar communities send-digests`` sends it later.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wendbaar.communities import access
from wendbaar.communities.models import (
    EmailFrequency,
    MemberRole,
    MembershipStatus,
    Notification,
    NotificationKind,
    NotificationPreference,
    Post,
)

logger = logging.getLogger(__name__)


def frequency(user) -> str:
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.email if preference else EmailFrequency.DAILY


def site_url() -> str:
    return getattr(settings, "COMMUNITIES_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def _allowed(user, notification: Notification) -> bool:
    group_access = access.group_access(user, notification.group)
    if notification.kind in access.MODERATOR_KINDS:
        return group_access.is_moderator
    if notification.post is not None:
        return group_access.can_see_post(notification.post)
    if notification.thread is not None:
        return group_access.can_see_thread(notification.thread)
    return group_access.is_member or (group_access.signed_in and not notification.group.is_closed)


def notify(user, kind: str, *, group, thread=None, post=None, actor=None) -> Notification | None:
    """Make one notification, if this person may know about it; mail it at once if they asked for that."""
    if user is None or not user.is_active or (actor is not None and user.pk == actor.pk):
        return None
    notification = Notification(user=user, kind=kind, group=group, thread=thread, post=post, actor=actor)
    if not _allowed(user, notification):
        return None
    how = frequency(user)
    notification.email_due = how != EmailFrequency.OFF and bool(user.email)
    notification.save()
    if how == EmailFrequency.IMMEDIATELY and notification.email_due:
        transaction.on_commit(lambda: send_now(notification.pk))
    return notification


def notify_post(post: Post, mentioned_ids: Iterable[int] = ()) -> int:
    """Tell followers, the asker and the people named about a new post; each person once, with the most
    specific reason (named, then an answer to your question, then a reply in a topic you follow)."""
    from wendbaar.accounts.models import User

    thread = post.thread
    mentioned = set(mentioned_ids)
    followers = set(thread.follows.values_list("user_id", flat=True)) if not post.is_opening else set()
    recipients = mentioned | followers
    if thread.is_question and not post.is_opening and thread.author_id:
        recipients.add(thread.author_id)
    recipients.discard(post.author_id)
    sent = 0
    for user in User.objects.filter(pk__in=recipients).order_by("pk"):
        if user.pk in mentioned:
            kind = NotificationKind.MENTION
        elif thread.is_question and user.pk == thread.author_id:
            kind = NotificationKind.ANSWER
        else:
            kind = NotificationKind.REPLY
        if notify(user, kind, group=thread.group, thread=thread, post=post, actor=post.author):
            sent += 1
    return sent


def notify_moderators(group, kind: str, *, actor=None, thread=None, post=None) -> int:
    from wendbaar.accounts.models import User

    moderators = User.objects.filter(
        community_memberships__group=group,
        community_memberships__status=MembershipStatus.ACTIVE,
        community_memberships__role=MemberRole.MODERATOR,
    )
    return sum(
        1 for user in moderators if notify(user, kind, group=group, thread=thread, post=post, actor=actor)
    )


def _mail(user, subject: str, notifications: list[Notification], *, digest: bool) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "communities/email/notifications.txt",
            {
                "user": user,
                "notifications": notifications,
                "digest": digest,
                "site_url": site_url(),
            },
        )
    EmailMessage(subject=subject, body=body, to=[user.email]).send()


def send_now(notification_id: int) -> bool:
    """Mail one notification right away (the person chose "direct")."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .filter(pk=notification_id, email_due=True, emailed_at__isnull=True)
            .select_related("user", "group", "thread", "post", "actor")
            .first()
        )
        if notification is None or not _allowed(notification.user, notification):
            return False
        try:
            with translation.override(settings.LANGUAGE_CODE):
                subject = _("wendbaar: %(message)s") % {"message": notification.message}
            _mail(notification.user, subject[:150], [notification], digest=False)
        except Exception:  # the digest command tries again later
            logger.exception("Mail about community notification %s could not be sent", notification_id)
            return False
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def send_digests(now=None) -> dict[str, int]:
    """One mail per person with everything due and still visible to them; run once a day.

    Also sends what a "direct" mail could not deliver. Someone who switched to "no mail" since is skipped
    and their notifications are no longer due. Running it again sends nothing twice.
    """
    from wendbaar.accounts.models import User

    now = now or timezone.now()
    counts = {"mails": 0, "notifications": 0, "failed": 0}
    due = Notification.objects.filter(email_due=True, emailed_at__isnull=True, created_at__lte=now)
    for user in User.objects.filter(pk__in=due.values("user_id")).order_by("pk"):
        if frequency(user) == EmailFrequency.OFF or not user.email or not user.is_active:
            due.filter(user=user).update(email_due=False)
            continue
        with transaction.atomic():
            mine = list(
                due.filter(user=user)
                .select_for_update(of=("self",))
                .filter(pk__in=access.visible_notifications(user).values("pk"))
                .select_related("group", "thread", "actor")
                .order_by("group__name", "created_at", "pk")
            )
            # What the person may no longer see is not mailed, now or later.
            due.filter(user=user).exclude(pk__in=[n.pk for n in mine]).update(email_due=False)
            if not mine:
                continue
            try:
                with translation.override(settings.LANGUAGE_CODE):
                    subject = _("wendbaar: nieuw in je beroepsgroepen")
                _mail(user, subject, mine, digest=True)
            except Exception:
                logger.exception("Community digest for user %s could not be sent", user.pk)
                counts["failed"] += 1
                continue
            Notification.objects.filter(pk__in=[n.pk for n in mine]).update(emailed_at=now)
        counts["mails"] += 1
        counts["notifications"] += len(mine)
    return counts
