"""Knowledge sharing: pins are generic (content type + object id). The logic is tested on learning courses,
which always exist; the kennisbank and bijeenkomsten are tested only when those apps are installed."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from tests.communities.factories import UserFactory, make_group
from wendbaar.communities import pins, services
from wendbaar.communities.models import Access, ModerationKind, Pin
from wendbaar.learning.models import Course, Format
from wendbaar.taxonomy.models import Skill, Source

pytestmark = pytest.mark.django_db


def needs(app: str, model: str):
    present = apps.is_installed(app)
    if present:
        try:
            apps.get_model(model)
        except LookupError:
            present = False
    return pytest.mark.skipif(not present, reason=f"{app} is not installed")


def course(title="Klantgericht werken", **fields) -> Course:
    fields = {
        "slug": title.lower().replace(" ", "-"),
        "provider": "Leerhuis Publiek",
        "description": "Je leert snel uitvinden wat iemand nodig heeft.",
        "format": Format.ONLINE,
        "hours": 6,
        **fields,
    }
    return Course.objects.create(title=title, **fields)


@pytest.fixture
def group():
    moderator = UserFactory(name="Mona Moderator")
    member = UserFactory(name="Petra de Vries")
    return make_group("Burgerzaken", moderator=moderator, members=[member])


def moderator_of(group):
    return group.memberships.get(role="moderator").user


def test_moderator_pins_and_unpins_a_course_through_the_pages(client, group):
    item = course()
    moderator = moderator_of(group)
    client.force_login(moderator)
    page = client.get(reverse("communities:pins", args=[group.slug])).content.decode()
    assert f'value="cursus:{item.pk}"' in page and "<optgroup" in page
    client.post(
        reverse("communities:pins", args=[group.slug]),
        {"item": f"cursus:{item.pk}", "note": "Handig voor nieuwe collega's"},
    )
    pin = Pin.objects.get(group=group)
    assert pin.content_object == item and pin.pinned_by == moderator
    assert group.moderation_log.filter(kind=ModerationKind.PIN).exists()

    member = group.memberships.get(role="lid").user
    client.force_login(member)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Klantgericht werken" in page and "Handig voor nieuwe collega&#x27;s" in page

    client.force_login(moderator)
    client.post(reverse("communities:unpin", args=[group.slug, pin.pk]))
    assert not Pin.objects.exists()
    assert group.moderation_log.filter(kind=ModerationKind.UNPIN, note="Klantgericht werken").exists()


def test_pinning_twice_or_something_invisible_is_refused(client, group):
    item = course()
    hidden = course("Oude cursus", active=False)
    moderator = moderator_of(group)
    services.pin(group, moderator, item)
    with pytest.raises(services.Refused, match="al vast"):
        services.pin(group, moderator, item)
    client.force_login(moderator)
    response = client.post(reverse("communities:pins", args=[group.slug]), {"item": f"cursus:{hidden.pk}"})
    assert (
        "Kies iets uit de lijst" in response.content.decode()
        or "niet (meer) te vinden" in response.content.decode()
    )
    for forged in ("cursus:999999", "onbekend:1", "cursus:abc", ""):
        response = client.post(reverse("communities:pins", args=[group.slug]), {"item": forged})
        assert response.status_code == 200
    assert Pin.objects.count() == 1


def test_a_pin_whose_object_disappears_or_is_retired_is_not_shown(group):
    item = course()
    services.pin(group, moderator_of(group), item)
    assert [shown.obj for shown in pins.pinned(group)] == [item]
    Course.objects.filter(pk=item.pk).update(active=False)
    assert pins.pinned(group) == []
    item.delete()
    assert pins.pinned(group) == []


def test_only_moderators_pin(client, group):
    item = course()
    member = group.memberships.get(role="lid").user
    client.force_login(member)
    assert client.get(reverse("communities:pins", args=[group.slug])).status_code == 403
    client.post(reverse("communities:pins", args=[group.slug]), {"item": f"cursus:{item.pk}"})
    assert not Pin.objects.exists()


def test_closed_group_shows_its_pins_to_members_only(client):
    moderator = UserFactory()
    group = make_group("Van balie naar zorg", access=Access.CLOSED, moderator=moderator)
    services.pin(group, moderator, course("Werken in de zorg"))
    client.force_login(UserFactory())
    assert "Werken in de zorg" not in client.get(group.get_absolute_url()).content.decode()


def test_a_kind_whose_app_is_missing_is_simply_not_offered(monkeypatch, group):
    missing = pins.PinKind("podcast", "wendbaar.bestaat_niet", "bestaat_niet.Ding", "Podcast", "Podcasts")
    monkeypatch.setattr(pins, "KINDS", [*pins.KINDS, missing])
    monkeypatch.setattr(pins, "KINDS_BY_KEY", {k.key: k for k in pins.KINDS})
    assert missing.model_class() is None and missing.visible() is None
    assert missing not in pins.available_kinds()
    assert pins.resolve("podcast:1") is None
    assert "Podcasts" not in [label for label, _options in pins.choices()]
    assert pins.pinned(group) == []


def test_an_unknown_object_cannot_be_pinned(group):
    skill = Skill.objects.create(code="x", name="x", source=Source.LOCAL)
    with pytest.raises(services.Refused):
        services.pin(group, moderator_of(group), skill)


# --- With the kennisbank and bijeenkomsten, when they are installed -------------------------------------


@needs("wendbaar.knowledge", "knowledge.News")
def test_kennisbank_items_pinned_or_tagged_show_as_recent_publications(client, group):
    News = apps.get_model("knowledge", "News")
    skill = Skill.objects.create(code="brp-bijhouden", name="BRP bijhouden", source=Source.LOCAL)
    group.skills.add(skill)
    now = timezone.now()
    pinned = News.objects.create(
        title="Nieuwe handreiking BRP",
        slug="handreiking-brp",
        summary="Kort.",
        is_published=True,
        published_at=now,
    )
    tagged = News.objects.create(
        title="Terugblik op de dag", slug="terugblik", summary="Kort.", is_published=True, published_at=now
    )
    tagged.skills.add(skill)
    News.objects.create(title="Nog een concept", slug="concept", summary="Kort.", is_published=False)
    moderator = moderator_of(group)
    item = apps.get_model("knowledge", "Item").objects.get(pk=pinned.pk)
    services.pin(group, moderator, item)
    titles = [str(i) for i in pins.recent_publications(group)]
    assert set(titles) == {"Nieuwe handreiking BRP", "Terugblik op de dag"}
    client.force_login(moderator)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Recent in de kennisbank" in page and "Nog een concept" not in page
    assert (
        f'value="kennisbank:{pinned.pk}"'
        in client.get(reverse("communities:pins", args=[group.slug])).content.decode()
    )


@needs("wendbaar.events", "events.Event")
def test_upcoming_bijeenkomsten_pinned_or_on_topic_show_on_the_group_page(client, group):
    Event = apps.get_model("events", "Event")
    skill = Skill.objects.create(code="klantcontact", name="klantcontact", source=Source.LOCAL)
    group.skills.add(skill)
    start = timezone.now() + timedelta(days=10)

    def event(title, starts_at, **fields):
        return Event.objects.create(
            title=title,
            description="Collega's vertellen over hun werk.",
            kind="regionaal",
            region="overijssel",
            venue="Stadskantoor, Zwolle",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=3),
            registration_deadline=starts_at - timedelta(days=1),
            capacity=30,
            audience="Medewerkers burgerzaken",
            **fields,
        )

    pinned = event("Burgerzakendag Zwolle", start)
    on_topic = event("Klantcontact in de regio", start + timedelta(days=1))
    on_topic.topics.add(skill)
    event("Iets anders", start + timedelta(days=2))
    past = event("Was vorige maand", timezone.now() - timedelta(days=30))
    past.topics.add(skill)
    services.pin(group, moderator_of(group), pinned)
    assert [str(e) for e in pins.upcoming_events(group)] == [
        "Burgerzakendag Zwolle",
        "Klantcontact in de regio",
    ]
    client.force_login(moderator_of(group))
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Komende bijeenkomsten" in page and "Was vorige maand" not in page and "Iets anders" not in page
