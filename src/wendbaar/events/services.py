"""The rules of registering for events and booking conversations, in small functions views and commands share.

Capacity is never exceeded and a slot is never booked twice. Each change that depends on a count or on a
free slot runs in one transaction that first locks the row everyone contends for: the event for
registrations, the adviser for bookings. On PostgreSQL that is ``SELECT … FOR UPDATE``; SQLite ignores
it, but there every write transaction starts with ``BEGIN IMMEDIATE`` (see settings), which serialises
writers anyway. A unique constraint on (adviser, start) backs the booking rule up in the database.

A request the rules do not allow raises ``Refused`` with a plain Dutch message and changes nothing.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wendbaar.accounts.models import Role, User
from wendbaar.events import ical, slots
from wendbaar.events.models import (
    Adviser,
    CalendarFeed,
    Conversation,
    ConversationMode,
    ConversationNote,
    ConversationStatus,
    Event,
    FollowUpAction,
    NotificationTopic,
    Registration,
    RegistrationStatus,
)
from wendbaar.events.notifications import notify
from wendbaar.privacy import consent

# How long after a conversation the adviser may still open a shared profile (to write the follow-up).
PROFILE_ACCESS_AFTER = timedelta(days=7)
# Reminders go out for what starts within this time from now; the command runs at least hourly.
REMINDER_LEAD = timedelta(hours=24)


class Refused(Exception):
    """The rules do not allow this request. ``str(error)`` is a message for the person, in Dutch."""


def when(moment: datetime) -> str:
    """A moment as people read it, in Dutch local time: "dinsdag 3 december 2026 om 19:00"."""
    # Translators: a date format (Django's "date" filter); letters that are text are escaped.
    return formats.date_format(timezone.localtime(moment), _(r"l j F Y \o\m H:i"))


# --- Events -------------------------------------------------------------------------------------------


def register(event_id: int, user, *, share_on_attendee_list: bool = False, now=None) -> Registration:
    """Give ``user`` a place at the event, or a place on its waitlist when it is full."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event_id)
        if not event.is_published:
            raise Refused(_("Je kunt je voor deze bijeenkomst (nog) niet aanmelden."))
        if not event.registration_is_open(now):
            raise Refused(
                _("Aanmelden is niet meer mogelijk. Dat kon tot %(deadline)s.")
                % {"deadline": when(event.registration_deadline)}
            )
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration and registration.status == RegistrationStatus.CONFIRMED:
            raise Refused(_("Je bent al aangemeld voor deze bijeenkomst."))
        if registration and registration.status == RegistrationStatus.WAITLISTED:
            raise Refused(_("Je staat al op de wachtlijst voor deze bijeenkomst."))
        # Nobody jumps the queue: places freed behind the rules' back (e.g. more places set in the admin)
        # go to the people waiting first.
        _promote(event, now)
        confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED).exists()
        has_place = confirmed < event.capacity and not waiting
        registration = registration or Registration(event=event, user=user)
        registration.status = RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITLISTED
        registration.share_on_attendee_list = share_on_attendee_list
        registration.queued_at = now
        registration.confirmed_at = now if has_place else None
        registration.cancelled_at = None
        registration.attended = None
        registration.reminder_sent_at = None
        registration.save()
        consent.set_granted(
            user,
            consent.Purpose.ATTENDEE_LIST,
            share_on_attendee_list,
            audience=consent.event_audience(event.pk),
        )
        if has_place:
            text = _("Je bent aangemeld voor ‘%(title)s’ op %(when)s.") % {
                "title": event.title,
                "when": when(event.starts_at),
            }
        else:
            text = _(
                "‘%(title)s’ is vol. Je staat op de wachtlijst. Komt er een plek vrij, dan krijg je die "
                "automatisch en laten we het je weten."
            ) % {"title": event.title}
        notify(
            user,
            topic=NotificationTopic.EVENT,
            subject=_("Aanmelding: %(title)s") % {"title": event.title},
            text=text,
            url=event.get_absolute_url(),
            in_app=False,  # the page already says so; the mail is the receipt
            attachment=_ics_attachment(event) if has_place else None,
        )
    return registration


