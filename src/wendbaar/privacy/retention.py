"""Retention: accounts nobody has used for a long time are erased, after a warning.

An account is inactive when its owner has not signed in for ``RETENTION_INACTIVE_MONTHS`` months (never
signed in: counted from when it was made). ``RETENTION_WARNING_DAYS`` days before that moment the owner gets
an e-mail; signing in once is enough to keep the account. Whoever has not signed in when the warning period
is over is erased like someone who erases their own account (``erasure.erase``), so the programme team's
counts stay the same.

Staff accounts (admin access) are left alone: losing the last beheerder to a timer would lock everyone out.
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from wendbaar.privacy import erasure
from wendbaar.privacy.models import ErasureReason, RetentionNotice

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    warned: int = 0
    erased: int = 0
    # Accounts due for erasure that cannot be erased automatically (e.g. an adviser with gesprekken).
    held_back: list[int] = field(default_factory=list)


def add_months(moment: datetime, months: int) -> datetime:
    """The same moment ``months`` calendar months later (or earlier); a 31st becomes the month's last day."""
    year, month = divmod(moment.year * 12 + moment.month - 1 + months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def inactive_months() -> int:
    return settings.RETENTION_INACTIVE_MONTHS


def warning_days() -> int:
    return settings.RETENTION_WARNING_DAYS


def _people():
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
    )


def apply_retention(*, now: datetime | None = None) -> Outcome:
    """Warn whoever reaches the limit within the warning period; erase whoever was warned and did not
    come back. Safe to run as often as you like: each person is warned once and erased once."""
    now = now or timezone.now()
    outcome = Outcome()
    limit = add_months(now, -inactive_months())
    # Signed in after the warning: the warning no longer holds.
    RetentionNotice.objects.filter(user__last_login__gt=F("warned_at")).delete()

    due = _people().filter(
        retention_notice__erase_after__lte=now,
        last_seen__lte=F("retention_notice__warned_at"),
        last_seen__lt=limit,
    )
    for person in due.order_by("pk"):
        try:
            erasure.erase(person, reason=ErasureReason.RETENTION, now=now)
        except erasure.ErasureRefused:
            outcome.held_back.append(person.pk)
            logger.warning("Retention: account %s is due but cannot be erased automatically", person.pk)
        else:
            outcome.erased += 1

    to_warn = _people().filter(
        Q(retention_notice__isnull=True), last_seen__lt=limit + timedelta(days=warning_days())
    )
    for person in to_warn.order_by("pk"):
        erase_after = max(
            now + timedelta(days=warning_days()), add_months(person.last_seen, inactive_months())
        )
        with transaction.atomic():
            RetentionNotice.objects.create(user=person, warned_at=now, erase_after=erase_after)
            transaction.on_commit(lambda p=person, at=erase_after: _send_warning(p, at))
        outcome.warned += 1
    return outcome


def _site_url() -> str:
    return (getattr(settings, "SITE_URL", "") or getattr(settings, "COMMUNITIES_SITE_URL", "")).rstrip("/")


def _send_warning(person, erase_after: datetime) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "privacy/email/retention_warning.txt",
            {
                "person": person,
                "months": inactive_months(),
                "erase_after": formats.date_format(timezone.localtime(erase_after), "j F Y"),
                "login_url": _site_url() + reverse(settings.LOGIN_URL),
                "export_url": _site_url() + reverse("privacy:export"),
                "privacy_url": _site_url() + reverse("privacy:statement"),
            },
        )
        subject = translation.gettext("Je wendbaar-account wordt binnenkort verwijderd")
    try:
        send_mail(subject, body, None, [person.email])
    except Exception:  # the notice stands; the next run does not warn twice, the log tells the beheerder
        logger.exception("Retention warning to account %s could not be sent", person.pk)
