"""From an adviser's weekly availability and days off to concrete slots, in Dutch local time.

Availability is wall-clock time ("Tuesdays 9:00–12:00"), so a Tuesday 9:00 slot stays at 9:00 local time
on both sides of a daylight-saving change. A slot lasts the adviser's slot length in real minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from wendbaar.events.models import Adviser, Conversation, ConversationStatus

KEY_FORMAT = "%Y%m%dT%H%MZ"


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime

    @property
    def key(self) -> str:
        """A short, URL-safe name for the slot: its start in UTC."""
        return slot_key(self.starts_at)


def slot_key(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(KEY_FORMAT)


def parse_slot_key(key: str) -> datetime | None:
    try:
        return datetime.strptime(key, KEY_FORMAT).replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _exists(naive: datetime, zone: ZoneInfo) -> bool:
    """False for wall-clock times the clocks skip in spring (e.g. 02:30 on the last Sunday of March)."""
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive


def slots_on(adviser: Adviser, day: date, windows=None) -> list[Slot]:
    """Every slot of the adviser's weekly availability on one local day, booked or not, ignoring days off.

    ``windows`` is the adviser's weekly availability when the caller already has it (one query, not one
    per day).
    """
    zone = local_zone()
    length = timedelta(minutes=adviser.slot_minutes)
    result = []
    for window in adviser.weekly_availability.all() if windows is None else windows:
        if window.weekday != day.weekday():
            continue
        wall = datetime.combine(day, window.starts_at)
        end = datetime.combine(day, window.ends_at)
        while wall + length <= end:
            if _exists(wall, zone):
                start = wall.replace(tzinfo=zone)
                result.append(Slot(start, (start.astimezone(UTC) + length).astimezone(zone)))
            wall += length
    return sorted(result, key=lambda slot: slot.starts_at)


def _days_off(adviser: Adviser, first: date, last: date) -> set[date]:
    days = set()
    for exception in adviser.exceptions.filter(first_day__lte=last, last_day__gte=first):
        day = max(exception.first_day, first)
        while day <= min(exception.last_day, last):
            days.add(day)
            day += timedelta(days=1)
    return days


def free_slots(
    adviser: Adviser,
    *,
    now: datetime | None = None,
    days: int | None = None,
    first_day: date | None = None,
    ignore: Conversation | None = None,
) -> list[Slot]:
    """Slots that can still be booked: in the future, not on a day off, not overlapping a conversation.

    ``ignore`` leaves one conversation out of the overlap check, so it can move to a slot next to itself.
    """
    now = now or timezone.now()
    days = settings.CONVERSATION_BOOKING_DAYS if days is None else days
    first = first_day or timezone.localtime(now, local_zone()).date()
    last = first + timedelta(days=max(days, 1) - 1)
    off = _days_off(adviser, first, last)
    zone = local_zone()
    taken = Conversation.objects.filter(
        adviser_id=adviser.user_id,
        starts_at__lt=datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=zone),
        ends_at__gt=datetime.combine(first, datetime.min.time(), tzinfo=zone),
    ).exclude(status=ConversationStatus.CANCELLED)
    if ignore is not None:
        taken = taken.exclude(pk=ignore.pk)
    # Conversations by the local days they touch, as UTC timestamps: each slot compares with its own day.
    busy: dict[date, list[tuple[float, float]]] = {}
    for conversation in taken:
        span = (conversation.starts_at.timestamp(), conversation.ends_at.timestamp())
        for moment in (conversation.starts_at, conversation.ends_at):
            busy.setdefault(timezone.localtime(moment, zone).date(), []).append(span)
    windows = list(adviser.weekly_availability.all())
    result = []
    day = first
    while day <= last:
        if day not in off:
            same_day = busy.get(day, ())
            for slot in slots_on(adviser, day, windows):
                if slot.starts_at <= now:
                    continue
                begin, end = slot.starts_at.timestamp(), slot.ends_at.timestamp()
                if any(start < end and begin < stop for start, stop in same_day):
                    continue
                result.append(slot)
        day += timedelta(days=1)
    return result


def free_slot_at(adviser: Adviser, starts_at: datetime, *, now=None, ignore=None) -> Slot | None:
    """The free slot that starts at ``starts_at``, or None when there is no such slot (any more)."""
    day = timezone.localtime(starts_at, local_zone()).date()
    for slot in free_slots(adviser, now=now, days=1, first_day=day, ignore=ignore):
        if slot.starts_at == starts_at:
            return slot
    return None


def group_by_day(slots: list[Slot]) -> list[tuple[date, list[Slot]]]:
    groups: dict[date, list[Slot]] = {}
    for slot in slots:
        groups.setdefault(timezone.localtime(slot.starts_at, local_zone()).date(), []).append(slot)
    return list(groups.items())
