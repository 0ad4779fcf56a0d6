"""Erasing an account: the person's data goes, the programme team's counts stay the same.

One transaction, in this order:

1. Keep the person's share in the counts, anonymously (``models.Anonymous*``: no link to anyone, no text,
   months instead of moments, each kind of activity in its own table so the rows cannot be joined up).
2. Per app, clean what deleting the user row would leave behind. Community posts stay, so that answers
   and discussions of others keep their place, but without their text ("verwijderde gebruiker" as the
   author); topic titles stay. Print orders stay for the books, without name, address or e-mail (open
   orders are cancelled). Access-log entries *by* the person keep only their role.
3. Delete the user: everything else that is theirs goes with it (profile, skills, experience, texts,
   registrations, gesprekken with their notes, memberships, consents, notifications, ...).
4. Scrub what is left: the e-mail address, and the full name, are replaced wherever they still occur in
   text that other people's rows carry (a notification to an adviser "Jan de Vries booked a gesprek", a
   post by someone else naming them). A one-word name is only scrubbed where the person was named for
   sure (mentions, their advisers' messages): on its own it is too likely to be someone else's word.

Reference data (the taxonomy) and the kennisbank's editorial content are not scrubbed: nobody's personal
data is kept there.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from wendbaar.privacy.models import (
    AnonymousContactRequest,
    AnonymousConversation,
    AnonymousGroupMembership,
    AnonymousProfile,
    AnonymousProfileSkill,
    AnonymousRegistration,
    AnonymousSavedTransition,
    ErasureReason,
)

# What stands where a name or an e-mail address stood. Not translated: it is stored, not shown once.
PLACEHOLDER = "verwijderde gebruiker"
REMOVED_POST = "Dit bericht is weggehaald, omdat de schrijver het account heeft verwijderd."

# Never scrubbed: reference data and editorial content, where no personal data of members is kept.
NOT_SCRUBBED_APPS = {"taxonomy", "contenttypes", "auth", "sessions"}
NOT_SCRUBBED_MODELS = {
    "knowledge.item",
    "knowledge.publication",
    "knowledge.essay",
    "knowledge.podcastseries",
    "knowledge.episode",
    "knowledge.news",
}


# Links to the user that do not delete their row when the user goes (SET_NULL): the row stays, without the
# person. Each is listed with what happens to it; a test fails for a link that is not listed, so a new
# model cannot keep someone's text after they erased their account without anyone deciding that.
KEPT_WITHOUT_PERSON = {
    "knowledge.PrintOrder.user": "for the books; name, address and e-mail emptied, open orders cancelled",
    "knowledge.PrintOrderEvent.by": "what staff did to an order; no personal data of the staff member",
    "events.Event.organiser": "the bijeenkomst stays; it is the organisation's, not the organiser's",
    "events.Conversation.cancelled_by": "someone else's gesprek; only that it was cancelled",
    "communities.Group.created_by": "the group stays for its members",
    "communities.Membership.decided_by": "someone else's membership",
    "communities.Thread.author": "the topic keeps its title, so that others' answers keep their place",
    "communities.Post.author": "the post stays without its text, revisions or attachments",
    "communities.Post.hidden_by": "a moderation fact about someone else's post",
    "communities.Report.reporter": "the report stays for the moderators, without the explanation",
    "communities.Report.resolved_by": "a moderation fact",
    "communities.ModerationAction.actor": "the group's moderation log; the note is about someone else",
    "communities.ModerationAction.member": "the log keeps the act, the note about the person is emptied",
    "communities.Pin.pinned_by": "the pin stays for the group",
    "access.AccessLogEntry.actor": "the person it was about still sees the role that looked, not the name",
    "opportunities.Opportunity.created_by": "the kans is the organisation's",
    "opportunities.ContactRequest.sent_by": "someone else's contact request",
    "opportunities.ContactRequest.decided_by": "someone else's contact request",
    "opportunities.Message.author": "a recruiter's messages stay in the medewerker's thread (name scrubbed)",
    "notifications.Notification.actor": "someone else's notification; it then reads 'iemand'",
    "insight.Explorer.user": "explorations stay as anonymous counts (wendbaar.insight)",
}


class ErasureRefused(Exception):
    """This account cannot be erased like this; ``str(error)`` says why, in Dutch."""


def blockers(user) -> list[str]:
    """Reasons, in Dutch, why this account cannot erase itself (empty: it can)."""
    reasons = []
    if apps.is_installed("wendbaar.events"):
        from wendbaar.events.models import Conversation

        if Conversation.objects.filter(adviser=user).exists():
            reasons.append(
                _(
                    "Je bent loopbaanadviseur in gesprekken met medewerkers. Hun notities en afspraken "
                    "horen ook bij hen en zouden met je account verdwijnen. Vraag het programmateam om je "
                    "gesprekken over te dragen; daarna kun je je account verwijderen."
                )
            )
    return reasons


def erase(user, *, reason: str = ErasureReason.SELF, now: datetime | None = None) -> AnonymousProfile:
    """Erase ``user`` (see the module's description). Raises ``ErasureRefused`` and changes nothing when
    ``blockers`` gives a reason."""
    now = now or timezone.now()
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        reasons = blockers(user)
        if reasons:
            raise ErasureRefused(reasons[0])
        kept = keep_anonymous(user, reason=reason, now=now)
        name, email = (user.name or "").strip(), user.email
        role = user.get_role_display()
        _clean_communities(user, name)
        _clean_events(user, name)
        _clean_knowledge(user, now)
        _clean_access_log(user, role)
        _clean_admin_log(user)
        user.delete()
        scrub([email, *([name] if len(name.split()) >= 2 else [])])
    return kept


def _month(moment) -> date | None:
    if moment is None:
        return None
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        moment = moment.date()
    return moment.replace(day=1)


def keep_anonymous(user, *, reason: str, now: datetime) -> AnonymousProfile:
    """Copy the person's share in the counts into the anonymous tables (``models.Anonymous*``)."""
    membership = (
        user.memberships.select_related("organisation")
        .order_by(
            models.Case(models.When(organisation__kind="gemeente", then=0), default=1),
            "created_at",
            "id",
        )
        .first()
    )
    organisation = membership.organisation if membership else None
    kept = AnonymousProfile(
        role=user.role,
        joined_month=_month(user.date_joined),
        erased_month=_month(now),
        reason=reason,
        province=organisation.province if organisation else "",
        organisation_kind=organisation.kind if organisation else "",
        sector=organisation.sector if organisation else "",
    )
    profile = None
    if apps.is_installed("wendbaar.profiles"):
        from wendbaar.profiles.models import Profile

        profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        kept.had_profile = True
        kept.current_occupation_id = profile.current_occupation_id
        kept.years_in_occupation = profile.years_in_occupation
        kept.education = profile.education
        kept.step = profile.step
        kept.text_done = profile.text_done
        kept.profile_month = _month(profile.updated_at)
    kept.save()
    if profile is not None:
        AnonymousProfileSkill.objects.bulk_create(
            AnonymousProfileSkill(profile=kept, skill_id=skill_id, level=level, source=source)
            for skill_id, level, source in profile.skills.values_list("skill_id", "level", "source")
        )
        AnonymousSavedTransition.objects.bulk_create(
            AnonymousSavedTransition(profile=kept, occupation_id=occupation_id, month=_month(created))
            for occupation_id, created in profile.saved.values_list("occupation_id", "created_at")
        )
    if apps.is_installed("wendbaar.events"):
        from wendbaar.events.models import Conversation, Registration

        AnonymousRegistration.objects.bulk_create(
            AnonymousRegistration(event_id=event_id, status=status, attended=attended, month=_month(queued))
            for event_id, status, attended, queued in Registration.objects.filter(user=user).values_list(
                "event_id", "status", "attended", "queued_at"
            )
        )
        AnonymousConversation.objects.bulk_create(
            AnonymousConversation(status=status, mode=mode, month=_month(starts))
            for status, mode, starts in Conversation.objects.filter(person=user).values_list(
                "status", "mode", "starts_at"
            )
        )
    if apps.is_installed("wendbaar.communities"):
        from wendbaar.communities.models import Membership

        AnonymousGroupMembership.objects.bulk_create(
            AnonymousGroupMembership(group_id=group_id, role=role, status=status, joined_month=_month(joined))
            for group_id, role, status, joined in Membership.objects.filter(user=user).values_list(
                "group_id", "role", "status", "joined_at"
            )
        )
    contact_request = _model("opportunities.ContactRequest")
    if contact_request is not None:
        AnonymousContactRequest.objects.bulk_create(
            AnonymousContactRequest(
                opportunity_id=opportunity_id, direction=direction, status=status, month=_month(at)
            )
            for opportunity_id, direction, status, at in contact_request.objects.filter(
                person=user
            ).values_list("opportunity_id", "direction", "status", "created_at")
        )
    return kept


def _model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


# --- Per app: what deleting the user row would leave behind ------------------------------------------------


def _clean_communities(user, name: str) -> None:
    if not apps.is_installed("wendbaar.communities"):
        return
    from wendbaar.communities.models import Attachment, Mention, ModerationAction, Post, PostRevision, Report

    own = list(Post.objects.filter(author=user).values_list("pk", flat=True))
    PostRevision.objects.filter(post_id__in=own).delete()
    Attachment.objects.filter(post_id__in=own).delete()  # the files go with them (communities' signal)
    Post.objects.filter(pk__in=own).update(
        author=None,
        body=REMOVED_POST,
        body_html=f"<p>{escape(REMOVED_POST)}</p>",
        body_text=REMOVED_POST,
        edited_at=None,
    )
    Report.objects.filter(reporter=user).update(explanation="")
    ModerationAction.objects.filter(member=user).update(note="")
    if name:
        # Posts of others that name this person: the name goes there whatever its length.
        named = Mention.objects.filter(user=user).values("post_id")
        _replace_in(Post.objects.filter(pk__in=named), ["body", "body_html", "body_text"], [name])
        _replace_in(PostRevision.objects.filter(post_id__in=named), ["body", "body_html"], [name])


def _clean_events(user, name: str) -> None:
    if not apps.is_installed("wendbaar.events") or not name:
        return
    from wendbaar.events.models import Conversation

    # "Jan booked a gesprek with you": the person's advisers got messages with their name in them.
    advisers = Conversation.objects.filter(person=user).values("adviser_id")
    for label in ("notifications.Notification", "events.Notification"):
        notification = _model(label)
        if notification is not None:
            _replace_in(notification.objects.filter(user_id__in=advisers), ["text"], [name])


def _clean_knowledge(user, now) -> None:
    if not apps.is_installed("wendbaar.knowledge"):
        return
    from wendbaar.knowledge.models import OrderStatus, PrintOrder, PrintOrderEvent

    orders = PrintOrder.objects.filter(Q(user=user) | Q(email__iexact=user.email))
    open_orders = list(orders.filter(status=OrderStatus.NIEUW).values_list("pk", flat=True))
    PrintOrder.objects.filter(pk__in=open_orders).update(
        status=OrderStatus.GEANNULEERD, status_changed_at=now
    )
    PrintOrderEvent.objects.bulk_create(
        PrintOrderEvent(
            order_id=pk, at=now, description=_("Geannuleerd: de klant heeft het account verwijderd")
        )
        for pk in open_orders
    )
    orders.update(
        user=None,
        name="",
        email="",
        organisation_name="",
        street="",
        house_number=0,
        house_number_addition="",
        postcode="",
        city="",
    )


def _clean_access_log(user, role: str) -> None:
    if not apps.is_installed("wendbaar.access"):
        return
    from wendbaar.access.models import AccessLogEntry

    # The person it was about still sees that someone in this role looked, not who.
    AccessLogEntry.objects.filter(actor=user).update(actor_description=f"{PLACEHOLDER} ({role})"[:200])


def _clean_admin_log(user) -> None:
    if not apps.is_installed("django.contrib.admin"):
        return
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    # What beheerders did to this account names it; the entries the person made go with the user row.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).delete()


# --- Scrubbing --------------------------------------------------------------------------------------------


def _pattern(words: list[str]) -> re.Pattern:
    # Whole words only: "an@x.nl" must not eat part of "jan@x.nl", "Anna" not part of "Annabel"; a name
    # right after "@" (a mention) does count.
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.+-])(?:{alternatives})(?![\w@-])", re.IGNORECASE)


