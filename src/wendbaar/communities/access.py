"""Who may see and do what in a beroepsgroep. Every answer comes from the database at the moment of asking:
nothing is cached, so a member who is removed loses access with the very next request.

- Anyone may see the list of groups and a group's name, description and linked skills and occupations.
- Topics and posts of an open group: everyone who is signed in. Of a closed group: its members only.
- The member list: members only. Writing: members only; in a closed (locked) topic: moderators only.
- Hidden posts and topics: the group's moderators only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet

from wendbaar.communities.models import (
    Access,
    Group,
    MemberRole,
    Membership,
    MembershipStatus,
    NotificationKind,
    Post,
    Thread,
)

# Notifications meant for the moderators' eyes; they disappear when someone stops being a moderator.
MODERATOR_KINDS = (NotificationKind.JOIN_REQUEST, NotificationKind.REPORT)


@dataclass(frozen=True)
class GroupAccess:
    group: Group
    membership: Membership | None
    signed_in: bool

    @property
    def status(self) -> str | None:
        return self.membership.status if self.membership else None

    @property
    def is_member(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_moderator(self) -> bool:
        return self.is_member and self.membership.role == MemberRole.MODERATOR

    @property
    def is_pending(self) -> bool:
        return self.status == MembershipStatus.PENDING

    @property
    def can_read(self) -> bool:
        return self.is_member or (self.signed_in and not self.group.is_closed)

    @property
    def can_see_members(self) -> bool:
        return self.is_member

    @property
    def can_post(self) -> bool:
        return self.is_member

    def can_reply(self, thread: Thread) -> bool:
        return self.is_member and (not thread.is_locked or self.is_moderator)

    def can_see_thread(self, thread: Thread) -> bool:
        return self.can_read and (not thread.is_hidden or self.is_moderator)

    def can_see_post(self, post: Post) -> bool:
        return self.can_see_thread(post.thread) and (not post.is_hidden or self.is_moderator)


def group_access(user, group: Group) -> GroupAccess:
    signed_in = bool(getattr(user, "is_authenticated", False))
    membership = Membership.objects.filter(group=group, user=user).first() if signed_in else None
    return GroupAccess(group=group, membership=membership, signed_in=signed_in)


def _memberships(user):
    return Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE)


def member_group_ids(user):
    return _memberships(user).values("group_id")


def moderated_group_ids(user):
    return _memberships(user).filter(role=MemberRole.MODERATOR).values("group_id")


def readable_groups(user) -> QuerySet[Group]:
    if not getattr(user, "is_authenticated", False):
        return Group.objects.none()
    return Group.objects.filter(Q(access=Access.OPEN) | Q(pk__in=member_group_ids(user)))


def visible_threads(user, group: Group | None = None) -> QuerySet[Thread]:
    if not getattr(user, "is_authenticated", False):
        return Thread.objects.none()
    threads = Thread.objects.filter(
        Q(group__access=Access.OPEN) | Q(group_id__in=member_group_ids(user))
    ).filter(Q(is_hidden=False) | Q(group_id__in=moderated_group_ids(user)))
    return threads.filter(group=group) if group is not None else threads


def visible_posts(user) -> QuerySet[Post]:
    """Every post this person may read: open groups and their own groups, hidden ones only as moderator."""
    if not getattr(user, "is_authenticated", False):
        return Post.objects.none()
    return Post.objects.filter(
        Q(thread__group__access=Access.OPEN) | Q(thread__group_id__in=member_group_ids(user))
    ).filter(Q(is_hidden=False, thread__is_hidden=False) | Q(thread__group_id__in=moderated_group_ids(user)))


def notification_rule(user) -> Q:
    """Which community notifications (rows of wendbaar.notifications) this person may see now: none about a
    closed group they left or were removed from, or about a post or topic that a moderator hid since;
    requests and reports only while they moderate the group. Checked when shown and before every mail.

    The same rules as ``visible_posts`` and friends, with the person's groups read once into lists: this
    condition is part of the unread count on every page, so it has to be quick to build and to run.
    """
    memberships = list(_memberships(user).values_list("group_id", "role"))
    member = [group_id for group_id, _role in memberships]
    moderated = [group_id for group_id, role in memberships if role == MemberRole.MODERATOR]
    types = ContentType.objects.get_for_models(Group, Thread, Post)
    target = OuterRef("target_id")
    posts = Post.objects.filter(
        Q(thread__group__access=Access.OPEN) | Q(thread__group_id__in=member),
        Q(is_hidden=False, thread__is_hidden=False) | Q(thread__group_id__in=moderated),
        pk=target,
    )
    threads = Thread.objects.filter(
        Q(group__access=Access.OPEN) | Q(group_id__in=member),
        Q(is_hidden=False) | Q(group_id__in=moderated),
        pk=target,
    )
    groups = Group.objects.filter(Q(access=Access.OPEN) | Q(pk__in=member), pk=target)
    rule = ~Q(kind__in=MODERATOR_KINDS) & (
        Q(Exists(posts), target_type=types[Post])
        | Q(Exists(threads), target_type=types[Thread])
        | Q(Exists(groups), target_type=types[Group])
    )
    if moderated:
        rule |= Q(kind__in=MODERATOR_KINDS) & (
            Q(Exists(Post.objects.filter(pk=target, thread__group_id__in=moderated)), target_type=types[Post])
            | Q(target_type=types[Group], target_id__in=moderated)
        )
    return rule


def visible_notifications(user):
    """The person's community notifications that they may still see (see ``notification_rule``)."""
    from wendbaar.notifications.services import visible

    return visible(user).filter(kind__in=NotificationKind.values)


def may_be_told(user, thread: Thread) -> bool:
    """Whether a notification about this topic may reach this person now."""
    return group_access(user, thread.group).can_see_thread(thread)
