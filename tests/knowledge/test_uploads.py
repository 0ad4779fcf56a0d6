"""Uploads are checked by content (magic bytes), name and size, with clear Dutch messages."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.knowledge import factories as f
from wendbaar.accounts.models import Role
from wendbaar.knowledge.models import Publication
from wendbaar.knowledge.uploads import UploadValidator, detect

pytestmark = pytest.mark.django_db


def upload(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    "data, kind",
    [
        (f.PDF, "pdf"),
        (f.PNG, "png"),
        (f.JPEG, "jpeg"),
        (f.MP3, "mp3"),
        (b"ID3\x04\x00" + bytes(20), "mp3"),
        (f.M4A, "m4a"),
        (b"GIF89a", None),
        (b"<html>", None),
        (b"", None),
        (b"\x00\x00\x00\x18ftypisom", "m4a"),
        (b"\x00\x00\x00\x18ftypqt  ", None),
    ],
)
def test_detect_reads_the_first_bytes(data, kind):
    assert detect(data[:16]) == kind


@pytest.mark.parametrize(
    "purpose, name, data",
    [
        ("pdf", "boek.pdf", f.PDF),
        ("audio", "a.mp3", f.MP3),
        ("audio", "a.M4A", f.M4A),
        ("image", "c.png", f.PNG),
        ("image", "c.jpg", f.JPEG),
        ("image", "c.jpeg", f.JPEG),
    ],
)
def test_right_files_pass(purpose, name, data):
    UploadValidator(purpose)(upload(name, data))


@pytest.mark.parametrize(
    "purpose, name, data, message",
    [
        ("pdf", "boek.pdf", f.PNG, "Dit is geen pdf-bestand"),  # a renamed image
        ("pdf", "boek.docx", f.PDF, "Dit is geen pdf-bestand"),  # a PDF with the wrong name
        ("audio", "a.mp3", f.M4A, "Dit is geen MP3- of M4A-bestand"),  # name and content disagree
        ("audio", "a.wav", b"RIFF\x00\x00\x00\x00WAVEfmt ", "Dit is geen MP3- of M4A-bestand"),
        ("audio", "a.mp3", f.PDF, "Dit is geen MP3- of M4A-bestand"),
        ("image", "c.png", f.JPEG, "Dit is geen JPEG- of PNG-afbeelding"),
        ("image", "c.gif", b"GIF89a" + bytes(20), "Dit is geen JPEG- of PNG-afbeelding"),
    ],
)
def test_wrong_files_are_refused(purpose, name, data, message):
    with pytest.raises(ValidationError) as refused:
        UploadValidator(purpose)(upload(name, data))
    assert message in refused.value.messages[0]


def test_size_limit_comes_from_settings(settings):
    settings.KNOWLEDGE_MAX_IMAGE_MB = 1
    big = upload("c.png", f.PNG + bytes(1024 * 1024))
    with pytest.raises(ValidationError) as refused:
        UploadValidator("image")(big)
    assert refused.value.messages == ["Dit bestand is te groot (1,0 MB). Het mag hoogstens 1 MB zijn."]
    settings.KNOWLEDGE_MAX_IMAGE_MB = 2
    UploadValidator("image")(big)


def admin_form(**overrides):
    return {
        "title": "Nieuw boek",
        "slug": "nieuw-boek",
        "summary": "Een samenvatting.",
        "body": "",
        "authors": "Iemand",
        "year": "2025",
        "pages": "",
        "isbn": "",
        "cover_alt": "",
        "can_order_print": "on",
        "print_price": "25.00",
        "shipping": "4.95",
        "vat_rate": "9.00",
        "is_published": "on",
        "published_at_0": "2025-09-01",
        "published_at_1": "09:00:00",
        **overrides,
    }


def test_editor_uploads_through_the_kennisbank_admin(client, media_root):
    client.force_login(f.user("team@example.nl", role=Role.PROGRAMMATEAM))
    add = reverse("knowledge_admin:knowledge_publication_add")
    refused = client.post(add, admin_form(pdf=upload("boek.pdf", f.PNG), cover=upload("omslag.png", f.PNG)))
    assert refused.status_code == 200
    assert "Dit is geen pdf-bestand" in refused.content.decode()
    assert not Publication.objects.exists()
    assert not list(media_root.rglob("*.pdf"))

    accepted = client.post(add, admin_form(pdf=upload("boek.pdf", f.PDF), cover=upload("omslag.png", f.PNG)))
    assert accepted.status_code == 302, accepted.content.decode()[:2000]
    book = Publication.objects.get()
    assert book.pdf.name.startswith("kennisbank/publicaties/")
    assert (media_root / book.pdf.name).read_bytes() == f.PDF


def test_shipping_cannot_exceed_the_price(client):
    client.force_login(f.user("team@example.nl", role=Role.PROGRAMMATEAM))
    response = client.post(
        reverse("knowledge_admin:knowledge_publication_add"),
        admin_form(pdf=upload("boek.pdf", f.PDF), print_price="3.00", shipping="4.95"),
    )
    assert "kunnen dus niet hoger zijn" in response.content.decode()
    assert not Publication.objects.exists()


def test_episode_records_size_and_type_of_its_audio():
    wnra = f.series()
    mp3 = f.episode(wnra, 1)
    m4a = f.episode(wnra, 2, f.M4A, name="twee.m4a")
    assert (mp3.audio_type, mp3.audio_bytes) == ("audio/mpeg", len(f.MP3))
    assert (m4a.audio_type, m4a.audio_bytes) == ("audio/mp4", len(f.M4A))
