"""The podcast feed parses with feedparser and has the RSS 2.0 structure with iTunes tags."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from django.urls import reverse

from tests.knowledge import factories as f

pytestmark = pytest.mark.django_db
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def series():
    wnra = f.series(title="Gewoon werknemer", summary="Zes gesprekken over de Wnra.")
    for number in range(1, 7):
        f.episode(wnra, number, duration=timedelta(hours=number // 6, minutes=25 + number, seconds=7))
    f.episode(wnra, 7, f.M4A, name="extra.m4a", title="Bonus in M4A")
    f.episode(wnra, 8, is_published=False, title="Nog niet klaar")
    return wnra, f.M4A


def get_feed(client, wnra):
    response = client.get(reverse("knowledge:series_feed", args=[wnra.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return response.content


def test_feedparser_reads_every_published_episode(client, series):
    wnra, m4a = series
    parsed = feedparser.parse(get_feed(client, wnra))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Gewoon werknemer"
    assert parsed.feed.link.endswith(wnra.get_absolute_url())
    assert parsed.feed.tags[0].term == "Government"
    assert parsed.feed.itunes_type == "episodic"
    assert parsed.feed.image.href.endswith(".png")
    assert len(parsed.entries) == 7  # the draft is left out
    by_title = {entry.title: entry for entry in parsed.entries}
    assert "Nog niet klaar" not in by_title
    first = by_title["Aflevering 1"]
    assert first.itunes_duration == "00:26:07"
    assert first.itunes_episode == "1"
    enclosure = first.enclosures[0]
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == len(f.MP3)
    assert enclosure.href.startswith("http://testserver/media/kennisbank/podcasts/")
    sixth = by_title["Aflevering 6"]
    assert sixth.itunes_duration == "01:31:07"
    bonus = by_title["Bonus in M4A"]
    assert bonus.enclosures[0].type == "audio/mp4"
    assert int(bonus.enclosures[0].length) == len(m4a)
    # Newest episode first, as podcast apps expect.
    assert [e.itunes_episode for e in parsed.entries] == ["7", "6", "5", "4", "3", "2", "1"]


def test_feed_has_the_rss_2_structure(client, series):
    wnra, _ = series
    root = ET.fromstring(get_feed(client, wnra))  # noqa: S314 — our own feed
    assert root.tag == "rss" and root.get("version") == "2.0"
    channels = root.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for required in ("title", "link", "description"):
        element = channel.find(required)
        assert element is not None and element.text, required
    assert channel.find("language").text == "nl"
    assert channel.find(f"{ATOM}link").get("rel") == "self"
    assert channel.find(f"{ITUNES}author").text == "Noor Willems"
    assert channel.find(f"{ITUNES}category").get("text")
    assert channel.find(f"{ITUNES}image").get("href").startswith("http")
    assert channel.find(f"{ITUNES}explicit").text in {"true", "false"}
    assert channel.find(f"{ITUNES}owner/{ITUNES}email").text == "kennisbank@example.nl"
    items = channel.findall("item")
    assert len(items) == 7
    guids = set()
    for item in items:
        # RSS 2.0: an item has a title or a description; ours have both.
        assert item.find("title").text and item.find("description").text
        parsedate_to_datetime(item.find("pubDate").text)  # RFC 822 date
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false" and guid.text not in guids
        guids.add(guid.text)
        enclosures = item.findall("enclosure")
        assert len(enclosures) == 1
        enclosure = enclosures[0]
        assert enclosure.get("url").startswith("http://")
        assert enclosure.get("length").isdigit() and int(enclosure.get("length")) > 0
        assert enclosure.get("type") in {"audio/mpeg", "audio/mp4"}
        duration = item.find(f"{ITUNES}duration").text
        hours, minutes, seconds = (int(part) for part in duration.split(":"))
        assert 0 <= minutes < 60 and 0 <= seconds < 60 and hours >= 0


def test_unpublished_series_has_no_feed(client):
    draft = f.series(is_published=False)
    f.episode(draft, 1)
    assert client.get(reverse("knowledge:series_feed", args=[draft.slug])).status_code == 404


def test_episode_page_has_an_audio_player_with_transcript(client, series):
    wnra, _ = series
    episode = wnra.episodes.get(number=2)
    episode.transcript = "Noor: Welkom bij de tweede aflevering."
    episode.guests = "Kees Janssen"
    episode.save()
    page = client.get(episode.get_absolute_url()).content.decode()
    assert '<audio class="audio-player__audio" controls preload="metadata">' in page
    assert f'<source src="{episode.audio.url}" type="audio/mpeg">' in page
    assert (
        "<figcaption" in page and "Uitgeschreven tekst" in page and "Welkom bij de tweede aflevering" in page
    )
    assert "27 minuten" in page and "Kees Janssen" in page
    assert "Vorige: aflevering 1" in page and "Volgende: aflevering 3" in page


def test_series_page_lists_episodes_and_links_the_feed(client, series):
    wnra, _ = series
    page = client.get(wnra.get_absolute_url()).content.decode()
    assert page.count('class="episode-list__item"') == 7
    assert reverse("knowledge:series_feed", args=[wnra.slug]) in page
    assert "Nog niet klaar" not in page
