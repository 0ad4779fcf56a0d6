"""Bijeenkomsten and the kennisbank through the API: published content only, with the same search."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.conftest import assert_problem, person
from tests.knowledge import factories as f
from wendbaar.events.models import Event, EventKind, Registration, RegistrationStatus
from wendbaar.taxonomy.models import Skill, Source


def event(title, days, published=True, capacity=10, **fields):
    starts = timezone.now() + timedelta(days=days)
    return Event.objects.create(
        title=title,
        description="Een middag over je loopbaan.",
        kind=fields.pop("kind", EventKind.REGIONAL),
        region=fields.pop("region", "overijssel"),
        venue="Stadskantoor, Zwolle",
        online_url=fields.pop("online_url", ""),
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        registration_deadline=starts - timedelta(days=1 if days > 1 else 0),
        capacity=capacity,
        audience="Medewerkers burgerzaken",
        is_published=published,
        **fields,
    )


def test_events_list_only_what_is_published_with_places_left(api, db):
    soon = event("Regiodag Zwolle", 5, capacity=2)
    event("Webinar data", 12, kind=EventKind.WEBINAR, region="online", online_url="https://example.nl/geheim")
    draft = event("Nog een concept", 8, published=False)
    past = event("Was vorige maand", -30)
    Registration.objects.create(
        event=soon,
        user=person("a@zwolle.nl", "A"),
        status=RegistrationStatus.CONFIRMED,
        queued_at=timezone.now(),
    )

    upcoming = api.get("/api/v1/events/").json()["results"]
    assert [e["title"] for e in upcoming] == ["Regiodag Zwolle", "Webinar data"]
    assert upcoming[0]["places_left"] == 1 and upcoming[0]["registration_open"] is True
    assert all("online_url" not in e for e in upcoming)  # the link is for people with a place
    assert upcoming[1]["is_online"] is True

    assert [e["title"] for e in api.get("/api/v1/events/", params={"when": "past"}).json()["results"]] == [
        "Was vorige maand"
    ]
    webinars = api.get("/api/v1/events/", params={"kind": "webinar"}).json()["results"]
    assert [e["title"] for e in webinars] == ["Webinar data"]
    in_range = api.get(
        "/api/v1/events/", params={"starts_from": (timezone.localdate() + timedelta(days=10)).isoformat()}
    ).json()["results"]
    assert [e["title"] for e in in_range] == ["Webinar data"]

    detail = api.get(f"/api/v1/events/{soon.slug}/").json()
    assert detail["description"] == "Een middag over je loopbaan." and detail["ics_url"].endswith(
        "agenda.ics"
    )
    assert_problem(api.get(f"/api/v1/events/{draft.slug}/"), 404, "not_found")
    assert api.get(f"/api/v1/events/{past.slug}/").status_code == 200
    assert_problem(api.get("/api/v1/events/", params={"starts_from": "0001-01-01"}), 400, "invalid")


@pytest.fixture
def kennisbank(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path / "media"
    skill = Skill.objects.create(code="digitale-overheid", name="digitale overheid", source=Source.STARTER)
    book = f.publication(
        title="Digitaal dichtbij", slug="digitaal-dichtbij", summary="Over de digitalisering van gemeenten."
    )
    book.skills.add(skill)
    f.essay(
        title="Aan de keukentafel", slug="aan-de-keukentafel", summary="Ambtenaren die met inwoners werken."
    )
    f.news(title="Nog niet te zien", slug="geheim-nieuws", is_published=False)
    series = f.series(title="Gewoon werknemer", slug="gewoon-werknemer")
    f.episode(series, 1, slug="gewoon-werknemer-1", title="De Wnra, deel 1", guests="Noor")
    return book


def test_kennisbank_search_filters_and_kind_specific_details(api, kennisbank):
    everything = api.get("/api/v1/knowledge/").json()
    slugs = {item["slug"] for item in everything["results"]}
    assert "geheim-nieuws" not in slugs and {"digitaal-dichtbij", "gewoon-werknemer-1"} <= slugs

    found = api.get("/api/v1/knowledge/", params={"q": "digitaliseringen"}).json()["results"]  # inflected
    assert [item["slug"] for item in found] == ["digitaal-dichtbij"]
    tagged = api.get("/api/v1/knowledge/", params={"skill": "digitale-overheid"}).json()["results"]
    assert [item["slug"] for item in tagged] == ["digitaal-dichtbij"]
    essays = api.get("/api/v1/knowledge/", params={"kind": "essay"}).json()["results"]
    assert [item["slug"] for item in essays] == ["aan-de-keukentafel"]

    book = api.get("/api/v1/knowledge/digitaal-dichtbij/").json()
    assert book["kind"] == "publicatie" and book["essay"] is None and book["episode"] is None
    assert book["publication"]["download_url"].endswith("/kennisbank/publicaties/digitaal-dichtbij/download/")
    assert api.get(book["publication"]["download_url"]).headers["Content-Type"] == "application/pdf"
    assert [s["code"] for s in book["skills"]] == ["digitale-overheid"]

    episode = api.get("/api/v1/knowledge/gewoon-werknemer-1/").json()
    assert episode["episode"]["series"]["slug"] == "gewoon-werknemer" and episode["episode"]["number"] == 1
    series = api.get("/api/v1/knowledge/gewoon-werknemer/").json()
    assert [e["slug"] for e in series["podcast"]["episodes"]] == ["gewoon-werknemer-1"]
    assert series["podcast"]["feed_url"].endswith("/feed.xml")
    assert_problem(api.get("/api/v1/knowledge/geheim-nieuws/"), 404, "not_found")