def _replace_in(queryset, fields: list[str], words: list[str]) -> int:
    """Replace ``words`` by the placeholder in ``fields`` of the rows that contain them; returns how many
    rows changed. Saves with ``update`` so no model logic (re-rendering, signals) runs on the result."""
    words = [w for w in words if w]
    if not words or not fields:
        return 0
    pattern = _pattern(words)
    model = queryset.model
    text_fields = [f for f in fields if not isinstance(model._meta.get_field(f), models.JSONField)]
    json_fields = [f for f in fields if f not in text_fields]
    condition = Q()
    for field in text_fields:
        for word in words:
            condition |= Q(**{f"{field}__icontains": word})
    annotations = {f"_text_{f}": Cast(f, models.TextField()) for f in json_fields}
    for field in json_fields:
        for word in words:
            condition |= Q(**{f"_text_{field}__icontains": word})
    changed = 0
    for row in queryset.annotate(**annotations).filter(condition).values("pk", *fields):
        updates = {}
        for field in fields:
            value = row[field]
            new = _replace_value(value, pattern, model._meta.get_field(field))
            if new != value:
                updates[field] = new
        if updates:
            model._base_manager.filter(pk=row["pk"]).update(**updates)
            changed += 1
    return changed


def _replace_value(value, pattern: re.Pattern, field):
    if isinstance(value, str):
        new = pattern.sub(PLACEHOLDER, value)
        max_length = getattr(field, "max_length", None)
        return new[:max_length] if max_length else new
    if isinstance(value, list):
        return [_replace_value(v, pattern, None) for v in value]
    if isinstance(value, dict):
        return {k: _replace_value(v, pattern, None) for k, v in value.items()}
    return value


def scrubbed_models(shortest: int = 0):
    """Models with text that might hold personal data, and those text fields. A field too short to hold
    even the shortest word (a status, a code) is left out, and so is a table with nothing else to search."""
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.app_label in NOT_SCRUBBED_APPS:
            continue
        if meta.label_lower in NOT_SCRUBBED_MODELS:
            continue
        fields = [
            f.name
            for f in meta.local_concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
            and not f.primary_key
            and not (isinstance(f, models.CharField) and f.max_length is not None and f.max_length < shortest)
        ]
        if fields:
            yield model, fields


def scrub(words: list[str]) -> int:
    """Replace ``words`` wherever they still occur in text; returns how many rows changed."""
    words = [w for w in words if w]
    if not words:
        return 0
    shortest = min(len(w) for w in words)
    return sum(
        _replace_in(model._base_manager.all(), fields, words) for model, fields in scrubbed_models(shortest)
    )
