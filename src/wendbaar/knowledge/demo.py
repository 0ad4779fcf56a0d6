"""Demo content for the kennisbank, written for this project: a book, an essay, a podcast series on the
Wnra with six episodes, and two news items. The files are made here (a small PDF, a PNG cover and a few
seconds of silent MP3 per episode); nothing is downloaded. Running it again updates in place.
"""

from __future__ import annotations

import struct
import zlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from wendbaar.knowledge.models import Episode, Essay, EssayGenre, News, PodcastSeries, Publication
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter import read_starter_set

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEMO_AUDIO_SECONDS = 3


# ---------------------------------------------------------------------------------------------------
# Files, made by hand


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], title: str = "") -> bytes:
    """A small valid PDF: one page per list of lines, in Helvetica (WinAnsi, so é and ë work)."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    info_id = font_id + 1
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for i, lines in enumerate(pages):
        content = ["BT", "/F1 20 Tf", "72 770 Td", "24 TL"]
        for n, line in enumerate(lines):
            if n == 1:
                content.append("/F1 11 Tf 16 TL")
            content.append(f"({_pdf_text(line)}) Tj T*")
        content.append("ET")
        stream = "\n".join(content).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(f"<< /Title ({_pdf_text(title)}) /Producer (wendbaar demo) >>".encode("cp1252"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_png(width: int, height: int, colour: tuple[int, int, int], band: tuple[int, int, int]) -> bytes:
    """A plain PNG cover: one colour with a band across the middle."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = bytearray()
    for y in range(height):
        rgb = band if height * 0.55 <= y < height * 0.7 else colour
        rows += b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def silent_mp3(seconds: int) -> bytes:
    """Silence as MPEG-1 Layer III frames: 32 kbit/s, 44.1 kHz, mono. Each frame is 1152 samples and
    104 bytes: a header, then zero side information (no audio data, so decoders play silence)."""
    header = bytes([0xFF, 0xFB, 0x10, 0xC0])
    frame = header + bytes(104 - len(header))
    frames = round(seconds * 44100 / 1152) + 1  # a frame over, so players that estimate show the full seconds
    return frame * frames


# ---------------------------------------------------------------------------------------------------
# Tags by starter-set key


def _concepts(model, keys: list[str], starter_items: dict, stdout) -> list:
    found = []
    for key in keys:
        item = starter_items.get(key)
        concept = None
        if item is not None and item.uri:
            concept = model.objects.filter(uri=item.uri).first()
        concept = concept or model.objects.filter(code=key).first()
        if concept is None:
            stdout.write(f"  kennisbank: '{key}' niet gevonden (is de startset geladen?), label overgeslagen")
        else:
            found.append(concept)
    return found


def _tag(item, skills: list[str], occupations: list[str], starter, stdout) -> None:
    item.skills.set(_concepts(Skill, skills, starter.skills, stdout))
    item.occupations.set(_concepts(Occupation, occupations, starter.occupations, stdout))


def _attach(instance, field: str, name: str, data: bytes) -> None:
    """Store a demo file once; later runs keep the stored file."""
    current = getattr(instance, field)
    if current and current.storage.exists(current.name):
        return
    current.save(name, ContentFile(data), save=False)


def _when(year, month, day, hour=9) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=AMSTERDAM)


# ---------------------------------------------------------------------------------------------------
# Texts


def _prose(text: str) -> str:
    """Paragraphs wrapped in the source → one line each, a blank line between them."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n"))


BOOK_TITLE = "Digitaal dichtbij: de gemeente als dienstverlener in een digitale tijd"
BOOK_SUMMARY = (
    "Paspoort, verhuizing, parkeervergunning: steeds meer regelen inwoners online. Wat betekent dat voor de "
    "mensen aan de balie en aan de telefoon? Dit boek volgt vijf gemeenten in hun digitalisering en "
    "laat zien "
    "hoe medewerkers van publieksdiensten hun vak meenemen naar nieuw werk."
)
BOOK_BODY = _prose(
    """
De digitalisering van de gemeentelijke dienstverlening gaat snel. Aanvragen die vroeger aan de balie
begonnen, starten nu op een telefoon. De balie verdwijnt niet, maar het werk verandert: minder
routine, meer uitleg, meer inwoners die vastlopen en hulp nodig hebben.

