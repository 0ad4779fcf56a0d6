"""Who sees what: non-members never see a closed group's posts or member list (pages, search, attachments,
notifications); hidden posts are for moderators only; a removed member loses access with the next request.

There is no REST API for beroepsgroepen yet; when one comes, it must start from the same querysets in
``access.py`` and get the same tests."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.communities.factories import PDF, UserFactory, add_member, answer, make_group, question, upload
from wendbaar.communities import access, services
from wendbaar.communities.models import Access, Membership, MembershipStatus, Post, Thread
from wendbaar.notifications.models import Notification

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Vertrouwelijk: reorganisatie balie"
SECRET_BODY = "De balie in Zuid gaat dicht, zeg het nog niet verder."


@pytest.fixture
def closed():
    """A closed group with a moderator, a member, a topic with a reply and an attachment."""
    moderator = UserFactory(name="Mona Moderator", email="mona@example.nl")
    member = UserFactory(name="Petra de Vries", email="petra@example.nl")
    group = make_group("Van balie naar zorg", access=Access.CLOSED, moderator=moderator, members=[member])
    thread = question(group, member, title=SECRET_TITLE, body=SECRET_BODY, files=[upload("plan.pdf", PDF)])
    reply = answer(thread, moderator, body="Goed dat je het vraagt, Petra.")
    return {"group": group, "moderator": moderator, "member": member, "thread": thread, "reply": reply}


def pages_of(data) -> list[str]:
    group, thread, reply = data["group"], data["thread"], data["reply"]
    opening = thread.posts.get(is_opening=True)
    return [
        reverse("communities:thread", args=[group.slug, thread.pk]),
        reverse("communities:members", args=[group.slug]),
        reverse("communities:post", args=[reply.pk]),
        reverse("communities:post_history", args=[opening.pk]),
        reverse("communities:report", args=[reply.pk]),
        reverse("communities:post_edit", args=[opening.pk]),
        reverse("communities:attachment", args=[opening.attachments.get().pk]),
        reverse("communities:thread_create", args=[group.slug]),
        reverse("communities:moderation", args=[group.slug]),
        reverse("communities:requests", args=[group.slug]),
        reverse("communities:pins", args=[group.slug]),
        reverse("communities:edit", args=[group.slug]),
    ]


def found(client, query) -> list[str]:
    """Titles of the search results the signed-in person gets."""
    response = client.get(reverse("communities:search"), {"q": query})
    assert response.status_code == 200
    return [post.thread.title for post in response.context["results"].posts]


def assert_sees_nothing(client, data):
    for url in pages_of(data):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        text = response.content.decode()
        assert SECRET_TITLE not in text and SECRET_BODY not in text, url
        assert "Petra de Vries" not in text, url


def test_outsider_sees_the_closed_groups_description_but_no_posts_or_members(client, closed):
    outsider = UserFactory(name="Olga Buiten")
    client.force_login(outsider)
    response = client.get(closed["group"].get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Van balie naar zorg" in text
    assert SECRET_TITLE not in text and "Petra de Vries" not in text
    assert "besloten groep" in text
    assert_sees_nothing(client, closed)


def test_anonymous_visitors_are_sent_to_sign_in(client, closed):
    response = client.get(closed["group"].get_absolute_url())
    assert response.status_code == 200 and SECRET_TITLE not in response.content.decode()
    for url in pages_of(closed):
        response = client.get(url)
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"], url
    assert client.get(reverse("communities:search") + "?q=balie").status_code == 302


def test_outsider_cannot_write_in_a_closed_group(client, closed):
    outsider = UserFactory()
    client.force_login(outsider)
    thread, group = closed["thread"], closed["group"]
    before = Post.objects.count()
    client.post(reverse("communities:thread", args=[group.slug, thread.pk]), {"body": "Ik lees mee!"})
    client.post(
        reverse("communities:thread_create", args=[group.slug]), {"title": "x", "body": "y", "kind": "vraag"}
    )
    client.post(reverse("communities:report", args=[closed["reply"].pk]), {"reason": "spam"})
    client.post(reverse("communities:accept", args=[closed["reply"].pk]))
    client.post(reverse("communities:follow", args=[group.slug, thread.pk]), {"volgen": "1"})
    assert Post.objects.count() == before
    assert not thread.follows.filter(user=outsider).exists()
    assert Thread.objects.get(pk=thread.pk).accepted_answer is None


def test_search_never_returns_closed_group_posts_to_outsiders(client, closed):
    outsider = UserFactory()
    client.force_login(outsider)
    assert SECRET_TITLE not in found(client, "balie")
    assert not access.visible_posts(outsider).filter(thread__group=closed["group"]).exists()
    client.force_login(closed["member"])
    assert SECRET_TITLE in found(client, "balie")


def test_outsiders_get_no_notifications_about_a_closed_group(closed):
    outsider = UserFactory(name="Olga Buiten")
    member, thread = closed["member"], closed["thread"]
    # A forged picker choice names someone outside the group, and a follow row is made behind the rules.
    thread.follows.create(user=outsider)
    answer(thread, member, body="@Olga Buiten wat vind jij?", mentioned=[outsider.pk])
    assert not Notification.objects.filter(user=outsider).exists()
    assert not access.visible_notifications(outsider).exists()


def test_open_group_is_readable_for_everyone_signed_in_but_only_members_write_and_see_members(client):
    moderator = UserFactory(name="Mona Moderator")
    group = make_group("Burgerzaken", moderator=moderator)
    thread = question(group, moderator, title="Open vraag over BRP", body="Iedereen mag dit lezen.")
    reader = UserFactory(name="Rob Lezer")
    client.force_login(reader)
    assert "Open vraag over BRP" in client.get(group.get_absolute_url()).content.decode()
    assert client.get(thread.get_absolute_url()).status_code == 200
    response = client.get(reverse("communities:members", args=[group.slug]))
    assert response.status_code == 403 and "Mona Moderator" not in response.content.decode()
    client.post(thread.get_absolute_url(), {"body": "Mag ik reageren?"})
    assert thread.posts.count() == 1


def test_hidden_posts_are_seen_by_moderators_only(client, closed):
    member, moderator, thread = closed["member"], closed["moderator"], closed["thread"]
    colleague = UserFactory(name="Karel Collega")
    add_member(closed["group"], colleague)
    rude = answer(thread, colleague, body="Wat een domme vraag, sukkel.")
    services.hide(rude, moderator, "Kwetsend")

    client.force_login(member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "sukkel" not in page
    assert client.get(reverse("communities:post", args=[rude.pk])).status_code == 404
    assert client.get(reverse("communities:post_history", args=[rude.pk])).status_code == 404
    assert found(client, "sukkel") == []
    assert not access.visible_posts(member).filter(pk=rude.pk).exists()

    client.force_login(moderator)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "sukkel" in page and "Alleen moderatoren zien dit bericht" in page
    assert found(client, "sukkel") == [SECRET_TITLE]


def test_hiding_the_opening_post_hides_the_topic(client, closed):
    moderator, thread = closed["moderator"], closed["thread"]
    services.hide(thread.posts.get(is_opening=True), moderator, "Persoonsgegevens")
    colleague = UserFactory()
    add_member(closed["group"], colleague)
    client.force_login(colleague)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert SECRET_TITLE not in client.get(closed["group"].get_absolute_url()).content.decode()
    # Replies in a hidden topic are hidden too.
    assert not access.visible_posts(colleague).filter(thread=thread).exists()
    client.force_login(moderator)
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_moderator_of_one_group_has_no_power_in_another(client, closed):
    other = make_group("KCC en klantcontact", access=Access.CLOSED)
    client.force_login(other.memberships.get().user)
    reply = closed["reply"]
    client.post(reverse("communities:hide", args=[reply.pk]), {"reason": "x"})
    assert not Post.objects.get(pk=reply.pk).is_hidden
    assert client.get(reverse("communities:moderation", args=[closed["group"].slug])).status_code == 403


@pytest.mark.parametrize("how", ["removed", "left"])
def test_a_member_who_is_removed_or_leaves_loses_access_at_once(client, closed, how):
    member, moderator, group, thread = (
        closed["member"],
        closed["moderator"],
        closed["group"],
        closed["thread"],
    )
    other = UserFactory(name="Karel Collega")
    add_member(group, other)
    answer(thread, other, body="Mijn antwoord voor @Petra de Vries")
    client.force_login(member)
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert access.visible_notifications(member).exists()

    if how == "removed":
        services.remove_member(group, moderator, member, "Hield zich niet aan de afspraken")
    else:
        services.leave(group, member)

    # The same session, the very next request.
    assert_sees_nothing(client, closed)
    assert found(client, "balie") == []
    assert not access.visible_notifications(member).exists()
    assert "Karel" not in client.get(reverse("notifications:list")).content.decode()
    late = answer(thread, other, body="Nog een reactie")
    assert not late.notifications.filter(user=member).exists()
    with pytest.raises(PermissionDenied):
        services.reply(thread, member, body="Ik ben er nog!")


def test_removed_member_of_an_open_group_must_ask_to_come_back(client):
    moderator = UserFactory()
    member = UserFactory()
    group = make_group("Belastingen", moderator=moderator, members=[member])
    services.remove_member(group, moderator, member)
    client.force_login(member)
    client.post(reverse("communities:join", args=[group.slug]), {"motivation": "Sorry"})
    assert Membership.objects.get(group=group, user=member).status == MembershipStatus.PENDING
    thread = question(group, moderator)
    client.post(thread.get_absolute_url(), {"body": "Ik ben terug"})
    assert thread.posts.count() == 1


def test_non_moderators_cannot_moderate(client, closed):
    member, group, thread, reply = closed["member"], closed["group"], closed["thread"], closed["reply"]
    client.force_login(member)
    assert client.post(reverse("communities:hide", args=[reply.pk]), {"reason": "x"}).status_code == 403
    assert (
        client.post(reverse("communities:lock", args=[group.slug, thread.pk]), {"sluiten": "1"}).status_code
        == 403
    )
    moderator = closed["moderator"]
    response = client.post(reverse("communities:remove_member", args=[group.slug, moderator.pk]))
    assert response.status_code in (403, 404)
    response = client.post(reverse("communities:set_role", args=[group.slug, member.pk]), {"moderator": "1"})
    assert response.status_code == 403
    assert not Post.objects.get(pk=reply.pk).is_hidden
    assert not Thread.objects.get(pk=thread.pk).is_locked
    assert Membership.objects.get(group=group, user=member).role == "lid"
    assert not group.moderation_log.exclude(kind="toegelaten").exists()
