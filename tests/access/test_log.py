"""The access log: whoever reads or changes another person's data leaves an entry the person can read on
"Wie heeft mijn gegevens bekeken" (/mijn/inzage/)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.access.world import ADVISEUR, BEHEERDER, MEDEWERKER, PROGRAMMATEAM, World, soon
from wendbaar.access.log import record_access, record_access_many
from wendbaar.access.models import AccessKind, AccessLogEntry
from wendbaar.access.views import LOG_PAGE_SIZE
from wendbaar.events import services
from wendbaar.events.models import Conversation, Event, Registration, RegistrationStatus
from wendbaar.profiles import services as profiles

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World()


def signed_in(client, user):
    client.force_login(user)
    return client


def entries(person):
    return list(AccessLogEntry.objects.filter(subject=person).order_by("id"))


def _conversation(world, *, share=True):
    start, end = soon()
    person, adviser = world.user(MEDEWERKER), world.user(ADVISEUR)
    conversation = Conversation.objects.create(
        adviser=adviser, person=person, starts_at=start, ends_at=end, mode="locatie", location="Zwolle"
    )
    services.set_profile_sharing(conversation, person, share)
    return conversation


def test_own_data_is_never_logged_and_lists_skip_the_reader(world):
    medewerker = world.user(MEDEWERKER)
    assert record_access(medewerker, medewerker, what="profiel", why="zelf") is None
    count = record_access_many(
        world.user(BEHEERDER), [medewerker, medewerker, world.user(BEHEERDER)], what="lijst", why="test"
    )
    assert count == 1 and len(entries(medewerker)) == 1


def test_the_adviser_opening_a_shared_profile_is_logged_for_the_person(world, client):
    conversation = _conversation(world)
    medewerker = world.user(MEDEWERKER)
    profile = profiles.profile_for(medewerker)
    profile.education = "mbo-4"
    profile.save()
    signed_in(client, world.user(ADVISEUR))

    detail = client.get(reverse("events:conversation", args=[conversation.pk])).content.decode()
    assert reverse("events:shared_profile", args=[conversation.pk]) in detail
    page = client.get(reverse("events:shared_profile", args=[conversation.pk]))
    assert page.status_code == 200 and "Mbo niveau 4" in page.content.decode()

    [entry] = entries(medewerker)
    assert entry.actor == world.user(ADVISEUR) and entry.kind == AccessKind.READ
    assert entry.what == "vaardighedenprofiel"
    assert entry.why.startswith("gesprek op ")
    assert "Arno Adviseur (Loopbaanadviseur" in entry.actor_description


def test_no_profile_and_no_entry_once_the_person_stops_sharing(world, client):
    conversation = _conversation(world)
    services.set_profile_sharing(conversation, world.user(MEDEWERKER), False)
    signed_in(client, world.user(ADVISEUR))
    detail = client.get(reverse("events:conversation", args=[conversation.pk])).content.decode()
    assert reverse("events:shared_profile", args=[conversation.pk]) not in detail
    assert client.get(reverse("events:shared_profile", args=[conversation.pk])).status_code == 403
    # Someone outside the conversation does not even learn it exists.
    signed_in(client, world.user(BEHEERDER))
    assert client.get(reverse("events:shared_profile", args=[conversation.pk])).status_code == 404
    assert entries(world.user(MEDEWERKER)) == []


def test_what_the_adviser_writes_about_the_person_is_logged_as_a_change(world, client):
    conversation = _conversation(world)
    medewerker = world.user(MEDEWERKER)
    signed_in(client, medewerker)
    client.post(reverse("events:add_note", args=[conversation.pk]), {"text": "Mijn eigen notitie"})
    assert entries(medewerker) == []  # the person's own writing

    signed_in(client, world.user(ADVISEUR))
    client.post(reverse("events:add_note", args=[conversation.pk]), {"text": "Sterk in klantcontact"})
    client.post(reverse("events:add_action", args=[conversation.pk]), {"description": "Cv sturen"})
    action = conversation.actions.get()
    client.post(reverse("events:action_done", args=[action.pk]), {"klaar": "ja"})
    logged = entries(medewerker)
    assert [e.kind for e in logged] == [AccessKind.CHANGE] * 3
    assert [e.what for e in logged] == [
        "notitie bij het gesprek",
        "afspraak na het gesprek",
        "afspraak na het gesprek (afgevinkt of heropend)",
    ]


def test_the_organiser_seeing_the_attendees_is_logged_for_each_of_them(world, client):
    start, end = soon(days=10)
    event = Event.objects.create(
        title="Regiodag Zwolle",
        description="-",
        kind="regionaal",
        region="overijssel",
        venue="Zwolle",
        starts_at=start,
        ends_at=end,
        registration_deadline=start,
        capacity=10,
        audience="-",
        is_published=True,
    )
    for person, share in [(world.user(MEDEWERKER), True), (world.stranger, False)]:
        Registration.objects.create(
            event=event,
            user=person,
            status=RegistrationStatus.CONFIRMED,
            queued_at=timezone.now(),
            share_on_attendee_list=share,
        )
    signed_in(client, world.user(PROGRAMMATEAM))
    client.get(reverse("events:organiser_event", args=[event.slug]))
    assert len(entries(world.user(MEDEWERKER))) == len(entries(world.stranger)) == 1
    client.get(reverse("events:attendees_csv", args=[event.slug]))
    # Only who is on the list was in the download.
    assert len(entries(world.user(MEDEWERKER))) == 2 and len(entries(world.stranger)) == 1
    assert entries(world.user(MEDEWERKER))[-1].why == "deelnemerslijst gedownload als organisator"


def test_a_beheerder_looking_at_an_account_in_the_admin_is_logged(world, client):
    medewerker = world.user(MEDEWERKER)
    signed_in(client, world.user(BEHEERDER))
    url = reverse("admin:accounts_user_change", args=[medewerker.pk])
    assert client.get(url).status_code == 200
    [seen] = entries(medewerker)
    assert seen.kind == AccessKind.READ and "Bea Beheerder (Beheerder" in seen.actor_description
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    assert len(entries(medewerker)) == 1  # the list is not a look at one person


def test_a_moderator_deciding_on_a_request_is_logged(world, client):
    from wendbaar.communities import services as groups
    from wendbaar.communities.models import Access, Membership, MembershipStatus

    moderator = world.user(PROGRAMMATEAM)
    group = groups.create_group(moderator, name="KCC", slug="kcc", access=Access.CLOSED, summary="KCC")
    request = Membership.objects.create(
        group=group,
        user=world.user(MEDEWERKER),
        status=MembershipStatus.PENDING,
        motivation="Ik werk bij het KCC",
    )
    signed_in(client, moderator)
    client.get(reverse("communities:requests", args=[group.slug]))
    client.post(reverse("communities:decide", args=[group.slug, request.pk]), {"besluit": "toelaten"})
    read, changed = entries(world.user(MEDEWERKER))
    assert read.kind == AccessKind.READ and "toelichting" in read.what
    assert changed.kind == AccessKind.CHANGE and changed.what == "lidmaatschap van KCC"


def test_the_person_reads_their_log_page_by_page(world, client):
    medewerker = world.user(MEDEWERKER)
    adviser = world.user(ADVISEUR)
    for number in range(LOG_PAGE_SIZE + 3):
        record_access(adviser, medewerker, what=f"vaardighedenprofiel {number}", why="gesprek op dinsdag")
    record_access(adviser, world.stranger, what="iets van een ander", why="-")
    signed_in(client, medewerker)

    page = client.get(reverse("access:log"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Arno Adviseur (Loopbaanadviseur)" in text and "gesprek op dinsdag" in text
    assert f"vaardighedenprofiel {LOG_PAGE_SIZE + 2}<" in text  # newest first
    assert "iets van een ander" not in text
    second = client.get(reverse("access:log"), {"pagina": 2}).content.decode()
    assert "vaardighedenprofiel 0<" in second and "Pagina 2 van 2" in second

    dashboard = client.get(reverse("profiles:dashboard")).content.decode()
    assert reverse("access:log") in dashboard


def test_the_log_page_needs_signing_in(client):
    response = client.get(reverse("access:log"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_entries_are_kept_in_dutch_whatever_language_the_reader_uses(world, client, settings):
    conversation = _conversation(world)
    signed_in(client, world.user(ADVISEUR))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("events:shared_profile", args=[conversation.pk]))
    assert page.status_code == 200 and 'lang="en"' in page.content.decode()
    [entry] = entries(world.user(MEDEWERKER))
    assert entry.what == "vaardighedenprofiel" and entry.why.startswith("gesprek op ")
    assert "(Loopbaanadviseur)" in entry.actor_description