In dit boek vertellen baliemedewerkers, klantcontactmedewerkers en teamleiders uit vijf gemeenten
hoe zij die verandering beleven. Wat gaat er verloren? Wat komt ervoor terug? En welke vaardigheden
blijken ineens veel waard: geduld, precisie, kennis van regels en het vermogen om een ingewikkeld
verhaal eenvoudig te maken.

Het boek eindigt met praktische hoofdstukken. Hoe breng je je eigen vaardigheden in kaart? Welke
nieuwe rollen ontstaan er, zoals het informatiepunt digitale overheid, de procesbegeleider of de
datamedewerker? En hoe maak je de stap, binnen of buiten de gemeente?

Hoofdstukken: 1. Van loket naar link. 2. Wat digitalisering wel en niet verandert. 3. Vijf
gemeenten, vijf routes. 4. Je vak is meer waard dan je denkt. 5. Nieuwe rollen in en rond de
gemeente. 6. Zelf aan de slag.
"""
)

BOOK_PAGES = [
    [
        "Digitaal dichtbij",
        "De gemeente als dienstverlener in een digitale tijd",
        "",
        "Marieke van Dalen en Youssef Bouzid",
        "",
        "Een uitgave van het sectorfonds, 2025",
    ],
    [
        "Van loket naar link",
        "Steeds meer inwoners regelen hun zaken met de gemeente online.",
        "Dat verandert het werk aan de balie en aan de telefoon: minder routine, meer uitleg.",
        "In dit hoofdstuk volgen we een dag bij de publieksbalie van een middelgrote gemeente.",
    ],
    [
        "Je vak is meer waard dan je denkt",
        "Precisie, geduld en kennis van regels zijn gevraagd,",
        "ook buiten de gemeente: in de zorg, het onderwijs, bij ketenpartners en in de ICT.",
        "Dit hoofdstuk helpt je je eigen vaardigheden te benoemen.",
    ],
]

ESSAY_TITLE = "Aan de keukentafel: ambtenaren die met inwoners werken"
ESSAY_SUMMARY = (
    "Steeds meer gemeenteambtenaren werken niet achter het loket maar naast inwoners: in de wijk, aan de "
    "keukentafel, in een buurthuis. Een essay over wat dat vraagt van mensen die gewend zijn aan regels en "
    "procedures."
)
ESSAY_BODY = _prose(
    """
Wie twintig jaar aan de balie heeft gestaan, weet precies hoe een aanvraag moet. Het formulier, de
stukken, de termijnen. Dat is vakmanschap. Maar aan de keukentafel werkt het anders. Daar begint het
gesprek niet bij de regel, maar bij het verhaal van de inwoner.

Gemeenten vragen hun medewerkers steeds vaker om samen met inwoners te zoeken naar wat nodig is. Bij
een keukentafelgesprek over ondersteuning, bij participatie over een nieuw plein, bij schulden die
te lang zijn blijven liggen. Dat vraagt luisteren zonder meteen te oordelen, en uitleggen zonder je
achter de regels te verschuilen.

Het goede nieuws: veel van wat daarvoor nodig is, hebben ervaren medewerkers van publieksdiensten
al. Ze kunnen omgaan met boze en verdrietige mensen. Ze kennen de regels zo goed dat ze weten waar
de ruimte zit. Ze zijn precies, en ze houden het overzicht.

Wat vaak nog ontbreekt, is vertrouwen: van de organisatie in de medewerker, en van de medewerker in
zichzelf. Ruimte om af te wijken als dat beter is voor de inwoner. Een leidinggevende die zegt: leg
het me uit, dan kijken we samen.

