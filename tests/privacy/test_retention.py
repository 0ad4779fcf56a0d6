"""Retention: a warning by e-mail a month before the limit, erasure after it, and signing in keeps the
account. Every run takes a fixed "now", so nothing depends on the clock."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from tests.events.factories import make_adviser
from tests.privacy.factories import first_free_slot, user
from wendbaar.accounts.models import User
from wendbaar.events import services as events
from wendbaar.privacy import retention
from wendbaar.privacy.models import AnonymousProfile, ErasureReason, RetentionNotice

pytestmark = pytest.mark.django_db
NOW = datetime(2027, 6, 15, 3, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def person(name, last_login, *, joined=None, **fields):
    made = user(name, f"{name.split()[0].lower()}@example.nl", **fields)
    User.objects.filter(pk=made.pk).update(
        last_login=last_login, date_joined=joined or datetime(2020, 1, 1, tzinfo=NOW.tzinfo)
    )
    made.refresh_from_db()
    return made


def test_warned_a_month_ahead_then_erased(django_capture_on_commit_callbacks):
    fading = person("Frits Vervaag", last_login=retention.add_months(NOW, -24) + timedelta(days=20))
    recent = person("Roos Actief", last_login=NOW - timedelta(days=100))

    with django_capture_on_commit_callbacks(execute=True):  # the mail goes out once the notice is saved
        outcome = retention.apply_retention(now=NOW)
    assert (outcome.warned, outcome.erased) == (1, 0)
    (warning,) = mail.outbox
    assert warning.to == ["frits@example.nl"]
    assert "Log dan voor" in warning.body and "/account/inloggen/" in warning.body
    notice = RetentionNotice.objects.get(user=fading)
    assert notice.erase_after == NOW + timedelta(days=30)

    # A second run the next day warns nobody twice and erases nobody yet.
    with django_capture_on_commit_callbacks(execute=True):
        outcome = retention.apply_retention(now=NOW + timedelta(days=1))
    assert (outcome.warned, outcome.erased) == (0, 0)
    assert len(mail.outbox) == 1

    outcome = retention.apply_retention(now=NOW + timedelta(days=30))
    assert outcome.erased == 1
    assert not User.objects.filter(pk=fading.pk).exists()
    assert User.objects.filter(pk=recent.pk).exists()
    assert AnonymousProfile.objects.get().reason == ErasureReason.RETENTION


def test_signing_in_after_the_warning_keeps_the_account():
    returning = person("Gert Terug", last_login=retention.add_months(NOW, -25))
    retention.apply_retention(now=NOW)
    assert RetentionNotice.objects.filter(user=returning).exists()
    User.objects.filter(pk=returning.pk).update(last_login=NOW + timedelta(days=3))

    outcome = retention.apply_retention(now=NOW + timedelta(days=31))
    assert outcome.erased == 0
    assert User.objects.filter(pk=returning.pk).exists()
    assert not RetentionNotice.objects.filter(user=returning).exists()


def test_never_signed_in_counts_from_the_day_the_account_was_made():
    person("Nooit Ingelogd", last_login=None, joined=retention.add_months(NOW, -30))
    person("Net Begonnen", last_login=None, joined=NOW - timedelta(days=10))
    assert retention.apply_retention(now=NOW).warned == 1
    assert retention.apply_retention(now=NOW + timedelta(days=30)).erased == 1
    assert list(User.objects.values_list("name", flat=True)) == ["Net Begonnen"]


def test_staff_accounts_are_left_alone(django_capture_on_commit_callbacks):
    admin = person("Bea Beheer", last_login=retention.add_months(NOW, -60))
    User.objects.filter(pk=admin.pk).update(is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = retention.apply_retention(now=NOW)
    assert outcome.warned == 0 and not mail.outbox


def test_an_adviser_with_gesprekken_is_held_back_not_erased():
    adviser = make_adviser("Annelies Bakker")
    medewerker = user("Anna de Boer", "anna@example.nl")
    events.book(medewerker, adviser.user_id, first_free_slot(adviser).starts_at, mode="video")
    long_ago = retention.add_months(NOW, -30)
    User.objects.filter(pk=adviser.user_id).update(last_login=long_ago)
    retention.apply_retention(now=NOW)
    outcome = retention.apply_retention(now=NOW + timedelta(days=31))
    assert outcome.held_back == [adviser.user_id]
    assert User.objects.filter(pk=adviser.user_id).exists()


def test_the_limit_follows_the_setting(settings):
    settings.RETENTION_INACTIVE_MONTHS = 6
    settings.RETENTION_WARNING_DAYS = 14
    person("Zes Maanden", last_login=retention.add_months(NOW, -6) + timedelta(days=10))
    person("Vijf Maanden", last_login=retention.add_months(NOW, -5))
    outcome = retention.apply_retention(now=NOW)
    assert outcome.warned == 1
    assert RetentionNotice.objects.get().erase_after == NOW + timedelta(days=14)


def test_months_are_calendar_months():
    assert retention.add_months(datetime(2027, 3, 31), -1) == datetime(2027, 2, 28)
    assert retention.add_months(datetime(2027, 1, 15), -24) == datetime(2025, 1, 15)
    assert retention.add_months(datetime(2026, 11, 30), 3) == datetime(2027, 2, 28)


def test_the_command_and_the_task_run_it(capsys):
    person("Oud Account", last_login=retention.add_months(NOW, -40))
    call_command("privacy", "apply-retention")
    assert "Gewaarschuwd: 1. Verwijderd: 0." in capsys.readouterr().out
    from wendbaar.privacy.tasks import apply_retention

    result = apply_retention.enqueue()
    assert result.return_value == {"warned": 0, "erased": 0, "held_back": 0}
