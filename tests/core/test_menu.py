"""The main menu in the header: which links who gets, and which one is the current page."""

import re

import pytest
from django.urls import reverse

from wendbaar.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def menu(client, path) -> list[tuple[str, str, bool]]:
    html = client.get(path).content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return [
        (label.strip(), href, bool(current))
        for href, current, label in re.findall(
            r'<a class="utrecht-link" href="([^"]+)"( aria-current="page")?>([^<]+)', nav
        )
    ]


def test_visitors_get_the_public_links_and_a_way_in(client):
    links = menu(client, reverse("knowledge:index"))
    assert [label for label, _href, _current in links] == [
        "Beroepen",
        "Vaardigheden",
        "Bijeenkomsten",
        "Gesprekken",
        "Beroepsgroepen",
        "Leren",
        "Kennisbank",
        "Inloggen",
        "Account maken",
    ]
    assert [(label, href) for label, href, current in links if current] == [
        ("Kennisbank", reverse("knowledge:index"))
    ]


def test_signed_in_people_get_their_own_links_and_only_staff_get_inzicht(client):
    person = User.objects.create_user("petra@example.nl", "een-lang-wachtwoord", name="Petra")
    client.force_login(person)
    labels = [label for label, _href, _current in menu(client, reverse("notifications:list"))]
    assert {"Mijn wendbaar", "Meldingen", "Verkennen", "Kansen", "Mijn account"} <= set(labels)
    assert "Inloggen" not in labels and "Inzicht" not in labels
    current = [
        label for label, _href, is_current in menu(client, reverse("notifications:list")) if is_current
    ]
    assert current == ["Meldingen"]

    staff = User.objects.create_user(
        "team@example.nl", "een-lang-wachtwoord", name="Team", role=Role.PROGRAMMATEAM
    )
    client.force_login(staff)
    links = menu(client, reverse("knowledge:index"))
    assert ("Inzicht", reverse("insight:index"), False) in links


def test_the_menu_speaks_the_chosen_language(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    labels = [label for label, _href, _current in menu(client, reverse("knowledge:index"))]
    assert labels[0] == "Occupations" and labels[-2] == "Log in"


def test_the_inzicht_link_follows_a_new_or_ended_hr_role_at_once(client):
    from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind

    hr = User.objects.create_user("hr@example.nl", "een-lang-wachtwoord", name="HR")
    client.force_login(hr)
    assert "Inzicht" not in [label for label, _h, _c in menu(client, reverse("knowledge:index"))]
    municipality = Organisation.objects.create(
        name="Gemeente Zaanstad", slug="zaanstad", kind=OrganisationKind.GEMEENTE
    )
    membership = Membership.objects.create(user=hr, organisation=municipality, role=MembershipRole.BEHEERDER)
    assert "Inzicht" in [label for label, _h, _c in menu(client, reverse("knowledge:index"))]
    membership.delete()
    assert "Inzicht" not in [label for label, _h, _c in menu(client, reverse("knowledge:index"))]