Dit essay pleit voor een gemeente die haar medewerkers die ruimte geeft, en voor medewerkers die hun
ervaring aan de balie zien als een sterk begin van werk in de wijk.
"""
)

SERIES_TITLE = "Gewoon werknemer: de Wnra in zes afleveringen"
SERIES_SUMMARY = (
    "Sinds 1 januari 2020 werken de meeste ambtenaren met een arbeidsovereenkomst, net als werknemers in het "
    "bedrijfsleven. Wat is er veranderd door de Wet normalisering rechtspositie ambtenaren (Wnra), en wat "
    "bleef hetzelfde? Een podcastserie in zes afleveringen."
)
SERIES_BODY = (
    "Presentator Noor Willems praat met medewerkers, leidinggevenden en HR-adviseurs van gemeenten over de "
    "Wnra en wat die betekent voor je loopbaan.\n\n"
    "Let op: dit is demo-inhoud. Het geluid van elke aflevering is een korte stilte."
)

EPISODES = [
    (
        "Wat is de Wnra?",
        "Waarom ambtenaren sinds 2020 een arbeidsovereenkomst hebben, en wat de wet wilde bereiken.",
        "Ingrid Mulder, HR-adviseur bij een gemeente",
        "In deze eerste aflevering: de aanstelling maakte plaats voor de arbeidsovereenkomst. "
        "Ingrid legt uit "
        "waarom de wet er kwam en wat de bedoeling was: ambtenaren dezelfde rechten en plichten als andere "
        "werknemers, waar dat kan.",
        ["arbeidsrecht", "personeelsadministratie"],
    ),
    (
        "Van aanstelling naar arbeidsovereenkomst",
        "Wat er veranderde in je contract, en wat je daar in de praktijk van merkt.",
        "Kees Janssen, teamleider burgerzaken",
        "Kees vertelt hoe zijn team de overgang beleefde: nieuwe contracten, andere woorden, maar vaak "
        "hetzelfde werk. Wat staat er nu in je arbeidsovereenkomst, en waar kijk je naar?",
        ["arbeidsrecht"],
    ),
    (
        "De cao gemeenten",
        "Van rechtspositieregeling naar cao: wie maakt de afspraken en wat staat erin?",
        "Fatima Azzouzi, onderhandelaar namens werknemers",
        "Arbeidsvoorwaarden voor gemeenteambtenaren staan nu in een cao, afgesproken tussen werkgevers en "
        "vakbonden. Fatima legt uit hoe dat werkt en wat het voor jou betekent.",
        ["arbeidsrecht", "wetten-interpreteren"],
    ),
    (
        "Ontslag en geschillen",
        "Bezwaar en beroep maakten plaats voor het UWV en de kantonrechter.",
        "mr. Pieter de Boer, arbeidsrechtadvocaat",
        "Bij een conflict met je werkgever ga je niet meer in bezwaar, maar gelden de regels van het "
        "arbeidsrecht. Pieter legt uit wat dat betekent bij ontslag en bij een verschil van mening.",
        ["arbeidsrecht"],
    ),
    (
        "Nog steeds ambtenaar",
        "Integriteit, de eed of belofte en nevenwerkzaamheden: wat bleef er bijzonder?",
        "Sanne Vermeulen, integriteitscoördinator",
        "Je bent nog steeds ambtenaar, met bijzondere plichten. Sanne vertelt over integriteit, de eed of "
        "belofte, en waarom je nevenwerkzaamheden meldt.",
        ["integriteit-ambtenaar"],
    ),
    (
        "Wat betekent het voor je loopbaan?",
        "Makkelijker overstappen naar een andere sector: kansen en aandachtspunten.",
        "Rob Hendriks, loopbaanadviseur",
        "Nu je arbeidsvoorwaarden meer lijken op die in andere sectoren, is de stap naar de zorg, het "
        "onderwijs of een ketenpartner kleiner. Rob bespreekt kansen en waar je op let.",
        ["omgaan-met-veranderingen", "arbeidsmarkt-kennis"],
    ),
]

NEWS = [
    (
        "kennisbank-geopend",
        "De kennisbank is open: lezen, luisteren en bestellen",
        "Alle publicaties, essays en podcasts van het programma staan nu op één plek, te vinden bij de "
        "vaardigheden en beroepen waar ze over gaan.",
        "In de kennisbank vind je het boek over digitale dienstverlening bij gemeenten, essays over "
        "werken met "
        "inwoners en de podcastserie over de Wnra.\n\n"
        "Werk je bij een gemeente? Dan bestel je een gedrukt exemplaar van het boek gratis.",
        _when(2025, 10, 1),
        ["digitale-overheid"],
    ),
    (
        "podcast-wnra-compleet",
        "Podcastserie over de Wnra is compleet",
        "Alle zes afleveringen van ‘Gewoon werknemer’ zijn te beluisteren, op de site en in je podcastapp.",
        "In zes afleveringen bespreekt Noor Willems wat de normalisering van de rechtspositie betekent voor "
        "medewerkers van gemeenten, van je contract tot je loopbaan.",
        _when(2025, 11, 12),
        ["arbeidsrecht"],
    ),
]


def load(stdout) -> None:
    starter = read_starter_set()
    book, _ = Publication.objects.update_or_create(
        slug="digitaal-dichtbij",
        defaults={
            "title": BOOK_TITLE,
            "summary": BOOK_SUMMARY,
            "body": BOOK_BODY,
            "authors": "Marieke van Dalen en Youssef Bouzid",
            "year": 2025,
            "pages": len(BOOK_PAGES),
            "cover_alt": "Omslag: de titel Digitaal dichtbij op een blauwe achtergrond met een gele band.",
            "is_published": True,
            "published_at": _when(2025, 9, 15),
        },
    )
    _attach(book, "pdf", "digitaal-dichtbij.pdf", make_pdf(BOOK_PAGES, title="Digitaal dichtbij"))
    _attach(book, "cover", "digitaal-dichtbij.png", make_png(200, 280, (21, 66, 115), (255, 204, 0)))
    book.save()
    _tag(
        book,
        [
            "digitale-overheid",
            "documenten-digitaliseren",
            "omgaan-met-veranderingen",
            "klantgericht-werken",
            "kcc-kanalen",
            "digitale-vaardigheden",
        ],
        [
            "baliemedewerker-burgerzaken",
            "klantcontactmedewerker-kcc",
            "medewerker-informatiepunt-digitale-overheid",
            "medewerker-publiekszaken",
        ],
        starter,
        stdout,
    )

    essay, _ = Essay.objects.update_or_create(
        slug="aan-de-keukentafel",
        defaults={
            "title": ESSAY_TITLE,
            "summary": ESSAY_SUMMARY,
            "body": ESSAY_BODY,
            "genre": EssayGenre.ESSAY,
            "authors": "Ilse Hoekstra",
            "year": 2025,
            "is_published": True,
            "published_at": _when(2025, 10, 20),
        },
    )
    _tag(
        essay,
        [
            "keukentafelgesprek",
            "participatie-organiseren",
            "regels-begrijpelijk-uitleggen",
            "gesprekstechnieken",
            "kwetsbare-inwoners-beschermen",
        ],
        ["wmo-consulent", "frontofficemedewerker"],
        starter,
        stdout,
    )

    series, _ = PodcastSeries.objects.update_or_create(
        slug="gewoon-werknemer",
        defaults={
            "title": SERIES_TITLE,
            "summary": SERIES_SUMMARY,
            "body": SERIES_BODY,
            "host": "Noor Willems",
            "owner_name": "Programmateam wendbaar",
            "owner_email": "kennisbank@wendbaar.localhost",
            "cover_alt": "Omslag: de woorden Gewoon werknemer op een groene achtergrond.",
            "is_published": True,
            "published_at": _when(2025, 9, 1),
        },
    )
    _attach(series, "cover", "gewoon-werknemer.png", make_png(300, 300, (0, 102, 68), (255, 255, 255)))
    series.save()
    _tag(series, ["arbeidsrecht", "integriteit-ambtenaar", "omgaan-met-veranderingen"], [], starter, stdout)

    audio = silent_mp3(DEMO_AUDIO_SECONDS)
    for number, (title, summary, guests, notes, skills) in enumerate(EPISODES, start=1):
        episode = Episode.objects.filter(series=series, number=number).first() or Episode(
            series=series, number=number
        )
        episode.slug = f"gewoon-werknemer-{number}"
        episode.title = title
        episode.summary = summary
        episode.guests = guests
        episode.body = notes + "\n\nMeer weten? Lees de cao van je gemeente of vraag het je HR-adviseur."
        episode.transcript = (
            f"Noor Willems: Welkom bij Gewoon werknemer, aflevering {number}: {title.lower().rstrip('?')}. "
            f"Vandaag praat ik met {guests}.\n\n"
            "(Demo: deze uitgeschreven tekst en het geluid zijn een voorbeeld.)"
        )
        episode.duration = timedelta(seconds=DEMO_AUDIO_SECONDS)
        episode.is_published = True
        episode.published_at = _when(2025, 9, 1) + timedelta(weeks=number - 1)
        _attach(episode, "audio", f"gewoon-werknemer-{number}.mp3", audio)
        episode.save()
        _tag(episode, skills, [], starter, stdout)

    for slug, title, summary, body, when, skills in NEWS:
        news, _ = News.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "summary": summary,
                "body": body,
                "is_published": True,
                "published_at": when,
            },
        )
        _tag(news, skills, [], starter, stdout)

    stdout.write("Kennisbank: 1 boek, 1 essay, 1 podcastserie met 6 afleveringen en 2 nieuwsberichten.")
