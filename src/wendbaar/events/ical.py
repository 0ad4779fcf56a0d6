"""iCalendar (RFC 5545) files: one per event, and a personal feed with someone's events and conversations.

Times are written in Europe/Amsterdam with a VTIMEZONE, so calendar apps show the wall-clock time the
organiser meant, also across a daylight-saving change.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wendbaar.events.models import Conversation, ConversationStatus, Event, Registration, RegistrationStatus

PRODID = "-//wendbaar//bijeenkomsten en gesprekken//NL"
# The feed shows what is coming and what just happened; older items drop out.
FEED_HISTORY = timedelta(days=90)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _finish(calendar: icalendar.Calendar, moments: list[datetime]) -> bytes:
    if moments:
        # Only the transitions around the calendar's own dates, not decades of them.
        first = min(moments).date() - timedelta(days=366)
        last = max(moments).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def event_component(event: Event, base_url: str = "") -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"bijeenkomst-{event.pk}@wendbaar")
    component.add("dtstamp", timezone.now())
    component.add("last-modified", event.updated_at or timezone.now())
    component.add("dtstart", _local(event.starts_at))
    component.add("dtend", _local(event.ends_at))
    component.add("summary", event.title)
    url = f"{base_url.rstrip('/')}{event.get_absolute_url()}" if base_url else ""
    component.add("description", "\n\n".join(part for part in (event.description, url) if part))
    component.add("location", event.online_url if event.is_online else event.venue)
    if url:
        component.add("url", url)
    component.add("status", "CONFIRMED")
    component.add("categories", [event.get_kind_display()])
    return component


def conversation_component(conversation: Conversation, viewer, base_url: str = "") -> icalendar.Event:
    other = conversation.person if viewer.pk == conversation.adviser_id else conversation.adviser
    component = icalendar.Event()
    component.add("uid", f"gesprek-{conversation.pk}@wendbaar")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", _local(conversation.starts_at))
    component.add("dtend", _local(conversation.ends_at))
    component.add("summary", _("Gesprek met %(name)s") % {"name": other.name})
    # Notes and the person's question stay on the site: a calendar is shared more widely than one expects.
    url = f"{base_url.rstrip('/')}{conversation.get_absolute_url()}" if base_url else ""
    component.add("description", "\n\n".join(part for part in (conversation.get_mode_display(), url) if part))
    component.add("location", conversation.where())
    if url:
        component.add("url", url)
    component.add("sequence", conversation.reschedule_count)
    component.add("status", "CONFIRMED")
    return component


def event_calendar(event: Event, base_url: str = "") -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(event_component(event, base_url))
    return _finish(calendar, [event.starts_at, event.ends_at])


def personal_calendar(user, base_url: str = "", now=None) -> bytes:
    """Someone's confirmed events and planned conversations (as person or as adviser)."""
    since = (now or timezone.now()) - FEED_HISTORY
    calendar = _calendar(_("wendbaar: mijn bijeenkomsten en gesprekken"))
    moments: list[datetime] = []
    registrations = Registration.objects.filter(
        user=user, status=RegistrationStatus.CONFIRMED, event__ends_at__gte=since
    ).select_related("event")
    for registration in registrations:
        calendar.add_component(event_component(registration.event, base_url))
        moments += [registration.event.starts_at, registration.event.ends_at]
    conversations = (
        Conversation.objects.filter(Q(person=user) | Q(adviser=user), ends_at__gte=since)
        .exclude(status=ConversationStatus.CANCELLED)
        .select_related("person", "adviser")
    )
    for conversation in conversations:
        calendar.add_component(conversation_component(conversation, user, base_url))
        moments += [conversation.starts_at, conversation.ends_at]
    return _finish(calendar, moments)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)
