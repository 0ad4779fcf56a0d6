"""Telling people what is new in their groups, through wendbaar.notifications: in the app, and by e-mail
as each person chose for "Beroepsgroepen" (right away, a daily or weekly overview, or none).

Before anything is made, the person's access is checked: someone who is not (or no longer) a member of a
closed group never hears about it, and nobody but a moderator hears about hidden posts. The notification
only points at the post or group; its text is made when it is shown or mailed, and the same access check
(``access.notification_rule``) runs again then, so content hidden later never shows up in it.
"""

from __future__ import annotations

from collections.abc import Iterable

from wendbaar.communities import access
from wendbaar.communities.models import MemberRole, MembershipStatus, NotificationKind, Post
from wendbaar.notifications import services
from wendbaar.notifications.models import Notification


def _allowed(user, kind: str, group, thread=None, post=None) -> bool:
    group_access = access.group_access(user, group)
    if kind in access.MODERATOR_KINDS:
        return group_access.is_moderator
    if post is not None:
        return group_access.can_see_post(post)
    if thread is not None:
        return group_access.can_see_thread(thread)
    return group_access.can_read


def notify(user, kind: str, *, group, thread=None, post=None, actor=None) -> Notification | None:
    """Make one notification, if this person may know about it; mail goes as they chose."""
    if user is None or not user.is_active or (actor is not None and user.pk == actor.pk):
        return None
    if not _allowed(user, kind, group, thread, post):
        return None
    return services.notify(user, kind, target=post or thread or group, actor=actor)


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
