"""Search across posts: finds by title and text, ranks title hits first, keeps to a limit — and never returns
closed-group posts to non-members or hidden posts to anyone but the group's moderators."""

import pytest
from django.urls import reverse

from tests.communities.factories import UserFactory, add_member, answer, make_group, question
from wendbaar.communities import search, services
from wendbaar.communities.models import Access

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    mod_open = UserFactory(name="Otto Open")
    mod_closed = UserFactory(name="Clara Besloten")
    member = UserFactory(name="Petra de Vries")
    outsider = UserFactory(name="Olga Buiten")
    open_group = make_group("Burgerzaken", moderator=mod_open, members=[member])
    closed_group = make_group(
        "Van balie naar zorg", access=Access.CLOSED, moderator=mod_closed, members=[member]
    )
    open_thread = question(
        open_group, member, title="Paspoort aanvragen", body="Hoe lang duurt een paspoort?"
    )
    answer(open_thread, mod_open, body="Vijf werkdagen voor een gewoon paspoort.")
    closed_thread = question(
        closed_group, member, title="Stage in de thuiszorg", body="Mijn paspoort ligt al klaar."
    )
    hidden_open = answer(open_thread, mod_open, body="Paspoort verloren? Bel mij op 06-12345678.")
    services.hide(hidden_open, mod_open, "Telefoonnummer")
    hidden_closed = answer(closed_thread, mod_closed, body="Paspoort-grap die niet kan.")
    services.hide(hidden_closed, mod_closed, "Niet gepast")
    return {
        "mod_open": mod_open,
        "mod_closed": mod_closed,
        "member": member,
        "outsider": outsider,
        "closed": closed_group,
        "hidden_open": hidden_open,
        "hidden_closed": hidden_closed,
    }


def bodies(user, query, **kwargs):
    return {post.body for post in search.search(user, query, **kwargs).posts}


def test_outsider_finds_open_posts_only(world):
    found = bodies(world["outsider"], "paspoort")
    assert found == {"Hoe lang duurt een paspoort?", "Vijf werkdagen voor een gewoon paspoort."}


def test_member_finds_closed_group_posts_too_but_no_hidden_ones(world):
    found = bodies(world["member"], "paspoort")
    assert "Mijn paspoort ligt al klaar." in found
    assert not any("06-12345678" in b or "grap" in b for b in found)


def test_moderators_find_hidden_posts_of_their_own_group_only(world):
    assert "Paspoort verloren? Bel mij op 06-12345678." in bodies(world["mod_open"], "paspoort")
    assert not any("grap" in b for b in bodies(world["mod_open"], "paspoort"))
    found = bodies(world["mod_closed"], "paspoort")
    assert (
        "Paspoort-grap die niet kan." in found and "Paspoort verloren? Bel mij op 06-12345678." not in found
    )


def test_removed_member_stops_finding_closed_posts(world):
    services.remove_member(world["closed"], world["mod_closed"], world["member"])
    assert "Mijn paspoort ligt al klaar." not in bodies(world["member"], "paspoort")


def test_every_word_must_match_and_title_hits_rank_first(world):
    member = world["member"]
    assert bodies(member, "paspoort werkdagen") == {"Vijf werkdagen voor een gewoon paspoort."}
    ranked = search.search(member, "paspoort").posts
    assert ranked[0].thread.title == "Paspoort aanvragen" and ranked[0].is_opening
    assert bodies(member, "PASPOORT") == bodies(member, "paspoort")
    assert bodies(member, "thuiszorg") == {"Mijn paspoort ligt al klaar."}  # by the topic's title


def test_filter_by_group_and_odd_input(world):
    member = world["member"]
    assert bodies(member, "paspoort", group=world["closed"]) == {"Mijn paspoort ligt al klaar."}
    assert bodies(member, "") == set() and bodies(member, "a") == set()
    assert bodies(member, "100%") == set() and bodies(member, "_") == set()
    assert search.words("een  een, Een twee ! drie") == ["een", "twee", "drie"]


def test_results_are_limited(world):
    group = make_group("KCC", moderator=world["mod_open"])
    add_member(group, world["member"])
    thread = question(group, world["member"], title="Veel", body="zoekwoord")
    for n in range(12):
        answer(thread, world["mod_open"], body=f"zoekwoord {n}")
    results = search.search(world["member"], "zoekwoord", limit=10)
    assert len(results.posts) == 10 and results.more


def test_search_page(client, world):
    client.force_login(world["outsider"])
    response = client.get(reverse("communities:search"), {"q": "paspoort"})
    page = response.content.decode()
    assert "2 berichten gevonden" in page and "Paspoort aanvragen" in page
    assert "Stage in de thuiszorg" not in page and "06-12345678" not in page
    # A closed group cannot be chosen by an outsider, and choosing it anyway finds nothing.
    assert "Van balie naar zorg" not in page
    response = client.get(reverse("communities:search"), {"q": "paspoort", "groep": world["closed"].slug})
    assert response.context["results"] is None or not response.context["results"].posts
