"""The notifications page, the unread badge in the header, and the e-mail settings (bad input refused)."""

import re

import pytest
from django.urls import reverse

from tests.communities.factories import answer, make_group, question
from tests.notifications.factories import EVENT, UserFactory, event_news
from wendbaar.notifications import registry
from wendbaar.notifications.models import EmailPreference, Notification
from wendbaar.notifications.registry import Email
from wendbaar.notifications.services import email_choices, notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def petra():
    return UserFactory(name="Petra de Vries", email="petra@example.nl")


def header(client, path="/"):
    html = client.get(path).content.decode()
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def badge(client):
    found = re.search(r'href="/meldingen/"[^>]*>Meldingen(.*?)</a>', header(client), re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_the_header_counts_unread_notifications(client, petra):
    client.force_login(petra)
    assert badge(client) == ""
    event_news(petra)
    event_news(petra, text="Nog een plek vrij.")
    assert badge(client) == "(2 nieuw)"  # the link reads "Meldingen (2 nieuw)"
    client.post(reverse("notifications:read_all"))
    assert badge(client) == ""


def test_the_badge_does_not_count_what_someone_may_no_longer_see(client, petra):
    mona = UserFactory(name="Mona Moderator")
    group = make_group("Van balie naar zorg", access="besloten", moderator=mona, members=[petra])
    thread = question(group, petra, title="Zorgopleiding")
    answer(thread, mona)
    client.force_login(petra)
    assert badge(client) == "(1 nieuw)"
    group.memberships.filter(user=petra).delete()
    assert badge(client) == ""
    assert "Zorgopleiding" not in client.get(reverse("notifications:list")).content.decode()


def test_the_list_newest_first_with_a_filter_per_group(client, petra):
    event_news(petra, text="Eerst dit.")
    notify(petra, "events.gesprek", text="Je gesprek is verzet.", url="/gesprekken/1/")
    client.force_login(petra)
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.index("Je gesprek is verzet.") < page.index("Eerst dit.")
    assert page.count('<span class="tag">nieuw</span>') == 2
    only_events = client.get(reverse("notifications:list"), {"groep": "bijeenkomsten"}).content.decode()
    assert "Eerst dit." in only_events and "Je gesprek is verzet." not in only_events
    assert "Je e-mail hierover: Direct: een e-mail bij elke melding" in only_events
    # An unknown group shows everything rather than an error.
    assert "Eerst dit." in client.get(reverse("notifications:list"), {"groep": "<script>"}).content.decode()


def test_opening_marks_read_and_goes_where_it_points(client, petra):
    notification = event_news(petra)
    client.force_login(petra)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == "/bijeenkomsten/wendbaar-in-zwolle/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_link_elsewhere_is_never_followed(client, petra):
    notification = notify(petra, EVENT, text="Kijk hier.", url="https://kwaadwillend.example/")
    client.force_login(petra)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications:list")


def test_one_without_a_link_is_marked_read_with_a_button(client, petra):
    notification = notify(petra, EVENT, text="De bijeenkomst in Zwolle gaat niet door.")
    client.force_login(petra)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Op gelezen zetten" in page
    response = client.post(reverse("notifications:read", args=[notification.pk]), {"groep": "bijeenkomsten"})
    assert response["Location"] == "/meldingen/?groep=bijeenkomsten"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_is_not_found(client, petra):
    notification = event_news(petra)
    client.force_login(UserFactory())
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    assert client.post(reverse("notifications:read", args=[notification.pk])).status_code == 404
    client.post(reverse("notifications:read_all"))
    notification.refresh_from_db()
    assert notification.read_at is None


def test_pages_need_signing_in(client):
    for name in ("notifications:list", "notifications:settings"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_the_settings_page_shows_every_group_with_its_current_choice(client, petra):
    EmailPreference.objects.create(user=petra, group="beroepsgroepen", email=Email.WEEKLY)
    client.force_login(petra)
    page = client.get(reverse("notifications:settings")).content.decode()
    for group in registry.groups():
        assert f'name="{group.key}"' in page
    assert re.search(r'name="beroepsgroepen" value="wekelijks"[^>]*checked', page)
    assert re.search(r'name="bijeenkomsten" value="direct"[^>]*checked', page)  # the group's default


def test_settings_are_saved(client, petra):
    client.force_login(petra)
    data = {group.key: Email.NONE for group in registry.groups()}
    data["beroepsgroepen"] = Email.WEEKLY
    response = client.post(reverse("notifications:settings"), data, follow=True)
    assert "Je keuzes zijn bewaard." in response.content.decode()
    assert email_choices(petra)["beroepsgroepen"] == Email.WEEKLY
    assert email_choices(petra)["bijeenkomsten"] == Email.NONE


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"beroepsgroepen": "elk-uur"}, "Selecteer een geldige keuze"),
        ({"beroepsgroepen": ""}, "Dit veld is verplicht"),
        ({"bijeenkomsten": "DIRECT"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_in_the_settings_is_refused_and_changes_nothing(client, petra, change, message):
    client.force_login(petra)
    before = email_choices(petra)
    data = {group.key: Email.NONE for group in registry.groups()} | change
    response = client.post(reverse("notifications:settings"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and 'role="alert"' in page
    assert email_choices(petra) == before  # the valid choices in the same form were not saved either
    assert not EmailPreference.objects.filter(user=petra).exists()


def test_events_pages_show_their_own_news_and_link_to_all(client, petra):
    event_news(petra)
    notify(petra, "events.gesprek", text="Je gesprek is verzet.")
    client.force_login(petra)
    page = client.get(reverse("events:mine")).content.decode()
    assert "Er is een plek vrijgekomen" in page and "Je gesprek is verzet." not in page
    assert reverse("notifications:list") in page
    # Shown there counts as read.
    assert Notification.objects.get(kind=EVENT).read_at is not None


def test_a_notification_is_its_persons_own(petra):
    notification = event_news(petra)
    assert petra.has_perm("notifications.view_notification", notification)
    assert petra.has_perm("notifications.change_notification", notification)
    assert not UserFactory(is_superuser=True).has_perm("notifications.view_notification", notification)
