"""Small builders for kennisbank tests: items with real (tiny) files, users with or without a municipality."""

import itertools
from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from wendbaar.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from wendbaar.knowledge.demo import make_pdf, make_png, silent_mp3
from wendbaar.knowledge.models import Episode, Essay, EssayGenre, News, PodcastSeries, Publication

PASSWORD = "lente-in-zwolle-2026"
_numbers = itertools.count(1)

PDF = make_pdf([["Testboek", "Een regel tekst."]], title="Testboek")
PNG = make_png(4, 4, (0, 0, 0), (255, 255, 255))
MP3 = silent_mp3(1)
# An ISO media header with the M4A brand, followed by nothing useful: enough for type detection.
M4A = b"\x00\x00\x00\x18ftypM4A \x00\x00\x02\x00isomiso2" + bytes(64)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32)


def _slug(prefix):
    return f"{prefix}-{next(_numbers)}"


def publication(**fields) -> Publication:
    defaults = {
        "title": "Digitaal dichtbij",
        "summary": "Een boek over digitalisering bij gemeenten.",
        "body": "",
        "authors": "Marieke van Dalen",
        "year": 2025,
        "is_published": True,
        "published_at": timezone.now() - timedelta(days=1),
        "print_price": Decimal("25.00"),
        "shipping": Decimal("4.95"),
        "vat_rate": Decimal("9.00"),
    }
    defaults.update(fields)
    defaults.setdefault("slug", _slug("boek"))
    item = Publication(**defaults)
    if not item.pdf:
        item.pdf.save(f"{item.slug}.pdf", ContentFile(PDF), save=False)
    item.save()
    return item


def essay(**fields) -> Essay:
    defaults = {
        "title": "Aan de keukentafel",
        "summary": "Over ambtenaren die met inwoners werken.",
        "genre": EssayGenre.ESSAY,
        "authors": "Ilse Hoekstra",
        "year": 2025,
        "is_published": True,
        "published_at": timezone.now() - timedelta(days=1),
    }
    defaults.update(fields)
    defaults.setdefault("slug", _slug("essay"))
    return Essay.objects.create(**defaults)


def news(**fields) -> News:
    defaults = {
        "title": "Nieuws",
        "summary": "Een bericht.",
        "is_published": True,
        "published_at": timezone.now() - timedelta(days=1),
    }
    defaults.update(fields)
    defaults.setdefault("slug", _slug("nieuws"))
    return News.objects.create(**defaults)


def series(**fields) -> PodcastSeries:
    defaults = {
        "title": "Gewoon werknemer",
        "summary": "Een podcast over de Wnra.",
        "host": "Noor Willems",
        "owner_name": "Programmateam",
        "owner_email": "kennisbank@example.nl",
        "is_published": True,
        "published_at": timezone.now() - timedelta(days=30),
    }
    defaults.update(fields)
    defaults.setdefault("slug", _slug("podcast"))
    item = PodcastSeries(**defaults)
    item.cover.save(f"{item.slug}.png", ContentFile(PNG), save=False)
    item.save()
    return item


def episode(series_, number, audio=MP3, name=None, **fields) -> Episode:
    defaults = {
        "title": f"Aflevering {number}",
        "summary": f"Samenvatting van aflevering {number}.",
        "duration": timedelta(minutes=30 + number, seconds=5),
        "is_published": True,
        "published_at": timezone.now() - timedelta(days=30 - number),
    }
    defaults.update(fields)
    defaults.setdefault("slug", _slug("aflevering"))
    item = Episode(series=series_, number=number, **defaults)
    item.audio.save(name or f"{item.slug}.mp3", ContentFile(audio), save=False)
    item.save()
    return item


def municipality(name="Gemeente Zwolle") -> Organisation:
    return Organisation.objects.create(
        name=name, slug=name.lower().replace(" ", "-"), kind=OrganisationKind.GEMEENTE, sector="gemeente"
    )


def other_organisation(name="Zorggroep De Linde") -> Organisation:
    return Organisation.objects.create(
        name=name, slug=name.lower().replace(" ", "-"), kind=OrganisationKind.ANDERE_SECTOR, sector="zorg"
    )


def user(email="petra@example.nl", organisation=None, role=Role.MEDEWERKER, **fields) -> User:
    person = User.objects.create_user(
        email, PASSWORD, name=fields.pop("name", "Petra de Vries"), role=role, **fields
    )
    if organisation is not None:
        Membership.objects.create(user=person, organisation=organisation)
    return person


ADDRESS = {
    "name": "Petra de Vries",
    "email": "petra@example.nl",
    "organisation_name": "",
    "street": "Grote Markt",
    "house_number": "20",
    "house_number_addition": "",
    "postcode": "8011 LW",
    "city": "Zwolle",
}
