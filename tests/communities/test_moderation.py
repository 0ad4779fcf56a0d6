"""Moderation: reporting, hiding and restoring, closing topics, the moderators' page with its log, and
making and editing groups."""

import pytest
from django.urls import reverse

from tests.communities.factories import UserFactory, answer, make_group, question
from wendbaar.accounts.models import Role
from wendbaar.communities import services
from wendbaar.communities.models import (
    Access,
    Group,
    MemberRole,
    Membership,
    ModerationKind,
    Post,
    Report,
    Thread,
)
from wendbaar.taxonomy.models import Occupation, OccupationTranslation, Skill, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    mod = UserFactory(name="Mona Moderator")
    petra = UserFactory(name="Petra de Vries")
    troll = UserFactory(name="Tom Trol")
    group = make_group("KCC en klantcontact", moderator=mod, members=[petra, troll])
    thread = question(group, petra, title="Lastige beller", body="Hoe ga ik om met een boze beller?")
    rude = answer(thread, troll, body="Gewoon ophangen, watje.")
    return {"mod": mod, "petra": petra, "troll": troll, "group": group, "thread": thread, "rude": rude}


def test_report_hide_and_log(client, scene):
    client.force_login(scene["petra"])
    url = reverse("communities:report", args=[scene["rude"].pk])
    assert "Gewoon ophangen" in client.get(url).content.decode()
    response = client.post(url, {"reason": ""})
    assert "Kies wat er mis is." in response.content.decode() and not Report.objects.exists()
    client.post(url, {"reason": "kwetsend", "explanation": "Scheldwoord"})
    assert Report.objects.get().reason == "kwetsend"
    response = client.post(url, {"reason": "spam"}, follow=True)
    assert "al gemeld" in response.content.decode() and Report.objects.count() == 1

    client.force_login(scene["mod"])
    page = client.get(reverse("communities:moderation", args=[scene["group"].slug])).content.decode()
    assert "Gewoon ophangen" in page and "Scheldwoord" in page
    hide_url = reverse("communities:hide", args=[scene["rude"].pk])
    assert client.get(hide_url + "?terug=moderatie").status_code == 200
    response = client.post(hide_url, {"reason": "", "terug": "moderatie"})
    assert response["Location"] == reverse("communities:moderation", args=[scene["group"].slug])
    rude = Post.objects.get(pk=scene["rude"].pk)
    assert rude.is_hidden and rude.hidden_by == scene["mod"]
    assert Report.objects.get().resolved_by == scene["mod"]
    page = client.get(reverse("communities:moderation", args=[scene["group"].slug])).content.decode()
    assert "Er zijn geen gemelde berichten." in page and "Bericht verborgen" in page

    client.post(reverse("communities:restore", args=[rude.pk]))
    assert not Post.objects.get(pk=rude.pk).is_hidden
    kinds = list(scene["group"].moderation_log.values_list("kind", flat=True))
    assert kinds[:2] == [ModerationKind.RESTORE, ModerationKind.HIDE]


def test_own_posts_cannot_be_reported(scene):
    with pytest.raises(services.Refused, match="eigen bericht"):
        services.report(scene["rude"], scene["troll"], "spam")


def test_dismissing_a_report_keeps_the_post(client, scene):
    services.report(scene["rude"], scene["petra"], "anders", "Twijfel")
    client.force_login(scene["mod"])
    client.post(reverse("communities:dismiss", args=[scene["rude"].pk]))
    assert not Post.objects.get(pk=scene["rude"].pk).is_hidden
    assert Report.objects.get().resolved_at is not None
    assert scene["group"].moderation_log.filter(kind=ModerationKind.DISMISS_REPORT).exists()


def test_hide_twice_and_restore_a_visible_post_are_refused(scene):
    services.hide(scene["rude"], scene["mod"])
    with pytest.raises(services.Refused):
        services.hide(scene["rude"], scene["mod"])
    services.restore(scene["rude"], scene["mod"])
    with pytest.raises(services.Refused):
        services.restore(scene["rude"], scene["mod"])


def test_lock_and_unlock_through_the_page(client, scene):
    client.force_login(scene["mod"])
    url = reverse("communities:lock", args=[scene["group"].slug, scene["thread"].pk])
    client.post(url, {"sluiten": "1"})
    assert Thread.objects.get(pk=scene["thread"].pk).is_locked
    page = client.get(scene["thread"].get_absolute_url()).content.decode()
    assert "Onderwerp heropenen" in page
    client.post(url, {"sluiten": "0"})
    assert not Thread.objects.get(pk=scene["thread"].pk).is_locked


