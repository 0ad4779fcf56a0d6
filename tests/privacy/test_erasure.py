"""Verwijder mijn account. Acceptance: after erasure no table holds the person's name, e-mail address or
profile text, and the programme team's counts are the same as before."""

from collections import Counter
from importlib import import_module
from unittest import mock

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from tests.privacy.factories import EMAIL, NAME, PASSWORD, build_world, user
from wendbaar.access.models import AccessLogEntry
from wendbaar.accounts.models import User
from wendbaar.communities.models import Attachment, Post, PostRevision, Thread
from wendbaar.events.models import Conversation, Registration
from wendbaar.knowledge.models import OrderStatus, PrintOrder
from wendbaar.privacy import erasure
from wendbaar.privacy.models import AnonymousProfile, ErasureReason
from wendbaar.profiles.models import Profile, ProfileSkill
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    load_starter_set()
    return build_world()


def tables_containing(text: str) -> list[str]:
    """Every table and column (all of them, also ones without a model) in which ``text`` occurs."""
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608 — names come from the schema
                    f"WHERE UPPER(CAST({quote(column.name)} AS TEXT)) LIKE UPPER(%s)",
                    [f"%{text}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


def counts() -> dict:
    """The programme team's numbers: live rows plus what erasures kept. When the insight app exposes its
    queries, their results are compared too."""
    from wendbaar.communities.models import Membership as GroupMembership
    from wendbaar.privacy import models as kept

    numbers = {
        "people per role": Counter(User.objects.values_list("role", flat=True))
        + Counter(kept.AnonymousProfile.objects.values_list("role", flat=True)),
        "profiles per job": Counter(Profile.objects.values_list("current_occupation_id", flat=True))
        + Counter(
            kept.AnonymousProfile.objects.filter(had_profile=True).values_list(
                "current_occupation_id", flat=True
            )
        ),
        "people per skill and level": Counter(ProfileSkill.objects.values_list("skill_id", "level"))
        + Counter(kept.AnonymousProfileSkill.objects.values_list("skill_id", "level")),
        "registrations per event": Counter(Registration.objects.values_list("event_id", "status"))
        + Counter(kept.AnonymousRegistration.objects.values_list("event_id", "status")),
        "gesprekken": Counter(Conversation.objects.values_list("status", "mode"))
        + Counter(kept.AnonymousConversation.objects.values_list("status", "mode")),
        "group members": Counter(GroupMembership.objects.values_list("group_id", "status"))
        + Counter(kept.AnonymousGroupMembership.objects.values_list("group_id", "status")),
        "posts per group": Counter(Post.objects.values_list("thread__group_id", flat=True)),
        "orders per publication": Counter(PrintOrder.objects.values_list("publication_id", flat=True)),
    }
    if apps.is_installed("wendbaar.opportunities"):
        from wendbaar.opportunities.models import ContactRequest

        numbers["contact requests"] = Counter(
            ContactRequest.objects.values_list("opportunity_id", "direction", "status")
        ) + Counter(kept.AnonymousContactRequest.objects.values_list("opportunity_id", "direction", "status"))
    numbers.update(insight_results())
    return numbers


def insight_results() -> dict:
    """Every figure of the inzicht dashboards, nationally. (Per municipality an erased person drops out on
    purpose: only a province is kept, and an erased person's registrations only count nationally.)
    Published figures hide small groups and round to fives, which would hide one person; here they show
    the exact numbers."""
    try:
        queries = import_module("wendbaar.insight.queries")
        suppression = import_module("wendbaar.insight.suppression")
    except ImportError:
        return {}
    results = {}
    with mock.patch.object(suppression, "K", 1), mock.patch.object(suppression, "ROUND_TO", 1):
        for name, query in queries.ALL_QUERIES.items():
            results[f"insight {name}"] = repr(query(queries.Filters()))
    return results


def test_after_erasure_no_table_holds_the_person_and_the_counts_stay_the_same(client, world):
    before = counts()
    person = world.person
    secrets = [NAME, EMAIL, *world.texts]
    assert [text for text in secrets if not tables_containing(text)] == [], "the scan finds what is there"

    client.force_login(person)
    page = client.get(reverse("privacy:erase"))
    assert "Wat verdwijnt" in page.content.decode() and "Wat blijft" in page.content.decode()
    response = client.post(reverse("privacy:erase"), {"secret": PASSWORD, "understood": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("privacy:erased")

    leftovers = {text: tables_containing(text) for text in secrets}
    assert {text: where for text, where in leftovers.items() if where} == {}
    assert counts() == before
    assert not User.objects.filter(email=EMAIL).exists()
    # Signed out: the next page asks to sign in.
    assert client.get(reverse("privacy:overview")).status_code == 302


def test_what_stays_keeps_its_place_without_the_person(world):
    person = world.person
    thread = Thread.objects.get(title="Terugkerende aanvragen")
    reply_of_colleague = thread.posts.get(is_opening=False)
    order = PrintOrder.objects.get(user=person)
    assert order.status == OrderStatus.NIEUW

    kept = erasure.erase(person)

    # The topic and the colleague's answer stay; the opening post has no author and no text any more.
    opening = thread.posts.get(is_opening=True)
    assert opening.author is None and opening.body == erasure.REMOVED_POST
    assert not Attachment.objects.filter(post=opening).exists()
    assert not PostRevision.objects.filter(post=opening).exists()
    reply_of_colleague.refresh_from_db()
    assert reply_of_colleague.author == world.others[2]
    assert "@verwijderde gebruiker" in reply_of_colleague.body
    # The order stays for the books, without the person, and is not shipped.
    order.refresh_from_db()
    assert (order.user, order.name, order.email, order.street) == (None, "", "", "")
    assert order.status == OrderStatus.GEANNULEERD
    # The anonymous record: shape of the profile, months only, no link.
    assert kept.reason == ErasureReason.SELF and kept.had_profile
    assert kept.current_occupation.code == "baliemedewerker-burgerzaken"
    assert (kept.province, kept.organisation_kind) == ("overijssel", "gemeente")
    assert kept.joined_month.day == 1 and kept.erased_month.day == 1
    assert kept.skills.count() > 3 and kept.saved.count() == 1
    # The adviser keeps their notification of the booking, without the name in it.
    if apps.is_installed("wendbaar.notifications"):
        from wendbaar.notifications.models import Notification

        booked = Notification.objects.get(
            user=world.adviser, text__contains="heeft een gesprek met je geboekt"
        )
        assert booked.text.startswith("verwijderde gebruiker heeft een gesprek met je geboekt")


def test_a_wrong_password_erases_nothing(client, world):
    client.force_login(world.person)
    before = counts()
    response = client.post(reverse("privacy:erase"), {"secret": "niet-mijn-wachtwoord", "understood": "on"})
    assert response.status_code == 200
    assert "Dit wachtwoord klopt niet. Er is niets verwijderd." in response.content.decode()
    assert User.objects.filter(email=EMAIL).exists()
    assert counts() == before
    assert not AnonymousProfile.objects.exists()
    assert tables_containing(NAME)
    # Without the tick it is refused too.
    response = client.post(reverse("privacy:erase"), {"secret": PASSWORD})
    assert "Zet een vinkje" in response.content.decode()
    assert User.objects.filter(email=EMAIL).exists()


def test_an_adviser_with_gesprekken_cannot_erase_and_nothing_changes(client, world):
    client.force_login(world.adviser)
    page = client.get(reverse("privacy:erase")).content.decode()
    assert "Vraag het programmateam" in page
    assert 'name="secret"' not in page
    client.post(reverse("privacy:erase"), {"secret": PASSWORD, "understood": "on"})
    assert User.objects.filter(pk=world.adviser.pk).exists()
    assert Conversation.objects.filter(adviser=world.adviser).count() == 1
    with pytest.raises(erasure.ErasureRefused):
        erasure.erase(world.adviser)
    assert not AnonymousProfile.objects.exists()


def test_someone_who_looked_at_others_leaves_only_their_role_in_the_log():
    organiser = user("Ria Organisator", "ria@example.nl", role="programmateam")
    looked_at = user("Bert Jansen", "bert@example.nl")
    from wendbaar.access.log import record_access

    record_access(organiser, looked_at, what="deelnemerslijst", why="bijeenkomst in Zwolle")
    erasure.erase(organiser)
    (entry,) = AccessLogEntry.objects.filter(subject=looked_at)
    assert entry.actor is None
    assert entry.actor_description == "verwijderde gebruiker (Programmateam)"


def test_scrubbing_takes_whole_words_only():
    keep = user("Jan Dijkstra", "jan@example.nl")
    gone = user("An Dijkstra", "an@example.nl")
    keep_profile_text = "Mail jan@example.nl of an@example.nl; groet, An Dijkstra en Jan Dijkstra"
    entry = AccessLogEntry.objects.create(
        subject=keep, actor_description="test", what="notitie", why=keep_profile_text
    )
    erasure.erase(gone)
    entry.refresh_from_db()
    assert (
        entry.why
        == "Mail jan@example.nl of verwijderde gebruiker; groet, verwijderde gebruiker en Jan Dijkstra"
    )


def test_the_officer_can_export_and_erase_by_command(world, capsys):
    from django.core.management import call_command

    call_command("privacy", "export", EMAIL)
    assert NAME in capsys.readouterr().out
    call_command("privacy", "erase", EMAIL, "--yes")
    assert "verwijderd" in capsys.readouterr().out
    assert AnonymousProfile.objects.get().reason == ErasureReason.OFFICER
    assert not tables_containing(EMAIL)


def test_the_count_check_notices_a_person_who_is_simply_deleted(world, monkeypatch):
    # Guards the acceptance test above: without the anonymous copies the numbers do change.
    before = counts()
    monkeypatch.setattr(erasure, "keep_anonymous", lambda user, **kwargs: AnonymousProfile())
    erasure.erase(world.person)
    after = counts()
    changed = {name for name in before if before[name] != after[name]}
    assert {"profiles per job", "people per skill and level", "registrations per event"} <= changed
    if apps.is_installed("wendbaar.insight"):
        assert any(name.startswith("insight ") for name in changed), "the inzicht figures count people too"


def test_every_link_that_survives_the_user_is_decided():
    """Links with SET_NULL (or anything but CASCADE) keep their row after an erasure: each must be listed
    with what happens to it, so that no new model silently keeps someone's text."""
    user_model = apps.get_model("accounts.User")
    surviving = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            direct = field.concrete and (field.many_to_one or field.one_to_one)
            if not direct or field.related_model is not user_model:
                continue
            if field.remote_field.on_delete.__name__ != "CASCADE":
                surviving.add(f"{model._meta.app_label}.{model.__name__}.{field.name}")
    assert surviving - set(erasure.KEPT_WITHOUT_PERSON) == set()