def cancel_registration(event_id: int, user, *, now=None) -> list[Registration]:
    """Give up a place (or leave the waitlist). Returns who moved up from the waitlist."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event_id)
        registration = (
            Registration.objects.filter(event=event, user=user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
        if registration is None:
            raise Refused(_("Je bent niet aangemeld voor deze bijeenkomst."))
        if event.has_started(now):
            raise Refused(_("De bijeenkomst is al begonnen. Afmelden kan niet meer."))
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        return _promote(event, now) if was_confirmed else []


def fill_from_waitlist(event_id: int, *, now=None) -> list[Registration]:
    """Give free places to the people waiting, e.g. after the organiser added places."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event_id)
        return _promote(event, now)


def _promote(event: Event, now) -> list[Registration]:
    """Move the first people waiting into free places. The caller holds the lock on ``event``."""
    if event.has_started(now):
        return []
    free = event.capacity - event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    if free <= 0:
        return []
    promoted = list(
        event.registrations.filter(status=RegistrationStatus.WAITLISTED)
        .select_related("user")
        .order_by("queued_at", "id")[:free]
    )
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        notify(
            registration.user,
            topic=NotificationTopic.EVENT,
            subject=_("Er is een plek vrij: %(title)s") % {"title": event.title},
            text=_(
                "Goed nieuws: er is een plek vrijgekomen bij ‘%(title)s’ op %(when)s. Je stond op de "
                "wachtlijst en bent nu aangemeld. Kun je toch niet? Meld je dan af, dan gaat je plek naar "
                "de volgende."
            )
            % {"title": event.title, "when": when(event.starts_at)},
            url=event.get_absolute_url(),
            attachment=_ics_attachment(event),
        )
    return promoted


def save_event(form, organiser) -> Event:
    """Save an organiser's event form. Fewer places than people already confirmed is refused."""
    with transaction.atomic():
        event = form.instance
        if event.pk:
            Event.objects.select_for_update().get(pk=event.pk)
            confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
            if event.capacity < confirmed:
                raise Refused(
                    ngettext(
                        "Er is al %(count)s persoon aangemeld. Kies minstens %(count)s plaats.",
                        "Er zijn al %(count)s personen aangemeld. Kies minstens %(count)s plaatsen.",
                        confirmed,
                    )
                    % {"count": confirmed}
                )
        elif event.organiser_id is None:
            event.organiser = organiser
        event = form.save()
        _promote(event, timezone.now())
    return event


def set_attendance(event: Event, present_ids: set[int]) -> int:
    """Mark who came: confirmed registrations in ``present_ids`` attended, the others did not."""
    with transaction.atomic():
        confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
        came = confirmed.filter(pk__in=present_ids).update(attended=True)
        confirmed.exclude(pk__in=present_ids).update(attended=False)
    return came


def _ics_attachment(event: Event):
    """The event as a calendar file for a mail, made when the mail goes out."""
    return lambda: (f"{event.slug}.ics", ical.event_calendar(event), "text/calendar")


# --- Calendar feed ------------------------------------------------------------------------------------


def renew_calendar_feed(user) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    token = secrets.token_urlsafe(32)
    feed, _created = CalendarFeed.objects.update_or_create(user=user, defaults={"token": token})
    return feed


def revoke_calendar_feed(user) -> bool:
    deleted, _details = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)


# --- Conversations ------------------------------------------------------------------------------------


def notice_period() -> timedelta:
    return timedelta(hours=settings.CONVERSATION_NOTICE_HOURS)


def open_conversations(person, now=None):
    return Conversation.objects.filter(
        person=person, status=ConversationStatus.BOOKED, ends_at__gt=now or timezone.now()
    )


def _locked_adviser(adviser_user_id: int) -> Adviser:
    try:
        return Adviser.objects.select_for_update().select_related("user").get(user_id=adviser_user_id)
    except Adviser.DoesNotExist:
        raise Refused(_("Deze persoon is geen loopbaanadviseur.")) from None


def _check_slot(adviser: Adviser, starts_at: datetime, now, *, ignore=None) -> slots.Slot:
    if starts_at <= now:
        raise Refused(_("Dit tijdstip is al voorbij. Kies een ander moment."))
    if starts_at > now + timedelta(days=settings.CONVERSATION_BOOKING_DAYS):
        raise Refused(
            _("Je kunt tot %(days)s dagen vooruit een gesprek boeken.")
            % {"days": settings.CONVERSATION_BOOKING_DAYS}
        )
    if not adviser.accepts_bookings:
        raise Refused(
            _("Deze loopbaanadviseur neemt nu geen nieuwe gesprekken aan. Kies een andere adviseur.")
        )
    slot = slots.free_slot_at(adviser, starts_at, now=now, ignore=ignore)
    if slot is None:
        raise Refused(_("Dit tijdstip is niet (meer) vrij. Kies een ander moment."))
    return slot