def test_remove_member_through_the_page_with_an_empty_reason(client, scene):
    client.force_login(scene["mod"])
    client.post(
        reverse("communities:remove_member", args=[scene["group"].slug, scene["troll"].pk]), {"note": ""}
    )
    assert Membership.objects.get(user=scene["troll"], group=scene["group"]).status == "verwijderd"
    client.force_login(scene["troll"])
    response = client.post(scene["thread"].get_absolute_url(), {"body": "Ik ben er nog"}, follow=True)
    assert "niet (meer) reageren" in response.content.decode()


def test_moderators_appoint_moderators(client, scene):
    client.force_login(scene["mod"])
    client.post(
        reverse("communities:set_role", args=[scene["group"].slug, scene["petra"].pk]), {"moderator": "1"}
    )
    assert Membership.objects.get(user=scene["petra"], group=scene["group"]).role == MemberRole.MODERATOR
    page = client.get(reverse("communities:members", args=[scene["group"].slug])).content.decode()
    assert "Maak Petra de Vries gewoon lid" in page and "Tom Trol uit de groep halen" in page


# --- Making and editing groups --------------------------------------------------------------------------


@pytest.fixture
def taxonomy():
    skill = Skill.objects.create(
        code="brp-bijhouden", name="Basisregistratie Personen bijhouden", source=Source.STARTER
    )
    occupation = Occupation.objects.create(
        code="baliemedewerker-burgerzaken", name="baliemedewerker burgerzaken", source=Source.STARTER
    )
    OccupationTranslation.objects.create(
        concept=occupation, language="en", source=Source.STARTER, preferred_label="civil affairs desk clerk"
    )
    return skill, occupation


def test_programme_staff_make_a_group_and_become_its_moderator(client, taxonomy):
    skill, occupation = taxonomy
    staff = UserFactory(role=Role.PROGRAMMATEAM)
    client.force_login(staff)
    data = {
        "name": "Burgerzaken",
        "slug": "burgerzaken",
        "focus": "beroep",
        "access": "open",
        "summary": "Voor iedereen aan de balie burgerzaken.",
        "description": "",
        "skills": "brp-bijhouden\n",
        "occupations": "Civil affairs desk clerk",
    }
    response = client.post(reverse("communities:create"), data)
    group = Group.objects.get(slug="burgerzaken")
    assert response["Location"] == group.get_absolute_url()
    assert list(group.skills.all()) == [skill] and list(group.occupations.all()) == [occupation]
    assert Membership.objects.get(group=group, user=staff).role == MemberRole.MODERATOR


def test_bad_group_input_is_refused_and_nothing_is_made(client, taxonomy):
    client.force_login(UserFactory(role=Role.BEHEERDER))
    data = {
        "name": "Vergunningen",
        "slug": "zoeken",
        "focus": "beroep",
        "access": "open",
        "summary": "Vergunningen en de Omgevingswet.",
        "skills": "brp-bijhouden\nbestaat niet",
        "occupations": "",
    }
    page = client.post(reverse("communities:create"), data).content.decode()
    assert "Deze korte naam is al in gebruik" in page and "Niet gevonden: ‘bestaat niet’" in page
    assert not Group.objects.exists()


def test_others_cannot_make_groups(client):
    client.force_login(UserFactory(role=Role.MEDEWERKER))
    assert client.get(reverse("communities:create")).status_code == 403


def test_moderator_edits_the_group_and_it_is_logged(client, scene, taxonomy):
    client.force_login(scene["mod"])
    url = reverse("communities:edit", args=[scene["group"].slug])
    assert client.get(url).status_code == 200
    client.post(
        url,
        {
            "name": "KCC en klantcontact",
            "focus": "beroep",
            "access": Access.CLOSED,
            "summary": "Nu besloten.",
            "skills": "",
            "occupations": "baliemedewerker burgerzaken",
        },
    )
    group = Group.objects.get(pk=scene["group"].pk)
    assert group.is_closed and group.slug == "kcc-en-klantcontact"
    assert group.occupations.count() == 1
    assert group.moderation_log.filter(kind=ModerationKind.EDIT_GROUP).exists()
    client.force_login(scene["petra"])
    assert client.get(url).status_code == 403
