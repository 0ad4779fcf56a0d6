"""Pages, downloads, drafts, "lees meer" blocks, the admin by role, and the demo content."""

import io
import re
from datetime import timedelta

import feedparser
import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from tests.knowledge import factories as f
from wendbaar.accounts.models import Role
from wendbaar.knowledge import demo, services
from wendbaar.knowledge.models import Episode, Essay, News, PodcastSeries, Publication
from wendbaar.taxonomy.models import Occupation, Skill, Source

pytestmark = pytest.mark.django_db


def test_every_kind_has_a_page(client):
    book = f.publication(body="Eerste alinea.\n\nTweede <em>alinea</em>.")
    wnra = f.series()
    items = [book, f.essay(), f.news(), wnra, f.episode(wnra, 1)]
    for item in items:
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200, item
        assert item.title in response.content.decode()
    page = client.get(book.get_absolute_url()).content.decode()
    assert '<p class="utrecht-paragraph">Tweede &lt;em&gt;alinea&lt;/em&gt;.</p>' in page
    assert "Medewerkers van gemeenten krijgen een gedrukt exemplaar gratis" in page


def test_member_sees_the_free_offer_on_the_book_page(client):
    book = f.publication()
    client.force_login(f.user(organisation=f.municipality()))
    assert "Je werkt bij Gemeente Zwolle" in client.get(book.get_absolute_url()).content.decode()


def test_drafts_are_hidden_except_for_editors(client):
    draft = f.publication(is_published=False)
    future = f.news(published_at=timezone.now() + timedelta(days=1))
    for item in (draft, future):
        assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(f.user("team@example.nl", role=Role.PROGRAMMATEAM))
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "nog niet gepubliceerd" in page
    assert client.get(reverse("knowledge:order_create", args=[draft.slug])).status_code == 404


