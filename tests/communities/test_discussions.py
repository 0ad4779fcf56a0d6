"""Groups and discussions: joining, topics and replies, accepted answers, mentions, editing with history,
following, locking, and the limits against spam and flooding. Bad input is refused with a clear Dutch
message and stores nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.communities.factories import UserFactory, add_member, answer, make_group, question
from wendbaar.communities import services
from wendbaar.communities.mentions import find_mentions
from wendbaar.communities.models import (
    Access,
    Follow,
    MemberRole,
    Membership,
    MembershipStatus,
    ModerationKind,
    NotificationKind,
    Post,
    PostRevision,
    Thread,
)
from wendbaar.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "mod": UserFactory(name="Mona Moderator", email="mona@example.nl"),
        "petra": UserFactory(name="Petra de Vries", email="petra@example.nl"),
        "samir": UserFactory(name="Samir El Amrani", email="samir@example.nl"),
    }


@pytest.fixture
def group(people):
    return make_group("Burgerzaken", moderator=people["mod"], members=[people["petra"], people["samir"]])


# --- Joining -------------------------------------------------------------------------------------------


def test_joining_an_open_group_is_immediate(client, people):
    group = make_group("KCC en klantcontact", moderator=people["mod"])
    client.force_login(people["petra"])
    response = client.post(reverse("communities:join", args=[group.slug]), follow=True)
    assert "Je bent nu lid van KCC en klantcontact" in response.content.decode()
    assert Membership.objects.get(group=group, user=people["petra"]).status == MembershipStatus.ACTIVE


def test_closed_group_join_request_is_decided_by_a_moderator(client, people):
    group = make_group("Van balie naar zorg", access=Access.CLOSED, moderator=people["mod"])
    client.force_login(people["petra"])
    assert client.get(reverse("communities:join", args=[group.slug])).status_code == 200
    client.post(reverse("communities:join", args=[group.slug]), {"motivation": "Ik wil de zorg in."})
    membership = Membership.objects.get(group=group, user=people["petra"])
    assert membership.status == MembershipStatus.PENDING and membership.motivation == "Ik wil de zorg in."
    assert Notification.objects.filter(user=people["mod"], kind=NotificationKind.JOIN_REQUEST).exists()

    client.force_login(people["mod"])
    page = client.get(reverse("communities:requests", args=[group.slug])).content.decode()
    assert "Ik wil de zorg in." in page
    client.post(reverse("communities:decide", args=[group.slug, membership.pk]), {"besluit": "toelaten"})
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE and membership.decided_by == people["mod"]
    assert Notification.objects.filter(user=people["petra"], kind=NotificationKind.JOINED).exists()
    assert group.moderation_log.filter(kind=ModerationKind.APPROVE, member=people["petra"]).exists()


def test_declined_request_tells_nothing_by_notification(client, people):
    group = make_group("Van balie naar zorg", access=Access.CLOSED, moderator=people["mod"])
    membership = services.join(group, people["samir"], "")
    services.decide(group, people["mod"], membership.pk, approve=False)
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.DECLINED
    assert not Notification.objects.filter(user=people["samir"]).exists()
    client.force_login(people["samir"])
    assert "niet goedgekeurd" in client.get(group.get_absolute_url()).content.decode()
    # Asking again is possible.
    assert services.join(group, people["samir"], "Nu met uitleg").status == MembershipStatus.PENDING


def test_the_last_moderator_cannot_leave_or_step_down(people, group):
    with pytest.raises(services.Refused, match="enige moderator"):
        services.leave(group, people["mod"])
    with pytest.raises(services.Refused, match="minstens één moderator"):
        services.set_moderator(group, people["mod"], people["mod"], make=False)
    services.set_moderator(group, people["mod"], people["petra"], make=True)
    services.leave(group, people["mod"])
    assert not Membership.objects.filter(group=group, user=people["mod"]).exists()


def test_moderators_cannot_be_removed_before_stepping_down(people, group):
    services.set_moderator(group, people["mod"], people["petra"], make=True)
    with pytest.raises(services.Refused, match="moderator"):
        services.remove_member(group, people["mod"], people["petra"])


def test_members_list_shows_names_and_roles_to_members(client, people, group):
    client.force_login(people["samir"])
    page = client.get(reverse("communities:members", args=[group.slug])).content.decode()
    assert "Petra de Vries" in page and "Mona Moderator" in page and "Moderator" in page
    assert "uit de groep halen" not in page


def test_moderator_removes_a_member_with_a_logged_reason(client, people, group):
    client.force_login(people["mod"])
    url = reverse("communities:remove_member", args=[group.slug, people["samir"].pk])
    assert client.get(url).status_code == 200
    client.post(url, {"note": "Herhaaldelijk kwetsend"})
    assert Membership.objects.get(group=group, user=people["samir"]).status == MembershipStatus.REMOVED
    entry = group.moderation_log.get(kind=ModerationKind.REMOVE_MEMBER)
    assert entry.member == people["samir"] and entry.note == "Herhaaldelijk kwetsend"


# --- Topics and replies --------------------------------------------------------------------------------


def test_ask_answer_accept_through_the_pages(client, people, group):
    client.force_login(people["petra"])
    response = client.post(
        reverse("communities:thread_create", args=[group.slug]),
        {"kind": "vraag", "title": "Spoedaanvraag paspoort", "body": "Hoe snel kan het **echt**?"},
    )
    thread = Thread.objects.get(title="Spoedaanvraag paspoort")
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert Follow.objects.filter(thread=thread, user=people["petra"]).exists()
    assert "<strong>echt</strong>" in client.get(thread.get_absolute_url()).content.decode()

    client.force_login(people["samir"])
    client.post(thread.get_absolute_url(), {"body": "Binnen een werkdag, als de foto goed is."})
    reply = thread.posts.get(is_opening=False)
    assert Notification.objects.get(user=people["petra"]).kind == NotificationKind.ANSWER

    # Only the asker (or a moderator) chooses the answer.
    assert client.post(reverse("communities:accept", args=[reply.pk])).status_code == 403
    client.force_login(people["petra"])
    client.post(reverse("communities:accept", args=[reply.pk]))
    thread.refresh_from_db()
    assert thread.accepted_answer == reply
    assert Notification.objects.filter(user=people["samir"], kind=NotificationKind.ACCEPTED).exists()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Gekozen als beste antwoord" in page and "Naar het gekozen antwoord van Samir El Amrani" in page

    client.post(reverse("communities:accept", args=[reply.pk]), {"kiezen": "0"})
    thread.refresh_from_db()
    assert thread.accepted_answer is None


def test_a_moderator_may_choose_the_answer_but_not_the_opening_post(people, group):
    thread = question(group, people["petra"])
    reply = answer(thread, people["samir"])
    with pytest.raises(services.Refused):
        services.accept_answer(thread, people["mod"], thread.posts.get(is_opening=True))
    services.accept_answer(thread, people["mod"], reply)
    assert Thread.objects.get(pk=thread.pk).accepted_answer == reply


def test_a_discussion_has_no_accepted_answer(people, group):
    thread = question(group, people["petra"], kind="discussie")
    reply = answer(thread, people["samir"])
    with pytest.raises(services.Refused, match="Alleen bij een vraag"):
        services.accept_answer(thread, people["petra"], reply)


def test_hiding_the_accepted_answer_clears_it(people, group):
    thread = question(group, people["petra"])
    reply = answer(thread, people["samir"])
    services.accept_answer(thread, people["petra"], reply)
    services.hide(reply, people["mod"], "Klopt niet")
    assert Thread.objects.get(pk=thread.pk).accepted_answer is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "vraag", "title": "Titel", "body": ""}, "Schrijf eerst een bericht."),
        ({"kind": "vraag", "title": "Titel", "body": "   \n\t  "}, "Schrijf eerst een bericht."),
        ({"kind": "vraag", "title": "", "body": "Tekst"}, "Geef je onderwerp een titel."),
        ({"kind": "vraag", "title": "Titel", "body": "x" * 10_001}, "Je bericht is te lang"),
    ],
)
def test_bad_topics_are_refused_with_a_message_and_nothing_is_stored(client, people, group, data, message):
    client.force_login(people["petra"])
    response = client.post(reverse("communities:thread_create", args=[group.slug]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Thread.objects.exists() and not Post.objects.exists()


def test_an_empty_reply_is_refused_and_nothing_is_stored(client, people, group):
    thread = question(group, people["petra"])
    client.force_login(people["samir"])
    response = client.post(thread.get_absolute_url(), {"body": "  "})
    assert response.status_code == 400
    assert "Schrijf eerst een bericht." in response.content.decode()
    assert thread.posts.count() == 1
    assert not Notification.objects.exists()


def test_locked_topics_take_no_replies_except_from_moderators(client, people, group):
    thread = question(group, people["petra"])
    client.force_login(people["mod"])
    client.post(reverse("communities:lock", args=[group.slug, thread.pk]), {"sluiten": "1"})
    thread.refresh_from_db()
    assert thread.is_locked
    client.force_login(people["samir"])
    response = client.post(thread.get_absolute_url(), {"body": "Toch nog even dit"}, follow=True)
    assert "niet (meer) reageren" in response.content.decode()
    assert thread.posts.count() == 1
    with pytest.raises(services.Refused, match="gesloten"):
        services.reply(thread, people["samir"], body="Via de service")
    services.reply(thread, people["mod"], body="Ik sluit dit onderwerp, zie de nieuwe handreiking.")
    assert thread.posts.count() == 2
    assert group.moderation_log.filter(kind=ModerationKind.LOCK, thread=thread).exists()


# --- Editing -------------------------------------------------------------------------------------------


def test_editing_keeps_the_previous_version_and_shows_bewerkt(client, people, group):
    thread = question(group, people["petra"], title="Oude titel", body="Eerste versie")
    opening = thread.posts.get(is_opening=True)
    client.force_login(people["petra"])
    url = reverse("communities:post_edit", args=[opening.pk])
    assert "Eerste versie" in client.get(url).content.decode()
    client.post(url, {"title": "Nieuwe titel", "body": "Tweede versie"})
    opening.refresh_from_db()
    thread.refresh_from_db()
    assert opening.body == "Tweede versie" and opening.edited_at and thread.title == "Nieuwe titel"
    revision = PostRevision.objects.get(post=opening)
    assert revision.body == "Eerste versie" and revision.title == "Oude titel"
    assert "bewerkt" in client.get(thread.get_absolute_url()).content.decode()
    history = client.get(reverse("communities:post_history", args=[opening.pk])).content.decode()
    assert "Eerste versie" in history and "Tweede versie" in history and "Oude titel" in history


def test_only_the_author_edits_and_an_empty_edit_changes_nothing(client, people, group):
    thread = question(group, people["petra"], body="Mijn tekst")
    opening = thread.posts.get(is_opening=True)
    client.force_login(people["samir"])
    assert client.get(reverse("communities:post_edit", args=[opening.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.edit_post(opening, people["samir"], body="Gekaapt")
    client.force_login(people["petra"])
    response = client.post(reverse("communities:post_edit", args=[opening.pk]), {"title": "T", "body": ""})
    assert "Schrijf eerst een bericht." in response.content.decode()
    opening.refresh_from_db()
    assert opening.body == "Mijn tekst" and not PostRevision.objects.exists()


# --- Mentions and following ----------------------------------------------------------------------------


def test_find_mentions_by_full_name_and_unique_first_name():
    petra = UserFactory(name="Petra de Vries")
    petra2 = UserFactory(name="Petra Jansen")
    samir = UserFactory(name="Samir El Amrani")
    members = [petra, petra2, samir]
    assert find_mentions("Vraag aan @Petra de Vries!", members) == {petra.pk}
    assert find_mentions("@samir wat denk jij?", members) == {samir.pk}
    assert find_mentions("@Petra weet jij het?", members) == set()  # two Petra's: ambiguous
    assert find_mentions("mail petra@de.nl of samir@example.nl", members) == set()
    assert find_mentions("@Petra de Vriesland bestaat niet", members) == set()
    assert find_mentions("(@Samir El Amrani), @Petra Jansen.", members) == {samir.pk, petra2.pk}


def test_mentions_notify_members_once_and_edits_notify_only_the_newly_named(people, group):
    thread = question(group, people["mod"], body="Wie weet dit? @Petra de Vries")
    assert Notification.objects.filter(user=people["petra"], kind=NotificationKind.MENTION).count() == 1
    opening = thread.posts.get(is_opening=True)
    services.edit_post(opening, people["mod"], body="Wie weet dit? @Petra de Vries en @Samir El Amrani")
    assert Notification.objects.filter(user=people["petra"]).count() == 1
    assert Notification.objects.filter(user=people["samir"], kind=NotificationKind.MENTION).count() == 1


def test_member_picker_names_people_too(client, people, group):
    thread = question(group, people["petra"])
    client.force_login(people["samir"])
    client.post(thread.get_absolute_url(), {"body": "Zie de handreiking.", "mentioned": [people["mod"].pk]})
    assert Notification.objects.get(user=people["mod"]).kind == NotificationKind.MENTION
    # Someone outside the group cannot be chosen.
    outsider = UserFactory()
    response = client.post(thread.get_absolute_url(), {"body": "En jij?", "mentioned": [outsider.pk]})
    assert response.status_code == 400
    assert not Notification.objects.filter(user=outsider).exists()


def test_follow_and_unfollow(client, people, group):
    thread = question(group, people["petra"])
    client.force_login(people["samir"])
    client.post(reverse("communities:follow", args=[group.slug, thread.pk]), {"volgen": "1"})
    answer(thread, people["mod"], body="Eerste")
    assert Notification.objects.filter(user=people["samir"], kind=NotificationKind.REPLY).count() == 1
    client.post(reverse("communities:follow", args=[group.slug, thread.pk]), {"volgen": "0"})
    answer(thread, people["mod"], body="Tweede")
    assert Notification.objects.filter(user=people["samir"]).count() == 1


# --- Limits against spam and flooding ------------------------------------------------------------------


def test_posting_limit_refuses_with_a_clear_message_and_stores_nothing(client, settings, people, group):
    settings.COMMUNITIES_POST_LIMIT = 3
    settings.COMMUNITIES_POST_WINDOW_MINUTES = 10
    thread = question(group, people["petra"])
    client.force_login(people["samir"])
    for n in range(3):
        assert client.post(thread.get_absolute_url(), {"body": f"Reactie {n}"}).status_code == 302
    response = client.post(thread.get_absolute_url(), {"body": "Reactie 4"})
    text = response.content.decode()
    assert response.status_code == 400
    assert "Je hebt in 10 minuten al 3 berichten geplaatst" in text and "Probeer het over 10 minuten" in text
    assert "Reactie 4" in text  # the text is still in the form
    assert not Post.objects.filter(body="Reactie 4").exists()
    response = client.post(
        reverse("communities:thread_create", args=[group.slug]),
        {"kind": "vraag", "title": "Nieuw", "body": "x"},
    )
    assert "berichten geplaatst" in response.content.decode()
    assert not Thread.objects.filter(title="Nieuw").exists()

    # Once the window has passed, posting works again.
    earlier = thread.posts.filter(author=people["samir"])
    for post in earlier:
        Post.objects.filter(pk=post.pk).update(created_at=post.created_at - timedelta(minutes=11))
    assert client.post(thread.get_absolute_url(), {"body": "Reactie 4"}).status_code == 302


def test_the_same_text_twice_in_a_row_is_refused(people, group):
    thread = question(group, people["petra"])
    services.reply(thread, people["samir"], body="Koop nu goedkope pillen!")
    with pytest.raises(services.Refused, match="net al geplaatst"):
        services.reply(thread, people["samir"], body="Koop nu goedkope pillen!")
    assert thread.posts.count() == 2


def test_joining_makes_an_ordinary_member(people):
    group = make_group("Vergunningen", moderator=people["mod"])
    membership = services.join(group, people["petra"])
    assert membership.role == MemberRole.MEMBER
    add_member(group, people["samir"], role=MemberRole.MODERATOR)
    assert group.memberships.filter(role=MemberRole.MODERATOR).count() == 2
