"""The rules of beroepsgroepen: joining and leaving, posting (with limits against spam and flooding),
editing with history, accepted answers, following, reporting, moderation and pins.

Every function checks again whether the person may do it (``access.group_access``) — the views check too,
but a rule kept in one place cannot be forgotten in another. A refused request raises ``Refused`` with a
message in plain Dutch and changes nothing; a request that could only come from a forged form raises
``PermissionDenied``.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wendbaar.communities import attachments, notifications, pins
from wendbaar.communities.access import group_access
from wendbaar.communities.mentions import find_mentions
from wendbaar.communities.models import (
    Attachment,
    Follow,
    Group,
    MemberRole,
    Membership,
    MembershipStatus,
    Mention,
    ModerationAction,
    ModerationKind,
    NotificationKind,
    Pin,
    Post,
    PostRevision,
    Report,
    Thread,
    ThreadKind,
)


class Refused(Exception):
    """The request breaks a rule; the message says which, in plain Dutch."""


def _log(group, actor, kind, *, member=None, thread=None, post=None, note=""):
    return ModerationAction.objects.create(
        group=group, actor=actor, kind=kind, member=member, thread=thread, post=post, note=note[:300]
    )


def _require_moderator(group: Group, user):
    if not group_access(user, group).is_moderator:
        raise PermissionDenied


# --- Groups and membership -----------------------------------------------------------------------------


@transaction.atomic
def create_group(by, *, skills=(), occupations=(), **fields) -> Group:
    """A new group; whoever makes it is its first moderator."""
    group = Group.objects.create(created_by=by, **fields)
    group.skills.set(skills)
    group.occupations.set(occupations)
    now = timezone.now()
    Membership.objects.create(
        group=group, user=by, role=MemberRole.MODERATOR, status=MembershipStatus.ACTIVE, joined_at=now
    )
    return group


def log_group_change(group: Group, by) -> None:
    _log(group, by, ModerationKind.EDIT_GROUP)


@transaction.atomic
def join(group: Group, user, motivation: str = "") -> Membership:
    """Join an open group at once; ask to join a closed one. Someone a moderator removed has to ask too."""
    _lock_person(user)
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership and membership.status == MembershipStatus.ACTIVE:
        raise Refused(_("Je bent al lid van deze groep."))
    if membership and membership.status == MembershipStatus.PENDING:
        raise Refused(_("Je hebt al gevraagd of je lid mag worden. Een moderator beslist daar nog over."))
    now = timezone.now()
    must_ask = group.is_closed or (membership and membership.status == MembershipStatus.REMOVED)
    if membership is None:
        membership = Membership(group=group, user=user)
    membership.role = MemberRole.MEMBER
    membership.motivation = motivation.strip()[:1000]
    membership.decided_at = membership.decided_by = None
    if must_ask:
        membership.status = MembershipStatus.PENDING
        membership.joined_at = None
        membership.save()
        notifications.notify_moderators(group, NotificationKind.JOIN_REQUEST, actor=user)
    else:
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = now
        membership.save()
    return membership


def _active_moderators(group: Group):
    return Membership.objects.filter(group=group, status=MembershipStatus.ACTIVE, role=MemberRole.MODERATOR)


@transaction.atomic
def leave(group: Group, user) -> None:
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None or membership.status not in (MembershipStatus.ACTIVE, MembershipStatus.PENDING):
        raise Refused(_("Je bent geen lid van deze groep."))
    if membership.is_moderator and _active_moderators(group).count() == 1:
        raise Refused(
            _(
                "Je bent de enige moderator. Maak eerst een ander lid moderator; daarna kun je de groep "
                "verlaten."
            )
        )
    membership.delete()
    # Following a topic in a group you left makes no sense in a closed group; in an open one it is harmless
    # but surprising, so stop it everywhere.
    Follow.objects.filter(user=user, thread__group=group).delete()


@transaction.atomic
def decide(group: Group, moderator, membership_id: int, approve: bool) -> Membership:
    _require_moderator(group, moderator)
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .filter(pk=membership_id, group=group, status=MembershipStatus.PENDING)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Refused(_("Dit verzoek is al afgehandeld."))
    membership.decided_at = timezone.now()
    membership.decided_by = moderator
    if approve:
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = membership.decided_at
        membership.save()
        _log(group, moderator, ModerationKind.APPROVE, member=membership.user)
        notifications.notify(membership.user, NotificationKind.JOINED, group=group, actor=moderator)
    else:
        # No notification: someone who is not a member hears nothing about a closed group. The group page
        # tells them when they look.
        membership.status = MembershipStatus.DECLINED
        membership.save()
        _log(group, moderator, ModerationKind.DECLINE, member=membership.user)
    return membership


@transaction.atomic
def remove_member(group: Group, moderator, user, note: str = "") -> None:
    """Take someone out of the group. Access ends with their next request: nothing is cached."""
    _require_moderator(group, moderator)
    if user.pk == moderator.pk:
        raise Refused(_("Je kunt jezelf niet uit de groep halen. Gebruik ‘Groep verlaten’."))
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise Refused(_("Deze persoon is geen lid van de groep."))
    if membership.role == MemberRole.MODERATOR:
        raise Refused(_("Deze persoon is moderator. Maak hem of haar eerst gewoon lid."))
    membership.status = MembershipStatus.REMOVED
    membership.decided_at = timezone.now()
    membership.decided_by = moderator
    membership.save()
    Follow.objects.filter(user=user, thread__group=group).delete()
    _log(group, moderator, ModerationKind.REMOVE_MEMBER, member=user, note=note)


@transaction.atomic
def set_moderator(group: Group, moderator, user, make: bool) -> None:
    _require_moderator(group, moderator)
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise Refused(_("Deze persoon is geen lid van de groep."))
    if not make and membership.role == MemberRole.MODERATOR and _active_moderators(group).count() == 1:
        raise Refused(_("Een groep heeft altijd minstens één moderator."))
    membership.role = MemberRole.MODERATOR if make else MemberRole.MEMBER
    membership.save(update_fields=["role"])
    _log(group, moderator, ModerationKind.PROMOTE if make else ModerationKind.DEMOTE, member=user)


# --- Posting -------------------------------------------------------------------------------------------


def _limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "COMMUNITIES_POST_LIMIT", 10)),
        int(getattr(settings, "COMMUNITIES_POST_WINDOW_MINUTES", 10)),
    )


def check_posting_limit(user, body: str, thread: Thread | None = None, now=None) -> None:
    """At most N posts per person in M minutes (settings), and never the same text twice in a row."""
    now = now or timezone.now()
    limit, minutes = _limits()
    since = now - timedelta(minutes=minutes)
    recent = Post.objects.filter(author=user, created_at__gte=since)
    if thread is not None and recent.filter(thread=thread, body=body.strip()).exists():
        raise Refused(_("Dit bericht heb je net al geplaatst."))
    count = recent.count()
    if count >= limit:
        oldest = recent.order_by("created_at").values_list("created_at", flat=True)[count - limit]
        wait = max(1, math.ceil((oldest + timedelta(minutes=minutes) - now).total_seconds() / 60))
        raise Refused(
            _(
                "Je hebt in %(minutes)s minuten al %(limit)s berichten geplaatst. Meer mag niet, om spam te "
                "voorkomen. Probeer het over %(wait)s minuten opnieuw; je tekst staat hieronder nog."
            )
            % {"minutes": minutes, "limit": limit, "wait": wait}
        )


def _lock_person(user) -> None:
    # One person's requests go one at a time: two quick posts cannot both slip under the limit, and a
    # double-clicked "Lid worden" finds the membership the first click made.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _store_attachments(post: Post, files: Iterable) -> None:
    for upload in files:
        checked = attachments.check(upload)
        suffix = PurePath(checked.name).suffix.lower()
        attachment = Attachment(
            post=post, name=checked.name, content_type=checked.content_type, size=checked.size
        )
        attachment.file.save(f"{uuid.uuid4().hex}{suffix}", upload, save=False)
        attachment.save()


def active_members(group: Group):
    from wendbaar.accounts.models import User

    return User.objects.filter(
        community_memberships__group=group, community_memberships__status=MembershipStatus.ACTIVE
    )


def _mentions(post: Post, chosen: Iterable) -> set[int]:
    """Members named in the text or picked in the form, less the author; stored, so edits add only new."""
    members = list(active_members(post.thread.group))
    member_ids = {m.pk for m in members}
    picked = {getattr(c, "pk", c) for c in chosen}
    named = (find_mentions(post.body, members) | (picked & member_ids)) - {post.author_id}
    already = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    Mention.objects.bulk_create([Mention(post=post, user_id=pk) for pk in sorted(named - already)])
    return named - already


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise Refused(_("Schrijf eerst een bericht."))
    return body


@transaction.atomic
def start_thread(
    group: Group,
    author,
    *,
    title: str,
    body: str,
    kind: str = ThreadKind.QUESTION,
    files: Iterable = (),
    mentioned: Iterable = (),
    check_limits: bool = True,
) -> Thread:
    if not group_access(author, group).can_post:
        raise PermissionDenied
    title, body = (title or "").strip(), _clean_body(body)
    if not title:
        raise Refused(_("Geef je onderwerp een titel."))
    if check_limits:
        _lock_person(author)
        check_posting_limit(author, body)
    now = timezone.now()
    thread = Thread.objects.create(group=group, author=author, title=title, kind=kind, last_activity_at=now)
    post = Post.objects.create(thread=thread, author=author, body=body, is_opening=True)
    _store_attachments(post, files)
    Follow.objects.create(thread=thread, user=author)
    notifications.notify_post(post, _mentions(post, mentioned))
    return thread


@transaction.atomic
def reply(
    thread: Thread,
    author,
    *,
    body: str,
    files: Iterable = (),
    mentioned: Iterable = (),
    check_limits: bool = True,
) -> Post:
    thread = Thread.objects.select_for_update(of=("self",)).select_related("group").get(pk=thread.pk)
    access = group_access(author, thread.group)
    if not access.can_see_thread(thread) or not access.can_post:
        raise PermissionDenied
    if not access.can_reply(thread):
        raise Refused(_("Dit onderwerp is gesloten. Je kunt er niet meer op reageren."))
    body = _clean_body(body)
    if check_limits:
        _lock_person(author)
        check_posting_limit(author, body, thread)
    post = Post.objects.create(thread=thread, author=author, body=body)
    _store_attachments(post, files)
    thread.last_activity_at = post.created_at
    thread.save(update_fields=["last_activity_at"])
    Follow.objects.get_or_create(thread=thread, user=author)
    notifications.notify_post(post, _mentions(post, mentioned))
    return post


def may_edit(post: Post, user) -> bool:
    access = group_access(user, post.thread.group)
    return (
        post.author_id == user.pk
        and access.is_member
        and not post.is_hidden
        and not post.thread.is_hidden
        and (not post.thread.is_locked or access.is_moderator)
    )


@transaction.atomic
def edit_post(post: Post, editor, *, body: str, title: str | None = None, mentioned: Iterable = ()) -> Post:
    """Change a post; the version before is kept and the post is marked as edited."""
    post = Post.objects.select_for_update(of=("self",)).select_related("thread__group").get(pk=post.pk)
    if not may_edit(post, editor):
        raise PermissionDenied
    body = _clean_body(body)
    thread = post.thread
    new_title = (title or "").strip() if post.is_opening and title is not None else thread.title
    if not new_title:
        raise Refused(_("Geef je onderwerp een titel."))
    if body == post.body and new_title == thread.title:
        return post
    PostRevision.objects.create(
        post=post,
        title=thread.title if post.is_opening else "",
        body=post.body,
        body_html=post.body_html,
        written_at=post.edited_at or post.created_at,
    )
    post.body = body
    post.edited_at = timezone.now()
    post.save()
    if post.is_opening and new_title != thread.title:
        thread.title = new_title
        thread.save(update_fields=["title"])
    new_mentions = _mentions(post, mentioned)
    for user in active_members(thread.group).filter(pk__in=new_mentions):
        notifications.notify(
            user, NotificationKind.MENTION, group=thread.group, thread=thread, post=post, actor=editor
        )
    return post


@transaction.atomic
def accept_answer(thread: Thread, by, post: Post | None) -> Thread:
    """Mark a reply as the answer to a question (or clear it with ``post=None``): the asker or a moderator."""
    thread = Thread.objects.select_for_update(of=("self",)).select_related("group").get(pk=thread.pk)
    access = group_access(by, thread.group)
    if not access.can_see_thread(thread) or not (
        access.is_moderator or (access.is_member and thread.author_id == by.pk)
    ):
        raise PermissionDenied
    if not thread.is_question:
        raise Refused(_("Alleen bij een vraag kun je een antwoord kiezen."))
    if post is not None and (post.thread_id != thread.pk or post.is_opening or post.is_hidden):
        raise Refused(_("Dit bericht kan niet als antwoord worden gekozen."))
    thread.accepted_answer = post
    thread.save(update_fields=["accepted_answer"])
    if post is not None and post.author_id:
        notifications.notify(
            post.author, NotificationKind.ACCEPTED, group=thread.group, thread=thread, post=post, actor=by
        )
    return thread


def follow(thread: Thread, user, on: bool) -> None:
    if not group_access(user, thread.group).can_see_thread(thread):
        raise PermissionDenied
    if on:
        Follow.objects.get_or_create(thread=thread, user=user)
    else:
        Follow.objects.filter(thread=thread, user=user).delete()


# --- Moderation ----------------------------------------------------------------------------------------


@transaction.atomic
def report(post: Post, reporter, reason: str, explanation: str = "") -> Report:
    if not group_access(reporter, post.thread.group).can_see_post(post):
        raise PermissionDenied
    if post.author_id == reporter.pk:
        raise Refused(_("Je kunt je eigen bericht niet melden. Je kunt het wel aanpassen."))
    try:
        with transaction.atomic():
            made = Report.objects.create(
                post=post, reporter=reporter, reason=reason, explanation=explanation.strip()
            )
    except IntegrityError:
        raise Refused(_("Je hebt dit bericht al gemeld. Een moderator kijkt ernaar.")) from None
    notifications.notify_moderators(
        post.thread.group, NotificationKind.REPORT, thread=post.thread, post=post, actor=None
    )
    return made


def _resolve_reports(post: Post, moderator) -> None:
    Report.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


@transaction.atomic
def hide(post: Post, moderator, reason: str = "") -> Post:
    """Hide a post from everyone but the moderators. Hiding the opening post hides the whole topic."""
    post = Post.objects.select_for_update(of=("self",)).select_related("thread__group").get(pk=post.pk)
    group = post.thread.group
    _require_moderator(group, moderator)
    if post.is_hidden:
        raise Refused(_("Dit bericht is al verborgen."))
    post.is_hidden, post.hidden_at, post.hidden_by = True, timezone.now(), moderator
    post.hidden_reason = reason.strip()[:300]
    post.save(update_fields=["is_hidden", "hidden_at", "hidden_by", "hidden_reason"])
    thread = post.thread
    changed = []
    if post.is_opening:
        thread.is_hidden = True
        changed.append("is_hidden")
    if thread.accepted_answer_id == post.pk:
        thread.accepted_answer = None
        changed.append("accepted_answer")
    if changed:
        thread.save(update_fields=changed)
    _resolve_reports(post, moderator)
    _log(group, moderator, ModerationKind.HIDE, member=post.author, thread=thread, post=post, note=reason)
    return post


@transaction.atomic
def restore(post: Post, moderator) -> Post:
    post = Post.objects.select_for_update(of=("self",)).select_related("thread__group").get(pk=post.pk)
    group = post.thread.group
    _require_moderator(group, moderator)
    if not post.is_hidden:
        raise Refused(_("Dit bericht is niet verborgen."))
    post.is_hidden, post.hidden_at, post.hidden_by, post.hidden_reason = False, None, None, ""
    post.save(update_fields=["is_hidden", "hidden_at", "hidden_by", "hidden_reason"])
    if post.is_opening:
        Thread.objects.filter(pk=post.thread_id).update(is_hidden=False)
    _log(group, moderator, ModerationKind.RESTORE, member=post.author, thread=post.thread, post=post)
    return post


@transaction.atomic
def dismiss_reports(post: Post, moderator) -> None:
    _require_moderator(post.thread.group, moderator)
    _resolve_reports(post, moderator)
    _log(
        post.thread.group,
        moderator,
        ModerationKind.DISMISS_REPORT,
        member=post.author,
        thread=post.thread,
        post=post,
    )


@transaction.atomic
def lock(thread: Thread, moderator, locked: bool) -> Thread:
    _require_moderator(thread.group, moderator)
    if thread.is_locked == locked:
        return thread
    thread.is_locked = locked
    thread.save(update_fields=["is_locked"])
    _log(thread.group, moderator, ModerationKind.LOCK if locked else ModerationKind.UNLOCK, thread=thread)
    return thread


# --- Pins ----------------------------------------------------------------------------------------------


@transaction.atomic
def pin(group: Group, moderator, obj, note: str = "") -> Pin:
    _require_moderator(group, moderator)
    kind = pins.kind_of(obj)
    if kind is None:
        raise Refused(_("Dit kun je niet vastzetten."))
    content_type = ContentType.objects.get_for_model(kind.model_class(), for_concrete_model=False)
    made, created = Pin.objects.get_or_create(
        group=group,
        content_type=content_type,
        object_id=obj.pk,
        defaults={"note": note.strip()[:300], "pinned_by": moderator},
    )
    if not created:
        raise Refused(_("Dit staat al vast op de groepspagina."))
    _log(group, moderator, ModerationKind.PIN, note=str(obj))
    return made


@transaction.atomic
def unpin(group: Group, moderator, pin_id: int) -> None:
    _require_moderator(group, moderator)
    found = Pin.objects.filter(group=group, pk=pin_id).first()
    if found is None:
        raise Refused(_("Dit stond al niet meer vast."))
    title = str(found.content_object or "")
    found.delete()
    _log(group, moderator, ModerationKind.UNPIN, note=title)
