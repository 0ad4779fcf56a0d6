"""What a person shares with whom, in words they recognise, and taking it back from one place.

Some sharing also lives as a flag on the thing it is about (``Conversation.share_profile``,
``Registration.share_on_attendee_list``). Those flags are changed only through the events services, which
record the consent at the same time, so withdrawing here goes through them too: flag and record change
together, in one transaction, and take effect with the very next request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wendbaar.privacy import consent
from wendbaar.privacy.models import ConsentRecord, Purpose


@dataclass(frozen=True)
class Sharing:
    record: ConsentRecord
    what: str
    with_whom: str
    # Where the person can turn it on again or read more (empty when there is no such page).
    url: str = ""


def _day(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y")


def _audience_object(record: ConsentRecord):
    """The conversation or event an audience names, or None when it is gone (or the app is absent)."""
    kind, _sep, key = record.audience.partition(":")
    if not key.isdigit():
        return None
    if kind == "gesprek" and apps.is_installed("wendbaar.events"):
        from wendbaar.events.models import Conversation

        return Conversation.objects.select_related("adviser").filter(pk=int(key)).first()
    if kind == "bijeenkomst" and apps.is_installed("wendbaar.events"):
        from wendbaar.events.models import Event

        return Event.objects.filter(pk=int(key)).first()
    return None


def _adviser_can_look(conversation) -> bool:
    """The same window ``events.services.can_view_profile`` allows: planned, and until a week after."""
    from wendbaar.events.models import ConversationStatus
    from wendbaar.events.services import PROFILE_ACCESS_AFTER

    return (
        conversation.status == ConversationStatus.BOOKED
        and conversation.ends_at > timezone.now() - PROFILE_ACCESS_AFTER
    )


def describe(record: ConsentRecord) -> Sharing:
    """The record as the person reads it: what is shared, and with whom."""
    what = record.get_purpose_display()
    target = _audience_object(record)
    if record.purpose == Purpose.PROFILE_WITH_ADVISER:
        if target is not None:
            with_whom = _("%(adviser)s, loopbaanadviseur, voor het gesprek van %(day)s") % {
                "adviser": target.adviser.name,
                "day": _day(target.starts_at),
            }
            if record.is_active and not _adviser_can_look(target):
                with_whom += " " + _(
                    "(het gesprek is voorbij of geannuleerd: je adviseur kan je profiel niet meer zien)"
                )
            return Sharing(record, _("Je vaardighedenprofiel"), with_whom, target.get_absolute_url())
        return Sharing(record, _("Je vaardighedenprofiel"), _("Je loopbaanadviseur, voor een gesprek"))
    if record.purpose == Purpose.ATTENDEE_LIST:
        if target is not None:
            return Sharing(
                record,
                _("Je naam en organisatie op de deelnemerslijst"),
                _("De organisatoren en deelnemers van ‘%(event)s’ (%(day)s)")
                % {"event": target.title, "day": _day(target.starts_at)},
                target.get_absolute_url(),
            )
        return Sharing(record, _("Je naam en organisatie op de deelnemerslijst"), _("Een bijeenkomst"))
    if record.purpose == Purpose.VISIBLE_TO_ORGANISATIONS:
        return Sharing(
            record,
            _("Je vaardigheden, je match en je provincie (zonder je naam)"),
            _(
                "Organisaties met kansen op wendbaar. Je naam zien ze pas als je een contactverzoek "
                "accepteert of zelf interesse toont."
            ),
        )
    return Sharing(record, what, record.audience or _("Iedereen die hierbij hoort"))


def overview(user) -> tuple[list[Sharing], list[Sharing]]:
    """What the person shares now, and what they shared before (newest first)."""
    records = ConsentRecord.objects.filter(user=user).order_by("-granted_at", "-id")
    current, earlier = [], []
    for record in records:
        (current if record.is_active else earlier).append(describe(record))
    return current, earlier


def withdraw(user, record_id: int) -> ConsentRecord | None:
    """Stop one sharing at once. Returns the record, or None when the person has no such open record."""
    with transaction.atomic():
        record = (
            ConsentRecord.objects.select_for_update()
            .filter(pk=record_id, user=user, revoked_at__isnull=True)
            .first()
        )
        if record is None:
            return None
        target = _audience_object(record)
        if record.purpose == Purpose.PROFILE_WITH_ADVISER and target is not None:
            from wendbaar.events import services

            services.set_profile_sharing(target, user, False)
        elif record.purpose == Purpose.ATTENDEE_LIST and target is not None:
            from wendbaar.events import services
            from wendbaar.events.models import Registration

            try:
                services.set_attendee_list_sharing(target.pk, user, False)
            except Registration.DoesNotExist:
                consent.revoke(user, record.purpose, audience=record.audience)
        elif (
            record.purpose == Purpose.VISIBLE_TO_ORGANISATIONS
            and not record.audience
            and apps.is_installed("wendbaar.opportunities")
        ):
            from wendbaar.opportunities import services

            services.set_visibility(user, False)  # also drops the stored matches
        else:
            consent.revoke(user, record.purpose, audience=record.audience)
        record.refresh_from_db()
    return record


def record_existing_flags() -> int:
    """Open a consent record for every sharing flag that is on without one (data from before consent
    records existed, or made outside the services). Returns how many were opened."""
    if not apps.is_installed("wendbaar.events"):
        return 0
    from wendbaar.events.models import Conversation, Registration

    opened = 0
    for person_id, pk in Conversation.objects.filter(share_profile=True).values_list("person_id", "pk"):
        opened += _open_if_missing(person_id, Purpose.PROFILE_WITH_ADVISER, consent.conversation_audience(pk))
    for user_id, event_id in Registration.objects.filter(share_on_attendee_list=True).values_list(
        "user_id", "event_id"
    ):
        opened += _open_if_missing(user_id, Purpose.ATTENDEE_LIST, consent.event_audience(event_id))
    return opened


def _open_if_missing(user_id: int, purpose: str, audience: str) -> int:
    open_ = ConsentRecord.objects.filter(
        user_id=user_id, purpose=purpose, audience=audience, revoked_at__isnull=True
    )
    if open_.exists():
        return 0
    ConsentRecord.objects.create(user_id=user_id, purpose=purpose, audience=audience)
    return 1
