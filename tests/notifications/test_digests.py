"""E-mail overviews: one mail per person with what is due, per their choice per group, never a notification
twice — not when the command runs again, not when two workers run it at the same time."""

import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from tests.communities.factories import answer, make_group, question
from tests.notifications.factories import CONVERSATION, UserFactory, event_news
from wendbaar.notifications import tasks
from wendbaar.notifications.models import EmailState, Notification
from wendbaar.notifications.registry import Email
from wendbaar.notifications.services import notify, save_email_choices, send_digest, send_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def petra():
    petra = UserFactory(name="Petra de Vries", email="petra@example.nl")
    save_email_choices(petra, {"bijeenkomsten": Email.DAILY, "gesprekken": Email.DAILY})
    return petra


def mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_one_overview_with_everything_due_grouped_and_linked(petra):
    samir = UserFactory(name="Samir El Amrani")
    group = make_group("KCC en klantcontact", members=[petra, samir])
    thread = question(group, petra, title="Terugbelverzoek")
    answer(thread, samir, body="Binnen een dag, altijd.")
    event_news(petra)
    notify(
        petra, CONVERSATION, text="Annelies heeft een afspraak vastgelegd: meeloopdag plannen.", url="/g/1/"
    )
    assert mail.outbox == []

    call_command("send-digests", stdout=StringIO())
    [overview] = mails_to(petra)
    assert overview.subject == "wendbaar: 3 nieuwe meldingen"
    body = overview.body
    assert "Beste Petra," in body
    # Sections in the order of the settings page, each with its own news and a full link.
    assert (
        body.index("Bijeenkomsten")
        < body.index("Gesprekken met een loopbaanadviseur")
        < body.index("Beroepsgroepen")
    )
    assert "- Er is een plek vrijgekomen bij ‘Wendbaar in Zwolle’." in body
    assert "https://wendbaar.example/bijeenkomsten/wendbaar-in-zwolle/" in body
    assert "- Samir El Amrani gaf antwoord op je vraag ‘Terugbelverzoek’ (KCC en klantcontact)" in body
    assert "https://wendbaar.example/beroepsgroepen/berichten/" in body
    assert "Binnen een dag" not in body  # the overview says that, not what
    assert "https://wendbaar.example/meldingen/instellingen/" in body
    assert not Notification.objects.filter(user=petra).exclude(email_state=EmailState.SENT).exists()


def test_running_again_sends_nothing_twice(petra):
    event_news(petra)
    assert send_digests() == {"mails": 1, "notifications": 1, "failed": 0}
    assert send_digests() == {"mails": 0, "notifications": 0, "failed": 0}
    assert send_digest(petra.pk) == 0
    assert len(mail.outbox) == 1


def test_daily_overviews_are_a_day_apart(petra):
    event_news(petra, text="Eerste")
    now = timezone.now()
    send_digests(now=now)
    event_news(petra, text="Tweede")
    send_digests(now=now + timedelta(hours=2))  # a second run the same day waits
    assert len(mails_to(petra)) == 1
    send_digests(now=now + timedelta(days=1))
    assert len(mails_to(petra)) == 2 and "Tweede" in mails_to(petra)[1].body


def test_weekly_overviews_are_a_week_apart(petra):
    save_email_choices(petra, {"bijeenkomsten": Email.WEEKLY})
    event_news(petra, text="Eerste")
    now = timezone.now()
    send_digests(now=now)
    event_news(petra, text="Tweede")
    for day in range(1, 7):
        send_digests(now=now + timedelta(days=day))
    assert len(mails_to(petra)) == 1
    send_digests(now=now + timedelta(days=7))
    assert len(mails_to(petra)) == 2


def test_each_group_follows_its_own_choice(petra):
    save_email_choices(petra, {"bijeenkomsten": Email.WEEKLY, "gesprekken": Email.DAILY})
    event_news(petra, text="Bijeenkomst-nieuws")
    notify(petra, CONVERSATION, text="Gesprek-nieuws")
    now = timezone.now()
    # A daily overview went out a day ago, a weekly one never: both are due now.
    Notification.objects.create(
        user=petra,
        kind=CONVERSATION,
        text="Oud",
        email_state=EmailState.SENT,
        emailed_at=now - timedelta(days=1),
        emailed_in=Email.DAILY,
    )
    send_digests(now=now)
    assert "Bijeenkomst-nieuws" in mails_to(petra)[0].body and "Gesprek-nieuws" in mails_to(petra)[0].body
    notify(petra, CONVERSATION, text="Nog een gesprek")
    event_news(petra, text="Nog een bijeenkomst")
    send_digests(now=now + timedelta(days=1))
    assert "Nog een gesprek" in mails_to(petra)[1].body
    assert "Nog een bijeenkomst" not in mails_to(petra)[1].body  # waits for next week


def test_switching_mail_off_drops_what_was_waiting(petra):
    event_news(petra)
    save_email_choices(petra, {"bijeenkomsten": Email.NONE})
    assert send_digests()["mails"] == 0
    assert Notification.objects.get(user=petra).email_state == EmailState.NONE


def test_switching_to_direct_sends_what_was_waiting_at_the_next_run(petra):
    event_news(petra, text="Eerste")
    now = timezone.now()
    send_digests(now=now)
    event_news(petra, text="Tweede")
    save_email_choices(petra, {"bijeenkomsten": Email.DIRECT})
    send_digests(now=now + timedelta(minutes=5))
    assert len(mails_to(petra)) == 2


def test_what_someone_may_no_longer_see_is_never_mailed(petra):
    mona = UserFactory(name="Mona Moderator")
    group = make_group("Van balie naar zorg", access="besloten", moderator=mona, members=[petra])
    thread = question(group, petra, title="Zorgopleiding")
    answer(thread, mona, body="Kijk eens bij het ROC.")
    group.memberships.filter(user=petra).delete()  # left the closed group
    assert send_digests()["mails"] == 0
    assert Notification.objects.get(user=petra).email_state == EmailState.NONE


def test_the_task_and_the_queue_option(petra, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    event_news(petra)
    out = StringIO()
    call_command("send-digests", "--queue", stdout=out)
    assert "1 klaargezet" in out.getvalue()
    assert len(mails_to(petra)) == 1
    samir = UserFactory(name="Samir El Amrani")
    save_email_choices(samir, {"bijeenkomsten": Email.DAILY})
    event_news(samir)
    assert tasks.send_digests.enqueue().return_value == {"mails": 1, "notifications": 1, "failed": 0}
    assert len(mails_to(samir)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_notification_once(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrency test needs PostgreSQL (row locks); SQLite serialises writers itself.")
    people = [UserFactory() for _ in range(12)]
    for person in people:
        save_email_choices(person, {"bijeenkomsten": Email.DAILY})
        for n in range(3):
            event_news(person, text=f"Nieuws {n}")
    send = mail.EmailMessage.send

    def slow_send(message, *args, **kwargs):
        time.sleep(0.02)  # widens the window in which both workers look at the same person
        return send(message, *args, **kwargs)

    monkeypatch.setattr(mail.EmailMessage, "send", slow_send)
    barrier, results, errors = threading.Barrier(4), [], []

    def worker():
        try:
            barrier.wait(timeout=60)
            results.append(send_digests())
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert sum(r["notifications"] for r in results) == 36
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert not Notification.objects.exclude(email_state=EmailState.SENT).exists()