def _check_person_free(person, slot: slots.Slot, *, ignore=None):
    overlapping = Conversation.objects.filter(
        person=person,
        status=ConversationStatus.BOOKED,
        starts_at__lt=slot.ends_at,
        ends_at__gt=slot.starts_at,
    )
    if ignore is not None:
        overlapping = overlapping.exclude(pk=ignore.pk)
    if overlapping.exists():
        raise Refused(_("Je hebt op dat moment al een ander gesprek."))


def book(
    person,
    adviser_user_id: int,
    starts_at: datetime,
    *,
    mode: str,
    question: str = "",
    share_profile: bool = False,
    now=None,
) -> Conversation:
    """Book one of the adviser's free slots for ``person``."""
    now = now or timezone.now()
    if person.role != Role.MEDEWERKER:
        raise Refused(_("Alleen medewerkers kunnen een gesprek met een loopbaanadviseur boeken."))
    with transaction.atomic():
        adviser = _locked_adviser(adviser_user_id)
        slot = _check_slot(adviser, starts_at, now)
        if mode not in adviser.modes():
            raise Refused(_("Deze adviseur biedt deze manier van praten niet aan. Kies een andere."))
        # One person's bookings one at a time, so two quick clicks cannot pass the limit together.
        User.objects.select_for_update().filter(pk=person.pk).exists()
        limit = settings.CONVERSATION_OPEN_LIMIT
        if open_conversations(person, now).count() >= limit:
            raise Refused(
                ngettext(
                    "Je hebt al %(count)s gesprek gepland; meer kan niet tegelijk. Wacht tot dat gesprek "
                    "geweest is, of annuleer het eerst.",
                    "Je hebt al %(count)s gesprekken gepland; meer kan niet tegelijk. Wacht tot een gesprek "
                    "geweest is, of annuleer er eerst een.",
                    limit,
                )
                % {"count": limit}
            )
        _check_person_free(person, slot)
        try:
            with transaction.atomic():
                conversation = Conversation.objects.create(
                    adviser=adviser.user,
                    person=person,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    mode=mode,
                    location=adviser.location if mode == ConversationMode.LOCATION else "",
                    video_url=adviser.video_url if mode == ConversationMode.VIDEO else "",
                    question=question,
                    share_profile=share_profile,
                )
        except IntegrityError:
            raise Refused(
                _("Dit tijdstip is net door iemand anders geboekt. Kies een ander moment.")
            ) from None
        if share_profile:
            consent.grant(
                person,
                consent.Purpose.PROFILE_WITH_ADVISER,
                audience=consent.conversation_audience(conversation.pk),
            )
        notify(
            adviser.user,
            topic=NotificationTopic.CONVERSATION,
            subject=_("Nieuw gesprek op %(when)s") % {"when": when(slot.starts_at)},
            text=_("%(name)s heeft een gesprek met je geboekt op %(when)s.")
            % {"name": person.name, "when": when(slot.starts_at)},
            url=conversation.get_absolute_url(),
        )
        notify(
            person,
            topic=NotificationTopic.CONVERSATION,
            subject=_("Je gesprek op %(when)s") % {"when": when(slot.starts_at)},
            text=_("Je gesprek met %(adviser)s is gepland op %(when)s.")
            % {"adviser": adviser.user.name, "when": when(slot.starts_at)},
            url=conversation.get_absolute_url(),
            in_app=False,
        )
    return conversation


def _check_notice(conversation: Conversation, now, action: str):
    if conversation.status != ConversationStatus.BOOKED:
        raise Refused(_("Dit gesprek is niet meer gepland."))
    if now > conversation.starts_at - notice_period():
        raise Refused(
            _(
                "%(action)s kan tot %(hours)s uur voor het gesprek. Dat is nu voorbij. Neem contact op met "
                "je adviseur als je echt niet kunt."
            )
            % {"action": action, "hours": settings.CONVERSATION_NOTICE_HOURS}
        )


