"""Reminders the day before, queued by `wendbaar events send-reminders` and sent by the task worker."""

from datetime import time, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.events.factories import EventFactory, UserFactory, days_ahead, make_adviser
from wendbaar.events import services
from wendbaar.events.models import Registration
from wendbaar.notifications.models import Notification

pytestmark = pytest.mark.django_db


def soon(hours):
    start = timezone.now() + timedelta(hours=hours)
    return {"starts_at": start, "ends_at": start + timedelta(hours=2), "registration_deadline": start}


def send_reminders(*args):
    out = StringIO()
    call_command("events", "send-reminders", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def tomorrow():
    """An event and a conversation within the next day, plus things that should get no reminder."""
    event = EventFactory(capacity=2, **soon(20))
    going, waiting, cancelled = UserFactory.create_batch(3)
    services.register(event.pk, going)
    services.register(event.pk, cancelled)
    services.register(event.pk, waiting)
    services.cancel_registration(event.pk, cancelled)  # waiting moves up: two confirmed
    services.register(EventFactory(**soon(30)).pk, going)  # the day after: not yet
    adviser = make_adviser()
    conversation = services.book(UserFactory(), adviser.user_id, days_ahead(3, time(9, 0)), mode="video")
    conversation.starts_at, conversation.ends_at = soon(10)["starts_at"], soon(11)["starts_at"]
    conversation.save()
    mail.outbox.clear()
    Notification.objects.all().delete()
    return event, going, waiting, conversation


def test_reminders_are_sent_once(tomorrow, django_capture_on_commit_callbacks):
    event, going, waiting, conversation = tomorrow
    with django_capture_on_commit_callbacks(execute=True):
        output = send_reminders()
    assert "2 voor bijeenkomsten, 1 voor gesprekken" in output
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [going.email, waiting.email, conversation.person.email, conversation.adviser.email]
    )
    assert all("Herinnering" in m.subject for m in mail.outbox)
    assert Notification.objects.filter(user=going, text__contains="Tot snel").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert "0 voor bijeenkomsten, 0 voor gesprekken" in send_reminders()
    assert len(mail.outbox) == 4


def test_a_wider_window_reaches_further(tomorrow):
    assert "3 voor bijeenkomsten" in send_reminders("--hours", "36")


def test_a_place_given_up_after_queueing_gets_no_reminder(tomorrow, settings):
    event, going, waiting, conversation = tomorrow
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    send_reminders()  # queued, not yet run
    registration = Registration.objects.get(event=event, user=going)
    services.cancel_registration(event.pk, going)
    assert services.send_event_reminder(registration.pk) is False
    assert not mail.outbox


def test_moving_a_conversation_makes_it_due_again(tomorrow):
    event, going, waiting, conversation = tomorrow
    send_reminders()
    conversation.refresh_from_db()
    assert conversation.reminder_sent_at is not None
    person = conversation.person
    conversation.starts_at, conversation.ends_at = days_ahead(4, time(9, 0)), days_ahead(4, time(9, 45))
    conversation.save()
    moved = services.reschedule(conversation.pk, person, days_ahead(5, time(9, 0)))
    assert moved.reminder_sent_at is None


@pytest.mark.django_db(transaction=True)  # the worker closes its connection after each task
def test_the_database_worker_sends_what_the_command_queued(tomorrow, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mail.outbox.clear()
    send_reminders()
    assert DBTaskResult.objects.count() == 3
    assert not mail.outbox
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())
    assert len(mail.outbox) == 4
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
