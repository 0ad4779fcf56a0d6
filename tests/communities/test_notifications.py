"""Notifications from the beroepsgroepen: who hears about what, in the app and by e-mail (right away or in
the daily overview), and that people who may not see something never hear about it."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.communities.factories import UserFactory, add_member, answer, make_group, question
from wendbaar.communities import access, services
from wendbaar.communities.models import Access, NotificationKind
from wendbaar.notifications import registry
from wendbaar.notifications.models import EmailState, Notification
from wendbaar.notifications.registry import Email
from wendbaar.notifications.services import email_choice, save_email_choices

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "mod": UserFactory(name="Mona Moderator", email="mona@example.nl"),
        "petra": UserFactory(name="Petra de Vries", email="petra@example.nl"),
        "samir": UserFactory(name="Samir El Amrani", email="samir@example.nl"),
        "kees": UserFactory(name="Kees Volger", email="kees@example.nl"),
    }


@pytest.fixture
def group(people):
    return make_group(
        "KCC en klantcontact",
        access=Access.CLOSED,
        moderator=people["mod"],
        members=[people["petra"], people["samir"], people["kees"]],
    )


def prefer(user, how):
    save_email_choices(user, {"beroepsgroepen": how})


def kinds(user):
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_each_person_hears_once_with_the_most_specific_reason(people, group):
    thread = question(group, people["petra"], title="Terugbelverzoek")
    services.follow(thread, people["kees"], True)
    answer(thread, people["samir"], body="Ik bel binnen een dag terug. @Kees Volger doe jij dat ook zo?")
    assert kinds(people["petra"]) == [NotificationKind.ANSWER]
    assert kinds(people["kees"]) == [NotificationKind.MENTION]
    assert kinds(people["samir"]) == []  # never about your own post
    assert kinds(people["mod"]) == []  # not following, not named
    answer(thread, people["petra"], body="Dank je!")
    assert kinds(people["samir"]) == [NotificationKind.REPLY]  # replying made Samir a follower


def test_notification_texts_and_links(client, people, group):
    thread = question(group, people["petra"], title="Terugbelverzoek")
    reply = answer(thread, people["samir"])
    notification = Notification.objects.get(user=people["petra"])
    assert notification.message == "Samir El Amrani gaf antwoord op je vraag ‘Terugbelverzoek’"
    assert notification.text == ""  # made when shown, never stored
    client.force_login(people["petra"])
    page = client.get(reverse("notifications:list"), {"groep": "beroepsgroepen"}).content.decode()
    assert "Samir El Amrani gaf antwoord op je vraag" in page and "nieuw" in page
    assert "KCC en klantcontact" in page
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == reverse("communities:post", args=[reply.pk])
    notification.refresh_from_db()
    assert notification.read_at is not None
    # Someone else's notification is not found.
    client.force_login(people["kees"])
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404


def test_the_text_follows_the_topic_and_the_readers_language(client, people, group):
    thread = question(group, people["petra"], title="Terugbelverzoek")
    answer(thread, people["samir"])
    thread.title = "Terugbelverzoek binnen een dag"
    thread.save(update_fields=["title"])
    client.force_login(people["petra"])
    assert (
        "je vraag ‘Terugbelverzoek binnen een dag’"
        in client.get(reverse("notifications:list")).content.decode()
    )


def test_old_addresses_lead_to_the_new_pages(client, people):
    client.force_login(people["petra"])
    response = client.get("/beroepsgroepen/meldingen/")
    assert response["Location"] == "/meldingen/?groep=beroepsgroepen"
    assert client.get("/beroepsgroepen/meldingen/instellingen/")["Location"] == "/meldingen/instellingen/"


def test_mark_all_read(client, people, group):
    thread = question(group, people["petra"])
    answer(thread, people["samir"], body="Een")
    answer(thread, people["kees"], body="Twee")
    client.force_login(people["petra"])
    client.post(reverse("notifications:read_all"), {"groep": "beroepsgroepen"})
    assert not Notification.objects.filter(user=people["petra"], read_at__isnull=True).exists()


def test_immediate_mail_goes_out_after_commit(people, group, django_capture_on_commit_callbacks):
    prefer(people["petra"], Email.DIRECT)
    thread = question(group, people["petra"], title="Terugbelverzoek")
    with django_capture_on_commit_callbacks(execute=True):
        answer(thread, people["samir"], body="Geheime inhoud blijft op wendbaar")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["petra@example.nl"]
    assert "Samir El Amrani gaf antwoord op je vraag ‘Terugbelverzoek’" in message.subject
    assert "https://wendbaar.example/beroepsgroepen/berichten/" in message.body
    assert "Geheime inhoud" not in message.body  # the mail says that, not what
    assert Notification.objects.get(user=people["petra"]).emailed_at is not None
    # The overview run does not send it again.
    call_command("send-digests")
    assert len(mail.outbox) == 1


def test_daily_digest_sends_one_mail_per_person_once(people, group):
    other = make_group("Burgerzaken", moderator=people["mod"], members=[people["petra"]])
    thread = question(group, people["petra"], title="Terugbelverzoek")
    answer(thread, people["samir"], body="Een")
    answer(thread, people["kees"], body="Twee")
    other_thread = question(other, people["petra"], title="Spoedpaspoort")
    answer(other_thread, people["mod"], body="Drie")
    assert mail.outbox == []  # daily is the default

    call_command("send-digests")
    to_petra = [m for m in mail.outbox if m.to == ["petra@example.nl"]]
    assert len(to_petra) == 1
    body = to_petra[0].body
    assert "Beste Petra," in body
    assert "KCC en klantcontact" in body and "Burgerzaken" in body
    assert body.count("gaf antwoord op je vraag") == 3
    assert "https://wendbaar.example/meldingen/instellingen/" in body
    assert not Notification.objects.filter(user=people["petra"], emailed_at__isnull=True).exists()

    count = len(mail.outbox)
    call_command("send-digests")
    assert len(mail.outbox) == count


def test_no_mail_for_people_who_switched_it_off(people, group):
    prefer(people["petra"], Email.NONE)
    thread = question(group, people["petra"])
    answer(thread, people["samir"])
    notification = Notification.objects.get(user=people["petra"])
    assert notification.email_state == EmailState.NONE
    prefer(people["kees"], Email.DAILY)
    services.follow(thread, people["kees"], True)
    answer(thread, people["samir"], body="Nog een")
    prefer(people["kees"], Email.NONE)  # switched off before the overview ran
    call_command("send-digests")
    assert [m for m in mail.outbox if m.to[0] in ("petra@example.nl", "kees@example.nl")] == []
    assert not Notification.objects.filter(
        user=people["kees"], email_state__in=[EmailState.DIRECT, EmailState.DIGEST]
    ).exists()


def test_removed_members_and_hidden_posts_are_not_mailed(people, group):
    thread = question(group, people["petra"], title="Terugbelverzoek")
    answer(thread, people["samir"], body="Een antwoord")
    services.follow(thread, people["kees"], True)
    rude = answer(thread, people["samir"], body="Iets kwetsends")
    services.remove_member(group, people["mod"], people["petra"])
    services.hide(rude, people["mod"], "Kwetsend")
    call_command("send-digests")
    assert not any(m.to == ["petra@example.nl"] for m in mail.outbox)
    assert not any(m.to == ["kees@example.nl"] for m in mail.outbox)  # only the hidden reply was for Kees
    assert not access.visible_notifications(people["petra"]).exists()
    assert not access.visible_notifications(people["kees"]).exists()
    # Nor later, should the reply be shown again: it is no longer waiting for a mail.
    assert Notification.objects.get(user=people["kees"]).email_state == EmailState.NONE


def test_moderators_hear_about_reports_and_requests_while_they_are_moderators(people, group):
    thread = question(group, people["petra"])
    reply = answer(thread, people["samir"])
    services.report(reply, people["petra"], "kwetsend", "Niet aardig")
    assert access.visible_notifications(people["mod"]).filter(kind=NotificationKind.REPORT).count() == 1
    assert not access.visible_notifications(people["kees"]).filter(kind=NotificationKind.REPORT).exists()
    services.set_moderator(group, people["mod"], people["kees"], make=True)
    services.set_moderator(group, people["kees"], people["mod"], make=False)
    assert not access.visible_notifications(people["mod"]).filter(kind=NotificationKind.REPORT).exists()


def test_deleting_a_topic_deletes_its_notifications(people, group):
    thread = question(group, people["petra"])
    answer(thread, people["samir"])
    assert Notification.objects.filter(user=people["petra"]).exists()
    thread.delete()
    assert not Notification.objects.filter(user=people["petra"]).exists()


def test_preferences_page(client, people):
    client.force_login(people["petra"])
    assert email_choice(people["petra"], "beroepsgroepen") == Email.DAILY
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Eén keer per dag een overzicht" in page and "Beroepsgroepen" in page
    data = {group.key: "direct" for group in registry.groups()}
    response = client.post(reverse("notifications:settings"), data)
    assert response.status_code == 302
    assert email_choice(people["petra"], "beroepsgroepen") == Email.DIRECT
    response = client.post(reverse("notifications:settings"), {**data, "beroepsgroepen": "elk-uur"})
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    assert email_choice(people["petra"], "beroepsgroepen") == Email.DIRECT


def test_a_failing_mail_server_leaves_the_notification_due(
    people, group, monkeypatch, django_capture_on_commit_callbacks
):
    prefer(people["petra"], Email.DIRECT)
    thread = question(group, people["petra"])

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        answer(thread, people["samir"])
    notification = Notification.objects.get(user=people["petra"])
    assert notification.email_state == EmailState.DIRECT and notification.emailed_at is None
    monkeypatch.undo()
    call_command("send-digests")
    assert [m.to for m in mail.outbox] == [["petra@example.nl"]]


def test_outsiders_in_an_open_group_only_hear_about_what_they_follow(people):
    group = make_group("Burgerzaken", moderator=people["mod"])
    thread = question(group, people["mod"], title="Open vraag")
    reader = UserFactory(name="Rob Lezer")
    services.follow(thread, reader, True)
    answer(thread, people["mod"], body="Aanvulling")
    add_member(group, people["petra"])
    assert kinds(reader) == [NotificationKind.REPLY]


def test_a_failing_digest_is_reported_and_tried_again(people, group, monkeypatch):
    thread = question(group, people["petra"])
    answer(thread, people["samir"])

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with pytest.raises(CommandError, match="Niet alle e-mails"):
        call_command("send-digests")
    assert Notification.objects.get(user=people["petra"]).emailed_at is None
    monkeypatch.undo()
    call_command("send-digests")
    assert [m.to for m in mail.outbox] == [["petra@example.nl"]]