def reschedule(conversation_id: int, person, new_start: datetime, *, now=None) -> Conversation:
    """Move the person's conversation to another free slot of the same adviser."""
    now = now or timezone.now()
    with transaction.atomic():
        conversation = Conversation.objects.get(pk=conversation_id, person=person)
        adviser = _locked_adviser(conversation.adviser_id)
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        _check_notice(conversation, now, _("Verzetten"))
        if new_start == conversation.starts_at:
            raise Refused(_("Kies een ander tijdstip dan het huidige."))
        slot = _check_slot(adviser, new_start, now, ignore=conversation)
        _check_person_free(person, slot, ignore=conversation)
        old_start = conversation.starts_at
        conversation.starts_at, conversation.ends_at = slot.starts_at, slot.ends_at
        conversation.reschedule_count += 1
        conversation.reminder_sent_at = None
        try:
            with transaction.atomic():
                conversation.save(
                    update_fields=["starts_at", "ends_at", "reschedule_count", "reminder_sent_at"]
                )
        except IntegrityError:
            raise Refused(
                _("Dit tijdstip is net door iemand anders geboekt. Kies een ander moment.")
            ) from None
        notify(
            adviser.user,
            topic=NotificationTopic.CONVERSATION,
            subject=_("Gesprek verzet naar %(when)s") % {"when": when(slot.starts_at)},
            text=_("%(name)s heeft het gesprek van %(old)s verzet naar %(new)s.")
            % {"name": person.name, "old": when(old_start), "new": when(slot.starts_at)},
            url=conversation.get_absolute_url(),
        )
    return conversation


def cancel_conversation(conversation_id: int, user, *, now=None) -> Conversation:
    """Cancel a conversation. The person must keep to the notice period; the adviser can until it starts."""
    now = now or timezone.now()
    with transaction.atomic():
        conversation = (
            Conversation.objects.select_for_update()
            .select_related("adviser", "person")
            .get(pk=conversation_id)
        )
        if user.pk == conversation.person_id:
            _check_notice(conversation, now, _("Annuleren"))
            other = conversation.adviser
        elif user.pk == conversation.adviser_id:
            if conversation.status != ConversationStatus.BOOKED:
                raise Refused(_("Dit gesprek is niet meer gepland."))
            if conversation.starts_at <= now:
                raise Refused(_("Dit gesprek is al begonnen. Zet het op afgerond als het geweest is."))
            other = conversation.person
        else:
            raise Conversation.DoesNotExist
        conversation.status = ConversationStatus.CANCELLED
        conversation.cancelled_at = now
        conversation.cancelled_by = user
        conversation.save(update_fields=["status", "cancelled_at", "cancelled_by"])
        notify(
            other,
            topic=NotificationTopic.CONVERSATION,
            subject=_("Gesprek geannuleerd: %(when)s") % {"when": when(conversation.starts_at)},
            text=_("%(name)s heeft het gesprek van %(when)s geannuleerd.")
            % {"name": user.name, "when": when(conversation.starts_at)},
            url=conversation.get_absolute_url(),
        )
    return conversation


def complete_conversation(conversation: Conversation, adviser, *, now=None) -> Conversation:
    now = now or timezone.now()
    if adviser.pk != conversation.adviser_id:
        raise Conversation.DoesNotExist
    if conversation.status != ConversationStatus.BOOKED:
        raise Refused(_("Dit gesprek is niet meer gepland."))
    if conversation.starts_at > now:
        raise Refused(_("Een gesprek kan pas afgerond worden als het begonnen is."))
    conversation.status = ConversationStatus.COMPLETED
    conversation.save(update_fields=["status"])
    return conversation


def set_profile_sharing(conversation: Conversation, person, share: bool) -> Conversation:
    if person.pk != conversation.person_id:
        raise Conversation.DoesNotExist
    with transaction.atomic():
        conversation.share_profile = share
        conversation.save(update_fields=["share_profile"])
        consent.set_granted(
            person,
            consent.Purpose.PROFILE_WITH_ADVISER,
            share,
            audience=consent.conversation_audience(conversation.pk),
        )
    return conversation