def test_download_serves_the_pdf_and_counts(client):
    book = f.publication(slug="digitaal-dichtbij")
    response = client.get(reverse("knowledge:publication_download", args=[book.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="digitaal-dichtbij.pdf"'
    assert b"".join(response.streaming_content) == f.PDF
    book.refresh_from_db()
    assert book.download_count == 1


def test_missing_file_is_a_404_not_an_error(client):
    book = f.publication()
    book.pdf.storage.delete(book.pdf.name)
    assert client.get(reverse("knowledge:publication_download", args=[book.slug])).status_code == 404
    assert client.get(book.get_absolute_url()).status_code == 200


def test_uploads_are_served_by_django_only_in_debug(client, settings):
    wnra = f.series()
    episode = f.episode(wnra, 1)
    settings.DEBUG = False
    assert client.get(episode.audio.url).status_code == 404
    settings.DEBUG = True
    response = client.get(episode.audio.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == f.MP3
    assert client.get("/media/kennisbank/../../secret_key").status_code in {400, 404}


@pytest.fixture
def tags():
    skill = Skill.objects.create(code="arbeidsrecht", name="arbeidsrecht", source=Source.STARTER)
    other = Skill.objects.create(
        code="integriteit-ambtenaar", name="ambtelijke integriteit", source=Source.STARTER
    )
    occupation = Occupation.objects.create(code="hr-adviseur", name="hr-adviseur", source=Source.STARTER)
    return skill, other, occupation


def test_related_items_rank_by_shared_tags(tags):
    skill, other, occupation = tags
    both = f.essay(title="Beide")
    both.skills.add(skill, other)
    one = f.publication(title="Eén")
    one.skills.add(skill)
    by_occupation = f.news(title="Beroep")
    by_occupation.occupations.add(occupation)
    hidden = f.news(title="Verborgen", is_published=False)
    hidden.skills.add(skill)
    assert [i.title for i in services.related_items(skills=[skill, other])] == ["Beide", "Eén"]
    assert [i.title for i in services.related_items(skills=Skill.objects.all(), occupations=occupation)] == [
        "Beide",
        "Eén",
        "Beroep",
    ]
    assert [i.title for i in services.related_items(occupations=[occupation.pk])] == ["Beroep"]
    assert services.related_items() == []
    assert len(services.related_items(skills=skill, limit=1)) == 1


def test_read_more_tag_renders_a_block_or_nothing(tags):
    skill, other, _ = tags
    template = Template("{% load knowledge %}{% read_more skills=skills %}")
    assert template.render(Context({"skills": [other]})).strip() == ""
    f.essay(title="Over arbeidsrecht").skills.add(skill)
    html = template.render(Context({"skills": [skill]}))
    assert "Lees meer in de kennisbank" in html and "Over arbeidsrecht" in html
    assert 'aria-labelledby="lees-meer"' in html


def test_read_more_appears_on_skill_and_occupation_pages(client, tags):
    skill, _, occupation = tags
    f.essay(title="Over arbeidsrecht").skills.add(skill)
    f.news(title="Voor hr-adviseurs").occupations.add(occupation)
    assert "Over arbeidsrecht" in client.get(skill.get_absolute_url()).content.decode()
    assert "Voor hr-adviseurs" in client.get(occupation.get_absolute_url()).content.decode()


def test_kennisbank_admin_admits_by_role(client):
    index = reverse("knowledge_admin:index")
    response = client.get(index)
    assert response.status_code == 302 and reverse("accounts:login") in client.get(response["Location"]).url
    client.force_login(f.user("petra@example.nl"))
    assert client.get(index, follow=True).status_code == 403
    client.force_login(f.user("team@example.nl", role=Role.PROGRAMMATEAM))
    page = client.get(index).content.decode()
    assert "Publicaties" in page and "Bestellingen gedrukte exemplaren" not in page
    client.force_login(f.user("beheer@example.nl", role=Role.BEHEERDER))
    assert "Bestellingen gedrukte exemplaren" in client.get(index).content.decode()


def test_tag_autocomplete_works_in_the_kennisbank_admin(client, tags):
    client.force_login(f.user("team@example.nl", role=Role.PROGRAMMATEAM))
    response = client.get(
        reverse("knowledge_admin:autocomplete"),
        {"term": "arbeid", "app_label": "knowledge", "model_name": "publication", "field_name": "skills"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["arbeidsrecht"]


def test_nav_has_the_kennisbank(client):
    page = client.get(reverse("knowledge:index")).content.decode()
    assert re.search(r'href="/kennisbank/" aria-current="page">Kennisbank</a>', page)


def test_demo_content_loads_twice_without_duplicates(settings):
    call_command("taxonomy", "starter", stdout=io.StringIO())
    out = io.StringIO()
    demo.load(out)
    demo.load(out)
    assert Publication.objects.count() == 1 and Essay.objects.count() == 1
    assert PodcastSeries.objects.count() == 1 and Episode.objects.count() == 6 and News.objects.count() == 2
    assert "niet gevonden" not in out.getvalue()
    book = Publication.objects.get()
    assert book.skills.filter(code="digitale-overheid").exists()
    assert list((settings.MEDIA_ROOT / "kennisbank" / "podcasts").glob("*.mp3")).__len__() == 6


def test_demo_pdf_is_structurally_valid():
    data = demo.make_pdf([["Titel", "Een regel met (haakjes) en é."], ["Tweede pagina"]], title="Test")
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    startxref = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[startxref:].startswith(b"xref")
    entries = data[startxref:].split(b"\n")[3:]
    offsets = [int(line[:10]) for line in entries if line.endswith(b" n ")]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj".encode())
    assert b"/Count 2" in data


def test_demo_feed_parses(client):
    call_command("taxonomy", "starter", stdout=io.StringIO())
    demo.load(io.StringIO())
    parsed = feedparser.parse(client.get(reverse("knowledge:series_feed", args=["gewoon-werknemer"])).content)
    assert not parsed.bozo and len(parsed.entries) == 6
    assert {e.enclosures[0].type for e in parsed.entries} == {"audio/mpeg"}


def test_admin_forms_open_for_every_kind(client):
    wnra = f.series()
    items = [f.publication(), f.essay(), f.news(), wnra, f.episode(wnra, 1)]
    client.force_login(f.user("team@example.nl", role=Role.PROGRAMMATEAM))
    for item in items:
        name = item._meta.model_name
        assert client.get(reverse(f"knowledge_admin:knowledge_{name}_add")).status_code == 200, name
        change = client.get(reverse(f"knowledge_admin:knowledge_{name}_change", args=[item.pk]))
        assert change.status_code == 200, name
    episode_form = client.get(reverse("knowledge_admin:knowledge_episode_add")).content.decode()
    assert "Shownotes" in episode_form
