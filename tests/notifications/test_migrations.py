"""The move from the two old notification models (bijeenkomsten, beroepsgroepen) and the old e-mail choice
for the beroepsgroepen to wendbaar.notifications keeps everyone's notifications, read state and choices."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wendbaar.accounts.models import User
from wendbaar.communities.models import Post
from wendbaar.notifications.models import EmailPreference, EmailState, Notification
from wendbaar.notifications.registry import Email
from wendbaar.notifications.services import email_choices, send_digests

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("events", "0001_initial"), ("communities", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_old_notifications_and_choices_move_over_and_back(settings):
    settings.SITE_URL = "https://wendbaar.example"
    old = migrate(BEFORE)
    OldUser = old.get_model("accounts", "User")
    petra = OldUser.objects.create(email="petra@example.nl", name="Petra de Vries", password="!")
    samir = OldUser.objects.create(email="samir@example.nl", name="Samir El Amrani", password="!")
    kees = OldUser.objects.create(email="kees@example.nl", name="Kees Volger", password="!")
    earlier = timezone.now() - timedelta(days=3)

    old.get_model("events", "Notification").objects.create(
        user=petra, topic="bijeenkomst", text="Er is een plek vrij.", url="/bijeenkomsten/zwolle/"
    )
    old.get_model("events", "Notification").objects.filter(user=petra).update(created_at=earlier)
    group = old.get_model("communities", "Group").objects.create(
        name="KCC en klantcontact", slug="kcc", summary="KCC", access="open"
    )
    thread = old.get_model("communities", "Thread").objects.create(
        group=group, author=petra, title="Terugbelverzoek", kind="vraag", last_activity_at=earlier
    )
    post = old.get_model("communities", "Post").objects.create(
        thread=thread, author=samir, body="Binnen een dag.", body_html="<p>Binnen een dag.</p>", body_text="x"
    )
    OldNotification = old.get_model("communities", "Notification")
    OldNotification.objects.create(
        user=petra, kind="antwoord", group=group, thread=thread, post=post, actor=samir, email_due=True
    )
    OldNotification.objects.create(user=kees, kind="toegelaten", group=group, actor=samir, read_at=earlier)
    OldPreference = old.get_model("communities", "NotificationPreference")
    OldPreference.objects.create(user=petra, email="direct")
    OldPreference.objects.create(user=kees, email="uit")

    migrate(latest())
    moved = {n.kind: n for n in Notification.objects.all()}
    assert set(moved) == {"events.bijeenkomst", "communities.antwoord", "communities.toegelaten"}
    event = moved["events.bijeenkomst"]
    assert (event.user.email, event.message, event.link) == (
        "petra@example.nl",
        "Er is een plek vrij.",
        "/bijeenkomsten/zwolle/",
    )
    assert event.created_at == earlier
    assert event.email_state == EmailState.SENT  # mailed when it was made; never again
    answered = moved["communities.antwoord"]
    assert answered.message == "Samir El Amrani gaf antwoord op je vraag ‘Terugbelverzoek’"
    assert answered.link == f"/beroepsgroepen/berichten/{post.pk}/"
    assert answered.target == Post.objects.get(pk=post.pk)
    assert answered.email_state == EmailState.DIGEST
    assert moved["communities.toegelaten"].message == "Je bent nu lid van KCC en klantcontact"
    assert moved["communities.toegelaten"].read_at == earlier
    assert email_choices(User.objects.get(email="petra@example.nl"))["beroepsgroepen"] == Email.DIRECT
    assert email_choices(User.objects.get(email="kees@example.nl"))["beroepsgroepen"] == Email.NONE
    # What waited for a mail still goes out, once.
    assert send_digests()["notifications"] == 1

    old = migrate(BEFORE)
    assert old.get_model("events", "Notification").objects.get().text == "Er is een plek vrij."
    back = old.get_model("communities", "Notification").objects.order_by("kind")
    assert [(n.kind, n.post_id, n.group_id) for n in back] == [
        ("antwoord", post.pk, group.pk),
        ("toegelaten", None, group.pk),
    ]
    assert dict(
        old.get_model("communities", "NotificationPreference").objects.values_list("user__email", "email")
    ) == {
        "petra@example.nl": "direct",
        "kees@example.nl": "uit",
    }
    assert not EmailPreference.objects.exists()
    migrate(latest())
    assert Notification.objects.count() == 3