def set_attendee_list_sharing(event_id: int, user, share: bool) -> Registration:
    """Put the person's name on the event's attendee list, or take it off (at once)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(event_id=event_id, user=user)
        registration.share_on_attendee_list = share
        registration.save(update_fields=["share_on_attendee_list"])
        consent.set_granted(
            user, consent.Purpose.ATTENDEE_LIST, share, audience=consent.event_audience(event_id)
        )
    return registration


def add_note(conversation: Conversation, author, text: str) -> ConversationNote:
    if author.pk not in (conversation.person_id, conversation.adviser_id):
        raise Conversation.DoesNotExist
    return ConversationNote.objects.create(conversation=conversation, author=author, text=text)


def add_action(conversation: Conversation, adviser, description: str, due_date=None) -> FollowUpAction:
    if adviser.pk != conversation.adviser_id:
        raise Conversation.DoesNotExist
    action = FollowUpAction.objects.create(
        conversation=conversation, description=description, due_date=due_date
    )
    notify(
        conversation.person,
        topic=NotificationTopic.CONVERSATION,
        subject=_("Nieuwe afspraak na je gesprek"),
        text=_("%(adviser)s heeft een afspraak vastgelegd: %(description)s")
        % {"adviser": conversation.adviser.name, "description": description},
        url=conversation.get_absolute_url(),
    )
    return action


def set_action_done(action: FollowUpAction, user, done: bool, *, now=None) -> FollowUpAction:
    conversation = action.conversation
    if user.pk not in (conversation.person_id, conversation.adviser_id):
        raise Conversation.DoesNotExist
    action.done_at = (now or timezone.now()) if done else None
    action.save(update_fields=["done_at"])
    return action


def can_view_profile(adviser, person, *, now=None) -> bool:
    """True only for a loopbaanadviseur with a current conversation in which ``person`` shares their profile.

    Current: planned (not cancelled, not completed) and not ended more than a week ago, so the adviser can
    prepare and write the follow-up, but does not keep access afterwards.
    """
    if adviser is None or person is None or not getattr(adviser, "is_authenticated", False):
        return False
    if adviser.role != Role.LOOPBAANADVISEUR or not adviser.is_active or adviser.pk == person.pk:
        return False
    now = now or timezone.now()
    return Conversation.objects.filter(
        adviser=adviser,
        person=person,
        status=ConversationStatus.BOOKED,
        share_profile=True,
        ends_at__gt=now - PROFILE_ACCESS_AFTER,
    ).exists()


# --- Reminders ----------------------------------------------------------------------------------------


def enqueue_due_reminders(*, now=None, lead: timedelta = REMINDER_LEAD) -> dict[str, int]:
    """Queue a reminder for every confirmed place and planned conversation starting within ``lead``.

    Each is claimed (``reminder_sent_at``) in the same transaction that queues its task, so running this
    twice, or on two machines at once, sends every reminder once.
    """
    from wendbaar.events import tasks  # the task module imports this one

    now = now or timezone.now()
    counts = {"events": 0, "conversations": 0}
    due_registrations = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + lead,
    ).values_list("pk", flat=True)
    for pk in list(due_registrations):
        with transaction.atomic():
            if Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
                tasks.send_event_reminder.enqueue(pk)
                counts["events"] += 1
    due_conversations = Conversation.objects.filter(
        status=ConversationStatus.BOOKED,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + lead,
    ).values_list("pk", flat=True)
    for pk in list(due_conversations):
        with transaction.atomic():
            if Conversation.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
                tasks.send_conversation_reminder.enqueue(pk)
                counts["conversations"] += 1
    return counts


def send_event_reminder(registration_id: int, *, now=None) -> bool:
    now = now or timezone.now()
    registration = Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return False
    event = registration.event
    if event.has_started(now):
        return False
    where = event.online_url if event.is_online else event.venue
    notify(
        registration.user,
        topic=NotificationTopic.EVENT,
        subject=_("Herinnering: %(title)s") % {"title": event.title},
        text=_("Tot snel! ‘%(title)s’ begint %(when)s. Waar: %(where)s. Kun je toch niet? Meld je dan af.")
        % {"title": event.title, "when": when(event.starts_at), "where": where},
        url=event.get_absolute_url(),
        urgent=True,  # an overview would bring it too late
    )
    return True


def send_conversation_reminder(conversation_id: int, *, now=None) -> bool:
    now = now or timezone.now()
    conversation = Conversation.objects.select_related("adviser", "person").filter(pk=conversation_id).first()
    if conversation is None or conversation.status != ConversationStatus.BOOKED:
        return False
    if conversation.starts_at <= now:
        return False
    for user, other in (
        (conversation.person, conversation.adviser),
        (conversation.adviser, conversation.person),
    ):
        notify(
            user,
            topic=NotificationTopic.CONVERSATION,
            subject=_("Herinnering: gesprek op %(when)s") % {"when": when(conversation.starts_at)},
            text=_("Herinnering: je gesprek met %(name)s is %(when)s. %(mode)s: %(where)s")
            % {
                "name": other.name,
                "when": when(conversation.starts_at),
                "mode": conversation.get_mode_display(),
                "where": conversation.where(),
            },
            url=conversation.get_absolute_url(),
            urgent=True,  # an overview would bring it too late
        )
    return True
