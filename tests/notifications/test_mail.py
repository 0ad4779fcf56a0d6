"""Mail right away: only after the change commits, as the person chose, and a broken mail server never
breaks the change — the notification waits for the next overview run instead."""

import logging

import pytest
from django.core import mail
from django.db import transaction

from tests.notifications.factories import EVENT, UserFactory, event_news
from wendbaar.notifications import registry
from wendbaar.notifications.models import EmailState, Notification
from wendbaar.notifications.registry import Email
from wendbaar.notifications.services import notify, save_email_choices, send_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def petra():
    return UserFactory(name="Petra de Vries", email="petra@example.nl")


def test_a_direct_mail_goes_out_after_commit(petra, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = event_news(petra, subject="Er is een plek vrij: Wendbaar in Zwolle")
        assert mail.outbox == []  # not before the change is committed
    [message] = mail.outbox
    assert message.to == ["petra@example.nl"]
    assert message.subject == "Er is een plek vrij: Wendbaar in Zwolle"
    assert "Beste Petra," in message.body
    assert "Er is een plek vrijgekomen bij ‘Wendbaar in Zwolle’." in message.body
    assert "https://wendbaar.example/bijeenkomsten/wendbaar-in-zwolle/" in message.body
    assert "https://wendbaar.example/meldingen/instellingen/" in message.body
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT and notification.emailed_in == Email.DIRECT
    send_digests()
    assert len(mail.outbox) == 1  # never twice


def test_nothing_is_sent_or_kept_when_the_change_is_rolled_back(petra, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        event_news(petra)
        raise RuntimeError("the registration failed")
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_a_failing_mail_server_is_logged_not_raised(
    petra, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        notification = event_news(petra)
    assert "could not be sent" in caplog.text
    notification.refresh_from_db()
    assert notification.email_state == EmailState.DIRECT and notification.emailed_at is None
    # The next overview run delivers it, once.
    monkeypatch.undo()
    assert send_digests()["mails"] == 1
    assert send_digests()["mails"] == 0
    assert [m.to for m in mail.outbox] == [["petra@example.nl"]]


def test_a_receipt_is_mailed_with_its_attachment_and_not_kept(petra, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = notify(
            petra,
            EVENT,
            subject="Aanmelding: Wendbaar in Zwolle",
            text="Je bent aangemeld voor ‘Wendbaar in Zwolle’.",
            in_app=False,
            attachment=lambda: ("zwolle.ics", b"BEGIN:VCALENDAR", "text/calendar"),
        )
    assert result is None and not Notification.objects.exists()
    [message] = mail.outbox
    assert message.attachments[0][0] == "zwolle.ics"
    assert "bevestiging" in message.body


def test_no_mail_for_a_group_set_to_none(petra, django_capture_on_commit_callbacks):
    save_email_choices(petra, {"bijeenkomsten": Email.NONE})
    with django_capture_on_commit_callbacks(execute=True):
        notification = event_news(petra)
        notify(petra, EVENT, text="Je bent aangemeld.", in_app=False)
        notify(petra, EVENT, text="Herinnering: morgen!", urgent=True)
    assert mail.outbox == []
    assert notification.email_state == EmailState.NONE
    assert Notification.objects.filter(user=petra).count() == 2  # in the app always


def test_an_overview_choice_waits_but_urgent_news_goes_right_away(petra, django_capture_on_commit_callbacks):
    save_email_choices(petra, {"bijeenkomsten": Email.DAILY})
    with django_capture_on_commit_callbacks(execute=True):
        waiting = event_news(petra)
        reminder = notify(petra, EVENT, text="Tot morgen in Zwolle!", subject="Herinnering", urgent=True)
    assert [m.subject for m in mail.outbox] == ["Herinnering"]
    assert waiting.email_state == EmailState.DIGEST
    reminder.refresh_from_db()
    assert reminder.email_state == EmailState.SENT


def test_people_without_an_address_or_account_get_no_mail(django_capture_on_commit_callbacks):
    gone = UserFactory(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert event_news(gone) is None
    assert mail.outbox == [] and not Notification.objects.exists()


def test_unknown_kinds_and_missing_texts_are_programming_errors(petra):
    with pytest.raises(LookupError):
        notify(petra, "events.onbekend", text="Hallo")
    with pytest.raises(ValueError, match="text="):
        notify(petra, EVENT)
    with pytest.raises(ValueError, match="already registered"):
        registry.register_kind(EVENT, group="beroepsgroepen", label="Iets anders")
    with pytest.raises(ValueError, match="before kind"):
        registry.register_kind("tests.los", group="bestaat-niet", label="Los")
